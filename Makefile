# SPDX-License-Identifier: GPL-2.0
#
# vnlink: top-level build.
#
#   make            build vem.ko (against the packaged kernel headers) and vsmctl
#   make check      install what is missing, build, run unit tests, then the
#                   selftest suite inside a QEMU VM booting the packaged kernel
#   make demo       the demo topology in the VM
#   KDIR=/path      build the module against another kernel tree

KVER ?= $(shell ls -1 /lib/modules 2>/dev/null | grep -v '^$(shell uname -r)$$' | sort -V | tail -n1)
KDIR ?= /lib/modules/$(KVER)/build
PWD := $(CURDIR)

.PHONY: all module vsmctl unit check demo deps clean

all: module vsmctl

module:
	$(MAKE) -C $(KDIR) M=$(PWD) modules

vsmctl:
	$(MAKE) -C vsmctl

unit:
	$(MAKE) -C tests/unit run

deps:
	tools/deps.sh

check: deps
	$(MAKE) all
	tools/check.sh

demo: deps
	$(MAKE) all
	tools/vm-run --timeout 300 -- tools/demo.sh

clean:
	-$(MAKE) -C $(KDIR) M=$(PWD) clean
	$(MAKE) -C vsmctl clean
	$(MAKE) -C tests/unit clean
