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

echo "# selftests in the VM"
tools/vm-run --timeout "${VM_TIMEOUT:-1200}" -- tests/run-selftests.sh "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
tally "$log" "VM selftests"
if [ "$rc" -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9][0-9]* failed' "$log"; then
	# The VM itself failed (kernel warning, timeout): that is a failure
	# even if every case passed.
	echo "not ok - VM run failed with status $rc"
	total_f=$((total_f + 1))
fi

echo "# suite wall time: $(( $(date +%s) - start )) s"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
