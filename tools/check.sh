#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The whole test suite (what `make check` runs after building): userspace
# unit tests on the host, then the selftests inside a VM booting the
# packaged kernel. Ends with one line: N passed, N failed.

set -u
cd "$(dirname "$0")/.."

total_p=0
total_f=0
start=$(date +%s)

# tally FILE: add the last "N passed, N failed" line of FILE to the totals.
tally()
{
	local line p f
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n1)
	if [ -z "$line" ]; then
		echo "not ok - $2 reported no result"
		total_f=$((total_f + 1))
		return
	fi
	p=${line%% passed*}
	f=${line#*passed, }; f=${f%% failed*}
	total_p=$((total_p + p))
	total_f=$((total_f + f))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "# unit tests"
make -s unit 2>&1 | tee "$log"
tally "$log" "unit tests"

echo "# the VM harness itself"
tests/harness/test-vm-run.sh 2>&1 | tee "$log"
tally "$log" "harness tests"

# The whole selftest suite on every supported kernel (tools/kernels.sh):
# Debian 12's 6.1 and 6.12 from bookworm-backports. KERNELS narrows it.
# Scripts about vsmd's own behaviour (bad input, persistence, binding,
# profiles through vsmd, ACLs through vsmd) run on the last kernel only,
# to keep the suite under 15 minutes: the kernel calls they make are the
# ones the raw-netlink scripts (badinput, profiles, acl_netlink, fdb...)
# test on every kernel. The policy scripts (psec, qos, storm) drive vsmd
# too but are the only tests of their datapath: they run everywhere.
USERSPACE_SCRIPTS="acl.sh binding.sh vsmd.sh vsmd_badinput.sh vsmd_persist.sh vsmd_profiles.sh"
kernels=(${KERNELS:-$(tools/kernels.sh list)})
for k in "${kernels[@]}"; do
	skip=
	[ "$k" != "${kernels[-1]}" ] && skip=$USERSPACE_SCRIPTS
	echo "# selftests in the VM, kernel $k"
	if ! make -s module KVER="$k" >"$log" 2>&1; then
		cat "$log"
		echo "not ok - vem.ko does not build for $k"
		total_f=$((total_f + 1))
		continue
	fi
	if grep -q 'warning:' "$log"; then
		grep 'warning:' "$log"
		echo "not ok - vem.ko builds with warnings for $k"
		total_f=$((total_f + 1))
	fi
	VM_ENV_SELFTESTS_SKIP="$skip" \
	tools/vm-run --kernel "$k" --timeout "${VM_TIMEOUT:-1200}" -- \
		tests/run-selftests.sh "$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	tally "$log" "VM selftests on $k"
	if [ "$rc" -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9][0-9]* failed' "$log"; then
		# The VM itself failed (kernel warning, timeout): that is a
		# failure even if every case passed.
		echo "not ok - VM run on $k failed with status $rc"
		total_f=$((total_f + 1))
	fi
done
# Leave kmod/vem.ko built for the default kernel, as `make` does.
make -s module >/dev/null 2>&1

echo "# DKMS install, modprobe in the VM, uninstall"
tests/dkms/test-dkms.sh 2>&1 | tee "$log"
tally "$log" "DKMS test"

echo "# suite wall time: $(( $(date +%s) - start )) s"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
