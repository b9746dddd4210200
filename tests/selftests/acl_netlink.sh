#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ACLs in vem.ko, through raw generic netlink (vemnl.py): an ACL object is
# created, bound to a port "in" or "out" or through a profile, enforced on
# real traffic with exact hit counters, swapped atomically, and refused
# with an extack message when malformed. vsmd drives them in real use.
#
#   vm1 10.0.11.1    vm2 10.0.11.2    vm3 10.0.11.3
#       |                |                |
#  +--vethernet 1----vethernet 2-----vethernet 3--+
#  | host: vem, all in VLAN 1                     |
#  +----------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "ACLs in the kernel: objects, binding, enforcement, counters"

ns_add host
vm_add host vm1 02:00:00:00:0b:01 10.0.11.1
vm_add host vm2 02:00:00:00:0b:02 10.0.11.2
vm_add host vm3 02:00:00:00:0b:03 10.0.11.3
vsm host switch create
vsm host interface add vethernet 1 dev vm1-p
vsm host interface add vethernet 2 dev vm2-p
vsm host interface add vethernet 3 dev vm3-p

nl() { nl_request host "$@"; }
N=VEM_A_ACL_NAME F=VEM_A_ACL_FAMILY E=VEM_A_ACL_ENTRIES
MAC=1 IPV4=2 IPV6=3	# enum vem_acl_family

# hits ACL SEQ: the hit counter of one entry ("deny": the implicit deny).
hits()
{
	on host python3 - "$SELFTESTS_DIR" "$1" "$2" <<'PY'
import struct, sys
sys.path.insert(0, sys.argv[1])
import vemnl as v
g = v.Genl()
_, _, acls = g.request(v.ENUMS["VEM_CMD_ACL_GET"], dump=True)
for a in acls:
    if a[v.ENUMS["VEM_A_ACL_NAME"]].rstrip(b"\0").decode() != sys.argv[2]:
        continue
    if sys.argv[3] == "deny":
        print(struct.unpack("=Q", a[v.ENUMS["VEM_A_ACL_DENY_HITS"]])[0])
        break
    for raw in v.split_attrs(a[v.ENUMS["VEM_A_ACL_ENTRIES"]]):
        e = v.parse_attrs(raw)
        if struct.unpack("=I", e[v.ENUMS["VEM_A_ACE_SEQ"]])[0] == int(sys.argv[3]):
            print(struct.unpack("=Q", e[v.ENUMS["VEM_A_ACE_HITS"]])[0])
PY
}

# No-ARP-noise: permanent neighbours, so that counts are exact.
static_neighbors vm1:10.0.11.1:02:00:00:00:0b:01 vm2:10.0.11.2:02:00:00:00:0b:02 \
	vm3:10.0.11.3:02:00:00:00:0b:03

# An IPv4 ACL: ICMP to vm2 denied, the rest of IPv4 permitted.
check "ACL_NEW an IPv4 ACL" nl ACL_NEW $N=str:web $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:10\",\"ACTION\":\"u8:1\",\"PROTO\":\"u8:1\",\"DST\":\"hex:0a000b02\",\"DST_LEN\":\"u8:32\"},
	             {\"SEQ\":\"u32:20\",\"ACTION\":\"u8:0\"}]"
check "bound to vethernet 1 in" nl PORT_SET VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:1 \
	VEM_A_PORT_ACL_IP_IN=str:web
check_fail "vm1 -> vm2 ICMP denied (entry 10)" on vm1 ping -c 3 -i 0.2 -W 1 10.0.11.2
check_eq "entry 10 counted 3" 3 "$(hits web 10)"
check_eq "the denials counted as ACL drops on vethernet 1" 3 \
	"$(port_stat host vethernet 1 drop_acl_in)"
check "vm1 -> vm3 ICMP permitted (entry 20)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.11.3
check_eq "entry 20 counted 2" 2 "$(hits web 20)"
check "vm3 -> vm1 and back permitted (the reply passes entry 20)" \
	on vm3 ping -c 2 -i 0.2 -W 2 10.0.11.1

# ARP is not IP: an IP ACL that denies everything does not block it.
check "ACL_SET: deny everything (implicit deny)" nl ACL_SET $N=str:web "$E=entries:[]"
check "ARP still resolves through a deny-all IP ACL" \
	on vm1 busybox arping -c 1 -w 2 -I eth0 10.0.11.2
check_fail "but IP is denied" on vm1 ping -c 2 -i 0.2 -W 1 10.0.11.2
check "the implicit deny counted" test "$(hits web deny)" -ge 2
static_neighbors vm1:10.0.11.1:02:00:00:00:0b:01 vm2:10.0.11.2:02:00:00:00:0b:02

# TCP port conditions with real connections.
check "ACL_SET: permit tcp dport 5001, deny tcp, permit ip" nl ACL_SET $N=str:web \
	"$E=entries:[{\"SEQ\":\"u32:10\",\"ACTION\":\"u8:0\",\"PROTO\":\"u8:6\",\"DPORT_OP\":\"u8:1\",\"DPORT_LO\":\"u16:5001\"},
	             {\"SEQ\":\"u32:20\",\"ACTION\":\"u8:1\",\"PROTO\":\"u8:6\"},
	             {\"SEQ\":\"u32:30\",\"ACTION\":\"u8:0\"}]"
# tcp_to PORT: a TCP connection from vm1 to vm2 on PORT is accepted.
tcp_to() { on vm1 timeout 3 bash -c "echo hi >/dev/tcp/10.0.11.2/$1"; }
on vm2 sh -c 'nc -l -p 5001 >/dev/null 2>&1 </dev/null &
	      nc -l -p 5002 >/dev/null 2>&1 </dev/null & sleep 0.3'
check "tcp to port 5001 passes" tcp_to 5001
check_fail "tcp to port 5002 denied" tcp_to 5002
check "entry 10 saw the 5001 connection" test "$(hits web 10)" -gt 0
check "entry 20 saw the 5002 attempts" test "$(hits web 20)" -gt 0
on vm2 pkill nc 2>/dev/null

# "out": vethernet 3 refuses what the switch sends it from vm1.
check "ACL_NEW a MAC ACL: deny from vm1's MAC" nl ACL_NEW $N=str:novm1 $F=u8:$MAC \
	"$E=entries:[{\"SEQ\":\"u32:10\",\"ACTION\":\"u8:1\",\"SRC_MAC\":\"mac:02:00:00:00:0b:01\",\"SRC_MAC_MASK\":\"mac:ff:ff:ff:ff:ff:ff\"},
	             {\"SEQ\":\"u32:20\",\"ACTION\":\"u8:0\"}]"
check "bound to vethernet 3 out" nl PORT_SET VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:3 \
	VEM_A_PORT_ACL_MAC_OUT=str:novm1
check_fail "vm1 -> vm3 (known unicast) denied on the way out" \
	on vm1 ping -c 2 -i 0.2 -W 1 10.0.11.3
check_eq "counted as ACL-out drops on vethernet 3" 2 "$(port_stat host vethernet 3 drop_acl_out)"
# Flooded copies meet the out ACLs too: vm3's address forgotten, vm1's
# pings are flooded, vethernet 2 gets them, vethernet 3 must not.
vsm host clear mac address-table dynamic
rx2=$(rx_packets vm2 eth0)
rx3=$(rx_packets vm3 eth0)
check_fail "vm1 -> vm3 (flooded) denied on the way out" \
	on vm1 ping -c 2 -i 0.2 -W 1 10.0.11.3
check_eq "the flooded copies counted on vethernet 3" 4 \
	"$(port_stat host vethernet 3 drop_acl_out)"
check_eq "vm3 received none of them" "$rx3" "$(rx_packets vm3 eth0)"
check_eq "vm2 received both" $((rx2 + 2)) "$(rx_packets vm2 eth0)"
check "vm2 -> vm3 passes" on vm2 ping -c 2 -i 0.2 -W 2 10.0.11.3

# Through a profile: one ACL for every port bound to it.
check "a profile with an ACL" nl PROFILE_NEW VEM_A_PROFILE_NAME=str:p \
	VEM_A_PROFILE_ACL_MAC_IN=str:novm1
check "vethernet 1 joins it and drops its own IP ACL" nl PORT_SET VEM_A_PORT_TYPE=u8:1 \
	VEM_A_PORT_ID=u32:1 VEM_A_PORT_PROFILE=str:p VEM_A_PORT_CLEAR=u32:0x7ff
check_fail "vm1 is now denied by the profile's MAC ACL" on vm1 ping -c 2 -i 0.2 -W 1 10.0.11.2

# Refusals, each with a message, nothing changed.
nl_reject host "an ACL in use cannot be deleted" ACL_DEL $N=str:novm1
nl_reject host "a duplicate name" ACL_NEW $N=str:web $F=u8:$IPV4
nl_reject host "an unknown family" ACL_NEW $N=str:x $F=u8:9
nl_reject host "a bad name" ACL_NEW $N=str:a/b $F=u8:$IPV4
nl_reject host "a MAC condition in an IP ACL" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"ETHERTYPE\":\"u16:2054\"}]"
nl_reject host "an IPv6 address in an IPv4 ACL" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"SRC\":\"hex:20010db8000000000000000000000001\",\"SRC_LEN\":\"u8:128\"}]"
nl_reject host "a prefix too long" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"SRC\":\"hex:0a000000\",\"SRC_LEN\":\"u8:33\"}]"
nl_reject host "an address without its length" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"SRC\":\"hex:0a000000\"}]"
nl_reject host "ports without TCP/UDP" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"PROTO\":\"u8:1\",\"DPORT_OP\":\"u8:1\",\"DPORT_LO\":\"u16:80\"}]"
nl_reject host "a range that ends before it starts" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"PROTO\":\"u8:6\",\"DPORT_OP\":\"u8:5\",\"DPORT_LO\":\"u16:90\",\"DPORT_HI\":\"u16:80\"}]"
nl_reject host "established without TCP" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"PROTO\":\"u8:17\",\"ESTABLISHED\":\"flag:\"}]"
nl_reject host "a DSCP above 63" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"DSCP\":\"u8:64\"}]"
nl_reject host "sequence numbers out of order" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:20\",\"ACTION\":\"u8:0\"},{\"SEQ\":\"u32:10\",\"ACTION\":\"u8:0\"}]"
nl_reject host "an entry without an action" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\"}]"
nl_reject host "read-only hits in a request" ACL_NEW $N=str:x $F=u8:$IPV4 \
	"$E=entries:[{\"SEQ\":\"u32:1\",\"ACTION\":\"u8:0\",\"HITS\":\"u64:5\"}]"
nl_reject host "a MAC ACL bound as an IP ACL" PORT_SET VEM_A_PORT_TYPE=u8:1 \
	VEM_A_PORT_ID=u32:2 VEM_A_PORT_ACL_IP_IN=str:novm1
nl_reject host "a missing ACL bound" PORT_SET VEM_A_PORT_TYPE=u8:1 \
	VEM_A_PORT_ID=u32:2 VEM_A_PORT_ACL_IP_IN=str:nope
nl_reject host "ACL_SET changing the family" ACL_SET $N=str:web $F=u8:$MAC "$E=entries:[]"
nl_reject host "ACL_SET of a missing ACL" ACL_SET $N=str:nope "$E=entries:[]"

# Unbound, then deletable; gone with the switch otherwise.
check "vethernet 3 drops its ACL" nl PORT_SET VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:3 \
	VEM_A_PORT_ACL_MAC_OUT=str:
check "profile p deleted after vethernet 1 leaves it" sh -c \
	"ip netns exec $NS_PREFIX-host $VEMNL request PORT_SET VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:1 VEM_A_PORT_PROFILE=str: &&
	 ip netns exec $NS_PREFIX-host $VEMNL request PROFILE_DEL VEM_A_PROFILE_NAME=str:p"
check "then the MAC ACL can go" nl ACL_DEL $N=str:novm1
check_fail "and is gone" nl ACL_GET $N=str:novm1
check "web bound to vethernet 2" nl PORT_SET VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:2 \
	VEM_A_PORT_ACL_IP_IN=str:web
check "the switch goes, with an ACL in use" vsm host switch delete

ktap_finish
