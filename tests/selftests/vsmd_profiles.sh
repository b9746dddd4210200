#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port profiles through vsmd (NX-OS config text, not raw netlink): three
# levels of inheritance, what 'show port-profile' says a profile sets
# itself and what it ends up with, an interface's override, refused cycles
# and missing parents that change nothing, then 50 vEths on profile web
# moved to another VLAN by one configure: all of them follow, traffic
# reaches the new VLAN and no longer the old one.
#
#   vm1 .1   vm2 .2   vm3 .3    e4-p  ...  e50-p      vmold .98      vmnew .99
#     |        |        |        |           |            |              |
#  +-veth 1--veth 2---veth 3---veth 4 ... veth 50---vethernet 60---vethernet 61-+
#  | host: vem      web <- server <- base           own VLAN 10    own VLAN 30  |
#  |                (all 50 inherit web)            (no profile)   (no profile) |
#  +----------------------------------------------------------------------------+
#   10.0.10.0/24; "veth N" is vethernet N

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "vsmd: port profiles, inheritance and 50 vEths moved at once"

VSMD=${VSMD:-$REPO_DIR/vsmctl/vsmd}
T=$(mktemp -d)
export VSMD_SOCKET=$T/vsmd.sock
CONF=$T/startup-config
VSMD_PID=
N=50

start_vsmd()
{
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
		2>>"$T/vsmd.log" &
	VSMD_PID=$!
	# The socket comes first, then the reconcile: wait until it answers.
	wait_until 10 test -S "$VSMD_SOCKET" && wait_until 20 "$VSMCTL" show running-config
}

stop_vsmd()
{
	[ -n "$VSMD_PID" ] && kill "$VSMD_PID" 2>/dev/null && wait "$VSMD_PID" 2>/dev/null
	VSMD_PID=
}
trap 'stop_vsmd; rm -rf "$T"; cleanup' EXIT

# pp_section NAME TITLE: the lines of one section of 'show port-profile
# name NAME' ("config attributes", ...), trimmed, joined by "; ".
pp_section()
{
	vsm host show port-profile name "$1" | python3 -c '
import sys
out, on = [], False
for line in sys.stdin:
    if not line.startswith("  "):
        on = line.strip() == sys.argv[1] + ":"
        continue
    if on:
        out.append(line.strip())
print("; ".join(out))' "$2"
}

# pp_json NAME KEY...: members of 'show port-profile name NAME' in JSON,
# "a.b" for nested ones, "-" for absent or empty, joined by ";".
pp_json()
{
	local name=$1; shift
	vsm host -j show port-profile name "$name" | python3 -c '
import json, sys
d = json.load(sys.stdin)
out = []
for key in sys.argv[1:]:
    v = d
    for k in key.split("."):
        v = v.get(k, "-") if isinstance(v, dict) else "-"
    if isinstance(v, list):
        v = ",".join(v) or "-"
    out.append(str(v))
print(";".join(out))' "$@"
}

# vfields FIELD ID...: FIELD of each vethernet ID, from one dump.
vfields()
{
	local field=$1; shift
	vsm host -j show interface | python3 -c '
import json, sys
p = {d["id"]: d for d in json.load(sys.stdin) if d["type"] == "vethernet"}
print(" ".join(str(p[int(i)][sys.argv[1]]) for i in sys.argv[2:]))' "$field" "$@"
}

# kprofile NAME ATTR: an integer attribute of the kernel's profile NAME.
kprofile()
{
	on host $VEMNL request PROFILE_GET --print "VEM_A_PROFILE_$2" \
		"VEM_A_PROFILE_NAME=str:$1"
}

# access_vlans: "VLAN:count ..." over vethernet 1-50, from one dump.
access_vlans()
{
	vsm host -j show interface | python3 -c '
import json, sys, collections
c = collections.Counter(p["access_vlan"] for p in json.load(sys.stdin)
                        if p["type"] == "vethernet" and p["id"] <= 50)
print(" ".join(f"{v}:{n}" for v, n in sorted(c.items())))'
}

# tx_bcast: broadcasts sent to "vethernet 2-50, 60, 61", from one dump.
tx_bcast()
{
	vsm host -j show interface counters | python3 -c '
import json, sys
s = {p["id"]: p["stats"]["tx_bcast_pkts"] for p in json.load(sys.stdin)
     if p["type"] == "vethernet"}
print(sum(s[i] for i in range(2, 51)), s[60], s[61])'
}

# refused DESC PATTERN < BATCH: configure fails (exit 1) saying PATTERN,
# and neither the running-config nor the kernel changes.
refused()
{
	local desc=$1 pat=$2 run state err rc
	run=$(vsm host show running-config)
	state=$(on host $VEMNL state)
	err=$(vsm host configure - 2>&1 >/dev/null)
	rc=$?
	if [ $rc -ne 1 ] || ! grep -qE -- "$pat" <<<"$err"; then
		not_ok "$desc"
		echo "#   exit $rc: $err"
	elif [ "$(vsm host show running-config)" != "$run" ]; then
		not_ok "$desc"
		echo "#   the running-config changed"
	elif [ "$(on host $VEMNL state)" != "$state" ]; then
		not_ok "$desc"
		echo "#   the kernel state changed"
	else
		ok "$desc"
	fi
}

ns_add host
vm_add host vm1 02:00:00:00:0a:01 10.0.10.1
vm_add host vm2 02:00:00:00:0a:02 10.0.10.2
vm_add host vm3 02:00:00:00:0a:03 10.0.10.3
vm_add host vmold 02:00:00:00:0a:98 10.0.10.98
vm_add host vmnew 02:00:00:00:0a:99 10.0.10.99
static_neighbors vm1:10.0.10.1:02:00:00:00:0a:01 vm2:10.0.10.2:02:00:00:00:0a:02 \
	vm3:10.0.10.3:02:00:00:00:0a:03 vmold:10.0.10.98:02:00:00:00:0a:98 \
	vmnew:10.0.10.99:02:00:00:00:0a:99

check "vsmd starts" start_vsmd
check "three levels of profiles, an override, two manual ports" vsm host configure - <<'EOF'
vlan 10,11,20,30
port-profile type vethernet base
  switchport mode access
  max-ports 64
  state enabled
port-profile type vethernet server
  inherit port-profile base
  switchport access vlan 10
  state enabled
port-profile type vethernet web
  inherit port-profile server
  description web servers
  state enabled
interface vethernet 1
  inherit port-profile web
interface vethernet 2
  inherit port-profile web
interface vethernet 3
  inherit port-profile web
  switchport access vlan 20
interface vethernet 60
  switchport access vlan 10
interface vethernet 61
  switchport access vlan 30
EOF
for p in 1:vm1 2:vm2 3:vm3 60:vmold 61:vmnew; do
	vsm host interface set vethernet "${p%%:*}" dev "${p#*:}-p"
done

# What web sets itself, and what it ends up with.
check_eq "web's own attributes: inherit and description, no VLAN" \
	"description web servers; inherit port-profile server; state enabled" \
	"$(pp_section web "config attributes")"
check_eq "web's evaluated attributes: mode and max-ports from base, VLAN from server" \
	"switchport mode access; switchport access vlan 10; max-ports 64; port-binding static; no shutdown" \
	"$(pp_section web "evaluated config attributes")"
check_eq "web's assigned interfaces" "Vethernet1; Vethernet2; Vethernet3" \
	"$(pp_section web "assigned interfaces")"
check "web uses 3 of its 64 ports" \
	grep -q "max-ports: 64 (3 used)" <<<"$(vsm host show port-profile name web)"
check_eq "JSON: where each evaluated attribute comes from" \
	"-;10;port-profile server;port-profile base;port-profile base;vethernet1,vethernet2,vethernet3" \
	"$(pp_json web own.access_vlan evaluated.access_vlan evaluated.from.access_vlan \
		evaluated.from.mode evaluated.from.max_ports interfaces)"
check_eq "server: no interfaces, one child profile" "-;1" \
	"$(pp_json server interfaces child_profiles)"
check_eq "the kernel holds web evaluated (VLAN 10)" 10 "$(kprofile web ACCESS_VLAN)"
check_eq "vethernet 1, 2, 3 on web" "web web web" "$(vfields profile 1 2 3)"
check_eq "vethernet 1, 2 in VLAN 10, 3 in its own VLAN 20" "10 10 20" \
	"$(vfields access_vlan 1 2 3)"
check "vm1 reaches vm2 (web)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.2
check "vm1 reaches vmold (manual VLAN 10)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.98
check_fail "vm1 does not reach vm3 (override, VLAN 20)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.10.3

# A change in the middle of the chain reaches web's ports, not the override.
check "server moves to VLAN 11" vsm host configure - <<'EOF'
port-profile type vethernet server
  switchport access vlan 11
EOF
check_eq "web evaluates to VLAN 11 (kernel)" 11 "$(kprofile web ACCESS_VLAN)"
check_eq "vethernet 1, 2 follow; 3 keeps its own" "11 11 20" "$(vfields access_vlan 1 2 3)"
check "server back to VLAN 10, vethernet 3 drops its override" vsm host configure - <<'EOF'
port-profile type vethernet server
  switchport access vlan 10
interface vethernet 3
  no switchport access vlan
EOF
check_eq "vethernet 3 follows web again" 10 "$(port_field host vethernet 3 access_vlan)"
check "vm1 reaches vm3 now" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.3

# Refusals through vsmd: nothing changes, in the model or the kernel.
refused "a cycle (base inherits web)" 'line 2: .*inheritance cycle: base inherits web' <<'EOF'
port-profile type vethernet base
  inherit port-profile web
EOF
refused "a missing parent" 'line 2: .*nosuch, which does not exist' <<'EOF'
port-profile type vethernet web
  inherit port-profile nosuch
EOF
refused "a VLAN change with a missing parent in the same batch" \
	'line 3: .*does not exist' <<'EOF'
port-profile type vethernet web
  switchport access vlan 30
  inherit port-profile nosuch
EOF
check_eq "web still in VLAN 10" 10 "$(kprofile web ACCESS_VLAN)"

# 50 vEths on web: 47 more plain veth ends, one configure batch, one
# process to bind them.
for i in $(seq 4 $N); do
	echo "link add e$i type veth peer name e$i-p"
	echo "link set e$i up"
	echo "link set e$i-p up"
done | on host ip -batch -
batch=
for i in $(seq 4 $N); do
	batch+="interface vethernet $i"$'\n'"  inherit port-profile web"$'\n'
done
check "vethernet 4-50 inherit web, in one batch" vsm host configure - <<<"$batch"
ok=1
on host python3 - "$SELFTESTS_DIR" $N <<'PY' || ok=0
import struct, sys
sys.path.insert(0, sys.argv[1])
import vemnl
E, g = vemnl.ENUMS, vemnl.Genl()
for i in range(4, int(sys.argv[2]) + 1):
    ifindex = int(open(f"/sys/class/net/e{i}-p/ifindex").read())
    req = (vemnl.attr(E["VEM_A_PORT_TYPE"], struct.pack("=B", 1)) +
           vemnl.attr(E["VEM_A_PORT_ID"], struct.pack("=I", i)) +
           vemnl.attr(E["VEM_A_PORT_IFINDEX"], struct.pack("=I", ifindex)))
    err, msg, _ = g.request(E["VEM_CMD_PORT_SET"], req)
    if err:
        sys.exit(f"vethernet {i}: {msg} ({err})")
PY
check_eq "vethernet 4-50 bound" 1 $ok
check_eq "all 50 in VLAN 10" "10:50" "$(access_vlans)"
check_eq "the kernel counts 50 ports on web" 50 "$(kprofile web PORT_COUNT)"
check "show port-profile: 50 of 64 used" \
	grep -q "max-ports: 64 (50 used)" <<<"$(vsm host show port-profile name web)"

# One configure moves web, and all 50 with it.
t0=$(date +%s%N)
check "web moves to VLAN 30 in one configure" vsm host configure - <<'EOF'
port-profile type vethernet web
  switchport access vlan 30
EOF
echo "# the configure took $(( ($(date +%s%N) - t0) / 1000000 )) ms"
check_eq "all 50 in VLAN 30" "30:50" "$(access_vlans)"
check_eq "the kernel's web is in VLAN 30" 30 "$(kprofile web ACCESS_VLAN)"
check_eq "web now sets its VLAN itself" "30;own" \
	"$(pp_json web own.access_vlan evaluated.from.access_vlan)"
check "vm1 reaches vm2 in VLAN 30" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.2
check "vm1 reaches vm3 in VLAN 30" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.3
check "vm1 reaches vmnew (VLAN 30)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.10.99
check_fail "vm1 no longer reaches vmold (VLAN 10)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.10.98
check_fail "vmold reaches none of the 50 (vm2)" on vmold ping -c 2 -i 0.2 -W 1 10.0.10.2
b=$(tx_bcast)
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0a:01 --dst ff:ff:ff:ff:ff:ff --count 1
a=$(tx_bcast)
check_eq "one broadcast from vm1: the 49 other web ports, vmnew, not vmold" "49 0 1" \
	"$(( ${a%% *} - ${b%% *} )) $(( $(cut -d' ' -f2 <<<"$a") - $(cut -d' ' -f2 <<<"$b") )) $(( ${a##* } - ${b##* } ))"

ktap_finish
