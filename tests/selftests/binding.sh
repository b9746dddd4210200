#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# VM binding through vsmd: vsmctl attach puts a VM vNIC (VM, MAC) on a
# vethernet chosen by vsmd and bound to the vNIC's netdev; the same vNIC
# always gets the same vethernet (after a detach, on a new netdev, after
# vsmd is killed), with its configuration and counters. A full profile
# (max-ports) refuses the next VM clearly; an ephemeral profile frees the
# vethernet on detach. The profile catalog exports as a libvirt network.
#
#   web01 10.0.9.1    web02 10.0.9.2    web03 10.0.9.3    tmp01 10.0.9.4
#       |                 |                 |                 |
#    web01-p           web02-p          (refused:         tmp01-p
#       |                 |              max-ports 2)         |
#  +--vethernet 1-----vethernet 2-------------------------vethernet 3--+
#  | host: vem     profile web (VLAN 10, max-ports 2)  profile temp    |
#  +-------------------------------------------------(ephemeral)-------+
#       vsmd <-- vsmctl attach/detach (UNIX socket)

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "VM binding: attach, detach, re-attach, max-ports, ephemeral"

VSMD=$REPO_DIR/vsmctl/vsmd
T=$(mktemp -d)
export VSMD_SOCKET=$T/vsmd.sock
CONF=$T/startup-config
VSMD_PID=

start_vsmd()
{
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF" \
		2>>"$T/vsmd.log" &
	VSMD_PID=$!
	wait_until 10 "$VSMCTL" show running-config
}

stop_vsmd()
{
	[ -n "$VSMD_PID" ] && kill "$VSMD_PID" 2>/dev/null && wait "$VSMD_PID" 2>/dev/null
	VSMD_PID=
}
trap 'stop_vsmd; rm -rf "$T"; cleanup' EXIT

# vm_json FIELD VM MAC: a field of the VM's row in show interface virtual.
vm_json()
{
	vsm host -j show interface virtual | python3 -c '
import json, sys
field, vm, mac = sys.argv[1:]
for r in json.load(sys.stdin):
    if r["vm"] == vm and r["mac"] == mac:
        print(r[field]); break
else:
    print("none")' "$@"
}

ns_add host
vm_add host web01 52:54:00:00:09:01 10.0.9.1
vm_add host web02 52:54:00:00:09:02 10.0.9.2
vm_add host web03 52:54:00:00:09:03 10.0.9.3
vm_add host tmp01 52:54:00:00:09:04 10.0.9.4
static_neighbors web01:10.0.9.1:52:54:00:00:09:01 web02:10.0.9.2:52:54:00:00:09:02 \
	tmp01:10.0.9.4:52:54:00:00:09:04

check "vsmd starts" start_vsmd
check "profiles web (max-ports 2) and temp (ephemeral)" vsm host configure - <<'EOF2'
vlan 10
port-profile type vethernet web
  switchport mode access
  switchport access vlan 10
  max-ports 2
  state enabled
port-profile type vethernet temp
  inherit port-profile web
  max-ports 8
  port-binding ephemeral
  state enabled
port-profile type vethernet draft
  switchport access vlan 99
EOF2

attach() { vsm host attach --vm "$1" --mac "$2" --dev "$3" --profile "$4"; }

check_eq "attach web01: vethernet 1" "vethernet 1" \
	"$(attach web01 52:54:00:00:09:01 web01-p web)"
check_eq "attach web02: vethernet 2" "vethernet 2" \
	"$(attach web02 52:54:00:00:09:02 web02-p web)"
check_eq "vethernet 1 is bound to web01-p" web01-p "$(port_field host vethernet 1 ifname)"
check_eq "and in VLAN 10 from profile web" 10 "$(port_field host vethernet 1 access_vlan)"
check "web01 reaches web02" on web01 ping -c 3 -i 0.2 -W 2 10.0.9.2
check "show interface virtual lists the VM" \
	sh -c "$VSMCTL show interface virtual | grep -q 'web01 .*5254.0000.0901 .*web01-p'"
check_eq "the binding is saved at once" 1 \
	"$(grep -c 'vm web01 mac 5254.0000.0901' "$CONF")"

# A vEth is an identity: detach keeps it (static binding).
rx=$(port_stat host vethernet 1 rx_ucast_pkts)
check "detach web01" vsm host detach --vm web01 --mac 52:54:00:00:09:01
check_eq "vethernet 1 is unbound" None "$(port_field host vethernet 1 ifname)"
check_eq "and still configured (static binding)" web "$(port_field host vethernet 1 profile)"
check_fail "web01 no longer reaches web02" on web01 ping -c 2 -i 0.2 -W 1 10.0.9.2

# The VM comes back on a new netdev: a new veth pair, the same MAC.
ip -n "$NS_PREFIX-host" link del web01-p
ip -n "$NS_PREFIX-host" link add web01-q type veth peer name eth0 netns "$NS_PREFIX-web01"
on web01 ip link set eth0 address 52:54:00:00:09:01
on web01 ip addr add 10.0.9.1/24 dev eth0
on web01 ip link set eth0 up
on host ip link set web01-q up
on web01 ip neigh replace 10.0.9.2 lladdr 52:54:00:00:09:02 dev eth0 nud permanent
check_eq "re-attach on the new netdev: the same vethernet 1" "vethernet 1" \
	"$(attach web01 52:54:00:00:09:01 web01-q web)"
check_eq "bound to web01-q" web01-q "$(port_field host vethernet 1 ifname)"
check "counters kept across the re-attach" \
	test "$(port_stat host vethernet 1 rx_ucast_pkts)" -ge "$rx" -a "$rx" -gt 0
check "web01 reaches web02 again" on web01 ping -c 3 -i 0.2 -W 2 10.0.9.2

# max-ports: the third VM is refused, clearly, and nothing changes.
RUN=$(vsm host show running-config)
KSTATE=$(on host $VEMNL state)
err=$(attach web03 52:54:00:00:09:03 web03-p web 2>&1)
rc=$?
check_eq "a third VM on web (max-ports 2) fails with status 2" 2 "$rc"
check "the error names the limit and the users" \
	grep -q "port-profile web is full: max-ports 2, used by vethernet 1, vethernet 2" <<<"$err"
check_eq "running-config unchanged" "$RUN" "$(vsm host show running-config)"
check_eq "kernel state unchanged" "$KSTATE" "$(on host $VEMNL state)"
check_eq "web03-p is not bound" none "$(vm_json dev web03 52:54:00:00:09:03)"

# Bad attach requests: each refused with a reason, nothing changed.
bad_attach()
{
	local desc=$1 want=$2; shift 2
	local out
	out=$(vsm host attach "$@" 2>&1)
	if [ $? -ne 0 ] && grep -q -- "$want" <<<"$out"; then
		ok "$desc"
	else
		not_ok "$desc"
		echo "#   $out"
	fi
}
bad_attach "a disabled profile" "not enabled" \
	--vm web03 --mac 52:54:00:00:09:03 --dev web03-p --profile draft
bad_attach "a missing profile" "no port-profile nope" \
	--vm web03 --mac 52:54:00:00:09:03 --dev web03-p --profile nope
bad_attach "a missing netdev" "no such device" \
	--vm web03 --mac 52:54:00:00:09:03 --dev nosuch0 --profile temp
bad_attach "a netdev bound to another vethernet" "web02-p" \
	--vm web03 --mac 52:54:00:00:09:03 --dev web02-p --profile temp
bad_attach "a bad MAC" "invalid MAC" \
	--vm web03 --mac 52:54:00:00:09 --dev web03-p --profile temp
bad_attach "a multicast MAC" "not a unicast" \
	--vm web03 --mac 01:00:5e:00:00:01 --dev web03-p --profile temp
bad_attach "an over-long VM name" "VM name" \
	--vm "$(printf 'v%.0s' {1..81})" --mac 52:54:00:00:09:03 --dev web03-p --profile temp
bad_attach "a missing option" "missing profile" \
	--vm web03 --mac 52:54:00:00:09:03 --dev web03-p
check_eq "running-config still unchanged" "$RUN" "$(vsm host show running-config)"
check_eq "kernel state still unchanged" "$KSTATE" "$(on host $VEMNL state)"

# Ephemeral: detach frees the vethernet.
check_eq "attach tmp01 to temp: vethernet 3" "vethernet 3" \
	"$(attach tmp01 52:54:00:00:09:04 tmp01-p temp)"
check "tmp01 reaches web02 (VLAN 10 inherited from web)" \
	on tmp01 ping -c 2 -i 0.2 -W 2 10.0.9.2
check "detach tmp01" vsm host detach --vm tmp01 --mac 52:54:00:00:09:04
check_fail "vethernet 3 is gone from the kernel" vsm host show interface vethernet 3
check_fail "and from the configuration" grep -q tmp01 "$CONF"
check_fail "detach again: nothing attached" \
	vsm host detach --vm tmp01 --mac 52:54:00:00:09:04

# A tap, as QEMU and libvirt make them, binds too.
# (The VM's /dev may lack the tun node that udev would make.)
modprobe -q tun 2>/dev/null
[ -c /dev/net/tun ] || { mkdir -p /dev/net && mknod /dev/net/tun c 10 200; }
on host ip tuntap add dev tap9 mode tap
check_eq "a tap device attaches" "vethernet 3" \
	"$(attach vm9 52:54:00:00:09:09 tap9 temp)"
check_eq "bound to tap9" tap9 "$(port_field host vethernet 3 ifname)"

# The libvirt hook, as libvirt calls it, with the real vsmctl: prepare
# makes the parking bridge (down); libvirt would then put the tap on it;
# start takes it off and attaches it; stopped detaches it.
hook()
{
	on host env VSMCTL="$VSMCTL" VNLINK_SYSLOG=no VNLINK_DEFAULTS=/dev/null \
		python3 "$REPO_DIR/tools/libvirt-hook" lv01 "$1" "$2" - <"$T/lv01.xml"
}
cat >"$T/lv01.xml" <<'EOF2'
<domain type='kvm'>
  <name>lv01</name>
  <uuid>0b5e7c1a-2f4d-4a8e-9b61-3c7d2e9f4a10</uuid>
  <devices>
    <interface type='network'>
      <mac address='52:54:00:00:09:0a'/>
      <source network='vnlink' portgroup='temp' bridge='vnlink0'/>
      <target dev='lv01-p'/>
      <model type='virtio'/>
      <alias name='net0'/>
    </interface>
  </devices>
</domain>
EOF2
vm_add host lv01 52:54:00:00:09:0a 10.0.9.10
on lv01 ip neigh replace 10.0.9.2 lladdr 52:54:00:00:09:02 dev eth0 nud permanent
on web02 ip neigh replace 10.0.9.10 lladdr 52:54:00:00:09:0a dev eth0 nud permanent
check "hook prepare: the parking bridge is made" hook prepare begin
check_eq "vnlink0 is a bridge, and down" "bridge DOWN" \
	"$(on host ip -d -o link show vnlink0 | grep -o 'bridge ' | head -1)$(on host ip -br link show vnlink0 | awk '{print $2}')"
on host ip link set lv01-p master vnlink0		# what libvirt does
check_fail "parked, lv01 reaches nothing" on lv01 ping -c 2 -i 0.2 -W 1 10.0.9.2
check "hook start: attached" hook start begin
check_eq "lv01-p is off the parking bridge" "" \
	"$(on host ip -o link show lv01-p | grep -o 'master [^ ]*')"
check_eq "lv01 is on vethernet 4, by its UUID" 4 \
	"$(vm_json id 0b5e7c1a-2f4d-4a8e-9b61-3c7d2e9f4a10 52:54:00:00:09:0a)"
check "lv01 reaches web02" on lv01 ping -c 2 -i 0.2 -W 2 10.0.9.2
check "hook reconnect: nothing changes" hook reconnect begin
check_eq "still vethernet 4" 4 \
	"$(vm_json id 0b5e7c1a-2f4d-4a8e-9b61-3c7d2e9f4a10 52:54:00:00:09:0a)"
check "hook stopped: detached" hook stopped end
check_fail "vethernet 4 freed (port-group temp is ephemeral)" \
	vsm host show interface vethernet 4

# vsmd killed: the bindings survive and the numbers hold.
kill -9 "$VSMD_PID"; wait "$VSMD_PID" 2>/dev/null; VSMD_PID=
check "web01 still reaches web02 with vsmd dead" on web01 ping -c 2 -i 0.2 -W 2 10.0.9.2
check "vsmd restarts" start_vsmd
check_eq "web01 is still on vethernet 1" 1 "$(vm_json id web01 52:54:00:00:09:01)"
check_eq "and bound to web01-q" web01-q "$(vm_json dev web01 52:54:00:00:09:01)"
check_eq "a detached-then-reattached VM keeps its number after restart" "vethernet 2" \
	"$(vsm host detach --vm web02 --mac 52:54:00:00:09:02 >/dev/null &&
	   attach web02 52:54:00:00:09:02 web02-p web)"
check "web01 reaches web02 after all that" on web01 ping -c 2 -i 0.2 -W 2 10.0.9.2

# The profile catalog as a libvirt network: valid XML, one port group per
# enabled vethernet profile (web, temp; not draft).
vsm host export libvirt-network >"$T/net.xml"
check "export libvirt-network is well-formed XML" xmllint --noout "$T/net.xml"
check_eq "one portgroup per enabled vethernet profile" "temp web" \
	"$(xmllint --xpath '//portgroup/@name' "$T/net.xml" |
	   sed 's/ *name="\([^"]*\)"/\1\n/g' | sort | xargs)"
check_eq "the network is named vnlink" vnlink \
	"$(xmllint --xpath 'string(/network/name)' "$T/net.xml")"

ktap_finish
