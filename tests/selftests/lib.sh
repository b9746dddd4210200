# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the vnlink selftests: KTAP output, network namespaces
# with unique names, VMs on veth pairs, and vsmctl/JSON accessors.
# Each test script sources this, draws its topology, and calls ktap_finish.

set -u

SELFTESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$SELFTESTS_DIR/../.." && pwd)
VSMCTL=${VSMCTL:-$REPO_DIR/vsmctl/vsmctl}
VEMNL="python3 $SELFTESTS_DIR/vemnl.py"
SENDFRAMES="python3 $SELFTESTS_DIR/sendframes.py"

# Unique per run, so that a leftover from a crashed run cannot collide.
NS_PREFIX="vt$$"
KTAP_NUM=0
KTAP_PASS=0
KTAP_FAIL=0
NAMESPACES=()

ktap_header()
{
	echo "KTAP version 1"
	echo "# $(basename "$0"): $1"
}

ok()
{
	KTAP_NUM=$((KTAP_NUM + 1))
	KTAP_PASS=$((KTAP_PASS + 1))
	echo "ok $KTAP_NUM $*"
}

not_ok()
{
	KTAP_NUM=$((KTAP_NUM + 1))
	KTAP_FAIL=$((KTAP_FAIL + 1))
	echo "not ok $KTAP_NUM $*"
}

# check DESC CMD...: ok if CMD succeeds.
check()
{
	local desc=$1; shift
	if "$@" >/tmp/check.$$ 2>&1; then
		ok "$desc"
	else
		not_ok "$desc"
		sed 's/^/#   /' /tmp/check.$$ | tail -n 15
	fi
	rm -f /tmp/check.$$
}

# check_fail DESC CMD...: ok if CMD fails.
check_fail()
{
	local desc=$1; shift
	if "$@" >/tmp/check.$$ 2>&1; then
		not_ok "$desc"
		echo "#   unexpectedly succeeded:"
		sed 's/^/#   /' /tmp/check.$$ | tail -n 15
	else
		ok "$desc"
	fi
	rm -f /tmp/check.$$
}

# check_eq DESC EXPECTED ACTUAL
check_eq()
{
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "#   expected '$2', got '$3'"
	fi
}

ktap_finish()
{
	echo "1..$KTAP_NUM"
	echo "# $(basename "$0"): $KTAP_PASS passed, $KTAP_FAIL failed"
	[ "$KTAP_FAIL" -eq 0 ]
}

# Namespaces --------------------------------------------------------------

# ns_add NAME: a new netns "$NS_PREFIX-NAME", IPv6 off so that nothing but
# the test's own traffic moves, lo up. Removed by cleanup.
ns_add()
{
	local ns="$NS_PREFIX-$1"

	ip netns add "$ns"
	NAMESPACES+=("$ns")
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	ip -n "$ns" link set lo up
}

# on NAME CMD...: run CMD in netns NAME.
on()
{
	local ns="$NS_PREFIX-$1"; shift
	ip netns exec "$ns" "$@"
}

# vsm HOST ARGS...: vsmctl in the netns of HOST.
vsm()
{
	local ns="$NS_PREFIX-$1"; shift
	ip netns exec "$ns" "$VSMCTL" "$@"
}

cleanup()
{
	local ns
	stop_vsmd
	[ -n "$VSMD_DIR" ] && rm -rf "$VSMD_DIR"
	VSMD_DIR=
	vemnl_stop
	for ns in "${NAMESPACES[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	NAMESPACES=()
}
trap cleanup EXIT

# vm_add HOST VM MAC IP: netns VM with eth0 (MAC, IP/24) whose peer
# "VM-p" sits in HOST's netns, up, unbound.
vm_add()
{
	local host=$1 vm=$2 mac=$3 ip=$4

	ns_add "$vm"
	ip -n "$NS_PREFIX-$host" link add "$vm-p" type veth \
		peer name eth0 netns "$NS_PREFIX-$vm"
	ip -n "$NS_PREFIX-$vm" link set eth0 address "$mac"
	ip -n "$NS_PREFIX-$vm" addr add "$ip/24" dev eth0
	ip -n "$NS_PREFIX-$vm" link set eth0 up
	ip -n "$NS_PREFIX-$host" link set "$vm-p" up
}

# JSON accessors ----------------------------------------------------------

# port_stat HOST PORT N FIELD: one counter of a port, e.g.
# port_stat sw vethernet 1 rx_ucast_pkts
port_stat()
{
	local host=$1 type=$2 id=$3 field=$4
	vsm "$host" -j show interface "$type" "$id" counters |
		python3 -c '
import json, sys
d = json.load(sys.stdin)
if isinstance(d, list):
    d = d[0]
print(d["stats"][sys.argv[1]])' "$field"
}

# counters HOST PORT:FIELD...: several counters of several ports from one
# vsmctl call, on one line, e.g. counters sw vethernet1:rx_bcast_pkts
# vethernet2:tx_bcast_pkts. A field of the port itself (not of its stats)
# is read when no counter has that name.
counters()
{
	local host=$1; shift
	vsm "$host" -j show interface counters |
		python3 -c '
import json, sys
ports = {p["name"]: p for p in json.load(sys.stdin)}
out = []
for spec in sys.argv[1:]:
    name, field = spec.split(":")
    p = ports[name]
    out.append(str(p["stats"][field] if field in p["stats"] else p[field]))
print(" ".join(out))' "$@"
}

# port_stats HOST PORT N: every counter of a port as "name value" lines.
port_stats()
{
	local host=$1 type=$2 id=$3
	vsm "$host" -j show interface "$type" "$id" counters |
		python3 -c '
import json, sys
d = json.load(sys.stdin)
if isinstance(d, list):
    d = d[0]
for k, v in d["stats"].items():
    print(k, v)'
}

# static_neighbors VM:IP:MAC...: every VM gets a permanent ARP entry for
# every other, so that no ARP probe disturbs exact counts. One ip process
# per VM.
static_neighbors()
{
	local a b rest ip mac
	for a in "$@"; do
		for b in "$@"; do
			[ "$a" = "$b" ] && continue
			rest=${b#*:}
			ip=${rest%%:*}
			mac=${rest#*:}
			echo "neigh replace $ip lladdr $mac dev eth0 nud permanent"
		done | ip -n "$NS_PREFIX-${a%%:*}" -batch -
	done
}

# port_field HOST PORT N FIELD: a top-level field of a port.
port_field()
{
	local host=$1 type=$2 id=$3 field=$4
	vsm "$host" -j show interface "$type" "$id" |
		python3 -c '
import json, sys
d = json.load(sys.stdin)
if isinstance(d, list):
    d = d[0]
v = d[sys.argv[1]]
print(str(v).lower() if isinstance(v, bool) else v)' "$field"
}

# mac_port HOST MAC VLAN: "vethernetN"/"ethernetN" the table has for MAC,
# or "none".
mac_port()
{
	local host=$1 mac=$2 vlan=$3
	vsm "$host" -j show mac address-table |
		python3 -c '
import json, sys
mac, vlan = sys.argv[1].lower(), int(sys.argv[2])
for e in json.load(sys.stdin):
    if e["mac"].lower() == mac and int(e["vlan"]) == vlan:
        print(e["port"]); break
else:
    print("none")' "$mac" "$vlan"
}

# mac_count HOST: entries in the MAC table.
mac_count()
{
	vsm "$1" -j show mac address-table |
		python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}

# rx_packets NS IFNAME: what a VM's netdev received.
rx_packets()
{
	on "$1" cat "/sys/class/net/$2/statistics/rx_packets"
}

# wait_until TIMEOUT_S CMD...: poll CMD every 0.2 s until it succeeds.
wait_until()
{
	local deadline=$(( $(date +%s) + $1 )); shift
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.2
	done
}

# nl_reject HOST DESC CMD [ATTR=KIND:VALUE...]: the kernel refuses a raw
# request with an extack message, and the switch's state does not change.
# One vemnl.py per host serves every request of the script (vemnl_serve).
declare -A VEMNL_W VEMNL_R
nl_reject()
{
	local host=$1 desc=$2 rc out; shift 2
	vemnl_serve "$host" || { not_ok "$desc (no vemnl.py)"; return; }
	printf '%s\0' "$@" >&"${VEMNL_W[$host]}"
	printf '\036' >&"${VEMNL_W[$host]}"
	read -r rc out <&"${VEMNL_R[$host]}"
	if [ "$rc" = 0 ]; then
		ok "$desc (${out#refused })"
	else
		not_ok "$desc"
		echo "#   $* -> $out"
	fi
}

# nl_request HOST CMD [ATTR=KIND:VALUE...]: vemnl.py request, through the
# server: its answer on stdout, its status.
nl_request()
{
	local host=$1 rc out; shift
	vemnl_serve "$host" || return 1
	printf '%s\0' --request "$@" >&"${VEMNL_W[$host]}"
	printf '\036' >&"${VEMNL_W[$host]}"
	read -r rc out <&"${VEMNL_R[$host]}"
	echo "$out"
	return "$rc"
}

# vemnl_serve HOST: start HOST's vemnl.py server if it is not running.
vemnl_serve()
{
	local host=$1 dir w r
	[ -n "${VEMNL_W[$host]:-}" ] && return 0
	dir=$(mktemp -d)
	mkfifo "$dir/in" "$dir/out"
	on "$host" python3 "$SELFTESTS_DIR/vemnl.py" serve <"$dir/in" >"$dir/out" &
	exec {w}>"$dir/in" {r}<"$dir/out"
	rm -rf "$dir"
	VEMNL_W[$host]=$w
	VEMNL_R[$host]=$r
}

# Close the servers: they end on EOF.
vemnl_stop()
{
	local host w r
	for host in "${!VEMNL_W[@]}"; do
		w=${VEMNL_W[$host]}
		r=${VEMNL_R[$host]}
		exec {w}>&- {r}<&-
	done
	VEMNL_W=()
	VEMNL_R=()
}

# vsmd ------------------------------------------------------------------

VSMD=${VSMD:-$REPO_DIR/vsmctl/vsmd}
VSMD_PID=
VSMD_DIR=

# vsmd_init: a directory for vsmd's socket ($VSMD_SOCKET, exported for
# vsmctl), its startup-config ($CONF) and its log; cleanup removes it.
vsmd_init()
{
	VSMD_DIR=$(mktemp -d)
	export VSMD_SOCKET=$VSMD_DIR/vsmd.sock
	CONF=$VSMD_DIR/startup-config
}

# start_vsmd [ARGS...]: vsmd in the netns "host", in the background, up
# once it answers (a stale socket file proves nothing).
start_vsmd()
{
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
		"$@" 2>>"$VSMD_DIR/vsmd.log" &
	VSMD_PID=$!
	wait_until 20 vsm host show running-config && kill -0 "$VSMD_PID"
}

# stop_vsmd [SIGNAL]: SIGTERM (a clean exit) unless told otherwise.
stop_vsmd()
{
	[ -n "$VSMD_PID" ] || return 0
	kill "-${1:-TERM}" "$VSMD_PID" 2>/dev/null
	{ wait "$VSMD_PID"; } 2>/dev/null	# no "Killed" notice
	VSMD_PID=
}

# Skip the whole script (counts nothing) when the module is not loaded.
require_vem()
{
	if [ ! -d /sys/module/vem ]; then
		echo "# vem module not loaded"
		exit 1
	fi
}
