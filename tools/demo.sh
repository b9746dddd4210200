#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The demo, run inside the VM by `make demo`: one host, two VLANs, three
# VMs, some traffic, and what the operator sees.
#
#   web1 10.1.0.11   web2 10.1.0.12   db1 10.1.0.21
#   (vlan 10)        (vlan 10)        (vlan 20)
#        |                |               |
#   +--vethernet 1----vethernet 2-----vethernet 3--+
#   |  host "esx1": vem.ko                         |
#   +----------------------------------------------+

set -eu
cd "$(dirname "$0")/.."
VSMCTL=$PWD/vsmctl/vsmctl
H=demo-esx1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

cleanup()
{
	for ns in $H demo-web1 demo-web2 demo-db1; do
		ip netns del $ns 2>/dev/null || true
	done
}
trap cleanup EXIT

[ -d /sys/module/vem ] || insmod kmod/vem.ko

step "Hypervisor host $H and three VMs (tap-like veth pairs)"
ip netns add $H
ip netns exec $H sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
i=1
for vm in web1:10.1.0.11 web2:10.1.0.12 db1:10.1.0.21; do
	name=${vm%%:*} ip=${vm#*:}
	ip netns add demo-$name
	ip netns exec demo-$name sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip -n $H link add $name-nic type veth peer name eth0 netns demo-$name
	ip -n demo-$name link set eth0 address 02:00:00:00:00:0$i
	ip -n demo-$name addr add $ip/16 dev eth0
	ip -n demo-$name link set eth0 up
	ip -n demo-$name link set lo up
	ip -n $H link set $name-nic up
	echo "  VM $name: eth0 $ip, vNIC $name-nic on $H"
	i=$((i + 1))
done

vsm() { printf '$ vsmctl %s\n' "$*"; ip netns exec $H "$VSMCTL" "$@"; }

step "Configure the switch"
vsm switch create aging-time 300
vsm interface add vethernet 1 dev web1-nic mode access access vlan 10
vsm interface add vethernet 2 dev web2-nic mode access access vlan 10
vsm interface add vethernet 3 dev db1-nic mode access access vlan 20

step "Traffic"
run ip netns exec demo-web1 ping -c 3 -i 0.2 10.1.0.12
echo "$ ip netns exec demo-web1 ping -c 2 -W 1 10.1.0.21   # other VLAN"
if ip netns exec demo-web1 ping -c 2 -i 0.2 -W 1 10.1.0.21 >/dev/null; then
	echo "  UNEXPECTED: VLAN 20 reachable from VLAN 10"; exit 1
else
	echo "  unreachable, as it should be: db1 is in VLAN 20"
fi

step "What the operator sees"
vsm show switch
vsm show interface brief
vsm show interface vethernet 1 counters
vsm show mac address-table

step "Move db1 into VLAN 10"
vsm interface set vethernet 3 access vlan 10
run ip netns exec demo-web1 ping -c 2 -i 0.2 10.1.0.21
vsm show interface brief
echo
echo "demo done"
