#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/bench/guest.sh: the benchmark's guest side. tools/bench/bench boots
# one VM (QEMU TCG with -icount) and runs this script in it; it measures every
# configuration and every scaling series, writes raw numbers under
# $VM_OUT/raw and leaves all arithmetic (medians, ratios, chart) to the host.
#
# Every configuration gets the same two "VMs": netns bench-src and bench-dst,
# each with an eth0, joined by whatever the configuration builds (usually a
# host netns bench-h1 with ports p1 and p2):
#
#   bench-src                 bench-h1                  bench-dst
#   eth0 10.0.0.1 ---- p1 [ the datapath ] p2 ---- eth0 10.0.0.2
#
# Traffic, the same for every configuration:
#   pps   pktgen in bench-src sends 60-byte UDP frames to bench-dst's MAC and
#         IP as fast as one CPU allows; the rate is what bench-dst's eth0
#         received (its rx_packets) over guest time; bench-dst then drops
#         them at tc ingress. A warm-up window, then $BENCH_RUNS windows of
#         $BENCH_SECONDS s, back to back.
#   tcp   iperf3, one TCP stream bench-src -> bench-dst: a warm-up run, then
#         $BENCH_RUNS runs of $BENCH_SECONDS s.
#
# Adding a configuration: a cfg_NAME function that builds the path between
# bench-src and bench-dst (helpers below), and one line in CONFIGS. Adding a
# scaling series: a series_GROUP_LINE function that builds a topology for one
# value of x and calls measure_pps, and one line in SERIES (and in
# SERIES_GROUPS for a new x axis).
#
# Raw output, $VM_OUT/raw/results.tsv, one record a line, tab separated:
#   GROUP ITEM X METRIC RUN V1 V2
# GROUP is "config" for the configurations, the series' group otherwise;
# X is "-" for configurations. METRIC:
#   pps       RUN (0 = warm-up), V1 frames received, V2 microseconds
#   ms        RUN (0 = warm-up), V1 microseconds something took
#   tcp       RUN (0 = warm-up), V1 the iperf3 JSON file (in raw/tcp/)
#   status    V1 ok|failed|skipped, V2 why (failed, skipped)
#   info      V1 name, V2 value (loss, policer drops, table sizes...)
#   describe  V1 text (configurations and series lines)
# and "meta" records (GROUP meta, ITEM the key, V1 the value).
#
# Parameters (environment, from the host through VM_ENV_*):
#   BENCH_SECONDS  one measured run, guest seconds [2]
#   BENCH_WARMUP   the warm-up run, guest seconds [1]
#   BENCH_RUNS     measured runs [3]
#   BENCH_CONFIGS  configurations to run, space or comma separated [all]
#   BENCH_SERIES   series groups to run, or "none" [all]
#   BENCH_VEM_KO   the vem.ko to load [kmod/vem.ko of this tree]

# The scripts given to `bash -c` in other netns take their values as $1...
# shellcheck disable=SC2016
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
VSMCTL=$repo/vsmctl/vsmctl
VEM_KO=${BENCH_VEM_KO:-$repo/kmod/vem.ko}

SECONDS_RUN=${BENCH_SECONDS:-2}
SECONDS_WARMUP=${BENCH_WARMUP:-1}
RUNS=${BENCH_RUNS:-3}
ONLY_CONFIGS=${BENCH_CONFIGS:-all}
ONLY_SERIES=${BENCH_SERIES:-all}

RAW=${VM_OUT:?run me through tools/vm-run}/raw
TSV=$RAW/results.tsv
# Scratch space that vanishes with the VM: daemons' sockets, databases, pids.
WORK=/tmp/bench
FIFO=$WORK/sleep.fifo

NS_SRC=bench-src
NS_DST=bench-dst
NS_H1=bench-h1
NS_H2=bench-h2
SRC_MAC=02:00:00:00:00:01
DST_MAC=02:00:00:00:00:02
SRC_IP=10.0.0.1
DST_IP=10.0.0.2
# The VLAN of the vnlink configurations.
VLAN=10

# The configurations, in the order of the table: name|what it is.
CONFIGS=(
	"veth|direct veth pair between the two netns: one hop, the upper bound"
	"mirred|tc ingress matchall + mirred egress redirect p1<->p2: the limit of any switch"
	"bridge|Linux bridge"
	"bridge-policy|Linux bridge + tc flower, 100 rules in one prio, + police (never drops)"
	"ovs-dp|Open vSwitch kernel datapath, static flows (ovs-dpctl)"
	"ovs-normal|Open vSwitch, ovs-vswitchd with a NORMAL bridge"
	"ovs-policy|Open vSwitch NORMAL + 100 OpenFlow rules + a meter (never drops)"
	"vem-access|vnlink, two vEths in access VLAN 10"
	"vem-trunk|vnlink, two switches joined by an 802.1Q trunk uplink (3 veth hops)"
	"vem-policy|vnlink + 100-entry ip access-list in, per-entry stats, through vsmd (no policer yet)"
)

# The x axes of the scaling series: group|x label|metric (pps or ms).
SERIES_GROUPS=(
	"macs|learned MAC addresses|pps"
	"veths|vEths on the switch (2 bound to netdevs)|pps"
	"acl|ACL entries on the vEth|pps"
	"change|vEths one configuration change reaches|ms"
)
# The series: group|line|x values|what it is. Function: series_GROUP_LINE.
SERIES=(
	"macs|vem|10 10000 100000|vnlink: every frame from another of N learned source MACs"
	"macs|bridge|10 10000 100000|Linux bridge: every frame from another of N learned source MACs"
	"veths|vem|2 64 1024|vnlink: known unicast, N-2 unbound vEths in the VLAN"
	"veths|vem-flood|2 64 1024|vnlink: unknown unicast (flooded), N-2 unbound vEths in the VLAN"
	"acl|vem|1 10 100 1000|vnlink: an ip access-list of N mixed entries in on vethernet 1, the permit last"
	"acl|vem-in-out|1 10 100 1000|vnlink: the same list also out on vethernet 2 (two lookups a frame)"
	"acl|tc-u32|1 10 100 1000|for contrast, a linear scan: Linux bridge + tc u32, the same N entries as filters in one u32 table, the match last"
	"change|profile|10 100 1000|vnlink: N vEths share a port profile, one PROFILE_SET"
	"change|per-port|10 100 1000|vnlink: N vEths without profile, one PORT_SET each"
	"change|vsmd|10 100 1000|vnlink: N vEths share a port profile, one 'vsmctl configure' through vsmd"
)

# ----------------------------------------------------------- recording --

record()
{
	local IFS=$'\t'
	printf '%s\n' "$*" >>"$TSV"
}

# The context measurements are recorded in: set by the runner.
CUR_GROUP=
CUR_ITEM=
CUR_X=

# info NAME VALUE: an extra figure of the current configuration or point.
info()
{
	record "$CUR_GROUP" "$CUR_ITEM" "$CUR_X" info 0 "$1" "$2"
}

# meta KEY VALUE: a fact about the run (kernel, versions, parameters).
meta()
{
	record meta "$1" - meta 0 "$2" ""
}

# log MSG: into the current step's log (stderr); progress MSG: on the
# console (fd 9, opened by main), and into the log inside a step.
IN_STEP=0
log() { printf 'bench: %s\n' "$*" >&2; }
progress()
{
	if ((IN_STEP)); then
		log "$@"
	fi
	printf 'bench: %s\n' "$*" >&9
}

# skip WHY: this configuration or point cannot run (yet). Ends the step.
skip()
{
	printf '%s\n' "$*" >"$WORK/skip-reason"
	exit 77
}

# ---------------------------------------------------------- namespaces --

# ns_new NAME: a netns with IPv6 off (no ND, MLD or RS frames to disturb the
# counts) and lo up.
ns_new()
{
	ip netns add "$1"
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	ip -n "$1" link set lo up
}

# vm_nic NS: address bench-src's or bench-dst's eth0, bring it up, and give
# it a permanent neighbour entry for the other: no ARP frame ever moves.
vm_nic()
{
	local ns=$1 mac=$SRC_MAC ip=$SRC_IP peer_mac=$DST_MAC peer_ip=$DST_IP

	if [[ $ns == "$NS_DST" ]]; then
		mac=$DST_MAC ip=$DST_IP peer_mac=$SRC_MAC peer_ip=$SRC_IP
	fi
	ip -n "$ns" link set eth0 address "$mac"
	ip -n "$ns" addr add "$ip/24" dev eth0
	ip -n "$ns" link set eth0 up
	ip -n "$ns" neigh replace "$peer_ip" lladdr "$peer_mac" dev eth0 nud permanent
}

# plug VM HOSTNS PORT: a veth pair, eth0 in VM (bench-src or bench-dst),
# PORT in HOSTNS, both up.
plug()
{
	local vm=$1 host=$2 port=$3

	ip -n "$host" link add "$port" type veth peer name eth0 netns "$vm"
	ip -n "$host" link set "$port" up
	vm_nic "$vm"
}

# plug_both: the usual host netns bench-h1, p1 towards bench-src, p2 towards
# bench-dst.
plug_both()
{
	ns_new "$NS_H1"
	plug "$NS_SRC" "$NS_H1" p1
	plug "$NS_DST" "$NS_H1" p2
}

# in_ns NS CMD...: CMD in netns NS.
in_ns()
{
	local ns=$1
	shift
	ip netns exec "$ns" "$@"
}

# vsm NS ARGS...: vsmctl in netns NS.
vsm()
{
	local ns=$1
	shift
	ip netns exec "$ns" "$VSMCTL" "$@"
}

# vem_has WORD: whether vsmctl knows a command or keyword (its usage text
# names it). How a hook below learns that its feature has arrived.
vem_has()
{
	"$VSMCTL" -h 2>&1 | grep -qw -- "$1"
}

# teardown: back to an empty guest. Daemons leave a pid file under $WORK
# (the steps run in subshells: a list in a variable would not come back);
# ovs-vswitchd goes before ovsdb-server.
teardown()
{
	local f pid ns

	for f in "$WORK"/ovs/ovs-vswitchd.pid "$WORK"/*.pid "$WORK"/ovs/*.pid; do
		[[ -f $f ]] || continue
		pid=$(cat "$f")
		kill "$pid" 2>/dev/null || true
		# Wait for it: a daemon still tearing down would eat the next
		# step's guest time.
		while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
		rm -f "$f"
	done
	for ns in $(ip netns list | awk '/^bench-/ { print $1 }'); do
		ip netns del "$ns"
	done
	rm -rf "${WORK:?}/ovs"
	# Namespaces are destroyed by a kernel worker, after a grace period or
	# two: let that happen before the next measurement, not during it.
	sleep 1
}

# --------------------------------------------------------------- pktgen --

# pg FILE CMD...: write each CMD to /proc/net/pktgen/FILE in bench-src.
pg()
{
	in_ns "$NS_SRC" bash -c '
		f=/proc/net/pktgen/$1
		shift
		for c; do
			echo "$c" >"$f" || { echo "pktgen: \"$c\": $(grep -h Result: "$f")" >&2; exit 1; }
		done' pg "$@"
}

# pg_setup [CMD...]: bench-src's eth0 on pktgen's thread, sending 60-byte
# UDP frames to bench-dst; CMDs override the defaults (dst_mac, src_mac_count...).
# clone_skb 0 and burst 1: a veth refuses shared skbs.
pg_setup()
{
	pg kpktgend_0 rem_device_all "add_device eth0"
	pg eth0 "count 0" "clone_skb 0" "burst 1" "pkt_size 60" "delay 0" \
		"src_min $SRC_IP" "src_max $SRC_IP" "dst $DST_IP" "dst_mac $DST_MAC" \
		"udp_src_min 9" "udp_src_max 9" "udp_dst_min 9" "udp_dst_max 9" "$@"
}

# pg_sent: frames pktgen has sent since its last start.
pg_sent()
{
	in_ns "$NS_SRC" awk '/pkts-sofar:/ { print $2 }' /proc/net/pktgen/eth0
}

# pg_burst N: send exactly N frames (blocks until done), then back to
# continuous sending for the next measurement.
pg_burst()
{
	pg eth0 "count $1"
	in_ns "$NS_SRC" bash -c 'echo start >/proc/net/pktgen/pgctrl'
	pg eth0 "count 0"
}

rx_packets()
{
	in_ns "$NS_DST" cat /sys/class/net/eth0/statistics/rx_packets
}

# measure_pps: run pktgen (configured by pg_setup) continuously; count what
# bench-dst's eth0 receives over a warm-up window and $RUNS windows. The
# sampler is one bash process in bench-dst that sleeps by timing out a read
# on a FIFO: no fork inside the windows, so the sampler takes almost nothing
# from pktgen. Guest clocks follow the virtual clock: these are guest seconds.
measure_pps()
{
	local rx0 rx1 sent pid out run frames usecs total=0

	# bench-dst drops the frames at its first hook, tc ingress, after its
	# eth0 counted them: the figure is the cost of pktgen and the path, not
	# of bench-dst's IP and UDP stack (which costs as much as a switch and
	# would squeeze every ratio towards 1).
	tc -n "$NS_DST" qdisc add dev eth0 clsact
	tc -n "$NS_DST" filter add dev eth0 ingress matchall action drop
	rx0=$(rx_packets)
	in_ns "$NS_SRC" bash -c 'echo start >/proc/net/pktgen/pgctrl' &
	pid=$!
	out=$(in_ns "$NS_DST" bash -c '
		exec 3<>"$1"
		sample() { read -r c </sys/class/net/eth0/statistics/rx_packets; t=${EPOCHREALTIME/./}; }
		nap() { read -r -t "$1" -u 3 || true; }
		sample
		for ((run = 0; run <= $2; run++)); do
			c0=$c t0=$t
			if ((run == 0)); then nap "$4"; else nap "$3"; fi
			sample
			echo "$run $((c - c0)) $((t - t0))"
		done' sampler "$FIFO" "$RUNS" "$SECONDS_RUN" "$SECONDS_WARMUP")
	in_ns "$NS_SRC" bash -c 'echo stop >/proc/net/pktgen/pgctrl'
	wait "$pid" || true
	sent=$(pg_sent)
	rx1=$(rx_packets)
	tc -n "$NS_DST" qdisc del dev eth0 clsact
	while read -r run frames usecs; do
		record "$CUR_GROUP" "$CUR_ITEM" "$CUR_X" pps "$run" "$frames" "$usecs"
		if ((run > 0)); then
			total=$((total + frames))
		fi
	done <<<"$out"
	info pktgen_sent "$sent"
	info sink_received "$((rx1 - rx0))"
	progress "$CUR_ITEM ${CUR_X/#-/} pps (warm-up, runs): $(awk '{ printf "%s%.0f", (NR > 1 ? " " : ""), $2 * 1e6 / $3 }' <<<"$out")"
	((total > 0)) || { echo "no frame reached bench-dst (sent $sent)" >&2; return 1; }
}

# measure_tcp: iperf3 bench-src -> bench-dst, a warm-up run and $RUNS runs;
# the JSON of each goes to raw/tcp/ for the host to read.
measure_tcp()
{
	local pidfile=$WORK/iperf3.pid run secs file tag mbps

	in_ns "$NS_DST" iperf3 -s -D -I "$pidfile" -B "$DST_IP"
	for _ in $(seq 50); do
		in_ns "$NS_DST" ss -Hltn 'sport = :5201' | grep -q . && break
		sleep 0.1
	done
	tag=$CUR_GROUP-$CUR_ITEM-$CUR_X
	tag=${tag//[^A-Za-z0-9_.-]/_}
	mbps=()
	for ((run = 0; run <= RUNS; run++)); do
		secs=$SECONDS_RUN
		if ((run == 0)); then
			secs=$SECONDS_WARMUP
		fi
		file=$tag-$run.json
		# timeout: a lost connection must not stall the whole benchmark.
		if ! timeout $((secs + 60)) ip netns exec "$NS_SRC" \
			iperf3 -c "$DST_IP" -t "$secs" -J >"$RAW/tcp/$file"; then
			echo "iperf3 run $run failed: $(grep -m1 '"error"' "$RAW/tcp/$file")" >&2
			return 1
		fi
		record "$CUR_GROUP" "$CUR_ITEM" "$CUR_X" tcp "$run" "$file" 0
		# Only for the console: the host reads the JSON.
		mbps+=("$(grep -A12 '"sum_received"' "$RAW/tcp/$file" |
			awk -F'[:,]' '/bits_per_second/ { printf "%.0f", $2 / 1e6; exit }')")
	done
	progress "$CUR_ITEM tcp Mbit/s (warm-up, runs): ${mbps[*]}"
}

# check_path: bench-src and bench-dst reach each other (this also teaches
# the learning switches both MACs).
check_path()
{
	in_ns "$NS_SRC" ping -c 2 -i 0.2 -W 2 -q "$DST_IP" >/dev/null ||
		{ echo "bench-src cannot ping bench-dst" >&2; return 1; }
	in_ns "$NS_DST" ping -c 1 -W 2 -q "$SRC_IP" >/dev/null ||
		{ echo "bench-dst cannot ping bench-src" >&2; return 1; }
}

# ----------------------------------------------------- the comparisons --

cfg_veth()
{
	ip -n "$NS_SRC" link add eth0 type veth peer name eth0 netns "$NS_DST"
	vm_nic "$NS_SRC"
	vm_nic "$NS_DST"
}

cfg_mirred()
{
	local pair a b

	plug_both
	for pair in "p1 p2" "p2 p1"; do
		read -r a b <<<"$pair"
		tc -n "$NS_H1" qdisc add dev "$a" clsact
		tc -n "$NS_H1" filter add dev "$a" ingress matchall \
			action mirred egress redirect dev "$b"
	done
}

cfg_bridge()
{
	plug_both
	ip -n "$NS_H1" link add br0 type bridge stp_state 0
	ip -n "$NS_H1" link set p1 master br0
	ip -n "$NS_H1" link set p2 master br0
	ip -n "$NS_H1" link set br0 up
}

# tc_acl PORT PERMIT_IP INDEX: what a bridge user builds for "100-entry ACL
# and a policer" on PORT's ingress: 100 flower rules in one prio (one
# classifier instance, one mask: a hash lookup; 100 prios would be 100
# classifiers walked in turn), 99 denying destinations that carry no
# traffic and one permitting PERMIT_IP through a policer (action INDEX) so
# fast that it never drops. tc keeps per-rule and per-action stats.
tc_acl()
{
	local port=$1 permit=$2 index=$3 batch=$WORK/tc-acl.batch i n

	tc -n "$NS_H1" qdisc add dev "$port" clsact
	: >"$batch"
	for i in $(seq 99); do
		echo "filter add dev $port ingress protocol ip prio 1 handle $i flower skip_hw dst_ip 10.0.99.$i action drop" >>"$batch"
	done
	echo "filter add dev $port ingress protocol ip prio 1 handle 100 flower skip_hw dst_ip $permit action police rate 10gbit burst 10m conform-exceed drop/ok index $index" >>"$batch"
	tc -n "$NS_H1" -batch "$batch"
	n=$(tc -n "$NS_H1" filter show dev "$port" ingress | grep -c '^filter .* handle')
	((n == 100)) || { echo "$port: $n flower rules, not 100" >&2; return 1; }
}

# police_drops INDEX: packets the tc policer INDEX dropped.
police_drops()
{
	local n

	# "Sent B bytes P pkt (dropped D, overlimits O requeues 0)"
	n=$(tc -n "$NS_H1" -s actions get action police index "$1" |
		sed -n 's/.*(dropped \([0-9]*\),.*/\1/p' | head -n 1)
	echo "${n:-0}"
}

cfg_bridge_policy()
{
	cfg_bridge
	tc_acl p1 "$DST_IP" 1
	tc_acl p2 "$SRC_IP" 2
	POST_MEASURE=bridge_policy_check
}

bridge_policy_check()
{
	info policer_drops "$(($(police_drops 1) + $(police_drops 2)))"
}

cfg_ovs_dp()
{
	local p1 p2 flow in out

	plug_both
	modprobe openvswitch
	in_ns "$NS_H1" ovs-dpctl add-dp dp0
	in_ns "$NS_H1" ovs-dpctl add-if dp0 p1
	in_ns "$NS_H1" ovs-dpctl add-if dp0 p2
	p1=$(in_ns "$NS_H1" ovs-dpctl show dp0 | awk '/port [0-9]+: p1$/ { sub(":", "", $2); print $2 }')
	p2=$(in_ns "$NS_H1" ovs-dpctl show dp0 | awk '/port [0-9]+: p2$/ { sub(":", "", $2); print $2 }')
	# Full keys (the kernel wants them), everything else wildcarded.
	for flow in "$p1 $p2" "$p2 $p1"; do
		read -r in out <<<"$flow"
		in_ns "$NS_H1" ovs-dpctl add-flow dp0 "in_port($in),eth(),eth_type(0x0800),ipv4(frag=no)" "$out"
		in_ns "$NS_H1" ovs-dpctl add-flow dp0 "in_port($in),eth(),eth_type(0x0806),arp()" "$out"
	done
}

# ovs_start: ovsdb-server and ovs-vswitchd with their files under $WORK/ovs;
# ovs-vswitchd in bench-h1, so that its datapath is there. OVS_RUNDIR makes
# ovs-vsctl and ovs-ofctl find the sockets.
ovs_start()
{
	local d=$WORK/ovs

	modprobe openvswitch
	mkdir -p "$d"
	export OVS_RUNDIR=$d OVS_LOGDIR=$d OVS_DBDIR=$d
	ovsdb-tool create "$d/conf.db" /usr/share/openvswitch/vswitch.ovsschema
	ovsdb-server "$d/conf.db" --remote="punix:$d/db.sock" --pidfile="$d/ovsdb-server.pid" \
		--detach --no-chdir --log-file="$d/ovsdb-server.log"
	ovs-vsctl --no-wait init
	in_ns "$NS_H1" ovs-vswitchd "unix:$d/db.sock" --pidfile="$d/ovs-vswitchd.pid" \
		--detach --no-chdir --log-file="$d/ovs-vswitchd.log"
}

cfg_ovs_normal()
{
	plug_both
	ovs_start
	ovs-vsctl --timeout 60 add-br br0 -- set bridge br0 protocols=OpenFlow10,OpenFlow13 \
		-- set-fail-mode br0 standalone \
		-- add-port br0 p1 -- add-port br0 p2
}

# The same policy as bridge-policy, in OpenFlow: 100 rules in table 0 (98
# denying destinations that carry no traffic, one per direction permitting
# it through a meter so fast that it never drops), then NORMAL.
cfg_ovs_policy()
{
	local flows=$WORK/ovs/flows i n

	cfg_ovs_normal
	ovs-ofctl -O OpenFlow13 add-meter br0 meter=1,kbps,band=type=drop,rate=10000000
	ovs-ofctl -O OpenFlow13 add-meter br0 meter=2,kbps,band=type=drop,rate=10000000
	: >"$flows"
	for i in $(seq 98); do
		echo "priority=100,ip,nw_dst=10.0.99.$i,actions=drop" >>"$flows"
	done
	echo "priority=100,ip,nw_dst=$DST_IP,actions=meter:1,NORMAL" >>"$flows"
	echo "priority=100,ip,nw_dst=$SRC_IP,actions=meter:2,NORMAL" >>"$flows"
	ovs-ofctl -O OpenFlow13 add-flows br0 "$flows"
	n=$(ovs-ofctl -O OpenFlow13 dump-flows br0 | grep -c 'priority=100')
	((n == 100)) || { echo "$n OpenFlow rules, not 100" >&2; return 1; }
	POST_MEASURE=ovs_policy_check
}

ovs_policy_check()
{
	# Band lines: "0: packet_count:N byte_count:M", N the frames dropped.
	info meter_drops "$(ovs-ofctl -O OpenFlow13 meter-stats br0 |
		awk -F'packet_count:' '/^ *[0-9]+: packet_count:/ { split($2, a, " "); s += a[1] } END { print s + 0 }')"
	in_ns "$NS_H1" ovs-dpctl dump-flows | sed 's/^/# datapath flow: /' >&2 || true
}

# vem_switch NS [SWITCH ARGS...]: a vnlink switch in NS.
vem_switch()
{
	local ns=$1
	shift
	vsm "$ns" switch create "$@"
}

cfg_vem_access()
{
	plug_both
	vem_switch "$NS_H1"
	vsm "$NS_H1" interface add vethernet 1 dev p1 access vlan "$VLAN"
	vsm "$NS_H1" interface add vethernet 2 dev p2 access vlan "$VLAN"
	POST_MEASURE=vem_check
}

# vem_check: nothing dropped or flooded on the way.
vem_check()
{
	local ns

	for ns in $(ip netns list | awk '/^bench-h/ { print $1 }'); do
		vsm "$ns" show interface counters >&2 || true
	done
}

cfg_vem_trunk()
{
	local h

	ns_new "$NS_H1"
	ns_new "$NS_H2"
	plug "$NS_SRC" "$NS_H1" p1
	plug "$NS_DST" "$NS_H2" p2
	ip -n "$NS_H1" link add up1 type veth peer name up2 netns "$NS_H2"
	ip -n "$NS_H1" link set up1 up
	ip -n "$NS_H2" link set up2 up
	for h in 1 2; do
		local ns=bench-h$h
		vem_switch "$ns"
		vsm "$ns" interface add ethernet 1 dev "up$h" allowed vlan "$VLAN" native vlan none
		vsm "$ns" interface add vethernet 1 dev "p$h" access vlan "$VLAN"
	done
	POST_MEASURE=vem_check
}

# vsmd_start NS: vsmd in netns NS, its socket, pid and empty startup-config
# under $WORK (teardown ends it); vsmd creates the switch. Exports
# VSMD_SOCKET for vsm.
vsmd_start()
{
	local ns=$1 sock=$WORK/vsmd.sock

	[[ -x $repo/vsmctl/vsmd ]] || skip "no vsmd in this tree"
	export VSMD_SOCKET=$sock
	rm -f "$sock" "$WORK/startup-config"
	in_ns "$ns" "$repo/vsmctl/vsmd" -f -s "$sock" -c "$WORK/startup-config" \
		>"$WORK/vsmd.log" 2>&1 &
	echo $! >"$WORK/vsmd.pid"
	for _ in $(seq 100); do
		[[ -S $sock ]] && break
		sleep 0.1
	done
	[[ -S $sock ]] || { echo "vsmd did not start: $(tail -n 3 "$WORK/vsmd.log")" >&2; return 1; }
	# The socket comes first, then the reconcile: wait until it answers.
	for _ in $(seq 100); do
		vsm "$ns" show running-config >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "vsmd does not answer: $(tail -n 3 "$WORK/vsmd.log")" >&2
	return 1
}

# vem_vsmd_access: what cfg_vem_access builds, the way an operator does it
# with vsmd: VLAN 10, a port profile "bench" (access VLAN 10), vethernet 1
# and 2 inheriting it, bound to p1 and p2 (binding a vNIC is not
# configuration: vsmctl, as a VM manager's hook would).
vem_vsmd_access()
{
	plug_both
	vsmd_start "$NS_H1"
	vsm "$NS_H1" configure - <<-EOF
	vlan $VLAN
	port-profile type vethernet bench
	  switchport mode access
	  switchport access vlan $VLAN
	  state enabled
	interface vethernet 1
	  inherit port-profile bench
	interface vethernet 2
	  inherit port-profile bench
	EOF
	vsm "$NS_H1" interface set vethernet 1 dev p1
	vsm "$NS_H1" interface set vethernet 2 dev p2
}

# acl_configure FILE: one `vsmctl configure` of FILE through vsmd, timed
# (info acl_configure_ms: vsmctl's start, vsmd's parse and evaluation, the
# classifier's build in the kernel, the replies).
acl_configure()
{
	local t0 t1

	t0=${EPOCHREALTIME/./}
	vsm "$NS_H1" configure "$1"
	t1=${EPOCHREALTIME/./}
	info acl_configure_ms "$(((t1 - t0) / 1000))"
	log "vsmctl configure $(wc -l <"$1") lines: $(((t1 - t0) / 1000)) ms"
}

# acl_hits NAME: "SEQ MATCHES" a line for every entry of ip access-list
# NAME, then "deny MATCHES" for the implicit deny.
acl_hits()
{
	vsm "$NS_H1" -j show ip access-lists "$1" | python3 -c '
import json, sys
acl = json.load(sys.stdin)[0]
for e in acl["entries"]:
    print(e["seq"], e["matches"])
print("deny", acl["implicit_deny_matches"])'
}

# acl_check NAME SEQ: after a measurement, the frames went where they were
# meant to: SEQ (the permit the traffic matches) counted them, no other
# entry and not the implicit deny did, vethernet 1 dropped none for its
# ACL. Records info acl_entries, acl_hits_permit, acl_hits_others,
# drop_acl_in; a miss fails the step.
acl_check()
{
	local name=$1 seq=$2 hits entries permit others deny drops

	hits=$(acl_hits "$name")
	entries=$(grep -vc '^deny ' <<<"$hits")
	permit=$(awk -v s="$seq" '$1 == s { print $2 }' <<<"$hits")
	others=$(awk -v s="$seq" '$1 != s && $1 != "deny" { n += $2 } END { print n + 0 }' <<<"$hits")
	deny=$(awk '$1 == "deny" { print $2 }' <<<"$hits")
	drops=$(vsm "$NS_H1" -j show interface counters vethernet 1 |
		sed -n 's/.*"drop_acl_in": *\([0-9]*\).*/\1/p' | head -n 1)
	info acl_entries "$entries"
	info acl_hits_permit "${permit:-0}"
	info acl_hits_others "$others"
	info acl_implicit_deny "${deny:-0}"
	info drop_acl_in "${drops:-0}"
	log "ACL $name: $entries entries, permit $seq matched ${permit:-0}, others $others, implicit deny ${deny:-0}, vethernet 1 drop_acl_in ${drops:-0}"
	((${permit:-0} > 0)) || { echo "the permit entry $seq of $name matched nothing" >&2; return 1; }
	((others == 0 && ${deny:-0} == 0)) ||
		{ echo "$name: $others frames matched other entries, ${deny:-0} the implicit deny" >&2; return 1; }
}

# The same policy as bridge-policy and ovs-policy, as an operator writes it
# in vsmd: one 100-entry ip access-list (98 entries denying destinations
# that carry no traffic, then one permit per direction, as ovs-policy's
# table 0) in the port profile of both vEths, inbound (what bridge-policy's
# ingress flower filters do), with per-entry statistics (tc and OpenFlow
# count per rule too). No policer: vnlink has none yet (the QoS part of
# the policy issue); once vsmd has "police", add one that never drops and
# report its drops as info policer_drops.
cfg_vem_policy()
{
	local conf=$WORK/policy.conf i

	[[ -x $repo/vsmctl/vsmd ]] || skip "no vsmd in this tree"
	vem_vsmd_access
	{
		echo "ip access-list BENCH-POLICY"
		echo "  statistics per-entry"
		for i in $(seq 98); do
			echo "  $((i * 10)) deny ip any host 10.0.99.$i"
		done
		echo "  990 permit ip any host $DST_IP"
		echo "  1000 permit ip any host $SRC_IP"
		echo "port-profile type vethernet bench"
		echo "  ip port access-group BENCH-POLICY in"
	} >"$conf"
	acl_configure "$conf"
	POST_MEASURE=vem_policy_check
}

vem_policy_check()
{
	local hits n others deny

	hits=$(acl_hits BENCH-POLICY)
	n=$(grep -vc '^deny ' <<<"$hits")
	others=$(awk '$1 != 990 && $1 != 1000 && $1 != "deny" { n += $2 } END { print n + 0 }' <<<"$hits")
	deny=$(awk '$1 == "deny" { print $2 }' <<<"$hits")
	info acl_entries "$n"
	info acl_hits_permit "$(awk '$1 == 990 || $1 == 1000 { n += $2 } END { print n + 0 }' <<<"$hits")"
	info acl_hits_others "$others"
	info acl_implicit_deny "${deny:-0}"
	vem_check
	((n == 100)) || { echo "BENCH-POLICY has $n entries, not 100" >&2; return 1; }
	((others == 0 && ${deny:-0} == 0)) ||
		{ echo "BENCH-POLICY: $others frames matched a deny entry, ${deny:-0} the implicit deny" >&2; return 1; }
}

# ------------------------------------------------------------ the series --

# macs: pps while every frame comes from another of N source MACs, all
# learned beforehand by one pktgen burst of N frames (far faster than N
# vsmctl calls). The source MACs cycle, so every lookup and refresh hits a
# different entry of the full table.
macs_fill()
{
	local n=$1 count=$2 pass have=0

	pg_setup "src_mac 02:10:00:00:00:00" "src_mac_count $n"
	# Learning may miss a few while the hash table grows: send again.
	for pass in 1 2 3; do
		pg_burst "$n"
		have=$($count)
		log "MAC fill pass $pass: $have entries"
		if ((have >= n)); then
			break
		fi
	done
	info table_entries "$have"
	((have >= n)) || { echo "only $have of $n MACs learned" >&2; return 1; }
}

vem_mac_count()
{
	vsm "$NS_H1" -j show switch | sed -n 's/.*"mac_count": *\([0-9]*\).*/\1/p'
}

bridge_mac_count()
{
	# Dynamic entries of p1 only: the bridge adds its own permanent ones.
	bridge -n "$NS_H1" fdb show br br0 brport p1 dynamic | wc -l
}

series_macs_vem()
{
	plug_both
	vem_switch "$NS_H1" mac-limit 200000
	vsm "$NS_H1" interface add vethernet 1 dev p1 access vlan "$VLAN"
	vsm "$NS_H1" interface add vethernet 2 dev p2 access vlan "$VLAN"
	check_path
	macs_fill "$1" vem_mac_count
	measure_pps
}

series_macs_bridge()
{
	cfg_bridge
	check_path
	macs_fill "$1" bridge_mac_count
	measure_pps
}

# veths: N vEths on the switch in the VLAN, only vethernet 1 and 2 bound.
# Creating the unbound ones takes one vsmctl call each, all in one shell.
veths_setup()
{
	local n=$1

	cfg_vem_access
	# vem_check would print 1024 ports.
	POST_MEASURE=
	in_ns "$NS_H1" bash -c '
		for ((i = 3; i <= $2; i++)); do
			"$1" interface add vethernet "$i" access vlan "$3" || exit 1
		done' veths "$VSMCTL" "$n" "$VLAN"
	info ports "$(vsm "$NS_H1" -j show switch | sed -n 's/.*"port_count": *\([0-9]*\).*/\1/p')"
	check_path
}

series_veths_vem()
{
	veths_setup "$1"
	pg_setup
	measure_pps
}

# To a MAC nobody has: every frame is flooded to the VLAN, which walks the
# whole port list. bench-dst counts it all the same.
series_veths_vem_flood()
{
	veths_setup "$1"
	pg_setup "dst_mac 02:00:00:00:99:99"
	measure_pps
}

# acl: pps against the number of entries of an ip access-list applied in
# on vethernet 1 (the sender's vEth), configured through vsmd. The list is
# the "mixed" one of tests/unit/bench_acl_cls.c (kmod/acl-classifier.md):
# N - 1 entries the traffic does not match, of many shapes (hosts, /24, /16
# and /8 prefixes, tcp eq services, udp ranges, gt, established, dscp),
# then the one that permits it, last: a linear scan would walk all N. The
# path is learned (check_path) before the list is applied: it permits
# pktgen's UDP only.
acl_list()
{
	local n=$1 i a b

	echo "ip access-list BENCH-ACL"
	echo "  statistics per-entry"
	for ((i = 0; i < n - 1; i++)); do
		a=$((i & 255)) b=$((i >> 8))
		printf '  %d ' $(((i + 1) * 10))
		case $((i % 10)) in
		0|1|2) echo "deny ip host 10.$((1 + b)).$a.$((i % 7 + 1)) any" ;;
		3|4) echo "permit tcp any host 172.16.$b.$a eq $((80 + i % 3 * 363))" ;;
		5) echo "deny ip 192.168.$a.0/24 any" ;;
		6) echo "permit udp 10.$((100 + b)).0.0/16 10.250.$a.0/24 range $((1000 + a)) $((2000 + a))" ;;
		7) echo "permit tcp 10.$((1 + b)).$a.0/24 any established" ;;
		8) echo "deny udp any host 10.2.$b.$a gt 1023" ;;
		*) echo "deny ip $((20 + a % 200)).0.0.0/8 any dscp $((i % 64))" ;;
		esac
	done
	echo "  $((n * 10)) permit udp any host $DST_IP"
}

# acl_series N DIRS: the list of N entries on vethernet 1 in (DIRS "in"),
# and also on vethernet 2 out (DIRS "in out": two lookups a frame).
acl_series()
{
	local n=$1 dirs=$2 conf=$WORK/acl.conf

	vem_vsmd_access
	check_path
	{
		acl_list "$n"
		echo "interface vethernet 1"
		echo "  ip port access-group BENCH-ACL in"
		if [[ $dirs == *out* ]]; then
			echo "interface vethernet 2"
			echo "  ip port access-group BENCH-ACL out"
		fi
	} >"$conf"
	acl_configure "$conf"
	pg_setup
	measure_pps
	acl_check BENCH-ACL $((n * 10))
}

series_acl_vem()
{
	acl_series "$1" in
}

series_acl_vem_in_out()
{
	acl_series "$1" "in out"
}

# For contrast, a classifier that does scan linearly, measured in the same
# run: the Linux bridge with tc u32 on p1's ingress, N filters in one u32
# table, which u32 walks in order. The filters mirror acl_list's entries as
# far as u32 says them (ranges and "gt" become a masked port, "established"
# the ACK bit); none matches pktgen's frames but the last, which passes
# them through a gact action whose count proves it (its own index: the
# other filters' actions are numbered 1, 2, ... and "index 1" would share
# the first one's drop).
readonly U32_PASS=65536
series_acl_tc_u32()
{
	local n=$1 batch=$WORK/u32.batch i a b m passed

	cfg_bridge
	tc -n "$NS_H1" qdisc add dev p1 clsact
	{
		for ((i = 0; i < n - 1; i++)); do
			a=$((i & 255)) b=$((i >> 8))
			case $((i % 10)) in
			0|1|2) m="match ip src 10.$((1 + b)).$a.$((i % 7 + 1))/32 action drop" ;;
			3|4) m="match ip protocol 6 0xff match ip dst 172.16.$b.$a/32 match ip dport $((80 + i % 3 * 363)) 0xffff action pass" ;;
			5) m="match ip src 192.168.$a.0/24 action drop" ;;
			6) m="match ip protocol 17 0xff match ip src 10.$((100 + b)).0.0/16 match ip dst 10.250.$a.0/24 match ip dport 1024 0xfc00 action pass" ;;
			7) m="match ip protocol 6 0xff match ip src 10.$((1 + b)).$a.0/24 match u8 0x10 0x10 at 33 action pass" ;;
			8) m="match ip protocol 17 0xff match ip dst 10.2.$b.$a/32 match ip dport 1024 0xfc00 action drop" ;;
			*) m="match ip src $((20 + a % 200)).0.0.0/8 match ip dsfield $(((i % 64) << 2)) 0xfc action drop" ;;
			esac
			echo "filter add dev p1 ingress protocol ip prio 1 u32 $m"
		done
		echo "filter add dev p1 ingress protocol ip prio 1 u32 match ip protocol 17 0xff match ip dst $DST_IP/32 action gact pass index $U32_PASS"
	} >"$batch"
	tc -n "$NS_H1" -batch "$batch"
	i=$(tc -n "$NS_H1" filter show dev p1 ingress | grep -c '^filter .* fh 800::')
	info filters "$i"
	((i == n)) || { echo "p1: $i u32 filters, not $n" >&2; return 1; }
	check_path
	pg_setup
	measure_pps
	# "Sent B bytes P pkt": the frames the last filter passed.
	passed=$(tc -n "$NS_H1" -s actions get action gact index "$U32_PASS" |
		sed -n 's/.*Sent [0-9]* bytes \([0-9]*\) pkt.*/\1/p' | head -n 1)
	info acl_hits_permit "${passed:-0}"
	((${passed:-0} > 0)) || { echo "the last u32 filter passed no frame" >&2; return 1; }
}

# change: guest time for one change of the access VLAN to reach N vEths,
# through a port profile or port by port (config_change.py, raw netlink
# until vsmctl speaks profiles; once vsmd exists, time `vsmctl configure`
# too).
change_series()
{
	local mode=$1 n=$2 out rc=0 run usecs

	ns_new "$NS_H1"
	vem_switch "$NS_H1"
	out=$(in_ns "$NS_H1" python3 "$here/config_change.py" "$mode" "$n" "$RUNS") || rc=$?
	if ((rc == 77)); then
		skip "this vem.ko has no port profiles"
	fi
	((rc == 0)) || return "$rc"
	while read -r run usecs; do
		record "$CUR_GROUP" "$CUR_ITEM" "$CUR_X" ms "$run" "$usecs" 0
	done <<<"$out"
	progress "$CUR_ITEM $n: ms (warm-up, runs): $(awk '{ printf "%s%.3f", (NR > 1 ? " " : ""), $2 / 1000 }' <<<"$out")"
}

series_change_profile()
{
	change_series profile "$1"
}

series_change_per_port()
{
	change_series per-port "$1"
}

# What an operator does: one `vsmctl configure` of the profile's access VLAN,
# through vsmd (vsmctl's start, vsmd's parse and evaluation, the push to
# the kernel), N vEths inheriting the profile; then a dump checks them all.
series_change_vsmd()
{
	local n=$1 run vlan t0 t1 seen i

	ns_new "$NS_H1"
	vsmd_start "$NS_H1"
	{
		printf 'vlan 10,20\nport-profile type vethernet bench\n'
		printf '  switchport mode access\n  switchport access vlan 10\n'
		printf '  max-ports %d\n  state enabled\n' "$n"
		for ((i = 1; i <= n; i++)); do
			printf 'interface vethernet %d\n  inherit port-profile bench\n' "$i"
		done
	} | vsm "$NS_H1" configure -
	for ((run = 0; run <= RUNS; run++)); do
		vlan=$((run % 2 ? 10 : 20))
		t0=${EPOCHREALTIME/./}
		printf 'port-profile type vethernet bench\n  switchport access vlan %d\n' "$vlan" |
			vsm "$NS_H1" configure -
		t1=${EPOCHREALTIME/./}
		seen=$(vsm "$NS_H1" -j show interface | { grep -o "\"access_vlan\": *$vlan\b" || true; } | wc -l)
		((seen == n)) || { echo "run $run: $seen of $n vEths in VLAN $vlan" >&2; return 1; }
		record "$CUR_GROUP" "$CUR_ITEM" "$CUR_X" ms "$run" "$((t1 - t0))" 0
		log "vsmd $n run $run: $((t1 - t0)) us"
	done
	progress "vsmd $n: done"
}

# ------------------------------------------------------------- the runner --

# selected LIST NAME: whether NAME is in LIST (space/comma separated, or "all").
selected()
{
	local list=" ${1//,/ } "
	[[ $list == " all " || $list == *" $2 "* ]]
}

POST_MEASURE=

# run_step GROUP ITEM X FUNCTION ARGS...: one configuration or series point,
# from an empty topology to teardown. The function runs in a subshell with
# errexit (not in a condition, where bash would ignore errexit), its output
# in raw/logs/; its status is recorded: ok, skipped (exit 77) or failed with
# the last lines it printed.
run_step()
{
	local group=$1 item=$2 x=$3 fn=$4 logf rc why t0
	shift 4

	CUR_GROUP=$group CUR_ITEM=$item CUR_X=$x POST_MEASURE=
	logf=$RAW/logs/$group-$item${x/#-/}.log
	logf=${logf//[^A-Za-z0-9_.\/-]/_}
	rm -f "$WORK/skip-reason"
	progress "== $group $item ${x/#-/}"
	t0=${EPOCHREALTIME/./}
	set +e
	(
		set -eE
		# Which command failed, in the step's log: the reason the table shows.
		trap 'echo "bench: \"$BASH_COMMAND\" failed (status $?, line $LINENO)" >&2' ERR
		IN_STEP=1
		ns_new "$NS_SRC"
		ns_new "$NS_DST"
		"$fn" "$@"
		if [[ $group == config ]]; then
			check_path
			pg_setup
			measure_pps
			measure_tcp
		fi
		if [[ -n $POST_MEASURE ]]; then
			"$POST_MEASURE"
		fi
	) >"$logf" 2>&1
	rc=$?
	set -e
	case $rc in
	0) record "$group" "$item" "$x" status 0 ok "" ;;
	77)
		why=$(cat "$WORK/skip-reason" 2>/dev/null || echo "skipped")
		record "$group" "$item" "$x" status 0 skipped "$why"
		progress "skipped: $why"
		;;
	*)
		why=$(grep -v '^#' "$logf" | grep . | tail -n 3 | tr '\n\t' '  ' || true)
		record "$group" "$item" "$x" status 0 failed "exit $rc: ${why:-no message}"
		progress "FAILED (exit $rc), see $logf:"
		tail -n 5 "$logf" >&9
		;;
	esac
	record "$group" "$item" "$x" info 0 guest_seconds "$(((${EPOCHREALTIME/./} - t0) / 1000))e-3"
	teardown
}

main()
{
	local entry name what group xlabel metric line xs x

	mkdir -p "$RAW/tcp" "$RAW/logs" "$WORK"
	: >"$TSV"
	mkfifo "$FIFO"

	exec 9>&1
	meta kernel "$(uname -r)"
	meta cpus "$(nproc)"
	meta clocksource "$(cat /sys/devices/system/clocksource/clocksource0/current_clocksource)"
	meta seconds "$SECONDS_RUN"
	meta warmup "$SECONDS_WARMUP"
	meta runs "$RUNS"
	meta iperf3 "$(iperf3 --version | head -n 1)"
	meta ovs "$(ovs-vswitchd --version | head -n 1)"
	meta vem_ko "$VEM_KO"

	# Without vem.ko the comparisons still run; the vnlink ones fail, saying so.
	if ! insmod "$VEM_KO"; then
		meta error "cannot load $VEM_KO"
		progress "cannot load $VEM_KO: the vnlink configurations will fail"
	fi
	modprobe pktgen
	progress "vem.ko and pktgen loaded; $RUNS runs of ${SECONDS_RUN} s after ${SECONDS_WARMUP} s of warm-up"
	local t_start=${EPOCHREALTIME/./}

	for entry in "${CONFIGS[@]}"; do
		name=${entry%%|*} what=${entry#*|}
		selected "$ONLY_CONFIGS" "$name" || continue
		record config "$name" - describe 0 "$what" ""
		run_step config "$name" - "cfg_${name//-/_}"
	done

	if [[ $ONLY_SERIES != none ]]; then
		for entry in "${SERIES_GROUPS[@]}"; do
			IFS='|' read -r group xlabel metric <<<"$entry"
			selected "$ONLY_SERIES" "$group" || continue
			record "$group" - - group 0 "$xlabel" "$metric"
		done
		for entry in "${SERIES[@]}"; do
			IFS='|' read -r group line xs what <<<"$entry"
			selected "$ONLY_SERIES" "$group" || continue
			record "$group" "$line" - describe 0 "$what" ""
			for x in $xs; do
				run_step "$group" "$line" "$x" "series_${group//-/_}_${line//-/_}" "$x"
			done
		done
	fi
	meta guest_seconds "$(((${EPOCHREALTIME/./} - t_start) / 1000))e-3"
	progress "done"
}

main "$@"
