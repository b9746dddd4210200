# SPDX-License-Identifier: GPL-2.0
#
# vnlink: top-level build.
#
#   make            build vem.ko (against the packaged kernel headers) and vsmctl
#   make check      install what is missing, build, run unit tests, then the
#                   selftest suite inside a QEMU VM booting the packaged kernel
#   make demo       the demo topology in the VM
#   make bench      the benchmark in one VM: vnlink against veth, tc mirred,
#                   the Linux bridge and Open vSwitch (results/latest.*);
#                   BENCH_ARGS="--configs veth,vem-access --series none" etc.
#   make install    vsmctl, vsmd, their man pages and vsmd.service
#                   (PREFIX=/usr/local, DESTDIR; SYSTEMDUNITDIR)
#   make dkms-install     vem.ko under DKMS, built for every installed kernel
#   make dkms-uninstall   and removed again
#   KVER=6.1.0-56-amd64   build the module for that packaged kernel
#   KDIR=/path      build the module against another kernel tree

# The newest packaged kernel that the VM harness can boot (not -cloud, not -rt).
KVER ?= $(shell tools/kernels.sh list 2>/dev/null | tail -n1)
KDIR ?= /lib/modules/$(KVER)/build
PWD := $(CURDIR)
VERSION := $(shell sed -n 's/^\#define VEM_VERSION "\(.*\)"/\1/p' kmod/version.h)
PREFIX ?= /usr/local
SYSTEMDUNITDIR ?= /etc/systemd/system
DKMS_SRC := $(DESTDIR)/usr/src/vem-$(VERSION)

.PHONY: all module vsmctl unit check demo bench deps clean install dkms-src dkms-install dkms-uninstall

all: module vsmctl

module:
	$(MAKE) -C $(KDIR) M=$(PWD) modules

vsmctl:
	$(MAKE) -C vsmctl

unit:
	$(MAKE) -C tests/unit run

deps:
	tools/deps.sh
	tools/kernels.sh install

install: vsmctl
	install -D -m 0755 vsmctl/vsmctl $(DESTDIR)$(PREFIX)/sbin/vsmctl
	install -D -m 0644 vsmctl/vsmctl.8 $(DESTDIR)$(PREFIX)/share/man/man8/vsmctl.8
	install -D -m 0755 vsmctl/vsmd $(DESTDIR)$(PREFIX)/sbin/vsmd
	install -D -m 0644 vsmctl/vsmd.8 $(DESTDIR)$(PREFIX)/share/man/man8/vsmd.8
	install -D -m 0755 tools/libvirt-hook $(DESTDIR)$(PREFIX)/libexec/vnlink/libvirt-hook
	install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	sed 's|@SBINDIR@|$(PREFIX)/sbin|' tools/vsmd.service \
		> $(DESTDIR)$(SYSTEMDUNITDIR)/vsmd.service

# The module's sources as DKMS wants them: dkms.conf at the top.
dkms-src:
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)/kmod $(DKMS_SRC)/include/uapi/linux
	install -m 0644 Kbuild $(DKMS_SRC)/
	install -m 0644 kmod/Kbuild kmod/*.c kmod/*.h $(DKMS_SRC)/kmod/
	install -m 0644 include/uapi/linux/vem.h $(DKMS_SRC)/include/uapi/linux/
	sed 's/@VERSION@/$(VERSION)/' kmod/dkms.conf > $(DKMS_SRC)/dkms.conf

# Built and installed for every kernel that has its headers installed.
dkms-install: dkms-src
	dkms add vem/$(VERSION)
	for k in $$(ls /lib/modules); do \
		[ -e /lib/modules/$$k/build/Makefile ] || continue; \
		dkms install vem/$(VERSION) -k $$k || exit 1; \
	done

dkms-uninstall:
	-dkms remove vem/$(VERSION) --all
	rm -rf $(DKMS_SRC)

check: deps
	$(MAKE) all
	tools/check.sh

demo: deps
	$(MAKE) all
	tools/vm-run --timeout 300 -- tools/demo.sh

# Never fails on a figure: tools/bench/bench exits 0 and says what went wrong.
bench:
	tools/deps.sh --bench
	$(MAKE) all
	tools/bench/bench --no-deps $(BENCH_ARGS)

clean:
	-$(MAKE) -C $(KDIR) M=$(PWD) clean
	$(MAKE) -C vsmctl clean
	$(MAKE) -C tests/unit clean
