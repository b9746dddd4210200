#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Teardown with traffic flowing: netdev removal, netns removal, switch
# deletion and module unload. The VM harness fails the run on any kernel
# warning; this script checks that nothing is left behind.
#
#   vm1 ==flood==> vm2        (ping -f both ways while things are torn down)
#     |              |
#  +-vm1-p--------vm2-p-+
#  | host: vem, vlan 1  |
#  +--------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "teardown with traffic flowing"

VEM_KO=${VEM_KO:-$REPO_DIR/kmod/vem.ko}
M1=02:00:00:00:05:01 M2=02:00:00:00:05:02

refcnt() { cat /sys/module/vem/refcnt; }

topology()
{
	ns_add host
	vm_add host vm1 $M1 10.0.5.1
	vm_add host vm2 $M2 10.0.5.2
	vsm host switch create
	vsm host interface add vethernet 1 dev vm1-p
	vsm host interface add vethernet 2 dev vm2-p
}

# flood: background pings both ways, for as long as the test needs.
flood()
{
	on vm1 ping -q -f -w 30 10.0.5.2 >/dev/null 2>&1 &
	on vm2 ping -q -f -w 30 10.0.5.1 >/dev/null 2>&1 &
	sleep 1
}

stop_flood()
{
	kill $(jobs -p) 2>/dev/null
	wait 2>/dev/null
}

# 1. The VM's netdev is deleted under traffic.
topology
check "traffic flows" on vm1 ping -c 2 -i 0.2 -W 2 10.0.5.2
flood
rx=$(port_stat host vethernet 2 rx_ucast_pkts)
check "frames are being switched" test "$rx" -gt 0
check "vm2-p deleted under traffic" on host ip link del vm2-p
check_eq "vethernet 2 survives, unbound" 0 "$(port_field host vethernet 2 ifindex)"
stop_flood
cleanup

# 2. The namespace holding the switch is deleted under traffic.
topology
flood
check "host netns deleted under traffic" ip netns del "$NS_PREFIX-host"
check "the VMs' veth peers went with it" \
	wait_until 10 sh -c "! ip -n $NS_PREFIX-vm1 link show eth0 && ! ip -n $NS_PREFIX-vm2 link show eth0"
stop_flood
cleanup
check_eq "module refcount back to 0" 0 "$(refcnt)"

# 3. The switch is deleted under traffic; its netdevs are released.
topology
flood
check "switch deleted under traffic" vsm host switch delete
check_eq "vm1-p promiscuity released" 0 \
	"$(on host ip -d -j link show vm1-p | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["promiscuity"])')"
check "vm1-p can join a bridge (rx handler released)" \
	sh -c "ip -n $NS_PREFIX-host link add brx type bridge &&
	       ip -n $NS_PREFIX-host link set vm1-p master brx &&
	       ip -n $NS_PREFIX-host link del brx"
stop_flood
cleanup

# 4. rmmod with ports bound and traffic flowing.
topology
flood
check "rmmod with ports bound under traffic" rmmod vem
check "the module is gone" test ! -d /sys/module/vem
check_eq "vm2-p promiscuity released by rmmod" 0 \
	"$(on host ip -d -j link show vm2-p | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["promiscuity"])')"
stop_flood
check "netdevs that were bound delete cleanly" on host ip link del vm1-p
cleanup
check "module loads again" insmod "$VEM_KO"
check_eq "fresh module has refcount 0" 0 "$(refcnt)"
topology
check "and switches again" on vm1 ping -c 2 -i 0.2 -W 2 10.0.5.2
cleanup
check_eq "no namespace of this test is left" 0 "$(ip netns list | grep -c "^$NS_PREFIX-")"

ktap_finish
