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
trap 'kill $(jobs -p) 2>/dev/null; rm -f "$log"' EXIT

echo "# unit tests"
make -s unit 2>&1 | tee "$log"
tally "$log" "unit tests"

echo "# the VM harness itself"
tests/harness/test-vm-run.sh 2>&1 | tee "$log"
tally "$log" "harness tests"

# The whole selftest suite on every supported kernel (tools/kernels.sh):
# Debian 12's 6.1 and 6.12 from bookworm-backports. KERNELS narrows it.
# Scripts about vsmd's own behaviour (bad input, persistence, binding,
# profiles through vsmd, ACLs through vsmd) run on the last kernel only:
# the kernel calls they make are the ones the raw-netlink scripts
# (badinput, profiles, acl_netlink, fdb...) test on every kernel. The
# policy scripts (psec, qos, storm) drive vsmd too but are the only tests
# of their datapath: they run everywhere.
#
# The kernels' VMs run side by side, each with one vCPU on a CPU of its
# own (SELFTEST_JOBS at most, default the number of CPUs): a TCG guest
# with one vCPU keeps one host core busy, so on two cores both kernels
# take the time of one. (Guests with two vCPUs side by side ran each
# script 2.3x slower: their vCPU threads wait for each other.) SMP
# guests are still booted by the harness and DKMS tests. Each VM gets
# its own build of vem.ko (VEM_KO) and its own tmpfs overlay; its log is
# printed whole, in kernel order, once it is done.
USERSPACE_SCRIPTS="acl.sh binding.sh vsmd.sh vsmd_badinput.sh vsmd_persist.sh vsmd_profiles.sh"
kernels=(${KERNELS:-$(tools/kernels.sh list)})
jobs=${SELFTEST_JOBS:-$(nproc)}
mkdir -p build
declare -A vm_log
run_vm()
{
	local k=$1 skip=$2 ko=$3 out=$4
	VM_ENV_SELFTESTS_SKIP="$skip" VM_ENV_VEM_KO="$ko" \
	tools/vm-run --kernel "$k" --smp 1 --timeout "${VM_TIMEOUT:-1200}" -- \
		tests/run-selftests.sh "${@:5}" >"$out" 2>&1
	echo "$?" >"$out.rc"
}
running=0
for k in "${kernels[@]}"; do
	skip=
	[ "$k" != "${kernels[-1]}" ] && skip=$USERSPACE_SCRIPTS
	if ! make -s module KVER="$k" >"$log" 2>&1; then
		echo "# selftests in the VM, kernel $k"
		cat "$log"
		echo "not ok - vem.ko does not build for $k"
		total_f=$((total_f + 1))
		continue
	fi
	if grep -q 'warning:' "$log"; then
		echo "# selftests in the VM, kernel $k"
		grep 'warning:' "$log"
		echo "not ok - vem.ko builds with warnings for $k"
		total_f=$((total_f + 1))
	fi
	cp kmod/vem.ko "build/vem-$k.ko"
	vm_log[$k]=$(mktemp)
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	run_vm "$k" "$skip" "$PWD/build/vem-$k.ko" "${vm_log[$k]}" "$@" &
	running=$((running + 1))
done
wait
for k in "${kernels[@]}"; do
	[ -n "${vm_log[$k]:-}" ] || continue
	echo "# selftests in the VM, kernel $k"
	cat "${vm_log[$k]}"
	rc=$(cat "${vm_log[$k]}.rc" 2>/dev/null || echo 1)
	tally "${vm_log[$k]}" "VM selftests on $k"
	if [ "$rc" -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9][0-9]* failed' "${vm_log[$k]}"; then
		# The VM itself failed (kernel warning, timeout): that is a
		# failure even if every case passed.
		echo "not ok - VM run on $k failed with status $rc"
		total_f=$((total_f + 1))
	fi
	rm -f "${vm_log[$k]}" "${vm_log[$k]}.rc"
done
# Leave kmod/vem.ko built for the default kernel, as `make` does.
make -s module >/dev/null 2>&1

echo "# DKMS install, modprobe in the VM, uninstall"
tests/dkms/test-dkms.sh 2>&1 | tee "$log"
tally "$log" "DKMS test"

echo "# suite wall time: $(( $(date +%s) - start )) s"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
