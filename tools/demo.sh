#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The demo, run inside the VM by `make demo`: one host, three VMs, port
# profiles defined once in vsmd, VMs attached to them, traffic, one
# profile change moving a VM, and what the operator sees.
#
#   web1 10.1.0.11   web2 10.1.0.12   db1 10.1.0.21
#   profile web      profile web      profile db
#        |                |               |
#   +--vethernet 1----vethernet 2-----vethernet 3--+      vsmd <-- vsmctl
#   |  host "esx1": vem.ko                         |
#   +----------------------------------------------+

set -eu
cd "$(dirname "$0")/.."
VSMCTL=$PWD/vsmctl/vsmctl
H=demo-esx1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }

T=$(mktemp -d)
VSMD_PID=
export VSMD_SOCKET=$T/vsmd.sock

cleanup()
{
	[ -n "$VSMD_PID" ] && kill "$VSMD_PID" 2>/dev/null && wait "$VSMD_PID" 2>/dev/null
	rm -rf "$T"
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

step "Start vsmd, the supervisor: it owns the configuration"
ip netns exec $H vsmctl/vsmd -f -s "$VSMD_SOCKET" -c "$T/startup-config" \
	2>"$T/vsmd.log" &
VSMD_PID=$!
for _ in $(seq 100); do "$VSMCTL" show running-config >/dev/null 2>&1 && break; sleep 0.1; done
echo "  vsmd pid $VSMD_PID, socket $VSMD_SOCKET"

step "Define port profiles once (NX-OS config, one all-or-nothing batch)"
cat >"$T/profiles" <<'EOF2'
vlan 10
  name web
vlan 20
  name db
port-profile type vethernet base
  switchport mode access
  max-ports 16
port-profile type vethernet web
  inherit port-profile base
  switchport access vlan 10
  state enabled
port-profile type vethernet db
  inherit port-profile base
  switchport access vlan 20
  state enabled
EOF2
sed 's/^/  | /' "$T/profiles"
vsm configure "$T/profiles"

step "Power on the VMs: each vNIC is attached to its profile's port group"
vsm attach --vm web1 --mac 02:00:00:00:00:01 --dev web1-nic --profile web
vsm attach --vm web2 --mac 02:00:00:00:00:02 --dev web2-nic --profile web
vsm attach --vm db1 --mac 02:00:00:00:00:03 --dev db1-nic --profile db
vsm show port-profile name web
vsm show interface virtual

step "Traffic"
run ip netns exec demo-web1 ping -c 3 -i 0.2 10.1.0.12
echo "$ ip netns exec demo-web1 ping -c 2 -W 1 10.1.0.21   # db is VLAN 20"
if ip netns exec demo-web1 ping -c 2 -i 0.2 -W 1 10.1.0.21 >/dev/null; then
	echo "  UNEXPECTED: VLAN 20 reachable from VLAN 10"; exit 1
else
	echo "  unreachable, as it should be: db1 is in VLAN 20"
fi

step "What the operator sees"
vsm show switch
vsm show interface brief
vsm show interface vethernet 1
vsm show mac address-table

step "Change one profile: every vEth bound to db moves at once"
printf '  | port-profile type vethernet db\n  |   switchport access vlan 10\n'
printf 'port-profile type vethernet db\n  switchport access vlan 10\n' |
	vsm configure -
run ip netns exec demo-web1 ping -c 2 -i 0.2 10.1.0.21
vsm show interface brief

step "Save, then stop vsmd: the switch keeps forwarding (headless)"
vsm copy running-config startup-config
vsm show running-config
kill "$VSMD_PID"; wait "$VSMD_PID" 2>/dev/null || true; VSMD_PID=
echo "  vsmd stopped"
run ip netns exec demo-web1 ping -c 2 -i 0.2 10.1.0.21
echo
echo "demo done"
