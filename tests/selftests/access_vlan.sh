#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Three VMs on one host: vm1 and vm2 in VLAN 10, vm3 in VLAN 20, all in
# one IP subnet so that only the switch keeps vm3 apart.
#
#   +-----------+   +-----------+   +-----------+
#   | vm1       |   | vm2       |   | vm3       |
#   | 10.0.0.1  |   | 10.0.0.2  |   | 10.0.0.3  |
#   +---eth0----+   +---eth0----+   +---eth0----+
#         |               |               |
#  +----vm1-p----------vm2-p-----------vm3-p-----+
#  | host: vem   veth1         veth2       veth3  |
#  |             vlan 10       vlan 10     vlan 20|
#  +----------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "access VLANs, isolation, exact per-class counters"

M1=02:00:00:00:01:01 M2=02:00:00:00:01:02 M3=02:00:00:00:01:03

ns_add host
vm_add host vm1 $M1 10.0.0.1
vm_add host vm2 $M2 10.0.0.2
vm_add host vm3 $M3 10.0.0.3

check "switch created" vsm host switch create
check "vethernet 1 bound to vm1-p in vlan 10" \
	vsm host interface add vethernet 1 dev vm1-p mode access access vlan 10
check "vethernet 2 bound to vm2-p in vlan 10" \
	vsm host interface add vethernet 2 dev vm2-p mode access access vlan 10
check "vethernet 3 bound to vm3-p in vlan 20" \
	vsm host interface add vethernet 3 dev vm3-p mode access access vlan 20
check_eq "vethernet 1 is up" true "$(port_field host vethernet 1 oper_up)"
check_eq "vethernet 1 reports its netdev" vm1-p "$(port_field host vethernet 1 ifname)"

check "vm1 pings vm2 (same VLAN)" on vm1 ping -c 3 -i 0.2 -W 2 10.0.0.2
check_fail "vm1 cannot ping vm3 (other VLAN)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.0.3
check_fail "vm3 cannot ping vm2 (other VLAN)" on vm3 ping -c 2 -i 0.2 -W 1 10.0.0.2
check_eq "vm1's MAC learned on vethernet1 in vlan 10" vethernet1 "$(mac_port host $M1 10)"
check_eq "vm3's MAC learned on vethernet3 in vlan 20" vethernet3 "$(mac_port host $M3 20)"

# Exact counters: from here on only our frames move (IPv6 is off, ARP
# entries are permanent). Snapshot, send, compare.
static_neighbors vm1:10.0.0.1:$M1 vm2:10.0.0.2:$M2 vm3:10.0.0.3:$M3
declare -A before
snap()
{
	local p k v
	for p in 1 2 3; do
		while read -r k v; do
			before[$p.$k]=$v
		done < <(port_stats host vethernet $p)
	done
}
delta()
{
	echo $(( $(port_stat host vethernet $1 $2) - ${before[$1.$2]} ))
}

snap
vm3_rx=$(rx_packets vm3 eth0)
vm2_rx=$(rx_packets vm2 eth0)
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 50 --size 100
on vm1 $SENDFRAMES eth0 --src $M1 --dst 01:00:5e:00:00:fb --count 30 --size 200
on vm1 $SENDFRAMES eth0 --src $M1 --dst $M2 --count 100 --size 300
sleep 0.5
check_eq "vethernet1 rx broadcast = 50" 50 "$(delta 1 rx_bcast_pkts)"
check_eq "vethernet1 rx broadcast bytes = 5000" 5000 "$(delta 1 rx_bcast_bytes)"
check_eq "vethernet1 rx multicast = 30" 30 "$(delta 1 rx_mcast_pkts)"
check_eq "vethernet1 rx unicast = 100" 100 "$(delta 1 rx_ucast_pkts)"
check_eq "vethernet1 rx unicast bytes = 30000" 30000 "$(delta 1 rx_ucast_bytes)"
check_eq "vethernet1 flooded no known unicast" 0 "$(delta 1 rx_flood_pkts)"
check_eq "vethernet2 tx broadcast = 50" 50 "$(delta 2 tx_bcast_pkts)"
check_eq "vethernet2 tx broadcast bytes = 5000" 5000 "$(delta 2 tx_bcast_bytes)"
check_eq "vethernet2 tx multicast = 30" 30 "$(delta 2 tx_mcast_pkts)"
check_eq "vethernet2 tx multicast bytes = 6000" 6000 "$(delta 2 tx_mcast_bytes)"
check_eq "vethernet2 tx unicast = 100" 100 "$(delta 2 tx_ucast_pkts)"
check_eq "vethernet2 tx unicast bytes = 30000" 30000 "$(delta 2 tx_ucast_bytes)"
check_eq "vm2 received all 180 frames" 180 $(( $(rx_packets vm2 eth0) - vm2_rx ))
check_eq "vethernet3 tx broadcast = 0 (VLAN 20)" 0 "$(delta 3 tx_bcast_pkts)"
check_eq "vethernet3 tx multicast = 0 (VLAN 20)" 0 "$(delta 3 tx_mcast_pkts)"
check_eq "vethernet3 tx unicast = 0 (VLAN 20)" 0 "$(delta 3 tx_ucast_pkts)"
check_eq "vm3 received nothing" 0 $(( $(rx_packets vm3 eth0) - vm3_rx ))
check_eq "vethernet1 tx nothing back (no reflection)" 0 "$(delta 1 tx_bcast_pkts)"

# Unknown unicast floods within the VLAN only.
snap
on vm1 $SENDFRAMES eth0 --src $M1 --dst 02:00:00:00:09:99 --count 20 --size 100
sleep 0.5
check_eq "unknown unicast counted as flooded on vethernet1" 20 "$(delta 1 rx_flood_pkts)"
check_eq "unknown unicast reaches vethernet2" 20 "$(delta 2 tx_ucast_pkts)"
check_eq "unknown unicast does not reach vethernet3" 0 "$(delta 3 tx_ucast_pkts)"

# A VM may not pick its VLAN: a tagged frame on an access port is dropped.
snap
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --vlan 20 --count 10
sleep 0.5
check_eq "tagged frames on an access port dropped and counted" 10 "$(delta 1 drop_vlan)"
check_eq "tagged frames did not leak into vlan 20" 0 "$(delta 3 tx_bcast_pkts)"
check_eq "tagged frames did not reach vlan 10 either" 0 "$(delta 2 tx_bcast_pkts)"

# Moving vm3 into VLAN 10 joins it to vm1 and vm2.
check "vethernet 3 moved to vlan 10" vsm host interface set vethernet 3 access vlan 10
check "vm1 pings vm3 once both are in VLAN 10" on vm1 ping -c 2 -i 0.2 -W 2 10.0.0.3

# Shutdown stops a port in both directions.
check "vethernet 2 shut down" vsm host interface set vethernet 2 shutdown
check_eq "a shut port is not operationally up" false "$(port_field host vethernet 2 oper_up)"
check_fail "vm1 cannot reach vm2 while vethernet 2 is shut" on vm1 ping -c 2 -i 0.2 -W 1 10.0.0.2
check "no shutdown brings vethernet 2 back" vsm host interface set vethernet 2 no shutdown
check "vm1 pings vm2 again" on vm1 ping -c 2 -i 0.2 -W 2 10.0.0.2

ktap_finish
