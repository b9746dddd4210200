#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Storm control through vsmd: broadcast, multicast and unknown-unicast
# floods above a vEth's pps limit are cut to the limit, counted by reason;
# traffic under the limit and known unicast are untouched.
#
#   vm1 (flooder)      vm2               vm3
#       |                |                 |
#  +--vethernet 1----vethernet 2------vethernet 3--+     vsmd <-- vsmctl
#  | host: vem     profile storm: broadcast 100 pps |
#  +------------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "storm control: floods cut to the pps limit, by kind, counted"

ns_add host
for i in 1 2 3; do
	vm_add host vm$i 02:00:00:00:0d:0$i 10.0.13.$i
done
vsmd_init
start_vsmd

check "a profile limits broadcast to 100 pps; three vethernets" vsm host configure - <<'EOF2'
port-profile type vethernet storm
  storm-control broadcast level pps 100
  state enabled
interface vethernet 1
  inherit port-profile storm
interface vethernet 2
  inherit port-profile storm
interface vethernet 3
  inherit port-profile storm
EOF2
for i in 1 2 3; do
	vsm host interface set vethernet $i dev vm$i-p
done
check "show interface reports the limit in force" bash -c \
	"ip netns exec $NS_PREFIX-host $VSMCTL show interface vethernet 1 |
	 grep -q 'Storm control: broadcast 100 pps'"
check_eq "... and JSON" 100 "$(port_field host vethernet 1 storm_control_broadcast_pps)"
# vm2 and vm3 in the MAC table: their unicast is known.
on vm2 $SENDFRAMES eth0 --src 02:00:00:00:0d:02 --dst 02:00:00:00:0d:01
on vm3 $SENDFRAMES eth0 --src 02:00:00:00:0d:03 --dst 02:00:00:00:0d:01

# flood KIND DST PPS COUNT LIMIT: vm1 sends COUNT frames to DST at PPS; the
# frames vethernet 2 got of them must be what LIMIT pps lets through in
# that time (within 5%, plus the 100 ms burst), and every other one must
# be counted as dropped by storm control of KIND on vethernet 1.
flood()
{
	local kind=$1 dst=$2 pps=$3 count=$4 limit=$5 stat elapsed
	local b_tx b_rx b_drop a_tx a_rx a_drop got
	case $kind in
	broadcast) stat=bcast ;;
	multicast) stat=mcast ;;
	unicast) stat=ucast ;;
	esac
	local spec="vethernet2:tx_${stat}_pkts vethernet1:rx_${stat}_pkts vethernet1:drop_storm_$kind"
	read -r b_tx b_rx b_drop <<<"$(counters host $spec)"
	elapsed=$(on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0d:01 --dst "$dst" \
		--count "$count" --rate "$pps" | sed -n 's/^elapsed //p')
	read -r a_tx a_rx a_drop <<<"$(counters host $spec)"
	got=$((a_tx - b_tx))
	check_eq "$kind flood: vethernet 1 received all $count" "$count" "$((a_rx - b_rx))"
	if python3 - "$got" "$limit" "$elapsed" <<'EOF2'
import sys
got, limit, elapsed = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
# The meter lets the first frame and 100 ms of credit through at once,
# then one frame per 1/limit s.
expect = 1 + limit * elapsed
burst = int(limit / 10) + 1
ok = 0.95 * expect <= got <= 1.05 * expect + burst
print(f"# {got} frames in {elapsed:.2f} s: {got / elapsed:.1f} pps for a limit of {limit:.0f}")
sys.exit(0 if ok else 1)
EOF2
	then
		ok "$kind flood at $pps pps cut to $limit pps (+burst)"
	else
		not_ok "$kind flood at $pps pps cut to $limit pps (+burst)"
	fi
	check_eq "$kind: every frame not forwarded counted as drop_storm_$kind" \
		"$(( count - got ))" "$((a_drop - b_drop))"
}

flood broadcast ff:ff:ff:ff:ff:ff 400 800 100
read -r a b <<<"$(counters host vethernet2:tx_bcast_pkts vethernet3:tx_bcast_pkts)"
check_eq "vethernet 3 got what vethernet 2 got" "$a" "$b"

# Negative: multicast has no limit of its own yet, unicast to a known MAC
# never has one, and a burst under the limit passes whole (after 0.2 s of
# quiet, the meter is idle).
spec="vethernet1:drop_storm_multicast vethernet2:tx_mcast_pkts vethernet2:tx_bcast_pkts"
read -r b_drop b_mc b_bc <<<"$(counters host $spec)"
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0d:01 --dst 01:00:5e:00:00:01 --count 300
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0d:01 --dst ff:ff:ff:ff:ff:ff --count 5
read -r a_drop a_mc a_bc <<<"$(counters host $spec)"
check_eq "multicast not limited by the broadcast limit: none dropped" "$b_drop" "$a_drop"
check_eq "... all 300 reached vethernet 2" 300 "$((a_mc - b_mc))"
check_eq "a burst of 5 broadcasts under the limit passes whole" 5 "$((a_bc - b_bc))"

check "vethernet 1 adds multicast and unknown-unicast limits" vsm host configure - <<'EOF2'
interface vethernet 1
  storm-control multicast level pps 50
  storm-control unicast level pps 50
EOF2
flood multicast 01:00:5e:00:00:01 200 300 50
flood unicast 02:00:00:00:0d:99 200 300 50
spec="vethernet1:drop_storm_unicast vethernet2:tx_ucast_pkts vethernet2:storm_control_multicast_pps"
read -r b_drop b_uc x <<<"$(counters host $spec)"
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0d:01 --dst 02:00:00:00:0d:02 --count 300
read -r a_drop a_uc x <<<"$(counters host $spec)"
check_eq "known unicast is not limited" "$b_drop" "$a_drop"
check_eq "... all 300 reached vethernet 2" 300 "$((a_uc - b_uc))"
check_eq "the other vethernets keep the profile's limits only" 0 "$x"

check "no storm-control broadcast in the profile" vsm host configure - <<'EOF2'
port-profile type vethernet storm
  no storm-control broadcast
EOF2
read -r b b_bc <<<"$(counters host vethernet1:drop_storm_broadcast vethernet2:tx_bcast_pkts)"
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:0d:01 --dst ff:ff:ff:ff:ff:ff --count 300
read -r a a_bc <<<"$(counters host vethernet1:drop_storm_broadcast vethernet2:tx_bcast_pkts)"
check_eq "broadcast no longer limited: none dropped" "$b" "$a"
check_eq "... all 300 reached vethernet 2" 300 "$((a_bc - b_bc))"

check_fail "a percentage level is refused by vsmd" vsm host configure - <<'EOF2'
interface vethernet 1
  storm-control broadcast level 10.00
EOF2
check_eq "... and changes nothing" 0 "$(port_field host vethernet 1 storm_control_broadcast_pps)"

# Raw netlink: the kernel's own checks.
nl_reject host "STORM_BCAST above VEM_STORM_PPS_MAX refused" PORT_SET \
	VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:1 VEM_A_PORT_STORM_BCAST=u32:100000001
nl_reject host "STORM_MCAST as a u16 refused" PORT_SET \
	VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:1 VEM_A_PORT_STORM_MCAST=u16:5
nl_reject host "PROFILE_STORM_UCAST above the maximum refused" PROFILE_SET \
	VEM_A_PROFILE_NAME=str:storm VEM_A_PROFILE_STORM_UCAST=u32:4294967295
check_eq "vethernet 1's multicast limit unchanged" 50 \
	"$(port_field host vethernet 1 storm_control_multicast_pps)"

stop_vsmd
ktap_finish
