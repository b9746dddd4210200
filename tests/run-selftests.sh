#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the test VM: loads vem.ko, runs every selftest script (or the
# ones named), prints their KTAP lines and one summary line:
#   N passed, N failed
# A script that dies without reporting its cases counts as one failure.

set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
export VEM_KO=${VEM_KO:-$repo/kmod/vem.ko}

passed=0
failed=0

if [ ! -d /sys/module/vem ] && ! insmod "$VEM_KO"; then
	echo "not ok - insmod $VEM_KO"
	echo "0 passed, 1 failed"
	exit 1
fi

if [ $# -gt 0 ]; then
	scripts=("$@")
else
	# teardown unloads the module: it goes last. $SELFTESTS_SKIP names
	# scripts to leave out (tools/check.sh: userspace-only ones on all
	# but one kernel).
	scripts=()
	for s in "$here"/selftests/*.sh; do
		case " lib.sh teardown.sh ${SELFTESTS_SKIP:-} " in
		*" $(basename "$s") "*) ;;
		*) scripts+=("$s") ;;
		esac
	done
	scripts+=("$here/selftests/teardown.sh")
fi

for s in "${scripts[@]}"; do
	start=$(date +%s)
	out=$(mktemp)
	bash "$s" 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $(basename "$s") exited $rc without a failing case"
		f=1
	fi
	echo "# $(basename "$s"): $p passed, $f failed in $(( $(date +%s) - start )) s"
	passed=$((passed + p))
	failed=$((failed + f))
	rm -f "$out"
	# Every script must leave the module loaded for the next one.
	[ -d /sys/module/vem ] || insmod "$VEM_KO"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
