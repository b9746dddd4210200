#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The "events" multicast group: a listener (vsmctl monitor) hears switch,
# port and MAC-table changes, including those the datapath makes on its
# own (learning, moves, ageing) and a VM's netdev going away.
#
#   +--------+   +--------+
#   | vm1    |   | vm2    |
#   +--eth0--+   +--eth0--+
#        |            |
#  +---vm1-p-------vm2-p----+    vsmctl -j monitor
#  | host: vem              |  <----------------- listener
#  +------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "events multicast group"

M1=02:00:00:00:06:01 M2=02:00:00:00:06:02
EVLOG=$(mktemp)
ns_add host
vm_add host vm1 $M1 10.0.6.1
vm_add host vm2 $M2 10.0.6.2

# Not through on(): $! must be vsmctl itself (ip netns exec execs it), or
# killing it would leave vsmctl holding the test's stdout open.
ip netns exec "$NS_PREFIX-host" "$VSMCTL" -j monitor >"$EVLOG" </dev/null &
MONITOR=$!
trap 'kill $MONITOR 2>/dev/null; rm -f "$EVLOG"; cleanup' EXIT
sleep 0.5

vsm host switch create aging-time 2
vsm host interface add vethernet 1 dev vm1-p access vlan 10
vsm host interface add vethernet 2 dev vm2-p access vlan 10
vsm host interface set vethernet 2 access vlan 11
vsm host interface set vethernet 2 access vlan 10
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 1
on vm2 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 1
vsm host mac address-table static 0200.0000.0699 vlan 10 interface vethernet 1
on host ip link del vm2-p
vsm host interface delete vethernet 1
sleep 4		# ageing: 2 s, checked every 0.2 s
vsm host switch delete
sleep 0.5
kill $MONITOR
wait $MONITOR 2>/dev/null

# has FILTER: a jq-like test on the event lines, in python.
has()
{
	python3 -c '
import json, sys
want = eval("lambda e: " + sys.argv[1])
for line in open(sys.argv[2]):
    if want(json.loads(line)):
        sys.exit(0)
sys.exit(1)' "$1" "$EVLOG"
}

check "every event line is JSON" python3 -c '
import json, sys
for line in open(sys.argv[1]):
    json.loads(line)' "$EVLOG"
check "switch created" has 'e["event"] == "switch_new" and e["aging_time"] == 2'
check "vethernet 1 created, bound to vm1-p" \
	has 'e["event"] == "port_new" and e["name"] == "vethernet1" and e["ifname"] == "vm1-p"'
check "vethernet 2 moved to vlan 11" \
	has 'e["event"] == "port_set" and e["name"] == "vethernet2" and e["access_vlan"] == 11'
check "vm1's MAC learned on vethernet1" \
	has 'e["event"] == "mac_new" and e["mac"] == "'$M1'" and e["port"] == "vethernet1"'
check "vm1's MAC moved to vethernet2" \
	has 'e["event"] == "mac_new" and e["mac"] == "'$M1'" and e["port"] == "vethernet2"'
check "static entry announced" \
	has 'e["event"] == "mac_new" and e["mac"] == "02:00:00:00:06:99" and e["type"] == "static"'
check "vm2-p going away unbinds vethernet 2" \
	has 'e["event"] == "port_set" and e["name"] == "vethernet2" and e["ifindex"] == 0'
check "vm1's MAC withdrawn when vethernet 2 lost its netdev" \
	has 'e["event"] == "mac_delete" and e["mac"] == "'$M1'"'
check "vethernet 1 deleted" has 'e["event"] == "port_delete" and e["name"] == "vethernet1"'
check "its static entry went with it" \
	has 'e["event"] == "mac_delete" and e["mac"] == "02:00:00:00:06:99"'
check "switch deleted" has 'e["event"] == "switch_delete"'
check_fail "no event carries counters" has '"stats" in e'

ktap_finish
