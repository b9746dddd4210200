#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A vEth is an identity, not a netdev: its config and counters survive
# unbind, rebind to a new netdev, and the netdev going away.
#
#   +--------+   +--------+        +---------+
#   | vm1    |   | vm2    |        | vm2new  |  (vm2 "migrated": new netdev)
#   +--eth0--+   +--eth0--+        +--eth0---+
#        |            |                 |
#  +---vm1-p-------vm2-p------------vm2new-p--+
#  | host: vem  veth1 vlan 30  veth2 vlan 30    |
#  +--------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "vEth identity across unbind, rebind and netdev removal"

M1=02:00:00:00:04:01 M2=02:00:00:00:04:02

ns_add host
vm_add host vm1 $M1 10.0.4.1
vm_add host vm2 $M2 10.0.4.2
vsm host switch create
vsm host interface add vethernet 1 dev vm1-p access vlan 30
check "vethernet 2 in vlan 30 bound to vm2-p" \
	vsm host interface add vethernet 2 dev vm2-p access vlan 30

on vm2 $SENDFRAMES eth0 --src $M2 --dst $M1 --count 40 --size 100
check_eq "vethernet2 counted 40 frames" 40 "$(port_stat host vethernet 2 rx_ucast_pkts)"

# Unbind by hand: config and counters stay.
check "vethernet 2 unbound" vsm host interface set vethernet 2 nodev
check_eq "unbound vEth has no netdev" 0 "$(port_field host vethernet 2 ifindex)"
check_eq "unbound vEth is down" false "$(port_field host vethernet 2 oper_up)"
check_eq "unbound vEth keeps its VLAN" 30 "$(port_field host vethernet 2 access_vlan)"
check_eq "unbound vEth keeps its counters" 40 "$(port_stat host vethernet 2 rx_ucast_pkts)"
check_eq "vm2-p is no longer promiscuous" 0 \
	"$(on host ip -d -j link show vm2-p | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["promiscuity"])')"
check "vm2-p can now join a Linux bridge (rx handler released)" \
	sh -c "ip -n $NS_PREFIX-host link add brx type bridge &&
	       ip -n $NS_PREFIX-host link set vm2-p master brx &&
	       ip -n $NS_PREFIX-host link set vm2-p nomaster &&
	       ip -n $NS_PREFIX-host link del brx"

# The VM's netdev goes away: the vEth stays, unbound.
check "vethernet 2 bound again" vsm host interface set vethernet 2 dev vm2-p
on vm2 $SENDFRAMES eth0 --src $M2 --dst $M1 --count 10 --size 100
check_eq "counting resumes from 40" 50 "$(port_stat host vethernet 2 rx_ucast_pkts)"
ip netns del "$NS_PREFIX-vm2"
check "vm2-p disappears with vm2" wait_until 5 sh -c "! ip -n $NS_PREFIX-host link show vm2-p"
check "vethernet 2 still exists" vsm host show interface vethernet 2
check_eq "and is unbound" 0 "$(port_field host vethernet 2 ifindex)"
check_eq "and kept its counters" 50 "$(port_stat host vethernet 2 rx_ucast_pkts)"

# The VM comes back on a new netdev (a migration, a restart): same vEth.
vm_add host vm2new $M2 10.0.4.2
check "vethernet 2 bound to the new netdev" vsm host interface set vethernet 2 dev vm2new-p
check_eq "bound to vm2new-p" vm2new-p "$(port_field host vethernet 2 ifname)"
check_eq "still in vlan 30" 30 "$(port_field host vethernet 2 access_vlan)"
check "vm2 reaches vm1 again" on vm2new ping -c 2 -i 0.2 -W 2 10.0.4.1
check "counters went on from 50" test "$(port_stat host vethernet 2 rx_ucast_pkts)" -gt 50

# One netdev, one port.
check_fail "a netdev cannot be bound to two vEths" \
	vsm host interface add vethernet 3 dev vm2new-p
check_fail "a bound vEth does not silently switch netdevs" \
	vsm host interface set vethernet 2 dev vm1-p

# Deleting a vEth releases its netdev.
check "vethernet 2 deleted" vsm host interface delete vethernet 2
check_fail "vethernet 2 is gone" vsm host show interface vethernet 2
check "its netdev can be bound again" vsm host interface add vethernet 4 dev vm2new-p

ktap_finish
