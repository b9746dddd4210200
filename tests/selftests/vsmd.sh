#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vsmd against the real vem.ko: configure port profiles in NX-OS syntax,
# watch them reach the kernel, change a profile under traffic, persist,
# restart and reconcile, and keep forwarding while vsmd is down.
#
#   vm1 10.0.8.1   vm2 10.0.8.2   vm3 10.0.8.3
#       |              |              |
#  +--vethernet 1---vethernet 3----vethernet 2--+      vsmd <-- vsmctl
#  | host: vem      profile web      own VLAN 20 |  (UNIX socket)
#  +---------------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "vsmd: profiles pushed, changed, persisted, reconciled"

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
	# The socket comes first, then the reconcile: wait until it answers.
	wait_until 10 test -S "$VSMD_SOCKET" && wait_until 20 "$VSMCTL" show running-config
}

stop_vsmd()
{
	[ -n "$VSMD_PID" ] && kill "$VSMD_PID" 2>/dev/null && wait "$VSMD_PID" 2>/dev/null
	VSMD_PID=
}
trap 'stop_vsmd; rm -rf "$T"; cleanup' EXIT

ns_add host
vm_add host vm1 02:00:00:00:08:01 10.0.8.1
vm_add host vm2 02:00:00:00:08:02 10.0.8.2
vm_add host vm3 02:00:00:00:08:03 10.0.8.3
static_neighbors vm1:10.0.8.1:02:00:00:00:08:01 vm2:10.0.8.2:02:00:00:00:08:02 \
	vm3:10.0.8.3:02:00:00:00:08:03

check "vsmd starts and creates its socket" start_vsmd
check_eq "the socket is root's, mode 660" "660 root" "$(stat -c '%a %U' "$VSMD_SOCKET")"
check "vsmd created the switch" vsm host show switch

check "a batch of profiles and interfaces is applied" vsm host configure - <<'EOF2'
vlan 10,20
port-profile type vethernet base
  switchport mode access
  max-ports 16
  state enabled
port-profile type vethernet web
  inherit port-profile base
  switchport access vlan 10
  state enabled
interface vethernet 1
  inherit port-profile web
interface vethernet 2
  inherit port-profile web
  switchport access vlan 20
interface vethernet 3
  inherit port-profile web
EOF2
check_eq "vethernet 1 uses profile web" web "$(port_field host vethernet 1 profile)"
check_eq "vethernet 1 in VLAN 10 from the profile" 10 "$(port_field host vethernet 1 access_vlan)"
check_eq "vethernet 2 overrides with VLAN 20" 20 "$(port_field host vethernet 2 access_vlan)"
check "show port-profile name web lists its interfaces" \
	sh -c "VSMD_SOCKET=$VSMD_SOCKET $VSMCTL show port-profile name web | grep -qi 'vethernet *1'"

# Bind the VMs (vsmctl attach comes with the VM-manager step).
vsm host interface set vethernet 1 dev vm1-p
vsm host interface set vethernet 2 dev vm3-p
vsm host interface set vethernet 3 dev vm2-p
check "vm1 reaches vm2 (both web, VLAN 10)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.8.2
check_fail "vm1 does not reach vm3 (VLAN 20)" on vm1 ping -c 2 -i 0.2 -W 1 10.0.8.3

before=$(port_stat host vethernet 1 rx_ucast_pkts)
check "the web profile moves to VLAN 20" vsm host configure - <<'EOF2'
port-profile type vethernet web
  switchport access vlan 20
EOF2
check_eq "vethernet 1 follows it" 20 "$(port_field host vethernet 1 access_vlan)"
check "vm1 reaches vm3 in VLAN 20" on vm1 ping -c 2 -i 0.2 -W 2 10.0.8.3
check "vethernet 1 kept counting (no reset)" \
	test "$(port_stat host vethernet 1 rx_ucast_pkts)" -gt "$before"

# All or nothing: an error on the last line applies nothing.
RUN=$(vsm host show running-config)
KSTATE=$(on host $VEMNL state)
err=$(vsm host configure - 2>&1 <<'EOF2'
port-profile type vethernet web
  switchport access vlan 30
interface vethernet 3
  switchport access vlan 4095
EOF2
)
check "a bad batch fails naming its line" grep -q "line 4" <<<"$err"
check_eq "running-config unchanged" "$RUN" "$(vsm host show running-config)"
check_eq "kernel state unchanged" "$KSTATE" "$(on host $VEMNL state)"

# Persist, then run headless, then come back and reconcile.
check "copy running-config startup-config" vsm host copy running-config startup-config
check "the startup-config holds the profile" grep -q "port-profile type vethernet web" "$CONF"
stop_vsmd
check "vsmd stopped: traffic still flows (headless)" on vm1 ping -c 2 -i 0.2 -W 2 10.0.8.3
vsm host interface set vethernet 3 access vlan 99	# drift behind vsmd's back
before=$(port_stat host vethernet 1 rx_ucast_pkts)
check "vsmd restarts from the startup-config" start_vsmd
check_eq "the same running-config" "$RUN" "$(vsm host show running-config)"
check_eq "drift on vethernet 3 reconciled" 20 "$(port_field host vethernet 3 access_vlan)"
check "vethernet 1 counters not reset by the reconcile" \
	test "$(port_stat host vethernet 1 rx_ucast_pkts)" -ge "$before"
check_eq "vethernet 1 still bound" vm1-p "$(port_field host vethernet 1 ifname)"
check "and still forwarding" on vm1 ping -c 2 -i 0.2 -W 2 10.0.8.3

# A corrupt startup-config: vsmd refuses to start and touches nothing.
stop_vsmd
echo "switchport frobnicate" >>"$CONF"
sum=$(md5sum <"$CONF")
check_fail "vsmd refuses a corrupt startup-config" \
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$VSMD_SOCKET" -c "$CONF"
check_eq "and leaves the file as it was" "$sum" "$(md5sum <"$CONF")"
check "traffic still flows" on vm1 ping -c 2 -i 0.2 -W 2 10.0.8.3

ktap_finish
