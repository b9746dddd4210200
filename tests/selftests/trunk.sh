#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two hosts, each with its own switch, whose uplinks meet in a VLAN-aware
# Linux bridge standing in for the physical access switch.
#
#   vmA 10.0.10.1  vmB 10.0.20.1       vmC 10.0.10.2  vmD 10.0.20.2
#   (vlan 10)      (vlan 20)           (vlan 10)      (vlan 20)
#       |              |                   |              |
#   +--vmA-p--------vmB-p--+           +--vmC-p--------vmD-p--+
#   | h1: vem              |           | h2: vem              |
#   |   ethernet 1 = up1   |           |   ethernet 1 = up2   |
#   +---------|------------+           +---------|------------+
#             |     802.1Q trunk: 10,20          |
#   +-------- p1 ------- br0 (vlan_filtering) -- p2 ---------+
#   | phys                                                    |
#   +---------------------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "802.1Q trunk uplinks between two hosts"

MA=02:00:00:00:0a:01 MB=02:00:00:00:0b:01 MC=02:00:00:00:0c:01 MD=02:00:00:00:0d:01

ns_add phys
ns_add h1
ns_add h2
on phys ip link add br0 type bridge vlan_filtering 1
for h in 1 2; do
	ip -n "$NS_PREFIX-h$h" link add up$h type veth peer name p$h \
		netns "$NS_PREFIX-phys"
	on phys ip link set p$h master br0
	on phys bridge vlan add dev p$h vid 10
	on phys bridge vlan add dev p$h vid 20
	on phys bridge vlan add dev p$h vid 30
	on phys ip link set p$h up
	on h$h ip link set up$h up
done
on phys ip link set br0 up

vm_add h1 vmA $MA 10.0.10.1
vm_add h1 vmB $MB 10.0.20.1
vm_add h2 vmC $MC 10.0.10.2
vm_add h2 vmD $MD 10.0.20.2
# vmA and vmD share a subnet: only VLANs keep them apart.
on vmD ip addr add 10.0.10.4/24 dev eth0

for h in 1 2; do
	check "h$h: switch created" vsm h$h switch create
	check "h$h: uplink ethernet 1 trunks 10,20" \
		vsm h$h interface add ethernet 1 dev up$h allowed vlan 10,20 native vlan none
done
vsm h1 interface add vethernet 1 dev vmA-p access vlan 10
vsm h1 interface add vethernet 2 dev vmB-p access vlan 20
vsm h2 interface add vethernet 1 dev vmC-p access vlan 10
vsm h2 interface add vethernet 2 dev vmD-p access vlan 20

# Permanent ARP entries: no probe may disturb the drop counts below.
static_neighbors vmA:10.0.10.1:$MA vmC:10.0.10.2:$MC
static_neighbors vmB:10.0.20.1:$MB vmD:10.0.20.2:$MD
check "vmA (h1) pings vmC (h2) in VLAN 10" on vmA ping -c 3 -i 0.2 -W 2 10.0.10.2
check "vmB (h1) pings vmD (h2) in VLAN 20" on vmB ping -c 3 -i 0.2 -W 2 10.0.20.2
check_fail "vmA (VLAN 10) cannot reach vmD (VLAN 20) in the same subnet" \
	on vmA ping -c 2 -i 0.2 -W 1 10.0.10.4
check_eq "the physical switch learned vmA in VLAN 10 (frames tagged 10)" 1 \
	"$(on phys bridge fdb show dev p1 | grep -ci "$MA vlan 10")"
check_eq "the physical switch learned vmB in VLAN 20 (frames tagged 20)" 1 \
	"$(on phys bridge fdb show dev p1 | grep -ci "$MB vlan 20")"
check_eq "h2 learned vmA behind its uplink" ethernet1 "$(mac_port h2 $MA 10)"

# Pruning: VLAN 20 taken off h1's trunk isolates vmB.
check "h1: trunk narrowed to VLAN 10" vsm h1 interface set ethernet 1 allowed vlan 10
check_fail "vmB cannot reach vmD once VLAN 20 is pruned" \
	on vmB ping -c 2 -i 0.2 -W 1 10.0.20.2
check "vmA still reaches vmC" on vmA ping -c 2 -i 0.2 -W 2 10.0.10.2
before=$(port_stat h1 ethernet 1 drop_vlan)
ip -n "$NS_PREFIX-phys" link add inj type veth peer name inj-p
on phys ip link set inj-p master br0
on phys bridge vlan add dev inj-p vid 20
on phys ip link set inj up
on phys ip link set inj-p up
on phys $SENDFRAMES inj --src 02:00:00:00:ee:01 --dst ff:ff:ff:ff:ff:ff --vlan 20 --count 5
sleep 0.5
check_eq "frames in a pruned VLAN are dropped and counted on the uplink" 5 \
	$(( $(port_stat h1 ethernet 1 drop_vlan) - before ))

# Native VLAN: untagged on the wire, VLAN 10 inside.
on phys bridge vlan del dev p1 vid 10
on phys bridge vlan add dev p1 vid 10 pvid untagged
check "h1: native VLAN 10 on the uplink" vsm h1 interface set ethernet 1 native vlan 10
check "vmA reaches vmC with VLAN 10 native on h1's uplink" \
	on vmA ping -c 2 -i 0.2 -W 2 10.0.10.2

# Untagged frames on a trunk without native VLAN are dropped.
check "h2: no native VLAN" vsm h2 interface set ethernet 1 native vlan none
before=$(port_stat h2 ethernet 1 drop_vlan)
on phys bridge vlan add dev inj-p vid 30 pvid untagged
on phys bridge vlan add dev p2 vid 30 pvid untagged
on phys $SENDFRAMES inj --src 02:00:00:00:ee:02 --dst ff:ff:ff:ff:ff:ff --count 7
sleep 0.5
check_eq "untagged frames on a trunk without native VLAN are dropped" 7 \
	$(( $(port_stat h2 ethernet 1 drop_vlan) - before ))

ktap_finish
