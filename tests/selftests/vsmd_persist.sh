#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vsmd persistence and reconcile under traffic. vsmd is killed with SIGKILL
# (its socket file stays behind) and restarted from the startup-config
# while vm1 pings vm2 twenty times a second: the restart must lose no ping,
# reset no counter and give back the same running-config and kernel state.
# Drift made behind vsmd's back while it is down (a port item, a shut port,
# a profile, a stray port) is undone by the next start, pings still flowing.
# Neither a second vsmd nor a file in the socket's place may start, and
# neither may touch the kernel.
#
#   vm1 10.0.9.1   vm2 10.0.9.2   vm3 10.0.9.3   vm4 10.0.9.4
#       |              |              |              |
#  +-vethernet 1---vethernet 2---vethernet 3---vethernet 4--+
#  |  profile web    profile web    profile db    web, own   |   vsmd <-- vsmctl
#  |  (VLAN 10)      (VLAN 10)      (VLAN 20)     VLAN 20    |   UNIX socket,
#  |  host: vem       web and db inherit base                |   startup-config
#  +---------------------------------------------------------+
#     ping vm1 -> vm2 runs across every kill -9 and restart

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "vsmd: kill -9, restart and reconcile under traffic"

VSMD=${VSMD:-$REPO_DIR/vsmctl/vsmd}
T=$(mktemp -d)
export VSMD_SOCKET=$T/vsmd.sock
CONF=$T/startup-config
VSMD_PID=
PING_PID=

# start_vsmd: vsmd in the background, up once it answers (a stale socket
# file may be there from the start: its presence proves nothing).
start_vsmd()
{
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
		2>>"$T/vsmd.log" &
	VSMD_PID=$!
	wait_until 10 vsm host show running-config && kill -0 "$VSMD_PID"
}

# stop_vsmd [SIGNAL]: SIGTERM (a clean exit) unless told otherwise.
stop_vsmd()
{
	[ -n "$VSMD_PID" ] || return 0
	kill "-${1:-TERM}" "$VSMD_PID" 2>/dev/null
	{ wait "$VSMD_PID"; } 2>/dev/null
	VSMD_PID=
}

# start_ping VM IP FILE: VM pings IP every 50 ms until stop_ping (or for
# 120 s at most). Not through 'on': $! must be ping itself, not a subshell.
start_ping()
{
	ip netns exec "$NS_PREFIX-$1" ping -i 0.05 -W 1 -w 120 "$2" >"$3" 2>&1 &
	PING_PID=$!
}

# stop_ping: SIGINT, as an operator's ^C: ping prints its summary.
stop_ping()
{
	[ -n "$PING_PID" ] || return 0
	kill -INT "$PING_PID" 2>/dev/null
	{ wait "$PING_PID"; } 2>/dev/null
	PING_PID=
}
trap 'stop_ping; stop_vsmd; rm -rf "$T"; cleanup' EXIT

# no_loss FILE: every echo request of a stopped ping got its reply: the
# replies are icmp_seq 1..received without a gap, and at most the last
# request, in flight when SIGINT came, is unanswered.
no_loss()
{
	python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"(\d+) packets transmitted, (\d+) received", text)
if not m:
    sys.exit("no summary in:\n" + text[-400:])
tx, rx = int(m[1]), int(m[2])
seqs = sorted(int(s) for s in re.findall(r"^\d+ bytes from .* icmp_seq=(\d+) ttl=\d+ time=\S+ ms$",
                                          text, re.M))
missing = sorted(set(range(1, rx + 1)) - set(seqs))
print(f"{tx} transmitted, {rx} received, missing {missing[:10]}")
sys.exit(rx < 20 or seqs != list(range(1, rx + 1)) or tx - rx > 1)
PY
}

# rx_at_least VM N: VM's eth0 has received N frames or more.
rx_at_least()
{
	[ "$(rx_packets "$1" eth0)" -ge "$2" ]
}

# replies N: vm1 receives N more frames (the replies of its ping).
replies()
{
	wait_until 30 rx_at_least vm1 $(( $(rx_packets vm1 eth0) + $1 ))
}

# counters: the unicast rx and tx packets of vethernet 1 and 2.
counters()
{
	vsm host -j show interface counters | python3 -c '
import json, sys
s = {p["id"]: p["stats"] for p in json.load(sys.stdin) if p["type"] == "vethernet"}
print(" ".join(f"{i}.{k}={s[i][k]}" for i in (1, 2)
               for k in ("rx_ucast_pkts", "tx_ucast_pkts")))'
}

# not_reset BEFORE AFTER: every counter in AFTER >= in BEFORE, and every
# tx counter grew (the traffic went on).
not_reset()
{
	python3 - "$1" "$2" <<'PY'
import sys
b, a = (dict(kv.split("=") for kv in s.split()) for s in sys.argv[1:3])
bad = [k for k in b if int(a[k]) < int(b[k]) or
       (k.endswith("tx_ucast_pkts") and int(a[k]) <= int(b[k]))]
print("before:", sys.argv[1]); print("after: ", sys.argv[2])
sys.exit(bool(bad) or len(b) != 4)
PY
}

# check_same DESC EXPECTED ACTUAL: check_eq for long multi-line texts;
# a failure shows the differing lines, cut short.
check_same()
{
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diff <(echo "$2") <(echo "$3") | cut -c 1-160 | head -n 12 | sed 's/^/#   /'
	fi
}

kstate()
{
	on host $VEMNL state
}

# kstate_config: the kernel state without what traffic learns (the MAC
# table and its size).
kstate_config()
{
	kstate | grep -v '^fdb ' | sed 's/ fdb_count=[0-9a-f]*//'
}

# down_refused: vsmctl cannot reach vsmd and says so.
down_refused()
{
	local err
	err=$(vsm host show running-config 2>&1) && return 1
	grep -q "is vsmd running" <<<"$err"
}

ns_add host
vm_add host vm1 02:00:00:00:09:01 10.0.9.1
vm_add host vm2 02:00:00:00:09:02 10.0.9.2
vm_add host vm3 02:00:00:00:09:03 10.0.9.3
vm_add host vm4 02:00:00:00:09:04 10.0.9.4
static_neighbors vm1:10.0.9.1:02:00:00:00:09:01 vm2:10.0.9.2:02:00:00:00:09:02 \
	vm3:10.0.9.3:02:00:00:00:09:03 vm4:10.0.9.4:02:00:00:00:09:04

check "vsmd starts" start_vsmd
check "profiles and interfaces configured through vsmd" vsm host configure - <<'EOF'
vlan 10,20
port-profile type vethernet base
  switchport mode access
  max-ports 16
  state enabled
port-profile type vethernet web
  inherit port-profile base
  switchport access vlan 10
  state enabled
port-profile type vethernet db
  inherit port-profile base
  switchport access vlan 20
  state enabled
interface vethernet 1
  inherit port-profile web
interface vethernet 2
  inherit port-profile web
interface vethernet 3
  inherit port-profile db
interface vethernet 4
  inherit port-profile web
  switchport access vlan 20
  description vm4 eth0
EOF
for i in 1 2 3 4; do
	vsm host interface set vethernet $i dev vm$i-p
done
check_eq "vethernet 4 bound to vm4-p" vm4-p "$(port_field host vethernet 4 ifname)"
check "vm1 reaches vm2 (web, VLAN 10)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.9.2
check "vm3 (db) reaches vm4 (own VLAN 20)" on vm3 ping -c 2 -i 0.2 -W 2 10.0.9.4
check_fail "vm1 does not reach vm3 (VLAN 20)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.9.3
check "copy running-config startup-config" vsm host copy running-config startup-config
RUN=$(vsm host show running-config)
check_same "the startup-config is the running-config" "$RUN" "$(cat "$CONF")"

# 1. kill -9 and restart from the same startup-config, under traffic.
start_ping vm1 10.0.9.2 "$T/ping1"
check "vm1 pings vm2 continuously" replies 10
STATE=$(kstate)
BEFORE=$(counters)
OLD_PID=$VSMD_PID
stop_vsmd KILL
check_fail "vsmd is gone after kill -9" kill -0 "$OLD_PID"
check "kill -9 left the socket file behind" test -S "$VSMD_SOCKET"
STALE=$(stat -c %i "$VSMD_SOCKET")
check "vsmctl reports vsmd down" down_refused
check "forwarding goes on without vsmd" replies 10
check "vsmd starts despite the stale socket" start_vsmd
check "it replaced the stale socket" test "$(stat -c %i "$VSMD_SOCKET")" != "$STALE"
check_same "the same running-config after the restart" "$RUN" \
	"$(vsm host show running-config)"
check_same "the reconcile changed nothing in the kernel" "$STATE" "$(kstate)"
check "pings flow after the reconcile" replies 10
stop_ping
check "no ping lost across kill -9, restart and reconcile" no_loss "$T/ping1"
check "no counter reset, tx counters grew" not_reset "$BEFORE" "$(counters)"

# 2. Drift behind vsmd's back while it is down; the restart undoes it
# while vm1 keeps pinging vm2.
start_ping vm1 10.0.9.2 "$T/ping2"
check "vm1 pings vm2 again" replies 10
CSTATE=$(kstate_config)
BEFORE=$(counters)
stop_vsmd KILL
vsm host interface set vethernet 3 access vlan 99
vsm host interface set vethernet 4 shutdown
on host $VEMNL request PROFILE_SET VEM_A_PROFILE_NAME=str:db \
	VEM_A_PROFILE_ACCESS_VLAN=u16:30 >/dev/null
on host ip link add stray type veth peer name stray-p
vsm host interface add vethernet 9 dev stray access vlan 10
check_eq "drift: vethernet 3 moved to VLAN 99" 99 "$(port_field host vethernet 3 access_vlan)"
check_eq "drift: vethernet 4 shut down" true "$(port_field host vethernet 4 shutdown)"
check_eq "drift: profile db moved to VLAN 30" 30 "$(on host $VEMNL request PROFILE_GET \
	--print VEM_A_PROFILE_ACCESS_VLAN VEM_A_PROFILE_NAME=str:db)"
check "drift: a stray vethernet 9" vsm host show interface vethernet 9
check_fail "drift: vm3 no longer reaches vm4" on vm3 ping -c 2 -i 0.2 -W 1 10.0.9.4
check "vsmd restarts over the drift" start_vsmd
check_eq "vethernet 3 back in VLAN 20 (profile db)" 20 \
	"$(port_field host vethernet 3 access_vlan)"
check_eq "vethernet 4 up again" false "$(port_field host vethernet 4 shutdown)"
check_eq "profile db back in VLAN 20" 20 "$(on host $VEMNL request PROFILE_GET \
	--print VEM_A_PROFILE_ACCESS_VLAN VEM_A_PROFILE_NAME=str:db)"
check_fail "the stray vethernet 9 removed" vsm host show interface vethernet 9
check_same "the kernel's configuration is as before the drift" "$CSTATE" "$(kstate_config)"
check_eq "vethernet 3 still bound" vm3-p "$(port_field host vethernet 3 ifname)"
check "vm3 reaches vm4 again" on vm3 ping -c 2 -i 0.2 -W 2 10.0.9.4
check "pings vm1 -> vm2 flow after the reconcile" replies 10
stop_ping
check "no ping lost while the drift was reconciled" no_loss "$T/ping2"
check "no counter reset, tx counters grew" not_reset "$BEFORE" "$(counters)"
check_same "the same running-config" "$RUN" "$(vsm host show running-config)"

# 3. Only a socket is ever replaced: a file there stops vsmd, and stays.
stop_vsmd
check_fail "a clean exit removes the socket" test -e "$VSMD_SOCKET"
echo "not a socket" >"$VSMD_SOCKET"
STATE=$(kstate)
timeout 20 ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
	2>"$T/err"
check_eq "vsmd refuses a regular file at its socket path (exit 1)" 1 $?
check "and says why" grep -q "not a socket" "$T/err"
check_eq "the file is left alone" "not a socket" "$(cat "$VSMD_SOCKET")"
check_same "the kernel is left alone" "$STATE" "$(kstate)"
rm -f "$VSMD_SOCKET"

# 4. A second vsmd while one runs: it must not start, and must not touch
# the kernel either (here, an unsaved interface is not in its
# startup-config).
check "vsmd restarts" start_vsmd
check "an unsaved change: vethernet 5 added" vsm host configure - <<'EOF'
interface vethernet 5
  inherit port-profile web
EOF
RUN=$(vsm host show running-config)
STATE=$(kstate)
timeout 20 ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
	2>"$T/err"
check_eq "a second vsmd on the same socket exits 1" 1 $?
check "and says another vsmd is running" grep -q "another vsmd is running" "$T/err"
check "the first vsmd still answers" vsm host show running-config
check "the first vsmd is alive" kill -0 "$VSMD_PID"
check_same "its running-config is unchanged" "$RUN" "$(vsm host show running-config)"
check_same "the second vsmd left the kernel alone" "$STATE" "$(kstate)"
check "vethernet 5 is still in the kernel" vsm host show interface vethernet 5

ktap_finish
