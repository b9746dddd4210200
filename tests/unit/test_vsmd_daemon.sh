#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test_vsmd_daemon.sh - vsmd whole, as a process, over the fake kernel
# (vsmd_fake), driven by the real vsmctl through its socket: the socket's
# mode and group, configure, show, copy running-config startup-config, a
# corrupt startup-config refused at start, and a client that connects and
# stalls, which must not wedge the daemon. TAP lines numbered after
# $TAP_OFFSET.

n=${TAP_OFFSET:-0}
failed=0

# vsmd gives its socket to root and a group: root's job.
if [ "$(id -u)" -ne 0 ]; then
	echo "ok $((n + 1)) - vsmd as a daemon # SKIP not root"
	exit 0
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/test_vsmd_daemon.XXXXXX")
sock=$dir/vsmd.sock
cfg=$dir/etc/startup-config
pid=

cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

vsmctl() {
	VSMD_SOCKET=$sock ./vsmctl_t "$@"
}

start() {
	./vsmd_fake --foreground --socket "$sock" --config "$cfg" \
		--group root --client-timeout 1 2>>"$dir/log" &
	pid=$!
	i=0
	while [ ! -S "$sock" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

stop() {
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=
}

start
[ -S "$sock" ]; ok $? "vsmd listens on its socket"
[ "$(stat -c '%a %U %G' "$sock")" = "660 root root" ]
ok $? "the socket is root-owned, mode 0660, group as configured"

printf 'vlan 10\nport-profile type vethernet web\n  switchport access vlan 10\n  state enabled\ninterface vethernet 1\n  inherit port-profile web\n' |
	vsmctl configure >/dev/null 2>&1
ok $? "vsmctl configure from stdin"

out=$(printf 'interface vethernet 2\n  switchport mode bogus\n' | vsmctl configure 2>&1)
rc=$?
[ $rc -eq 1 ] && echo "$out" | grep -q "line 2"
ok $? "a bad batch: exit 1 and the line number"

vsmctl show running-config | grep -q "^port-profile type vethernet web$"
ok $? "vsmctl show running-config"

vsmctl show port-profile name web | grep -q "max-ports: 32 (1 used)"
ok $? "vsmctl show port-profile name web"

vsmctl -j show port-profile brief | grep -q '"ports_used":1'
ok $? "vsmctl -j show port-profile (JSON)"

vsmctl -p show port-profile name web | grep -q '^  "ports_used": 1,$'
ok $? "vsmctl -p: indented JSON"

vsmctl show port-profile name nope >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "show of a missing profile fails"

# A client that connects and says nothing: dropped after the timeout,
# and the next one is served.
./stall_client "$sock" 3 &
stall=$!
sleep 0.3
vsmctl show running-config >/dev/null 2>&1
ok $? "a stalled client does not wedge vsmd"
kill $stall 2>/dev/null
wait $stall 2>/dev/null

[ ! -e "$cfg" ]; ok $? "no startup-config before copy"
vsmctl copy running-config startup-config && grep -q "^interface vethernet 1$" "$cfg"
ok $? "copy running-config startup-config writes it"

stop
[ ! -e "$sock" ]; ok $? "vsmd removes its socket on SIGTERM"

start
vsmctl show running-config | grep -q "inherit port-profile web"
ok $? "restarted: the startup-config is loaded"
stop

echo "bogus line" >>"$cfg"
bad=$(wc -l <"$cfg")
cp "$cfg" "$dir/before"
./vsmd_fake --foreground --socket "$sock" --config "$cfg" --group root \
	>/dev/null 2>"$dir/err"
rc=$?
[ $rc -ne 0 ] && grep -q "line $bad: bogus line" "$dir/err" && grep -q "not starting" "$dir/err"
ok $? "a corrupt startup-config: vsmd refuses to start, naming the line"
cmp -s "$cfg" "$dir/before"; ok $? "and leaves the file as it was"

./vsmd_fake --foreground --socket "$sock" --config "$cfg" \
	--group no-such-group-here >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "an unknown --group is refused"

[ $failed -eq 0 ]
