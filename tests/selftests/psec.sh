#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Port security through vsmd: maximum 2 on vethernet 1, a third source
# address from vm1 (raw frames, sendframes.py) meets each violation mode;
# shutdown err-disables the port until the operator's shutdown and no
# shutdown; sticky addresses become configuration, are saved at once and
# come back as static entries after a restart of vsmd.
#
#   vm1 (sources A, B, C)           vm2 (D)
#       |                              |
#  +--vethernet 1--------------vethernet 2--+      vsmd <-- vsmctl
#  | host: vem  port-security maximum 2     |        |
#  +----------------------------------------+   startup-config

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "port security through vsmd: protect, restrict, shutdown, sticky"

vsmd_init
T=$VSMD_DIR

# A is vm1's own address, B and C follow it (sendframes.py --srcs).
A=02:00:00:00:0d:01 B=02:00:00:00:0d:02 C=02:00:00:00:0d:03 D=02:00:00:00:0e:02
ns_add host
vm_add host vm1 $A 10.0.13.1
vm_add host vm2 $D 10.0.13.2

# send VM SRC DST N: N raw frames (an ethertype no stack answers).
send() { on "$1" python3 "$SELFTESTS_DIR/sendframes.py" eth0 --src "$2" --dst "$3" --count "$4"; }
send_ab() { on vm1 python3 "$SELFTESTS_DIR/sendframes.py" eth0 --src $A --srcs 2 --dst $D --count 2; }
rx2() { rx_packets vm2 eth0; }
# fetch: vethernet 1's counters, port-security state, err_disabled and
# oper_up into S[] (one vsmctl and one python per look).
declare -A S
fetch()
{
	local k v
	S=()
	while read -r k v; do
		S[$k]=$v
	done < <(vsm host -j show interface vethernet 1 | python3 -c '
import json, sys
d = json.load(sys.stdin)
d = d[0] if isinstance(d, list) else d
out = dict(d.get("stats", {}))
out.update(d.get("port_security", {}))
out["err_disabled"] = d.get("err_disabled")
out["oper_up"] = d.get("oper_up")
for k, v in out.items():
    print(k, str(v).lower() if isinstance(v, bool) else v)')
}
# shows PATTERN ARGS...: vsmctl ARGS prints a line matching PATTERN.
shows() { local p=$1; shift; vsm host "$@" | grep -q -- "$p"; }
# delivered N CMD...: CMD makes vm2 receive exactly N frames.
delivered()
{
	local n=$1 before; shift
	before=$(rx2)
	"$@" >/dev/null || return 1
	sleep 0.1	# frames are switched in the sender's softirq: margin only
	[ "$(( $(rx2) - before ))" = "$n" ]
}

check "vsmd starts" start_vsmd
check "maximum 2, violation protect on vethernet 1" vsm host configure - <<'EOF'
interface vethernet 1
  vm vm1 mac 0200.0000.0d01
  switchport port-security
  switchport port-security maximum 2
  switchport port-security violation protect
interface vethernet 2
EOF
vsm host interface set vethernet 1 dev vm1-p
vsm host interface set vethernet 2 dev vm2-p

# protect: silent.
check "A and B pass (learned, 2 secure addresses)" \
	delivered 2 send_ab
fetch
check_eq "2 secure MAC addresses" 2 "${S[secure_macs]}"
check "protect: C's 3 frames dropped" delivered 0 send vm1 $C $D 3
fetch
check_eq "protect: counted as port-security drops" 3 "${S[drop_port_security]}"
check_eq "protect: no violation counted" 0 "${S[port_security_violations]}"
check_eq "protect: C not learned" none "$(mac_port host $C 1)"
check "protect: A still passes" delivered 1 send vm1 $A $D 1
send vm2 $D $A 1 >/dev/null
check_eq "D learned on vethernet 2" vethernet2 "$(mac_port host $D 1)"
check "protect: D moving in from vethernet 2 is new here: dropped" \
	delivered 0 send vm1 $D ff:ff:ff:ff:ff:ff 1
check_eq "protect: D stays on vethernet 2" vethernet2 "$(mac_port host $D 1)"

# restrict: dropped and counted.
check "violation restrict" vsm host configure - <<'EOF'
interface vethernet 1
  switchport port-security violation restrict
EOF
check "restrict: C's 2 frames dropped" delivered 0 send vm1 $C $D 2
fetch
check_eq "restrict: 6 port-security drops" 6 "${S[drop_port_security]}"
check_eq "restrict: 2 violations" 2 "${S[port_security_violations]}"
check "show port-security: maximum 2, 2 addresses, 2 violations, Restrict" \
	shows '^Veth1  *2  *2  *2  Restrict$' show port-security
check "show port-security interface: the violation count" \
	shows '^Security Violation Count   : 2$' show port-security interface vethernet 1
check "restrict: B still passes" delivered 1 send vm1 $B $D 1
fetch
check_eq "restrict: the port stays up" true "${S[oper_up]}"

# lowering the maximum evicts nothing: A and B stay, a new one is refused.
check "maximum 1 below the 2 learned" vsm host configure - <<'EOF'
interface vethernet 1
  switchport port-security maximum 1
EOF
check "maximum 1: A and B still pass" delivered 2 send_ab
check "maximum 2 again" vsm host configure - <<'EOF'
interface vethernet 1
  switchport port-security maximum 2
EOF

# shutdown: err-disabled, nothing in either direction.
check "violation shutdown" vsm host configure - <<'EOF'
interface vethernet 1
  switchport port-security violation shutdown
EOF
check "shutdown: C's frame dropped" delivered 0 send vm1 $C $D 1
fetch
check_eq "shutdown: the violation counted" 3 "${S[port_security_violations]}"
check_eq "shutdown: 7 port-security drops" 7 "${S[drop_port_security]}"
check_eq "shutdown: err-disabled (JSON)" port-security "${S[err_disabled]}"
check "show interface: err-disabled (port-security)" \
	shows 'is down (err-disabled (port-security))' show interface vethernet 1
check "show interface brief: err-dis" shows '^Veth1 .* err-dis ' show interface brief
check "show interface virtual: err-disabled (port-security)" \
	shows 'err-disabled (port-security)' show interface virtual
fetch
check_eq "shutdown: oper down" false "${S[oper_up]}"
check "err-disabled: A's 2 frames dropped too" delivered 0 send vm1 $A $D 2
fetch
check_eq "err-disabled: counted" 2 "${S[drop_err_disabled]}"
before=$(rx_packets vm1 eth0)
send vm2 $D $A 2
sleep 0.2
check_eq "err-disabled: nothing reaches vm1" "$before" "$(rx_packets vm1 eth0)"
fetch
check_eq "err-disabled: counted on vethernet 1, both directions" 4 "${S[drop_err_disabled]}"
check_eq "err-disabled: port-security drops unchanged" 7 "${S[drop_port_security]}"

check "recovery: shutdown" vsm host configure - <<'EOF'
interface vethernet 1
  shutdown
EOF
fetch
check_eq "shutdown ends err-disabled" None "${S[err_disabled]}"
check_eq "... and removes the learned addresses" 0 "${S[secure_macs]}"
check "recovery: no shutdown" vsm host configure - <<'EOF'
interface vethernet 1
  no shutdown
EOF
fetch
check_eq "up again" true "${S[oper_up]}"
check "A passes again" delivered 1 send vm1 $A $D 1

# sticky: learned addresses become configuration, saved at once.
check "violation restrict, mac-address sticky" vsm host configure - <<'EOF'
interface vethernet 1
  switchport port-security violation restrict
  switchport port-security mac-address sticky
EOF
check "B learned" delivered 1 send vm1 $B $D 1
send vm1 $A $D 1 >/dev/null
sticky_in() { vsm host show running-config interface vethernet 1 | grep -q "mac-address sticky $1 vlan 1"; }
check "A becomes a sticky line" wait_until 5 sticky_in 0200.0000.0d01
check "B becomes a sticky line" wait_until 5 sticky_in 0200.0000.0d02
check "both saved in the startup-config" sh -c \
	"grep -q 'sticky 0200.0000.0d01 vlan 1' '$CONF' && grep -q 'sticky 0200.0000.0d02 vlan 1' '$CONF'"
static_of() { vsm host -j show mac address-table | python3 -c '
import json, sys
print(sum(1 for e in json.load(sys.stdin) if e["type"] == "static" and e["port"] == "vethernet1"))'; }
check_eq "both static entries of vethernet 1" 2 "$(static_of)"

check "vsmd killed" stop_vsmd KILL
vsm host clear mac address-table all >/dev/null
check_eq "the table flushed, statics too" 0 "$(static_of)"
check "vsmd restarts" start_vsmd
check_eq "sticky addresses back as static entries" 2 "$(static_of)"
check "still in the running-config" sticky_in 0200.0000.0d02
check "C beyond the maximum: dropped" delivered 0 send vm1 $C $D 1
fetch
check_eq "and counted (restrict)" 4 "${S[port_security_violations]}"
check "A and B pass" delivered 2 send_ab
check "no sticky line removes its address" vsm host configure - <<'EOF'
interface vethernet 1
  no switchport port-security mac-address sticky 0200.0000.0d02 vlan 1
EOF
check_fail "B's line is gone" sticky_in 0200.0000.0d02
check_eq "... and its static entry" 1 "$(static_of)"

# Refusals: the configuration language, then raw netlink.
check_fail "maximum 0 refused" sh -c "printf 'interface vethernet 1\n  switchport port-security maximum 0\n' | '$VSMCTL' configure"
check_fail "maximum 4097 refused" sh -c "printf 'interface vethernet 1\n  switchport port-security maximum 4097\n' | '$VSMCTL' configure"
check_fail "port-security on an ethernet port refused" sh -c "printf 'interface ethernet 1\n  switchport port-security\n' | '$VSMCTL' configure"
check_fail "a sticky address in a profile refused" sh -c "printf 'port-profile type vethernet p\n  switchport port-security mac-address sticky 0200.0000.0001 vlan 1\n' | '$VSMCTL' configure"
check_fail "a multicast sticky address refused" sh -c "printf 'interface vethernet 1\n  switchport port-security mac-address sticky 0100.5e00.0001 vlan 1\n' | '$VSMCTL' configure"

P="VEM_A_PORT_TYPE=u8:1 VEM_A_PORT_ID=u32:1"
nl_reject host "PSEC_MAX 0" PORT_SET $P VEM_A_PORT_PSEC_MAX=u32:0
nl_reject host "PSEC_MAX over the limit" PORT_SET $P VEM_A_PORT_PSEC_MAX=u32:4097
nl_reject host "an unknown violation mode" PORT_SET $P VEM_A_PORT_PSEC_VIOLATION=u8:3
nl_reject host "PSEC 2" PORT_SET $P VEM_A_PORT_PSEC=u8:2
nl_reject host "ERR_DISABLED is read-only" PORT_SET $P VEM_A_PORT_ERR_DISABLED=u8:0
nl_reject host "SECURE_MACS is read-only" PORT_SET $P VEM_A_PORT_SECURE_MACS=u32:0
nl_reject host "a profile's PSEC_MAX 0" PROFILE_NEW VEM_A_PROFILE_NAME=str:x VEM_A_PROFILE_PSEC_MAX=u32:0

stop_vsmd
ktap_finish
