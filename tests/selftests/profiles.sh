#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port profiles in the kernel: 50 vEths share profile "web"; one change of
# the profile moves all of them at once. A port's own items override its
# profile; a profile in use cannot be deleted or disabled; max-ports holds.
# Profiles are set with raw netlink (vemnl.py): vsmd drives them in real use.
#
#   vm1 ... vm50 (vm1, vm2 with IP stacks; the rest plain veth ends)
#     |       |            vmdb (own VLAN 20, no profile)
#  +-veth1 .. veth50-----------vethernet 60---+
#  | host: vem          profile web: vlan 10  |
#  +------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "port profiles: propagation, overrides, limits"

N=50
ns_add host
vm_add host vm1 02:00:00:00:07:01 10.0.7.1
vm_add host vm2 02:00:00:00:07:02 10.0.7.2
vm_add host vmdb 02:00:00:00:07:99 10.0.7.99
for i in $(seq 3 $N); do
	echo "link add e$i type veth peer name e$i-p"
	echo "link set e$i up"
	echo "link set e$i-p up"
done | on host ip -batch -

nl() { nl_request host "$@"; }
PT=VEM_A_PORT_TYPE PID=VEM_A_PORT_ID

vsm host switch create
check "profile web (access vlan 10, max-ports 64) created" \
	nl PROFILE_NEW VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_ACCESS_VLAN=u16:10 \
		VEM_A_PROFILE_MAX_PORTS=u32:64
# One process for the 50 requests: python's start-up is slow under TCG.
ok=1
on host python3 - "$SELFTESTS_DIR" $N <<'PY' || ok=0
import os, struct, sys
sys.path.insert(0, sys.argv[1])
import vemnl
E, g = vemnl.ENUMS, vemnl.Genl()
for i in range(1, int(sys.argv[2]) + 1):
    dev = f"vm{i}-p" if i <= 2 else f"e{i}-p"
    ifindex = int(open(f"/sys/class/net/{dev}/ifindex").read())
    req = (vemnl.attr(E["VEM_A_PORT_TYPE"], struct.pack("=B", 1)) +
           vemnl.attr(E["VEM_A_PORT_ID"], struct.pack("=I", i)) +
           vemnl.attr(E["VEM_A_PORT_IFINDEX"], struct.pack("=I", ifindex)) +
           vemnl.attr(E["VEM_A_PORT_PROFILE"], b"web\0"))
    err, msg, _ = g.request(E["VEM_CMD_PORT_NEW"], req)
    if err:
        sys.exit(f"vethernet {i}: {msg} ({err})")
PY
check_eq "50 vEths bound to web" 1 $ok
vsm host interface add vethernet 60 dev vmdb-p access vlan 20

# access_vlans: "VLAN:count ..." over vethernet 1-50.
access_vlans()
{
	vsm host -j show interface | python3 -c '
import json, sys, collections
c = collections.Counter(p["access_vlan"] for p in json.load(sys.stdin)
                        if p["type"] == "vethernet" and p["id"] <= 50)
print(" ".join(f"{v}:{n}" for v, n in sorted(c.items())))'
}
# tx_bcast_sum: broadcasts sent to vethernet 3-50.
tx_bcast_sum()
{
	vsm host -j show interface counters | python3 -c '
import json, sys
print(sum(p["stats"]["tx_bcast_pkts"] for p in json.load(sys.stdin)
          if p["type"] == "vethernet" and 3 <= p["id"] <= 50))'
}

check_eq "all 50 in VLAN 10, from the profile" "10:50" "$(access_vlans)"
check_eq "profile web counts 50 ports" 50 \
	"$(nl PROFILE_GET --print VEM_A_PROFILE_PORT_COUNT VEM_A_PROFILE_NAME=str:web)"
check "vm1 reaches vm2 in VLAN 10" on vm1 ping -c 2 -i 0.2 -W 2 10.0.7.2
check_fail "vm1 does not reach vmdb (VLAN 20)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.7.99
static_neighbors vm1:10.0.7.1:02:00:00:00:07:01 vm2:10.0.7.2:02:00:00:00:07:02 \
	vmdb:10.0.7.99:02:00:00:00:07:99

# One profile change moves all 50 at once.
check "profile web moved to VLAN 20" nl PROFILE_SET VEM_A_PROFILE_NAME=str:web \
	VEM_A_PROFILE_ACCESS_VLAN=u16:20
check_eq "all 50 in VLAN 20 now" "20:50" "$(access_vlans)"
b=$(tx_bcast_sum)
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:07:01 --dst ff:ff:ff:ff:ff:ff --count 1
check_eq "one broadcast from vm1 reaches the 48 other profile ports" 48 \
	$(( $(tx_bcast_sum) - b ))
check "vm1 reaches vmdb in VLAN 20" on vm1 ping -c 2 -i 0.2 -W 2 10.0.7.99

# A port's own item overrides its profile, and clearing it restores it.
check "vethernet 2 sets its own VLAN 10" \
	nl PORT_SET $PT=u8:1 $PID=u32:2 VEM_A_PORT_ACCESS_VLAN=u16:10
check_eq "vethernet 2 in VLAN 10" 10 "$(port_field host vethernet 2 access_vlan)"
check_fail "vm1 (profile, VLAN 20) does not reach vm2 (own VLAN 10)" \
	on vm1 ping -c 2 -i 0.2 -W 1 10.0.7.2
check "profile web moved to VLAN 30" nl PROFILE_SET VEM_A_PROFILE_NAME=str:web \
	VEM_A_PROFILE_ACCESS_VLAN=u16:30
check_eq "the override holds across profile changes" 10 \
	"$(port_field host vethernet 2 access_vlan)"
check "vethernet 2 clears its VLAN" nl PORT_SET $PT=u8:1 $PID=u32:2 VEM_A_PORT_CLEAR=u32:2
check_eq "vethernet 2 follows the profile again" 30 "$(port_field host vethernet 2 access_vlan)"
check "vm1 reaches vm2 again in VLAN 30" on vm1 ping -c 2 -i 0.2 -W 2 10.0.7.2

# Limits and refusals: each one changes nothing.
reject() { nl_reject host "$@"; }
reject "deleting a profile in use" PROFILE_DEL VEM_A_PROFILE_NAME=str:web
reject "disabling a profile in use" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_ENABLED=u8:0
reject "max-ports below the ports bound" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_MAX_PORTS=u32:49
reject "max-ports 0" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_MAX_PORTS=u32:0
reject "max-ports 1025" PROFILE_NEW VEM_A_PROFILE_NAME=str:big VEM_A_PROFILE_MAX_PORTS=u32:1025
reject "a profile that exists" PROFILE_NEW VEM_A_PROFILE_NAME=str:web
reject "an 81-byte name" PROFILE_NEW VEM_A_PROFILE_NAME=str:$(printf 'a%.0s' $(seq 81))
reject "a name with a space" PROFILE_NEW "VEM_A_PROFILE_NAME=str:a b"
reject "an empty name" PROFILE_NEW VEM_A_PROFILE_NAME=str:
reject "no name" PROFILE_NEW VEM_A_PROFILE_ACCESS_VLAN=u16:10
reject "an ethernet profile in access mode" PROFILE_NEW VEM_A_PROFILE_NAME=str:up \
	VEM_A_PROFILE_TYPE=u8:2 VEM_A_PROFILE_MODE=u8:1
reject "changing a profile's type" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_TYPE=u8:2
reject "read-only PORT_COUNT" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_PORT_COUNT=u32:1
reject "VLAN 4095 in a profile" PROFILE_SET VEM_A_PROFILE_NAME=str:web VEM_A_PROFILE_ACCESS_VLAN=u16:4095
reject "no such profile" PROFILE_SET VEM_A_PROFILE_NAME=str:nope VEM_A_PROFILE_ACCESS_VLAN=u16:5
reject "binding a port to no such profile" PORT_SET $PT=u8:1 $PID=u32:60 VEM_A_PORT_PROFILE=str:nope
reject "clearing an unknown item" PORT_SET $PT=u8:1 $PID=u32:60 VEM_A_PORT_CLEAR=u32:0x100000
reject "a dump with a name" PROFILE_GET --dump VEM_A_PROFILE_NAME=str:web

check "profile small (max-ports 1) created" nl PROFILE_NEW VEM_A_PROFILE_NAME=str:small \
	VEM_A_PROFILE_MAX_PORTS=u32:1
check "profile up (ethernet) created" nl PROFILE_NEW VEM_A_PROFILE_NAME=str:up VEM_A_PROFILE_TYPE=u8:2
check "vethernet 60 binds to small" nl PORT_SET $PT=u8:1 $PID=u32:60 VEM_A_PORT_PROFILE=str:small
reject "a second port on a max-ports 1 profile" PORT_SET $PT=u8:1 $PID=u32:50 VEM_A_PORT_PROFILE=str:small
reject "a vEth on an ethernet profile" PORT_SET $PT=u8:1 $PID=u32:50 VEM_A_PORT_PROFILE=str:up
check "vethernet 60 leaves its profile" nl PORT_SET $PT=u8:1 $PID=u32:60 VEM_A_PORT_PROFILE=str:
check "small can be deleted once unused" nl PROFILE_DEL VEM_A_PROFILE_NAME=str:small
check "switch deleted with profiles in use" vsm host switch delete

ktap_finish
