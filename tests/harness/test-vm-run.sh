#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/harness/test-vm-run.sh: host-side test of the VM harness, tools/vm-run.
#
# Boots the VM seven times, one at a time (about 40 s under TCG on two
# cores), and checks that vm-run:
#   - returns the command's exit status, its stdout and stderr, its working
#     directory (also one under /tmp) and the VM_ENV_* variables;
#   - does not fail a run because userspace printed "WARNING:" or wrote it
#     to /dev/kmsg;
#   - fails a run (126) on a genuine kernel WARNING (from a throwaway module
#     built here) and on a kernel crash (sysrq c), and shows the kernel lines;
#   - reports a timeout (124) and a VM that stopped without a status (125).
#
# Output: KTAP, then "N passed, N failed".  Exit status 0 when all passed.
# Scratch files go to build/harness/ (kept for a look after a failure).

set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd -P)
cd "$repo"
vm_run=$repo/tools/vm-run
work=$repo/build/harness
rm -rf "$work"
mkdir -p "$work"

passed=0
failed=0
n=0
test_start=$SECONDS

ok() {
	n=$((n + 1))
	if [[ $1 == 0 ]]; then
		passed=$((passed + 1))
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
	fi
}

# check DESCRIPTION COMMAND...: one test point from a command's success.
check() {
	local desc=$1
	shift
	if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

# vm NAME [VM-RUN ARGS...]: run tools/vm-run; its stdout goes to
# $work/NAME.out, stderr to $work/NAME.err, status to $rc, seconds to $secs.
vm() {
	local name=$1 t0=$SECONDS
	shift
	out=$work/$name.out
	err=$work/$name.err
	rc=0
	"$vm_run" --out "$work/$name.vm" "$@" </dev/null >"$out" 2>"$err" || rc=$?
	secs=$((SECONDS - t0))
	echo "# $name: status $rc in $secs s; $(grep -m1 'guest ready' "$err" || echo 'no boot time')"
}

# show: the last run's stdout and stderr as KTAP comments (after a failure).
show() { sed 's/^/#   out: /' "$out"; sed 's/^/#   err: /' "$err"; }

has_line() { grep -qxF -- "$1" "$out"; }
err_has() { grep -qF -- "$1" "$err"; }

echo "KTAP version 1"
echo "1..17"

# 1: the simplest run.
vm true -- true
check "'-- true' exits 0" test "$rc" = 0
[[ $rc == 0 ]] || show

# 2-6: status, output, working directory, environment, in one boot.
VM_ENV_VMRUN_TEST='a b$c' vm basics -- sh -c \
	'echo out-marker; echo err-marker >&2; echo "cwd=$(pwd)"; echo "env=$VMRUN_TEST"; exit 3'
check "'sh -c \"exit 3\"' exits 3" test "$rc" = 3
check "the command's stdout arrives, without CRs" has_line out-marker
check "the command's stderr arrives on stdout" has_line err-marker
check "the guest runs in the caller's cwd" has_line "cwd=$repo"
check "VM_ENV_VMRUN_TEST is passed as VMRUN_TEST" has_line 'env=a b$c'
[[ $rc == 3 ]] || show

# 7-8: userspace "WARNING:" (stdout and /dev/kmsg, even claiming the kernel's
# facility) is not a kernel problem; a cwd under /tmp is still visible.
tmpcwd=$(mktemp -d /tmp/vm-run-test.XXXXXX)
echo tmp-marker >"$tmpcwd/file"
cd "$tmpcwd"
vm userwarn -- sh -c \
	'echo "WARNING: x"; echo "<4>WARNING: fake" >/dev/kmsg; echo "<0>BUG: fake" >/dev/kmsg; cat file'
cd "$repo"
rm -rf "$tmpcwd"
check "userspace 'WARNING:' on stdout and /dev/kmsg does not fail the run" test "$rc" = 0
check "a working directory under /tmp is visible in the guest" has_line tmp-marker
[[ $rc == 0 ]] || show

# 9-11: a genuine kernel WARNING, from a module whose init calls WARN().
kver=$("$vm_run" --print-kernel)
mod=$work/warn-module
mkdir -p "$mod"
echo 'obj-m := vmrun_warn.o' >"$mod/Kbuild"
cat >"$mod/vmrun_warn.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/* Throwaway module for tests/harness/test-vm-run.sh: one kernel WARNING. */
#include <linux/module.h>
#include <linux/bug.h>

static int __init vmrun_warn_init(void)
{
	WARN(1, "vmrun_warn: deliberate warning from the harness test\n");
	return 0;
}

static void __exit vmrun_warn_exit(void)
{
}

module_init(vmrun_warn_init);
module_exit(vmrun_warn_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vm-run harness test: trigger a kernel WARNING");
EOF
if make -C "/lib/modules/$kver/build" M="$mod" modules >"$work/warn-module.log" 2>&1; then
	vm kwarn -- sh -c "insmod $mod/vmrun_warn.ko && echo module-loaded"
	check "a kernel WARNING fails the run with status 126" test "$rc" = 126
	check "the command itself had succeeded" has_line module-loaded
	check "the WARNING line is shown on stderr" err_has 'WARNING: CPU:'
	[[ $rc == 126 ]] || show
else
	sed 's/^/#   make: /' "$work/warn-module.log"
	for d in "a kernel WARNING fails the run" "the command ran" "the WARNING line is shown"; do
		ok 1 "$d (the test module did not build)"
	done
fi

# 12-13: a kernel crash (oops=panic; sysrq c panics at once).
vm crash --timeout 300 -- sh -c 'echo c >/proc/sysrq-trigger; sleep 600'
check "a kernel crash fails the run with status 126" test "$rc" = 126
check "... promptly, and the panic is shown on stderr" \
	eval '((secs < 120)) && err_has "Kernel panic"'
[[ $rc == 126 ]] || show

# 14-15: a command that outlives --timeout.
vm timeout --timeout 10 -- sleep 600
check "a timeout is reported with status 124" test "$rc" = 124
check "... after about the timeout, with a message" \
	eval '((secs >= 10 && secs < 30)) && err_has "timeout"'
[[ $rc == 124 ]] || show

# 16-17: a guest that powers off without writing its status.
vm poweroff -- sh -c 'echo o >/proc/sysrq-trigger; sleep 600'
check "a VM that stops without a status gives 125" test "$rc" = 125
check "... with a message" err_has "without reporting a status"
[[ $rc == 125 ]] || show

echo "# wall time: $((SECONDS - test_start)) s"
echo "$passed passed, $failed failed"
((failed == 0))
