#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# QoS policies as the operator writes them: NX-OS policy-maps in vsmd,
# attached with service-policy in a profile and on interfaces, enforced by
# vem.ko: policing (iperf3 UDP and TCP through 10 Mbit/s policers, in and
# out), DSCP and CoS marking seen by tcpdump on the receivers, violate
# set-dscp-transmit, exact drop counters, and the kernel's refusals.
#
#   vm1 10.0.13.1   vm2 10.0.13.2   vm3 trunk: eth0.20     vm4 10.0.20.4
#   fd00::1         fd00::2               10.0.20.3        (access vlan 20)
#       |               |                     |                  |
#  +--vethernet 1---vethernet 2---------vethernet 3--------vethernet 4--+
#  | host: vem     (access vlan 1)      (trunk 1,20)                    |
#  +--------------------------------------------------------------------+
#                                                        vsmd <-- vsmctl
#
# Rates are measured at the Ethernet level (frames without FCS and 802.1Q
# tag, what the policer counts) from the switch's byte counters of the
# egress port, sampled from 1 s into an iperf3 run to 1 s before its end:
# iperf3's start and the initial burst are outside the window. Over a
# window of T seconds a policer passes cir * T plus at most what its
# bucket held at the start: for UDP (bc 30 kbytes, 2 s) that is 1.2% at
# most; TCP runs with the default bucket (500 ms of cir, 625 kbytes),
# which it drains and refills around its losses and timeouts (with 200 ms,
# shorter than TCP's minimum retransmission timeout, TCP stayed 2-6%
# under cir); its window is 6 s long. iperf3's own receiver figure, the
# payload over the whole run, is printed beside it.

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "QoS through vsmd: policing in and out, DSCP and CoS marking, refusals"

vsmd_init
T=$VSMD_DIR
# iperf3 servers and tcpdumps outlive their namespaces: end them.
trap 'stop_vsmd; for p in $(jobs -p); do kill $p 2>/dev/null; done; cleanup' EXIT

ns_add host
for i in 1 2; do
	vm_add host vm$i 02:00:00:00:0d:0$i 10.0.13.$i
	on vm$i sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
		net.ipv6.conf.eth0.disable_ipv6=0 net.ipv6.conf.eth0.accept_dad=0
	on vm$i ip -6 addr add fd00::$i/64 dev eth0 nodad
done
vm_add host vm3 02:00:00:00:0d:03 10.0.13.3
on vm3 ip link add link eth0 name eth0.20 type vlan id 20
on vm3 ip addr add 10.0.20.3/24 dev eth0.20
on vm3 ip link set eth0.20 up
vm_add host vm4 02:00:00:00:0d:04 10.0.20.4
static_neighbors vm1:10.0.13.1:02:00:00:00:0d:01 vm2:10.0.13.2:02:00:00:00:0d:02
on vm1 ip -6 neigh replace fd00::2 lladdr 02:00:00:00:0d:02 dev eth0 nud permanent
on vm2 ip -6 neigh replace fd00::1 lladdr 02:00:00:00:0d:01 dev eth0 nud permanent
on vm3 ip neigh replace 10.0.20.4 lladdr 02:00:00:00:0d:04 dev eth0.20 nud permanent
on vm4 ip neigh replace 10.0.20.3 lladdr 02:00:00:00:0d:03 dev eth0 nud permanent

start_vsmd

check "policy-maps, a profile and interfaces with service-policies" vsm host configure - <<'EOF2'
vlan 1,20
policy-map type qos UDP10
  class class-default
    police cir 10 mbps bc 30 kbytes conform transmit violate drop
policy-map type qos TCP10
  class class-default
    police cir 10 mbps conform transmit violate drop
port-profile type vethernet policed
  service-policy input UDP10
  state enabled
interface vethernet 1
  inherit port-profile policed
interface vethernet 2
interface vethernet 3
  switchport mode trunk
  switchport trunk allowed vlan 1,20
interface vethernet 4
  switchport access vlan 20
EOF2
for i in 1 2 3 4; do vsm host interface set vethernet $i dev vm$i-p; done
check_eq "show policy-map -j: UDP10 used by the profile, 1 user in the kernel, 30000 bytes" \
	"port-profile policed 1 30000" "$(vsm host -j show policy-map UDP10 | python3 -c '
import json, sys
p = json.load(sys.stdin)[0]
print(p["used_by"], p["kernel"]["users"], p["kernel"]["bc_bytes"])')"
check "show policy-map TCP10: the default burst made explicit in the kernel" sh -c \
	"$VSMCTL -j show policy-map TCP10 | grep -q '\"bc_bytes\":625000'"
check "running-config prints the policy-maps back as written" sh -c \
	"$VSMCTL show running-config | grep -qx '    police cir 10 mbps bc 30 kbytes conform transmit violate drop'"

# rate_of VM PORT SECS: iperf3 (args after) for SECS from VM; the egress
# PORT's tx byte rate in bit/s over [1 s, SECS - 1 s] of the run, at the
# Ethernet level.
# Each sample is timed at the middle of the vsmctl call that reads it;
# the JSON is read after the run (python3 is slow to start under TCG).
rate_of()
{
	local vm=$1 port=$2 secs=$3 t0 t1 t2 t3; shift 3
	on "$vm" iperf3 -c 10.0.13.2 -t "$secs" -J "$@" >"$T/iperf.json" 2>&1 &
	local pid=$!
	sleep 1
	t0=$(date +%s%N)
	vsm host -j show interface vethernet "$port" counters >"$T/c0"
	t1=$(date +%s%N)
	sleep $((secs - 2))
	t2=$(date +%s%N)
	vsm host -j show interface vethernet "$port" counters >"$T/c1"
	t3=$(date +%s%N)
	wait $pid
	python3 -c '
import json, sys
def tx(f):
    d = json.load(open(f))
    d = d[0] if isinstance(d, list) else d
    return d["stats"]["tx_ucast_bytes"]
dt = (int(sys.argv[4]) + int(sys.argv[5]) - int(sys.argv[2]) - int(sys.argv[3])) / 2e9
print(int((tx(sys.argv[6]) - tx(sys.argv[1])) * 8 / dt))' "$T/c0" $t0 $t1 $t2 $t3 "$T/c1"
}
# within5 RATE: within 5% of 10 Mbit/s.
within5() { [ "$1" -ge 9500000 ] && [ "$1" -le 10500000 ]; }
iperf_rx()
{
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["end"]
s = d.get("sum_received") or d.get("sum")
print("%.2f Mbit/s payload" % (s["bits_per_second"] / 1e6))' "$T/iperf.json" 2>/dev/null
}

on vm2 iperf3 -s -D -1 >/dev/null 2>&1
sleep 0.5
r=$(rate_of vm1 2 4 -u -b 20M -l 1400)
echo "# UDP 20 Mbit/s offered into a 10 Mbit/s input policer: $r bit/s on the wire; iperf3: $(iperf_rx)"
check "UDP through the input policer: within 5% of 10 Mbit/s ($r)" within5 "$r"
check "the excess is counted as drop_police_in on vethernet 1" \
	test "$(port_stat host vethernet 1 drop_police_in)" -gt 1000

check "TCP10 as the output policy of vethernet 2 instead" vsm host configure - <<'EOF2'
port-profile type vethernet policed
  no service-policy input UDP10
interface vethernet 2
  service-policy output TCP10
EOF2
on vm2 iperf3 -s -D -1 >/dev/null 2>&1
sleep 0.5
r=$(rate_of vm1 2 8)
echo "# TCP into a 10 Mbit/s output policer, default burst (500 ms): $r bit/s on the wire; iperf3: $(iperf_rx)"
check "TCP through the output policer: within 5% of 10 Mbit/s ($r)" within5 "$r"
check "TCP's excess counted as drop_police_out on vethernet 2" \
	test "$(port_stat host vethernet 2 drop_police_out)" -gt 0

# tcpdump_on VM FILTER... : the first matching packet, verbose, in $T/cap
# once the caller's traffic has run (tcap_wait).
tcap()
{
	local vm=$1; shift
	: >"$T/cap.err"
	on "$vm" timeout 8 tcpdump -l -nev -c "${CAPN:-1}" -i eth0 "$@" \
		>"$T/cap" 2>"$T/cap.err" &
	TCAP=$!
	wait_until 5 grep -q "listening on" "$T/cap.err"
}
tcap_wait() { wait "$TCAP"; }

check "set dscp ef in, on vethernet 1" vsm host configure - <<'EOF2'
policy-map type qos EF
  class class-default
    set dscp ef
interface vethernet 1
  service-policy input EF
interface vethernet 2
  no service-policy output
EOF2
tcap vm2 icmp
on vm1 ping -c 1 -W 2 -Q 0x01 10.0.13.2 >/dev/null
tcap_wait
check "IPv4: vm2 sees tos 0xb9 (ef, the ECN bits kept)" grep -q "tos 0xb9" "$T/cap"
tcap vm2 icmp6
on vm1 ping -6 -c 1 -W 2 fd00::2 >/dev/null
tcap_wait
check "IPv6: vm2 sees traffic class 0xb8" grep -q "class 0xb8" "$T/cap"
tcap vm1 icmp
on vm2 ping -c 1 -W 2 10.0.13.1 >/dev/null
tcap_wait
check "the reply vm2 -> vm1 is not marked: an input policy" grep -q "tos 0x0," "$T/cap"

# An output policy marks the copy of its own port only: a flooded frame
# reaches vm2 marked and vm3 (trunk, native VLAN 1) as it was sent. A
# broadcast is flooded whatever the MAC table learned meanwhile (an
# unknown unicast was not: vm2's own traffic could teach its address).
check "set dscp ef out on vethernet 2 only" vsm host configure - <<'EOF2'
interface vethernet 1
  no service-policy input
interface vethernet 2
  service-policy output EF
EOF2
: >"$T/cap3.err"
on vm3 timeout 8 tcpdump -l -nv -c 1 -i eth0 icmp >"$T/cap3" 2>"$T/cap3.err" &
tcap3=$!
wait_until 5 grep -q "listening on" "$T/cap3.err"
tcap vm2 icmp
on vm1 ping -b -c 1 -W 1 10.0.13.255 >/dev/null 2>&1
tcap_wait
wait $tcap3
check "flooded: vm2's copy marked (tos 0xb8)" grep -q "tos 0xb8" "$T/cap"
check "flooded: vm3's copy untouched (tos 0x0)" grep -q "tos 0x0," "$T/cap3"

check "set cos 5 in on vethernet 4, towards the trunk" vsm host configure - <<'EOF2'
policy-map type qos COS5
  class class-default
    set cos 5
interface vethernet 4
  service-policy input COS5
EOF2
tcap vm3 vlan 20
on vm4 ping -c 1 -W 2 10.0.20.3 >/dev/null
tcap_wait
check "vm3 receives it tagged: vlan 20, p 5" grep -q "vlan 20, p 5" "$T/cap"
check "an output policy's cos overrides: set cos 3 out on vethernet 3" vsm host configure - <<'EOF2'
policy-map type qos COS3
  class class-default
    set cos 3
interface vethernet 3
  service-policy output COS3
EOF2
tcap vm3 vlan 20
on vm4 ping -c 1 -W 2 10.0.20.3 >/dev/null
tcap_wait
check "vlan 20, p 3" grep -q "vlan 20, p 3" "$T/cap"

# An 8 kbit/s policer with a one-frame bucket: of 4 pings of 1042 bytes
# 0.1 s apart, the first conforms and the others come ~1 s too early.
check "violate set-dscp-transmit af11 on vethernet 1" vsm host configure - <<'EOF2'
policy-map type qos SLOW
  class class-default
    police cir 8 kbps bc 1514 bytes conform transmit violate set-dscp-transmit af11
interface vethernet 1
  service-policy input SLOW
interface vethernet 2
  no service-policy output
EOF2
m0=$(port_stat host vethernet 1 police_in_marked)
CAPN=4 tcap vm2 icmp and icmp[icmptype] == icmp-echo
check "all 4 pings pass" on vm1 ping -c 4 -i 0.1 -s 1000 -W 2 10.0.13.2
tcap_wait
check_eq "3 re-marked af11 (tos 0x28), seen by vm2" 3 "$(grep -c 'tos 0x28' "$T/cap")"
check_eq "and counted in police_in_marked" 3 $(( $(port_stat host vethernet 1 police_in_marked) - m0 ))

check "violate drop, 8 kbit/s, out on vethernet 1" vsm host configure - <<'EOF2'
interface vethernet 1
  no service-policy input
policy-map type qos DROP8K
  class class-default
    police cir 8 kbps bc 1514 bytes
interface vethernet 1
  service-policy output DROP8K
EOF2
d0=$(port_stat host vethernet 1 drop_police_out)
check "3 pings vm2 -> vm1: 1 answered" sh -c \
	"ip netns exec $NS_PREFIX-vm2 ping -c 3 -i 0.1 -s 1000 -W 2 10.0.13.1 | grep -q ' 1 received'"
check_eq "exactly 2 counted as drop_police_out on vethernet 1" 2 \
	$(( $(port_stat host vethernet 1 drop_police_out) - d0 ))

# Refusals in the configuration: nothing changes.
RUN=$(vsm host show running-config)
cfg_refused()
{
	local desc=$1 text=$2 want=$3 out
	out=$(printf "$text" | vsm host configure - 2>&1) && {
		not_ok "$desc"; echo "#   accepted"; return; }
	case $out in
	*"$want"*) ok "$desc" ;;
	*) not_ok "$desc"; echo "#   $out" ;;
	esac
}
cfg_refused "a policy-map in use cannot go" 'no policy-map type qos DROP8K\n' \
	"still used by interface vethernet 1"
cfg_refused "only class-default" 'policy-map type qos X\n  class voice\n' \
	"only class class-default"
cfg_refused "a rate under 8 kbps" 'policy-map type qos X\n  class class-default\n    police cir 1 kbps\n' \
	"out of range"
cfg_refused "a missing policy-map named" 'interface vethernet 2\n  service-policy input NOPE\n' \
	"policy-map NOPE, which does not exist"
check_eq "running-config unchanged" "$RUN" "$(vsm host show running-config)"

# The kernel's own refusals, raw netlink.
KSTATE=$(on host $VEMNL state)
N=VEM_A_QOS_NAME
nl_reject host "a burst without a rate" QOS_NEW $N=str:x VEM_A_QOS_BC=u32:10000
nl_reject host "a violate DSCP without set-dscp-transmit" QOS_NEW $N=str:x \
	VEM_A_QOS_CIR=u64:1000000 VEM_A_QOS_VIOLATE_DSCP=u8:10
nl_reject host "set-dscp-transmit without its DSCP" QOS_NEW $N=str:x \
	VEM_A_QOS_CIR=u64:1000000 VEM_A_QOS_VIOLATE=u8:1
nl_reject host "a rate under VEM_QOS_CIR_MIN" QOS_NEW $N=str:x VEM_A_QOS_CIR=u64:7999
nl_reject host "a burst under one frame" QOS_NEW $N=str:x VEM_A_QOS_CIR=u64:1000000 \
	VEM_A_QOS_BC=u32:1000
nl_reject host "cos 8" QOS_NEW $N=str:x VEM_A_QOS_SET_COS=u8:8
nl_reject host "dscp 64" QOS_NEW $N=str:x VEM_A_QOS_SET_DSCP=u8:64
nl_reject host "USERS is read-only" QOS_NEW $N=str:x VEM_A_QOS_USERS=u32:1
nl_reject host "a bad name" QOS_NEW $N=str:a/b
nl_reject host "a duplicate name" QOS_NEW $N=str:EF
nl_reject host "a policy in use cannot be deleted" QOS_DEL $N=str:DROP8K
nl_reject host "no such policy" QOS_SET $N=str:nope
nl_reject host "a port naming a missing policy" PORT_SET VEM_A_PORT_TYPE=u8:1 \
	VEM_A_PORT_ID=u32:2 VEM_A_PORT_QOS_IN=str:nope
check_eq "kernel state unchanged" "$KSTATE" "$(on host $VEMNL state)"

stop_vsmd
ktap_finish
