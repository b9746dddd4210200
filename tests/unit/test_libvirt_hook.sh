#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test_libvirt_hook.sh - tools/libvirt-hook, run as libvirt runs it
# (DOMAIN OPERATION SUB-OPERATION EXTRA, the domain XML on stdin), over a
# fake vsmctl and a fake ip that record their argv (libvirt/fake-*), with
# the domain XML of libvirt/*.xml. Checks the exact commands run, their
# order, the exit status and the messages. TAP lines numbered after
# $TAP_OFFSET; run alone, it ends with "N passed, N failed".

cd "$(dirname "$0")" || exit 1
n=${TAP_OFFSET:-0}
first=$n
failed=0
hook=$PWD/../../tools/libvirt-hook
fx=$PWD/libvirt

if ! command -v python3 >/dev/null 2>&1 || [ ! -x /usr/bin/python3 ]; then
	echo "ok $((n + 1)) - libvirt hook # SKIP no /usr/bin/python3"
	exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/test_libvirt_hook.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/bin" "$dir/cwd"
ln -s "$fx/fake-vsmctl" "$dir/bin/vsmctl"
ln -s "$fx/fake-ip" "$dir/bin/ip"

# The fakes come first in PATH, as "vsmctl" and "ip": the hook's defaults.
# No host configuration, no syslog.
PATH=$dir/bin:$PATH
FAKE_LOG=$dir/log
VNLINK_DEFAULTS=$dir/none
VNLINK_SYSLOG=no
export PATH FAKE_LOG VNLINK_DEFAULTS VNLINK_SYSLOG
unset VNLINK_NETWORK VNLINK_BRIDGE VSMCTL VNLINK_IP VSMD_SOCKET \
	VNLINK_TIMEOUT FAKE_VSMCTL_FAIL FAKE_VSMCTL_DETACH FAKE_VSMCTL_SLEEP \
	FAKE_SOCKET_LOG FAKE_IP_BRIDGE FAKE_IP_FAIL

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

# hook FIXTURE DOMAIN OP SUBOP [EXTRA]: run the hook from an empty
# directory (where a shell-injected "id>PWNED" would land); $rc, and
# $dir/{log,out,err}.
hook() {
	case $1 in
	/*) f=$1 ;;
	*) f=$fx/$1 ;;
	esac
	shift
	: >"$dir/log"
	(cd "$dir/cwd" && "$hook" "$1" "$2" "$3" "${4:--}") \
		<"$f" >"$dir/out" 2>"$dir/err"
	rc=$?
}

# The commands run, exactly (one line per call, "[arg]" per argument).
calls() {
	printf '%s\n' "$@" >"$dir/want"
	[ $# -eq 0 ] && : >"$dir/want"
	if cmp -s "$dir/want" "$dir/log"; then
		return 0
	fi
	echo "# expected:"; sed 's/^/#   /' "$dir/want"
	echo "# got:"; sed 's/^/#   /' "$dir/log"
	return 1
}

# What stderr said, and that stdout stayed empty (libvirt reads stdout as
# the new XML for migrate and restore).
said() {
	if grep -qF -- "$1" "$dir/err"; then
		return 0
	fi
	echo "# stderr lacks: $1"; sed 's/^/#   /' "$dir/err"
	return 1
}
quiet_stdout() {
	[ ! -s "$dir/out" ] || { echo "# stdout:"; sed 's/^/#   /' "$dir/out"; return 1; }
}

UUID=5f1c2a8e-4b7d-4e0a-9c3f-2d6b8e1a7c40
ATTACH_WEB="vsmctl [attach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:01] [--dev] [vnet3] [--profile] [web]"
ATTACH_DB="vsmctl [attach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:03] [--dev] [vnet5] [--profile] [db]"
UNPARK3="ip [link] [set] [dev] [vnet3] [nomaster]"
UNPARK5="ip [link] [set] [dev] [vnet5] [nomaster]"
DETACH_WEB="vsmctl [detach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:01]"
DETACH_DB="vsmctl [detach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:03]"
SHOW_BR="ip [-j] [-d] [link] [show] [dev] [vnlink0]"
BR_DOWN="ip [link] [set] [dev] [vnlink0] [down]"

# --- usage ---------------------------------------------------------------

"$hook" --help >"$dir/out" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q "^usage: libvirt-hook DOMAIN OPERATION" "$dir/out" &&
	grep -q "VNLINK_NETWORK" "$dir/out"
ok $? "--help: usage and the configuration variables, exit 0"

"$hook" web1 start </dev/null >"$dir/out" 2>&1
[ $? -eq 2 ] && grep -q "^usage:" "$dir/out"
ok $? "too few arguments: usage, exit 2"

# --- start: attach --------------------------------------------------------

hook web1-live.xml web1 start begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB" &&
	quiet_stdout && [ ! -s "$dir/err" ]
ok $? "start: each vnlink tap un-parked, then attached with its uuid, MAC, tap and profile"

grep -q "vnet4\|vnet6\|:02\]\|:04\]" "$dir/log"
[ $? -eq 1 ]
ok $? "start: the interfaces on network 'default' and bridge br0 are left alone"

hook web1-live.xml web1 start begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "start again: the same calls (vsmctl gives the same vEth)"

# --- stopped: detach ------------------------------------------------------

hook web1-live.xml web1 stopped end
[ $rc -eq 0 ] && calls "$DETACH_WEB" "$DETACH_DB" && quiet_stdout
ok $? "stopped end: one detach per vnlink interface, by uuid and MAC"

FAKE_VSMCTL_DETACH=fail hook web1-live.xml web1 stopped end
[ $rc -eq 0 ] && calls "$DETACH_WEB" "$DETACH_DB" &&
	said "vsmctl detach: vsmctl: nothing attached for that VM and MAC"
ok $? "stopped end, detach fails: still exit 0 (a stop cannot fail), vsmctl's message on stderr"

hook web1-prepare.xml web1 stopped end
[ $rc -eq 0 ] && calls "$DETACH_WEB" "$DETACH_DB"
ok $? "stopped end with no taps in the XML (failed start): detach needs only uuid and MAC"

# --- operations that do nothing -------------------------------------------

for op in "started begin" "release end" "stop end" "migrate begin" \
	"restore begin" "define begin" "frobnicate begin" "start end"; do
	# shellcheck disable=SC2086
	hook web1-live.xml web1 $op
	[ $rc -eq 0 ] && calls && quiet_stdout && [ ! -s "$dir/err" ]
	ok $? "$op: nothing run, nothing printed, exit 0"
done

hook malformed.xml web1 migrate begin
[ $rc -eq 0 ] && calls && quiet_stdout
ok $? "migrate begin: the XML is not even read as XML (no output keeps it)"

hook web1-live.xml web1 release end shutdown
[ $rc -eq 0 ] && calls
ok $? "release end (libvirt >= 10.5 passes the shutoff reason): nothing, stopped did it"

# --- reconnect: idempotent, never fatal -----------------------------------

hook web1-live.xml web1 reconnect begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "reconnect begin: every tap un-parked and attached again"

hook web1-live.xml web1 reconnect begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "reconnect begin twice: the same calls, exit 0"

FAKE_VSMCTL_FAIL=52:54:00:6b:3c:01 hook web1-live.xml web1 reconnect begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB" &&
	said "max-ports 4 reached"
ok $? "reconnect, one attach fails: the others still attached, a warning, exit 0 (libvirt would kill the VM)"

hook no-portgroup.xml app2 reconnect begin
[ $rc -eq 0 ] && calls "ip [link] [set] [dev] [vnet7] [nomaster]" \
	"vsmctl [attach] [--vm] [c3d9e0f1-2a4b-4c6d-8e0f-1a2b3c4d5e6f] [--mac] [52:54:00:a2:00:01] [--dev] [vnet7] [--profile] [web]" &&
	said "52:54:00:a2:00:02"
ok $? "reconnect, an interface without portgroup: warned about, the valid one attached, exit 0"

hook malformed.xml web1 reconnect begin
[ $rc -eq 0 ] && calls && said "cannot parse the domain XML"
ok $? "reconnect, malformed XML: a warning, exit 0"

hook web1-live.xml web1 attach begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "attach begin (external QEMU): as reconnect"

# --- refusals at start ----------------------------------------------------

hook no-portgroup.xml app2 start begin
[ $rc -eq 1 ] && calls &&
	said "domain 'app2': interface 52:54:00:a2:00:02 on network 'vnlink': no port profile: add portgroup='PROFILE'" &&
	said "domain 'app2': nothing attached"
ok $? "start, an interface without portgroup: exit 1 naming domain and MAC, nothing run (not even the valid one)"

hook bridge-parking.xml db3 start begin
[ $rc -eq 1 ] && calls &&
	said "domain 'db3': interface 52:54:00:d3:00:01 on bridge 'vnlink0': no port profile: use <interface type='network'> with <source network='vnlink' portgroup='PROFILE'/>"
ok $? "start, <interface type='bridge'> on the parking bridge: refused with the fix"

FAKE_VSMCTL_FAIL=52:54:00:6b:3c:03 hook web1-live.xml web1 start begin
[ $rc -eq 1 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB" "$DETACH_WEB" &&
	said "domain 'web1': interface 52:54:00:6b:3c:03 (vnet5, port-profile db): vsmctl attach failed: vsmctl: port-profile db: max-ports 4 reached, no vEth for 52:54:00:6b:3c:03"
ok $? "start, vsmctl refuses the 2nd attach: exit 1, its message passed on, the 1st detached again"

FAKE_IP_FAIL=vnet3 hook web1-live.xml web1 start begin
[ $rc -eq 1 ] && calls "$UNPARK3" &&
	said "domain 'web1': cannot take vnet3 out of the parking bridge: Cannot find device \"vnet3\""
ok $? "start, the un-park fails: exit 1 with ip's message, no attach"

hook malformed.xml web1 start begin
[ $rc -eq 1 ] && calls && said "domain 'web1': cannot parse the domain XML on stdin: unclosed token"
ok $? "start, malformed XML: exit 1 and the parser's message"

printf '<network><name>vnlink</name></network>\n' >"$dir/net.xml"
hook "$dir/net.xml" web1 start begin
[ $rc -eq 1 ] && calls && said "stdin is not a domain XML (root element <network>)"
ok $? "start, not a domain XML: exit 1"

hook web1-prepare.xml web1 start begin
[ $rc -eq 1 ] && calls && said "interface 52:54:00:6b:3c:01 on network 'vnlink': no <target dev>"
ok $? "start, no <target dev>: exit 1, nothing run"

grep -v "<uuid>" "$fx/web1-live.xml" >"$dir/no-uuid.xml"
hook "$dir/no-uuid.xml" web1 start begin
[ $rc -eq 1 ] && calls && said "domain 'web1': no valid <uuid> ('')"
ok $? "start, no <uuid>: exit 1, nothing run"

sed "s/52:54:00:6b:3c:03/52:54:00:6b:3c:01/" "$fx/web1-live.xml" >"$dir/dup-mac.xml"
hook "$dir/dup-mac.xml" web1 start begin
[ $rc -eq 1 ] && calls &&
	said "interface 52:54:00:6b:3c:01 on network 'vnlink': a second vnlink interface with this MAC"
ok $? "start, two vnlink interfaces with one MAC (one vEth identity): exit 1"

sed "s/52:54:00:6b:3c:01/52:54:00:6B:3C:01/" "$fx/web1-live.xml" >"$dir/upper.xml"
hook "$dir/upper.xml" web1 start begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "a MAC in capitals reaches vsmctl in lower case (one identity)"

# --- hostile values -------------------------------------------------------

hook hostile-reject.xml evil1 start begin
[ $rc -eq 1 ] && calls &&
	said "invalid or missing <mac address> ('52:54:00:e1:00:01;id>PWNED')" &&
	said "invalid port profile name 'web\$(id>PWNED)'" &&
	said "invalid <target dev> 'vnet13 -x'" &&
	[ ! -e "$dir/cwd/PWNED" ]
ok $? "a MAC, a profile, a device with shell syntax or blanks: each refused, by name, nothing run"

hook hostile-pass.xml evil2 start begin
[ $rc -eq 0 ] && calls "ip [link] [set] [dev] [v\$(id>PWNED)] [nomaster]" \
	"vsmctl [attach] [--vm] [f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b92] [--mac] [52:54:00:e2:00:01] [--dev] [v\$(id>PWNED)] [--profile] [web]" &&
	[ ! -e "$dir/cwd/PWNED" ]
ok $? "a device name the kernel accepts but a shell would run: one argv entry, unchanged, never run"

# --- prepare: the parking bridge ------------------------------------------

hook web1-prepare.xml web1 prepare begin
[ $rc -eq 0 ] && calls "$SHOW_BR" "$BR_DOWN"
ok $? "prepare, the parking bridge exists: set down"

FAKE_IP_BRIDGE=missing hook web1-prepare.xml web1 prepare begin
[ $rc -eq 0 ] && calls "$SHOW_BR" "ip [link] [add] [name] [vnlink0] [type] [bridge]" "$BR_DOWN"
ok $? "prepare, no parking bridge: created, then set down"

FAKE_IP_BRIDGE=dummy hook web1-prepare.xml web1 prepare begin
[ $rc -eq 1 ] && calls "$SHOW_BR" && said "vnlink0 exists and is not a bridge (dummy)"
ok $? "prepare, vnlink0 is not a bridge: exit 1, left alone"

hook hostile-pass.xml evil2 prepare begin
[ $rc -eq 0 ] && calls "$SHOW_BR" "$BR_DOWN"
ok $? "prepare needs no tap names"

# web1 with its vnlink interfaces on a network "lab" instead.
sed "s/network='vnlink'/network='lab'/" "$fx/web1-live.xml" >"$dir/lab-live.xml"
sed "s/network='vnlink'/network='lab'/" "$fx/web1-prepare.xml" >"$dir/lab-prepare.xml"

hook "$dir/lab-prepare.xml" web1 prepare begin
[ $rc -eq 0 ] && calls
ok $? "prepare, no vnlink interface: the bridge is not touched"

# --- configuration --------------------------------------------------------

cat >"$dir/defaults" <<EOF
# /etc/default/vnlink
VNLINK_NETWORK=lab
VNLINK_BRIDGE="virbr9"
export VSMCTL='$dir/bin/vsmctl'
VSMD_SOCKET=$dir/vsmd.sock
VNLINK_TIMEOUT=5
SOMETHING_ELSE=ignored
EOF
hook "$dir/lab-live.xml" web1 start begin
[ $rc -eq 0 ] && calls
ok $? "interfaces of another network (the default VNLINK_NETWORK is vnlink): nothing run"

VNLINK_DEFAULTS=$dir/defaults hook "$dir/lab-live.xml" web1 start begin
[ $rc -eq 0 ] && calls "$UNPARK3" "$ATTACH_WEB" "$UNPARK5" "$ATTACH_DB"
ok $? "VNLINK_NETWORK=lab from the defaults file: the 'lab' interfaces are attached"

VNLINK_DEFAULTS=$dir/defaults hook web1-live.xml web1 stopped end
[ $rc -eq 0 ] && calls
ok $? "VNLINK_NETWORK=lab: the 'vnlink' interfaces are left alone"

VNLINK_DEFAULTS=$dir/defaults VNLINK_NETWORK=vnlink FAKE_SOCKET_LOG=$dir/sock \
	hook web1-live.xml web1 stopped end
[ $rc -eq 0 ] && calls "$DETACH_WEB" "$DETACH_DB" &&
	[ "$(cat "$dir/sock")" = "$dir/vsmd.sock" ]
ok $? "the environment overrides the file; VSMD_SOCKET reaches vsmctl"

VNLINK_DEFAULTS=$dir/defaults hook "$dir/lab-prepare.xml" web1 prepare begin
[ $rc -eq 0 ] && calls "ip [-j] [-d] [link] [show] [dev] [virbr9]" \
	"ip [link] [set] [dev] [virbr9] [down]"
ok $? "VNLINK_BRIDGE names the parking bridge"

VNLINK_IP=$fx/fake-ip VSMCTL=$fx/fake-vsmctl hook web1-live.xml web1 start begin
[ $rc -eq 0 ] && calls "fake-ip [link] [set] [dev] [vnet3] [nomaster]" \
	"fake-vsmctl [attach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:01] [--dev] [vnet3] [--profile] [web]" \
	"fake-ip [link] [set] [dev] [vnet5] [nomaster]" \
	"fake-vsmctl [attach] [--vm] [$UUID] [--mac] [52:54:00:6b:3c:03] [--dev] [vnet5] [--profile] [db]"
ok $? "VSMCTL and VNLINK_IP: the commands run"

printf 'VNLINK_NETWORK vnlink\n' >"$dir/bad-defaults"
VNLINK_DEFAULTS=$dir/bad-defaults hook web1-live.xml web1 start begin
[ $rc -eq 1 ] && calls && said "bad-defaults:1: expected KEY=VALUE"
ok $? "a malformed defaults file: exit 1 naming file and line"

VNLINK_DEFAULTS=$dir/bad-defaults hook web1-live.xml web1 reconnect begin
[ $rc -eq 0 ] && said "expected KEY=VALUE"
ok $? "a malformed defaults file at reconnect: a warning, exit 0"

VSMCTL=$dir/nonexistent hook web1-live.xml web1 start begin
[ $rc -eq 1 ] && calls "$UNPARK3" && said "vsmctl attach failed: $dir/nonexistent: not found"
ok $? "vsmctl missing: exit 1, saying so"

VNLINK_TIMEOUT=0.3 FAKE_VSMCTL_SLEEP=5 hook web1-live.xml web1 start begin
[ $rc -eq 1 ] && calls "$UNPARK3" "$ATTACH_WEB" &&
	said "vsmctl attach: no answer after 0.3 s (is vsmd running?)"
ok $? "vsmctl hangs: killed after VNLINK_TIMEOUT, exit 1"

# -------------------------------------------------------------------------

if [ -z "$TAP_OFFSET" ]; then
	echo "1..$((n - first))"
	echo "$((n - first - failed)) passed, $failed failed"
fi
[ $failed -eq 0 ]
