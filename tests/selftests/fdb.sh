#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The MAC address table: learning, ageing, moves, static entries, flushing
# and the table limit.
#
#   +--------+   +--------+   +--------+
#   | vm1    |   | vm2    |   | vm3    |
#   +--eth0--+   +--eth0--+   +--eth0--+
#        |            |            |
#  +---vm1-p-------vm2-p--------vm3-p----+
#  | host: vem, all three in VLAN 10      |
#  +--------------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "MAC learning, ageing, moves, static entries, table limit"

M1=02:00:00:00:02:01 M2=02:00:00:00:02:02 M3=02:00:00:00:02:03
ROAM=02:00:00:00:02:77

ns_add host
vm_add host vm1 $M1 10.0.1.1
vm_add host vm2 $M2 10.0.1.2
vm_add host vm3 $M3 10.0.1.3
check "switch created" vsm host switch create
for i in 1 2 3; do
	vsm host interface add vethernet $i dev vm$i-p access vlan 10
done

# Learning
check_eq "table starts empty" 0 "$(mac_count host)"
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 1
on vm2 $SENDFRAMES eth0 --src $M2 --dst ff:ff:ff:ff:ff:ff --count 1
check_eq "vm1 learned on vethernet1" vethernet1 "$(mac_port host $M1 10)"
check_eq "vm2 learned on vethernet2" vethernet2 "$(mac_port host $M2 10)"
check_eq "nothing learned in another VLAN" none "$(mac_port host $M1 20)"

# Known unicast goes to one port only.
b3=$(port_stat host vethernet 3 tx_ucast_pkts)
b2=$(port_stat host vethernet 2 tx_ucast_pkts)
on vm1 $SENDFRAMES eth0 --src $M1 --dst $M2 --count 10
check_eq "known unicast reaches vethernet2" 10 $(( $(port_stat host vethernet 2 tx_ucast_pkts) - b2 ))
check_eq "known unicast does not reach vethernet3" 0 $(( $(port_stat host vethernet 3 tx_ucast_pkts) - b3 ))

# Move: the station ROAM appears on vethernet1, then on vethernet3.
on vm1 $SENDFRAMES eth0 --src $ROAM --dst ff:ff:ff:ff:ff:ff --count 1
check_eq "ROAM learned on vethernet1" vethernet1 "$(mac_port host $ROAM 10)"
on vm3 $SENDFRAMES eth0 --src $ROAM --dst ff:ff:ff:ff:ff:ff --count 1
check_eq "ROAM moved to vethernet3" vethernet3 "$(mac_port host $ROAM 10)"
b1=$(port_stat host vethernet 1 tx_ucast_pkts)
b3=$(port_stat host vethernet 3 tx_ucast_pkts)
on vm2 $SENDFRAMES eth0 --src $M2 --dst $ROAM --count 5
check_eq "frames to ROAM follow it to vethernet3" 5 $(( $(port_stat host vethernet 3 tx_ucast_pkts) - b3 ))
check_eq "and no longer go to vethernet1" 0 $(( $(port_stat host vethernet 1 tx_ucast_pkts) - b1 ))

# Static entries: never age, never move.
check "static entry for 02:00:00:00:02:55 on vethernet 2" \
	vsm host mac address-table static 0200.0000.0255 vlan 10 interface vethernet 2
on vm3 $SENDFRAMES eth0 --src 02:00:00:00:02:55 --dst ff:ff:ff:ff:ff:ff --count 1
check_eq "a static entry does not move" vethernet2 "$(mac_port host 02:00:00:00:02:55 10)"

# Ageing: dynamic entries go after 3 s without frames, static ones stay.
check "ageing time set to 3 s" vsm host switch set aging-time 3
check_eq "show switch reports it" 3 "$(vsm host -j show switch |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["aging_time"])')"
mac_gone() { [ "$(mac_port host "$1" 10)" = none ]; }
check "vm1's entry ages out within 8 s" wait_until 8 mac_gone $M1
check "vm2's entry ages out within 8 s" wait_until 8 mac_gone $M2
check_eq "the static entry did not age" vethernet2 "$(mac_port host 02:00:00:00:02:55 10)"
check "ageing time raised to 300 s" vsm host switch set aging-time 300
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 1
sleep 4
check_eq "with 300 s ageing, vm1 stays after 4 s" vethernet1 "$(mac_port host $M1 10)"

# Flush: dynamic only by default, static too with "all".
check "clear dynamic entries" vsm host clear mac address-table dynamic
check_eq "dynamic entry flushed" none "$(mac_port host $M1 10)"
check_eq "static entry kept by a dynamic flush" vethernet2 "$(mac_port host 02:00:00:00:02:55 10)"
check "static entry deleted" vsm host no mac address-table static 0200.0000.0255 vlan 10
check_eq "table empty" 0 "$(mac_count host)"
check_fail "deleting it again fails" vsm host no mac address-table static 0200.0000.0255 vlan 10

# Limit: 5 entries; 20 new sources learn 5 and refuse 15; frames still flow.
check "mac-limit 5" vsm host switch set mac-limit 5
b=$(port_stat host vethernet 1 learn_refused)
b2=$(port_stat host vethernet 2 tx_bcast_pkts)
on vm1 $SENDFRAMES eth0 --src 02:00:00:00:03:00 --srcs 20 --dst ff:ff:ff:ff:ff:ff --count 20
check_eq "table holds exactly the limit" 5 "$(mac_count host)"
check_eq "15 learns refused on vethernet1" 15 $(( $(port_stat host vethernet 1 learn_refused) - b ))
check_eq "switch counts refused learns" 15 "$(vsm host -j show switch |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["learn_refused"])')"
check_eq "frames from unlearned sources are still forwarded" 20 \
	$(( $(port_stat host vethernet 2 tx_bcast_pkts) - b2 ))
check_fail "a static entry beyond the limit is refused" \
	vsm host mac address-table static 0200.0000.0256 vlan 10 interface vethernet 2

# Unbinding a port forgets what was learned on it.
vsm host clear mac address-table dynamic
vsm host switch set mac-limit 1000
on vm1 $SENDFRAMES eth0 --src $M1 --dst ff:ff:ff:ff:ff:ff --count 1
check "vethernet 1 unbound" vsm host interface set vethernet 1 nodev
check_eq "entries learned on an unbound port are gone" none "$(mac_port host $M1 10)"

ktap_finish
