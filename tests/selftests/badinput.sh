#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input: every command refuses missing, out-of-range, unknown and
# read-only attributes with an extack message and changes nothing; only
# CAP_NET_ADMIN in the initial user namespace may talk to the family.
#
#  +-------------------------------+
#  | host: vem                     |
#  |   vethernet 1 = d1 (vlan 10)  |   d1, d2: dummy-like veth ends
#  |   ethernet 1  = u1 (trunk)    |
#  +-------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "bad input and permissions"

ns_add host
on host ip link add d1 type veth peer name d1p
on host ip link add u1 type veth peer name u1p
on host ip link add spare type veth peer name sparep
on host ip link add brx type bridge
on host ip link add inbr type veth peer name inbrp
on host ip link set inbr master brx
for d in d1 d1p u1 u1p spare sparep; do on host ip link set $d up; done
check "switch created" vsm host switch create
vsm host interface add vethernet 1 dev d1 access vlan 10
vsm host interface add ethernet 1 dev u1
vsm host mac address-table static 0200.0000.0001 vlan 10 interface vethernet 1
SPARE=$(on host cat /sys/class/net/spare/ifindex)
LO=$(on host cat /sys/class/net/lo/ifindex)
INBR=$(on host cat /sys/class/net/inbr/ifindex)

state()
{
	on host $VEMNL state
}
STATE=$(state)

reject() { nl_reject host "$@"; }

T=VEM_A_PORT_TYPE ID=VEM_A_PORT_ID
# switch
reject "SWITCH_NEW twice" SWITCH_NEW
reject "SWITCH_SET ageing over the maximum" SWITCH_SET VEM_A_SWITCH_AGEING_TIME=u32:1000001
reject "SWITCH_SET fdb max 0" SWITCH_SET VEM_A_SWITCH_FDB_MAX=u32:0
reject "SWITCH_SET fdb max over the limit" SWITCH_SET VEM_A_SWITCH_FDB_MAX=u32:1048577
reject "SWITCH_SET with nothing to change" SWITCH_SET
reject "SWITCH_SET read-only FDB_COUNT" SWITCH_SET VEM_A_SWITCH_FDB_COUNT=u32:5
reject "SWITCH_SET unknown attribute 99" SWITCH_SET 99=u32:1
reject "SWITCH_SET ageing of the wrong size" SWITCH_SET VEM_A_SWITCH_AGEING_TIME=u8:5
reject "SWITCH_GET with an attribute" SWITCH_GET VEM_A_SWITCH_FDB_MAX=u32:5
reject "SWITCH_DEL with an attribute" SWITCH_DEL VEM_A_SWITCH_AGEING_TIME=u32:5
# The genetlink core refuses an unknown command before vem sees it.
check_eq "unknown command 200 refused by the core" "error ENOTSUP: " \
	"$(on host $VEMNL request 200)"
# ports
reject "PORT_NEW without type" PORT_NEW $ID=u32:5
reject "PORT_NEW without id" PORT_NEW $T=u8:1
reject "PORT_NEW type 0" PORT_NEW $T=u8:0 $ID=u32:5
reject "PORT_NEW type 3" PORT_NEW $T=u8:3 $ID=u32:5
reject "PORT_NEW id 0" PORT_NEW $T=u8:1 $ID=u32:0
reject "PORT_NEW id 65536" PORT_NEW $T=u8:1 $ID=u32:65536
reject "PORT_NEW existing port" PORT_NEW $T=u8:1 $ID=u32:1
reject "PORT_NEW access vlan 0" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_ACCESS_VLAN=u16:0
reject "PORT_NEW access vlan 4095" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_ACCESS_VLAN=u16:4095
reject "PORT_NEW native vlan 4095" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_NATIVE_VLAN=u16:4095
reject "PORT_NEW mode 3" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_MODE=u8:3
reject "PORT_NEW mode 0" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_MODE=u8:0
reject "PORT_NEW shutdown 2" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_SHUTDOWN=u8:2
reject "PORT_NEW trunk bitmap too short" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_TRUNK_VLANS=zeros:511
reject "PORT_NEW trunk bitmap too long" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_TRUNK_VLANS=zeros:513
reject "PORT_NEW trunk bitmap with VLAN 0" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_TRUNK_VLANS=bitmap:0,10
reject "PORT_NEW trunk bitmap with VLAN 4095" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_TRUNK_VLANS=bitmap:10,4095
reject "PORT_NEW uplink in access mode" PORT_NEW $T=u8:2 $ID=u32:5 VEM_A_PORT_MODE=u8:1
reject "PORT_NEW read-only OPER_UP" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_OPER_UP=u8:1
reject "PORT_NEW read-only STATS" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_STATS=zeros:4
reject "PORT_NEW read-only IFNAME" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_IFNAME=str:spare
reject "PORT_NEW unknown attribute 99" PORT_NEW $T=u8:1 $ID=u32:5 99=u8:1
reject "PORT_NEW no such ifindex" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_IFINDEX=u32:999999
reject "PORT_NEW bind loopback" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_IFINDEX=u32:$LO
reject "PORT_NEW bind a bridge port" PORT_NEW $T=u8:1 $ID=u32:5 VEM_A_PORT_IFINDEX=u32:$INBR
reject "PORT_NEW bind a bound netdev" PORT_NEW $T=u8:1 $ID=u32:5 \
	VEM_A_PORT_IFINDEX=u32:$(on host cat /sys/class/net/d1/ifindex)
reject "PORT_NEW bind a bad netdev with a valid config (all or nothing)" PORT_NEW \
	$T=u8:1 $ID=u32:5 VEM_A_PORT_ACCESS_VLAN=u16:20 VEM_A_PORT_IFINDEX=u32:$LO
reject "PORT_SET no such port" PORT_SET $T=u8:1 $ID=u32:7 VEM_A_PORT_ACCESS_VLAN=u16:20
reject "PORT_SET without id" PORT_SET $T=u8:1 VEM_A_PORT_ACCESS_VLAN=u16:20
reject "PORT_SET bad VLAN with a good one (all or nothing)" PORT_SET $T=u8:1 $ID=u32:1 \
	VEM_A_PORT_NATIVE_VLAN=u16:20 VEM_A_PORT_ACCESS_VLAN=u16:4095
reject "PORT_SET uplink to access" PORT_SET $T=u8:2 $ID=u32:1 VEM_A_PORT_MODE=u8:1
reject "PORT_SET rebind a bound port elsewhere" PORT_SET $T=u8:1 $ID=u32:1 VEM_A_PORT_IFINDEX=u32:$SPARE
reject "PORT_SET bind with a bad VLAN (all or nothing)" PORT_SET $T=u8:2 $ID=u32:1 \
	VEM_A_PORT_IFINDEX=u32:0 VEM_A_PORT_MODE=u8:1
reject "PORT_DEL no such port" PORT_DEL $T=u8:1 $ID=u32:9
reject "PORT_DEL with a config attribute" PORT_DEL $T=u8:1 $ID=u32:1 VEM_A_PORT_ACCESS_VLAN=u16:20
reject "PORT_GET no such port" PORT_GET $T=u8:2 $ID=u32:9
reject "PORT_GET dump with a port id" PORT_GET --dump $ID=u32:1
# MAC table
reject "FDB_NEW without MAC" FDB_NEW VEM_A_FDB_VLAN=u16:10 VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_NEW without port" FDB_NEW VEM_A_FDB_MAC=mac:02:00:00:00:00:09 VEM_A_FDB_VLAN=u16:10
reject "FDB_NEW MAC of 5 bytes" FDB_NEW VEM_A_FDB_MAC=hex:0200000000 VEM_A_FDB_VLAN=u16:10 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_NEW multicast MAC" FDB_NEW VEM_A_FDB_MAC=mac:01:00:5e:00:00:01 VEM_A_FDB_VLAN=u16:10 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_NEW zero MAC" FDB_NEW VEM_A_FDB_MAC=mac:00:00:00:00:00:00 VEM_A_FDB_VLAN=u16:10 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_NEW vlan 4095" FDB_NEW VEM_A_FDB_MAC=mac:02:00:00:00:00:09 VEM_A_FDB_VLAN=u16:4095 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_NEW no such port" FDB_NEW VEM_A_FDB_MAC=mac:02:00:00:00:00:09 VEM_A_FDB_VLAN=u16:10 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:42
reject "FDB_NEW with flags (read-only here)" FDB_NEW VEM_A_FDB_MAC=mac:02:00:00:00:00:09 \
	VEM_A_FDB_VLAN=u16:10 VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1 VEM_A_FDB_FLAGS=u32:1
reject "FDB_DEL no such entry" FDB_DEL VEM_A_FDB_MAC=mac:02:00:00:00:00:09 VEM_A_FDB_VLAN=u16:10
reject "FDB_DEL without VLAN" FDB_DEL VEM_A_FDB_MAC=mac:02:00:00:00:00:01
reject "FDB_GET with a port" FDB_GET VEM_A_FDB_MAC=mac:02:00:00:00:00:01 VEM_A_FDB_VLAN=u16:10 \
	VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:1
reject "FDB_GET dump with a MAC" FDB_GET --dump VEM_A_FDB_MAC=mac:02:00:00:00:00:01
reject "FDB_FLUSH unknown flag" FDB_FLUSH VEM_A_FDB_FLAGS=u32:2
reject "FDB_FLUSH port type without id" FDB_FLUSH VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_FLAGS=u32:1
reject "FDB_FLUSH no such port" FDB_FLUSH VEM_A_FDB_PORT_TYPE=u8:1 VEM_A_FDB_PORT_ID=u32:42 VEM_A_FDB_FLAGS=u32:1
reject "FDB_FLUSH with a MAC" FDB_FLUSH VEM_A_FDB_MAC=mac:02:00:00:00:00:01 VEM_A_FDB_FLAGS=u32:1

# The same through vsmctl: a clear error, a non-zero exit, nothing sent.
vreject()
{
	local desc=$1; shift
	local err
	if err=$(vsm host "$@" 2>&1 >/dev/null); then
		not_ok "$desc"; echo "#   vsmctl accepted: $*"; return
	fi
	if [ -z "$err" ]; then
		not_ok "$desc"; echo "#   vsmctl failed silently: $*"; return
	fi
	if [ "$(state)" != "$STATE" ]; then
		not_ok "$desc"; echo "#   state changed"; return
	fi
	ok "$desc"
}
vreject "vsmctl: vlan 4095" interface add vethernet 5 access vlan 4095
vreject "vsmctl: vlan list 10-5" interface set ethernet 1 allowed vlan 10-5
vreject "vsmctl: unknown interface type" interface add foo 5
vreject "vsmctl: port number 0" interface add vethernet 0
vreject "vsmctl: port number with junk" interface add vethernet 5x
vreject "vsmctl: unknown device" interface add vethernet 5 dev nosuchdev
vreject "vsmctl: bad MAC" mac address-table static 0200.0000.zz01 vlan 10 interface vethernet 1
vreject "vsmctl: unknown command" frobnicate
vreject "vsmctl: kernel refusal is reported (bind loopback)" interface add vethernet 5 dev lo
err=$(vsm host interface add vethernet 5 dev lo 2>&1)
check "vsmctl prints the kernel's extack message" grep -q "not an Ethernet device" <<<"$err"

# Permissions: CAP_NET_ADMIN in the initial user namespace, and nothing less.
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
check_fail "an unprivileged user cannot read the switch" on host $NOBODY $VEMNL request SWITCH_GET
check_fail "an unprivileged user cannot create ports" \
	on host $NOBODY $VEMNL request PORT_NEW $T=u8:1 $ID=u32:5
check_fail "an unprivileged user cannot join the events group" \
	on host $NOBODY $VEMNL subscribe
check "root can join the events group" on host $VEMNL subscribe
check_fail "root in a user namespace cannot read the switch" \
	on host unshare -Ur $VEMNL request SWITCH_GET
check_fail "root in a user namespace cannot create ports" \
	on host unshare -Ur $VEMNL request PORT_NEW $T=u8:1 $ID=u32:5
check_fail "root in a user+net namespace cannot create a switch" \
	unshare -Urn $VEMNL request SWITCH_NEW
check_fail "root in a user namespace cannot delete the switch" \
	on host unshare -Ur $VEMNL request SWITCH_DEL
check_eq "nothing changed after all that" "$STATE" "$(state)"

ktap_finish
