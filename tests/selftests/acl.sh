#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ACLs as the operator writes them: NX-OS access-lists in vsmd, applied
# through port profiles and interfaces, enforced by vem.ko on real
# traffic, with exact per-entry match counts in show ip access-lists.
#
#   vm1 10.0.12.1     vm2 10.0.12.2     vm3 10.0.12.3
#   fd00::1           fd00::2           fd00::3
#       |                 |                 |
#  +--vethernet 1-----vethernet 2------vethernet 3--+      vsmd <-- vsmctl
#  | host: vem         profile web (ip in: WEB-IN)  |
#  +------------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "ACLs through vsmd: ip, ipv6 and mac lists, in and out, counters"

# The listeners outlive their namespaces: end them, or they hold our output.
trap 'pkill -f "nc -l -p 500[0-9]"; cleanup' EXIT

ns_add host
i=1
for vm in vm1 vm2 vm3; do
	vm_add host $vm 02:00:00:00:0c:0$i 10.0.12.$i
	on $vm sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
		net.ipv6.conf.eth0.disable_ipv6=0 net.ipv6.conf.eth0.accept_dad=0
	on $vm ip -6 addr add fd00::$i/64 dev eth0 nodad
	i=$((i + 1))
done
static_neighbors vm1:10.0.12.1:02:00:00:00:0c:01 vm2:10.0.12.2:02:00:00:00:0c:02 \
	vm3:10.0.12.3:02:00:00:00:0c:03
# IPv6 neighbours too: no ND traffic to disturb the counts.
for a in 1 2 3; do
	for b in 1 2 3; do
		[ $a = $b ] || on vm$a ip -6 neigh replace fd00::$b \
			lladdr 02:00:00:00:0c:0$b dev eth0 nud permanent
	done
done

vsmd_init
T=$VSMD_DIR
start_vsmd

# hits KIND NAME SEQ|deny: a match count from show KIND access-lists -j.
hits()
{
	vsm host -j show "$1" access-lists "$2" | python3 -c '
import json, sys
acl = json.load(sys.stdin)[0]
if sys.argv[1] == "deny":
    print(acl["implicit_deny_matches"])
else:
    print(next(e["matches"] for e in acl["entries"]
               if e["seq"] == int(sys.argv[1])))' "$3"
}
# tcp_to VM ADDR PORT: a TCP connection is accepted.
tcp_to() { on "$1" timeout 3 bash -c "echo hi >/dev/tcp/$2/$3"; }

check "an ip access-list in a profile, vethernets bound" vsm host configure - <<'EOF2'
ip access-list WEB-IN
  statistics per-entry
  10 remark no ping to vm2
  20 deny icmp any host 10.0.12.2
  30 permit tcp any any eq 5001
  40 deny tcp any any
  50 permit ip any any
port-profile type vethernet web
  ip port access-group WEB-IN in
  state enabled
interface vethernet 1
  inherit port-profile web
interface vethernet 2
interface vethernet 3
EOF2
vsm host interface set vethernet 1 dev vm1-p
vsm host interface set vethernet 2 dev vm2-p
vsm host interface set vethernet 3 dev vm3-p
on vm2 sh -c 'nc -l -p 5001 >/dev/null 2>&1 </dev/null &
	      nc -l -p 5002 >/dev/null 2>&1 </dev/null & sleep 0.3'

check_fail "icmp to host 10.0.12.2: denied (20)" on vm1 ping -c 3 -i 0.2 -W 1 10.0.12.2
check_eq "entry 20 matched 3" 3 "$(hits ip WEB-IN 20)"
check "ip to vm3: permitted (50), the replies too" on vm1 ping -c 2 -i 0.2 -W 2 10.0.12.3
check_eq "entry 50 matched 2" 2 "$(hits ip WEB-IN 50)"
check "tcp eq 5001: permitted (30)" tcp_to vm1 10.0.12.2 5001
check_fail "tcp to 5002: denied (40)" tcp_to vm1 10.0.12.2 5002
check "entries 30 and 40 counted" test "$(hits ip WEB-IN 30)" -gt 0 -a "$(hits ip WEB-IN 40)" -gt 0
check_eq "no implicit deny yet" 0 "$(hits ip WEB-IN deny)"
check "show ip access-lists WEB-IN, NX-OS style" sh -c \
	"$VSMCTL show ip access-lists WEB-IN | grep -q '20 deny icmp any 10.0.12.2/32 \[match=3\]'"
check_eq "vethernet 1 counts the drops: entries 20 and 40" \
	"$(( $(hits ip WEB-IN 20) + $(hits ip WEB-IN 40) ))" \
	"$(port_stat host vethernet 1 drop_acl_in)"
check "vm3 -> vm1 passes: WEB-IN filters what vm1 sends, and 50 permits the reply" \
	on vm3 ping -c 1 -W 2 10.0.12.1

# Implicit deny, and ARP: an IP ACL never blocks ARP.
check "WEB-IN reduced to tcp only" vsm host configure - <<'EOF2'
ip access-list WEB-IN
  no 20
  no 40
  no 50
EOF2
check_fail "ping now meets the implicit deny" on vm1 ping -c 2 -i 0.2 -W 1 10.0.12.3
check_eq "counted as the implicit deny" 2 "$(hits ip WEB-IN deny)"
check "ARP still resolves" on vm1 busybox arping -c 1 -w 2 -I eth0 10.0.12.3
static_neighbors vm1:10.0.12.1:02:00:00:00:0c:01 vm3:10.0.12.3:02:00:00:00:0c:03
check "entry 30 kept its count across the edits" test "$(hits ip WEB-IN 30)" -gt 0

# ipv6 out on vethernet 3: ICMPv6 echo to vm3 denied, TCP permitted. Entry
# 10 names vm3's address: the MLD reports the VMs send on their own (to
# ff02::16, at times the test does not choose) must not add to its count.
check "an ipv6 traffic-filter out on vethernet 3" vsm host configure - <<'EOF2'
ipv6 access-list V6
  10 deny icmp any fd00::3/128
  20 permit ipv6 any any
interface vethernet 3
  ipv6 port traffic-filter V6 out
EOF2
check_fail "ping6 vm2 -> vm3 denied on the way out" on vm2 ping -6 -c 2 -i 0.2 -W 1 fd00::3
check_eq "V6 entry 10 matched 2" 2 "$(hits ipv6 V6 10)"
on vm3 sh -c 'nc -l -p 5003 >/dev/null 2>&1 </dev/null & sleep 0.3'
check "tcp over IPv6 to vm3 permitted (20)" tcp_to vm2 fd00::3 5003
check_eq "vethernet 3 counts drop_acl_out" 2 "$(port_stat host vethernet 3 drop_acl_out)"
check "ping6 vm3 -> vm2: out of vm3 is not filtered, the reply is" \
	on vm3 sh -c "! ping -6 -c 1 -W 1 fd00::2"

# Neighbour discovery no entry matches is permitted (NX-OS's implicit
# ND rules): TCP over IPv6 works through a tcp-only list with no static
# neighbour, ping (ICMPv6 echo) meets the implicit deny.
check "an ipv6 list of tcp only, in on vethernet 2" vsm host configure - <<'EOF2'
ipv6 access-list V6-TCP
  10 permit tcp any any
interface vethernet 2
  ipv6 port traffic-filter V6-TCP in
interface vethernet 3
  no ipv6 port traffic-filter V6 out
EOF2
# (flush leaves permanent entries alone: delete them.)
on vm2 ip -6 neigh del fd00::3 dev eth0
on vm3 ip -6 neigh del fd00::2 dev eth0
on vm3 sh -c 'nc -l -p 5004 >/dev/null 2>&1 </dev/null & sleep 0.3'
check "tcp over IPv6 from vm2 resolves its neighbour and connects" tcp_to vm2 fd00::3 5004
check_fail "ping6 from vm2 meets the implicit deny" on vm2 ping -6 -c 1 -W 1 fd00::3
check "and is counted there" test "$(hits ipv6 V6-TCP deny)" -ge 1
check "vm2 learned vm3's address by ND, not from a static entry" sh -c \
	"ip netns exec $NS_PREFIX-vm2 ip -6 neigh show fd00::3 | grep -v PERMANENT | grep -q lladdr"

# A mac access-list by ethertype: no ARP from vm2, IP still fine.
check "a mac access-list denying ARP in on vethernet 2" vsm host configure - <<'EOF2'
mac access-list NO-ARP
  10 deny any any 0x0806
  20 permit any any
interface vethernet 2
  mac port access-group NO-ARP in
EOF2
check_fail "vm2's ARP denied" on vm2 busybox arping -c 2 -w 2 -I eth0 10.0.12.3
check "NO-ARP entry 10 counted" test "$(hits mac NO-ARP 10)" -ge 2
static_neighbors vm2:10.0.12.2:02:00:00:00:0c:02 vm3:10.0.12.3:02:00:00:00:0c:03
check "IPv4 from vm2 passes the MAC ACL (20)" on vm2 ping -c 1 -W 2 10.0.12.3

# An ACL swap under traffic loses no permitted frame: ping vm2 -> vm3
# (permitted before, during and after) while the list is replaced.
on vm2 ping -i 0.02 -c 400 -W 1 10.0.12.3 >"$T/ping.txt" 2>&1 &
pid=$!
for n in $(seq 1 10); do
	printf 'mac access-list NO-ARP\n  1%d permit any any 0x88b5\n' "$n" |
		vsm host configure - >/dev/null || echo "swap $n failed" >>"$T/swaps"
	printf 'mac access-list NO-ARP\n  no 1%d\n' "$n" |
		vsm host configure - >/dev/null || echo "unswap $n failed" >>"$T/swaps"
done
wait $pid
check_fail "20 ACL replacements done" test -s "$T/swaps"
check "no permitted frame lost during the swaps" grep -q " 0% packet loss" "$T/ping.txt"

# Bad input: refused, nothing changed.
RUN=$(vsm host show running-config)
KSTATE=$(on host $VEMNL state)
check_fail "a port range inverted" sh -c "printf 'ip access-list X\n  10 permit tcp any any range 90 80\n' | VSMD_SOCKET=$VSMD_SOCKET $VSMCTL configure -"
check_fail "an ACL in use cannot go" sh -c "printf 'no ip access-list WEB-IN\n' | VSMD_SOCKET=$VSMD_SOCKET $VSMCTL configure -"
check_fail "a missing ACL named" sh -c "printf 'interface vethernet 2\n  ip port access-group NOPE in\n' | VSMD_SOCKET=$VSMD_SOCKET $VSMCTL configure -"
check_eq "running-config unchanged" "$RUN" "$(vsm host show running-config)"
check_eq "kernel state unchanged" "$KSTATE" "$(on host $VEMNL state)"

ktap_finish
