#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DKMS, the way an operator installs an out-of-tree module: on the host,
# `make dkms-install` builds and installs vem.ko for every installed kernel;
# each kernel then boots in the VM and loads it with a plain `modprobe vem`
# (no path); `make dkms-uninstall` removes it all again.
# Needs root on the host. Prints KTAP lines and "N passed, N failed".

set -u
cd "$(dirname "$0")/../.."

pass=0 fail=0 n=0
ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n $*"; }
not_ok() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n $*"; }
check()
{
	local desc=$1; shift
	if "$@" >/tmp/dkms-check.$$ 2>&1; then
		ok "$desc"
	else
		not_ok "$desc"
		sed 's/^/#   /' /tmp/dkms-check.$$ | tail -n 20
	fi
	rm -f /tmp/dkms-check.$$
}

VERSION=$(sed -n 's/^#define VEM_VERSION "\(.*\)"/\1/p' kmod/version.h)
mapfile -t KERNELS < <(tools/kernels.sh list)
echo "KTAP version 1"
echo "# dkms: vem $VERSION for ${KERNELS[*]}"

uninstall() { make -s dkms-uninstall >/dev/null 2>&1; }
trap uninstall EXIT
uninstall	# a leftover from an interrupted run must not hide a failure

check "make dkms-install" make -s dkms-install
check "dkms knows vem/$VERSION" sh -c "dkms status vem/$VERSION | grep -q installed"
for k in "${KERNELS[@]}"; do
	# Compressed (vem.ko.xz) where the kernel's config says so.
	check "$k: vem.ko installed under updates/dkms" \
		compgen -G "/lib/modules/$k/updates/dkms/vem.ko*"
	check "$k: modules.dep names it" \
		grep -q 'updates/dkms/vem.ko' "/lib/modules/$k/modules.dep"
	check "$k: boots, modprobe vem loads $VERSION, modprobe -r unloads it" \
		tools/vm-run --kernel "$k" --timeout 120 -- sh -c "
			modprobe vem &&
			test \"\$(cat /sys/module/vem/version)\" = $VERSION &&
			test \"\$(uname -r)\" = $k &&
			modprobe -r vem &&
			test ! -d /sys/module/vem"
done
check "make dkms-uninstall" make -s dkms-uninstall
for k in "${KERNELS[@]}"; do
	check "$k: vem.ko removed" \
		eval '! compgen -G "/lib/modules/$k/updates/dkms/vem.ko*"'
done
check "no DKMS source tree left" test ! -e "/usr/src/vem-$VERSION"

echo "1..$n"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
