#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input to vsmd: batches that do not parse or break the rules, show and
# copy words it does not know, frames vsmctl never sends, clients that
# stall, and bad options to vsmd itself. Each is refused with a non-zero
# exit and a message saying why, and leaves everything as it was: the
# running-config, the kernel's state, and vsmd alive and answering.
#
#  vsmctl ---------------\                   +------------------------------+
#                         +--> vsmd -t 1 --> | host: vem                    |
#  vsmdraw.py: raw frames/   (UNIX socket)   |  vethernet 1 = d1  (web)     |
#              stalled clients               |  vethernet 2 = d2  (web, own |
#                                            |                VLAN 20)      |
#                                            |  ethernet 1   (uplink)       |
#                                            |  base <- web, uplink         |
#                                            +------------------------------+

source "$(dirname "$0")/lib.sh"
require_vem
ktap_header "vsmd: bad input changes nothing"

VSMD=${VSMD:-$REPO_DIR/vsmctl/vsmd}
VSMDRAW="python3 $SELFTESTS_DIR/vsmdraw.py"
T=$(mktemp -d)
export VSMD_SOCKET=$T/vsmd.sock
CONF=$T/startup-config
VSMD_PID=

start_vsmd()
{
	ip netns exec "$NS_PREFIX-host" "$VSMD" -f -t 1 -s "$VSMD_SOCKET" \
		-c "$CONF" 2>>"$T/vsmd.log" &
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

# The kernel's state, as '$VEMNL state' prints it, is read by one python
# process for the whole run (a new one per check costs more than half a
# second under TCG): "snap" keeps it, "cmp" prints "same" or what changed.
kstate_server()
{
	ip netns exec "$NS_PREFIX-host" python3 -c '
import difflib, sys
sys.path.insert(0, sys.argv[1])
import vemnl
g, snap = vemnl.Genl(), None
for cmd in sys.stdin:
    now = vemnl.state_lines(g)
    if cmd.strip() == "snap":
        snap = now
        print(f"{len(now)} lines", flush=True)
        continue
    diff = [d[:150] for d in difflib.unified_diff(snap, now, n=0, lineterm="")][2:8]
    print(" | ".join(diff) if diff else "same", flush=True)
' "$SELFTESTS_DIR"
}

# kstate snap|cmp
kstate()
{
	local reply
	echo "$1" >&"${KSTATE_SRV[1]}"
	IFS= read -r reply <&"${KSTATE_SRV[0]}"
	echo "$reply"
}

# unchanged: vsmd alive and answering, its running-config and the kernel
# as they were (RUN, kstate snap); else say what differs.
unchanged()
{
	local run now
	if ! kill -0 "$VSMD_PID" 2>/dev/null; then
		echo "vsmd died"; return 1
	fi
	if ! run=$(vsm host show running-config 2>&1); then
		echo "vsmd does not answer: $run"; return 1
	fi
	if [ "$run" != "$RUN" ]; then
		echo "the running-config changed:"
		diff <(echo "$RUN") <(echo "$run") | head -n 10; return 1
	fi
	now=$(kstate cmp)
	if [ "$now" != same ]; then
		echo "the kernel state changed: $now"
		return 1
	fi
}

# verdict DESC WANT_RC RC PATTERN STDERR: the exit status is WANT_RC, the
# message matches PATTERN (extended regex) and nothing changed.
verdict()
{
	local desc=$1 want=$2 rc=$3 pat=$4 err=$5 why

	if [ "$rc" != "$want" ]; then
		why="exit status $rc, expected $want"
	elif ! [[ $err =~ $pat ]]; then
		why="no /$pat/ in the message"
	elif ! why=$(unchanged); then
		:
	else
		ok "$desc"
		return
	fi
	not_ok "$desc"
	echo "$why" | sed 's/^/#   /'
	printf '%s\n' "$err" | cut -c 1-200 | head -n 5 | sed 's/^/#   stderr: /'
}

# creject DESC PATTERN < BATCH: 'vsmctl configure' refuses the batch
# (exit 1: it does not parse or breaks a rule), naming it.
creject()
{
	local desc=$1 pat=$2 err rc
	err=$(vsm host configure - 2>&1 >/dev/null)
	rc=$?
	verdict "$desc" 1 "$rc" "$pat" "$err"
}

# vreject DESC RC PATTERN ARGS...: 'vsmctl ARGS' exits RC, saying PATTERN.
vreject()
{
	local desc=$1 want=$2 pat=$3 err rc
	shift 3
	err=$(vsm host "$@" 2>&1 >/dev/null)
	rc=$?
	verdict "$desc" "$want" "$rc" "$pat" "$err"
}

# rreject DESC CASE PATTERN: vsmdraw.py sends the raw frame CASE; vsmd's
# reply (or "<closed>"/"<reset>" when it hangs up) matches PATTERN.
rreject()
{
	local desc=$1 case=$2 pat=$3 out
	out=$($VSMDRAW "$VSMD_SOCKET" send "$case" 2>&1)
	verdict "$desc" 0 $? "$pat" "$out"
}

# no_control TEXT: no control character but newlines in TEXT.
no_control()
{
	! LC_ALL=C grep -q '[[:cntrl:]]' <<<"$1"
}

# long WORD N: WORD N times, without separator.
long()
{
	printf "$1%.0s" $(seq "$2")
}

ns_add host
for d in d1 d2; do
	on host ip link add $d type veth peer name $d-p
	on host ip link set $d up
	on host ip link set $d-p up
done

check "vsmd starts (client timeout 1 s)" start_vsmd
check "a baseline configured through vsmd" vsm host configure - <<'EOF'
vlan 10,20
vlan 10
  name web
port-profile type vethernet base
  switchport mode access
  max-ports 8
  state enabled
port-profile type vethernet web
  inherit port-profile base
  switchport access vlan 10
  state enabled
port-profile type ethernet uplink
  switchport trunk allowed vlan 10,20
  state enabled
interface vethernet 1
  inherit port-profile web
interface vethernet 2
  inherit port-profile web
  switchport access vlan 20
  description d2 eth0
interface ethernet 1
  inherit port-profile uplink
EOF
vsm host interface set vethernet 1 dev d1
vsm host interface set vethernet 2 dev d2
check_eq "vethernet 2 bound, VLAN 20" "d2 20" \
	"$(port_field host vethernet 2 ifname) $(port_field host vethernet 2 access_vlan)"
RUN=$(vsm host show running-config)
coproc KSTATE_SRV { kstate_server; }
check "the kernel state is read" grep -q "lines" <<<"$(kstate snap)"
check "the baseline is what we compare to" unchanged
# The comparison sees a change, and its undoing.
vsm host mac address-table static 0200.0000.0099 vlan 10 interface vethernet 1
check_fail "a static MAC entry is a change" unchanged
on host $VEMNL request FDB_DEL VEM_A_FDB_MAC=mac:02:00:00:00:00:99 VEM_A_FDB_VLAN=u16:10 >/dev/null
check "its removal undoes it" unchanged

# Unknown words
creject "unknown top-level command" 'line 1: .*unknown command "frobnicate"' <<<"frobnicate"
creject "unknown command in a block, named by its line" 'line 3: .*unknown command' <<'EOF'
port-profile type vethernet web
  switchport access vlan 10
  frobnicate now
EOF
creject "an ambiguous abbreviation" 'line 2: .*ambiguous' <<'EOF'
port-profile type vethernet web
  s
EOF
creject "an unknown switchport mode" 'line 2: .*switchport mode' <<'EOF'
interface vethernet 1
  switchport mode hybrid
EOF
creject "'no' alone" 'line 1: .*missing command' <<<"no"

# VLANs out of range
creject "vlan 0" 'line 1: .*VLAN 0 is not in 1-4094' <<<"vlan 0"
creject "vlan 4095" 'line 1: .*VLAN 4095 is not in 1-4094' <<<"vlan 4095"
creject "vlan 5000" 'line 1: .*VLAN 5000' <<<"vlan 5000"
creject "vlan 1-5000" 'line 1: .*VLAN 5000' <<<"vlan 1-5000"
creject "vlan 20-10 (backwards)" 'line 1: .*backwards' <<<"vlan 20-10"
creject "vlan abc" 'line 1: .*(VLAN|vlan)' <<<"vlan abc"
creject "access vlan 0 on an interface" 'line 2: .*invalid VLAN "0"' <<'EOF'
interface vethernet 1
  switchport access vlan 0
EOF
creject "access vlan 4095 in a profile" 'line 2: .*invalid VLAN "4095"' <<'EOF'
port-profile type vethernet web
  switchport access vlan 4095
EOF
creject "trunk allowed vlan 1-5000" 'line 2: .*VLAN 5000' <<'EOF'
port-profile type ethernet uplink
  switchport trunk allowed vlan 1-5000
EOF
creject "trunk native vlan 4095" 'line 2: .*invalid VLAN "4095"' <<'EOF'
port-profile type ethernet uplink
  switchport trunk native vlan 4095
EOF
creject "a bad VLAN on the last line of a good batch: nothing applied" \
	'line 6: .*invalid VLAN "4095"' <<'EOF'
vlan 30
port-profile type vethernet web
  switchport access vlan 30
interface vethernet 3
  inherit port-profile web
  switchport access vlan 4095
EOF

# Names, descriptions
creject "an 81-character port-profile name" 'line 1: .*81 characters \(1 to 80' \
	<<<"port-profile type vethernet $(long a 81)"
creject "an 81-character name in inherit" 'line 2: .*81 characters' <<EOF
interface vethernet 1
  inherit port-profile $(long a 81)
EOF
creject "a 33-character VLAN name" 'line 2: .*VLAN name.*33 characters \(1 to 32' <<EOF
vlan 10
  name $(long b 33)
EOF
creject "an 81-character description" 'line 2: .*description of 81 characters' <<EOF
interface vethernet 1
  description $(long c 81)
EOF
creject "'/' in a port-profile name" 'line 1: .*character 3 is not allowed' \
	<<<"port-profile type vethernet we/b"
creject "'\$' in a port-profile name" 'line 1: .*is not allowed' \
	<<<'port-profile type vethernet w$b'
creject "UTF-8 in a port-profile name" 'line 1: .*is not allowed' \
	<<<"port-profile type vethernet wéb"
creject "';' in a VLAN name" 'line 2: .*VLAN name.*is not allowed' <<'EOF'
vlan 10
  name a;b
EOF
creject "one name for a VLAN list" 'line 2: .*one VLAN' <<'EOF'
vlan 10,20
  name both
EOF
creject "a control character in a description" 'line 2: .*control character' \
	<<<$'interface vethernet 1\n  description a\x01b'

# Inheritance
creject "a profile inheriting a missing parent" 'line 3: .*nosuch, which does not exist' <<'EOF'
port-profile type vethernet app
  state enabled
  inherit port-profile nosuch
EOF
creject "an interface inheriting a missing profile" 'line 2: .*nosuch, which does not exist' <<'EOF'
interface vethernet 1
  inherit port-profile nosuch
EOF
creject "a cycle: base inherits web inherits base" 'line 2: .*inheritance cycle' <<'EOF'
port-profile type vethernet base
  inherit port-profile web
EOF
creject "a profile inheriting itself" 'line 2: .*inheritance cycle' <<'EOF'
port-profile type vethernet web
  inherit port-profile web
EOF
creject "an ethernet profile inheriting a vethernet one" 'line 2: .*type ethernet and cannot inherit' <<'EOF'
port-profile type ethernet uplink
  inherit port-profile web
EOF
creject "an ethernet interface inheriting a vethernet profile" \
	'line 2: .*ethernet 1 cannot inherit port-profile web' <<'EOF'
interface ethernet 1
  inherit port-profile web
EOF
creject "a vethernet interface inheriting an ethernet profile" \
	'line 2: .*vethernet 1 cannot inherit port-profile uplink' <<'EOF'
interface vethernet 1
  inherit port-profile uplink
EOF
chain=
for i in $(seq 1 9); do
	chain+="port-profile type vethernet c$i"$'\n'
	[ "$i" -gt 1 ] && chain+="  inherit port-profile c$((i - 1))"$'\n'
done
creject "a chain of 9 profiles (at most 8)" 'deeper than 8' <<<"$chain"
creject "changing a profile's type" 'line 1: .*exists with type vethernet' \
	<<<"port-profile type ethernet web"
creject "deleting a profile in use" 'line 1: .*still inherited by' <<<"no port-profile web"
creject "deleting a profile that does not exist" 'line 1: .*does not exist' \
	<<<"no port-profile nosuch"
creject "max-ports below the interfaces using it" 'max-ports 1 but 2 interfaces' <<'EOF'
port-profile type vethernet web
  max-ports 1
EOF
creject "max-ports 0" 'line 2: .*must be 1 to 1024' <<'EOF'
port-profile type vethernet web
  max-ports 0
EOF
creject "max-ports on an ethernet profile" 'line 2: .*vethernet port-profiles only' <<'EOF'
port-profile type ethernet uplink
  max-ports 4
EOF
creject "access mode on an ethernet profile" 'line 2: .*always a trunk' <<'EOF'
port-profile type ethernet uplink
  switchport mode access
EOF

# Interfaces
creject "interface vethernet abc" 'line 1: .*interface number "abc"' <<<"interface vethernet abc"
creject "interface vethernet 1x" 'line 1: .*interface number "1x"' <<<"interface vethernet 1x"
creject "interface vethernet 0" 'line 1: .*must be 1 to 65535' <<<"interface vethernet 0"
creject "interface vethernet 65536" 'line 1: .*must be 1 to 65535' <<<"interface vethernet 65536"
creject "interface vethernet -1" 'line 1: .*interface number "-1"' <<<"interface vethernet -1"
creject "interface vethernet without a number" 'line 1: .*missing number' <<<"interface vethernet"
creject "interface of an unknown type" 'line 1: .*invalid interface "foo"' <<<"interface foo 1"
creject "deleting an interface that does not exist" 'line 1: .*vethernet 99 does not exist' \
	<<<"no interface vethernet 99"

# Size and bytes
python3 -c 'print("interface vethernet 1\n  description " + "x" * (1 << 20))' >"$T/huge-line"
err=$(vsm host configure "$T/huge-line" 2>&1 >/dev/null)
verdict "a 1 MiB line" 1 $? 'line 2: .*description of 1048576 characters' "$err"
check "its error message stays short" test "${#err}" -lt 400
creject "a line of 100 words" 'line 1: .*too many words' \
	<<<"interface vethernet 1 $(long 'x ' 100)"
printf 'vlan 10\n\x01\x02\xff\xfe\x00garbage\nvlan 20\n' >"$T/nul"
creject "binary garbage with a NUL byte" 'line 2: .*NUL byte' <"$T/nul"
python3 -c '
import random, sys
r = random.Random(4)
sys.stdout.buffer.write(bytes(r.choice(range(1, 256)) for _ in range(4096)))' >"$T/garbage"
creject "4 KiB of random bytes" 'line 1: ' <"$T/garbage"
# The offending text is echoed, made printable: a terminal escape in a
# batch must not reach the operator's terminal through the message.
err=$(vsm host configure - 2>&1 >/dev/null <<<$'\e[2J\e[31mred\a x')
verdict "an escape sequence as a command" 1 $? 'line 1: .*unknown command' "$err"
check "its message carries no control character" no_control "$err"
err=$(vsm host configure - 2>&1 >/dev/null <<<$'port-profile type vethernet a\e[2Jb')
verdict "an escape sequence in a port-profile name" 1 $? 'line 1: .*is not allowed' "$err"
check "its message carries no control character" no_control "$err"
head -c $((17 << 20)) /dev/zero | tr '\0' '#' >"$T/17M"
vreject "a batch over 16 MiB (refused before it is sent)" 1 'too large' configure "$T/17M"
rm -f "$T/17M" "$T/huge-line"

# An empty batch, or one of comments only, is no change, not an error.
check "an empty batch is accepted" vsm host configure /dev/null
check "and changes nothing" unchanged
check "a batch of comments and blank lines is accepted" vsm host configure - <<'EOF'
! nothing here

# nor here
EOF
check "and changes nothing" unchanged

# vsmctl words for vsmd that do not exist
vreject "show frobnicate" 1 'unknown show command "frobnicate"' show frobnicate
vreject "show running-config frobnicate" 1 'unknown running-config filter' \
	show running-config frobnicate
vreject "show running-config port-profile nosuch" 2 'no port-profile nosuch' \
	show running-config port-profile nosuch
vreject "show running-config interface vethernet 0" 1 'must be 1 to 65535' \
	show running-config interface vethernet 0
vreject "show running-config interface vethernet 99" 2 'no interface vethernet 99' \
	show running-config interface vethernet 99
vreject "show port-profile frobnicate" 1 'unknown show port-profile option' \
	show port-profile frobnicate
vreject "show port-profile name nosuch" 2 'no port-profile nosuch' show port-profile name nosuch
vreject "show port-profile name of 81 characters" 1 '81 characters' \
	show port-profile name "$(long a 81)"
vreject "show port-profile name a/b" 1 'is not allowed' show port-profile name a/b
vreject "copy running-config frobnicate" 1 'unknown destination' copy running-config frobnicate
vreject "copy startup-config running-config" 1 'unknown source' \
	copy startup-config running-config
vreject "configure with two files" 1 'unexpected' configure a b
vreject "configure a file that does not exist" 1 'No such file' configure "$T/nosuch"
check_fail "nothing reached the startup-config" test -e "$CONF"

# Raw frames, as no vsmctl sends them
rreject "raw: a payload that is not a request" garbage '^error 71 0'
rreject "raw: another protocol version" bad-magic 'not a vsmd/1 request'
rreject "raw: an unknown output format" bad-format 'not a vsmd/1 request'
rreject "raw: an unknown command" unknown-command 'unknown command "frobnicate"'
rreject "raw: an unknown show word" unknown-show 'unknown show command "frobnicate"'
rreject "raw: a bad port-profile name" show-bad-name 'is not allowed'
rreject "raw: an extra word" show-extra-word 'unexpected "x"'
rreject "raw: copy the wrong way" copy-wrong-way 'unknown source'
rreject "raw: text after a show" trailing-text 'unexpected text after the command'
rreject "raw: a NUL byte in the command" nul-in-header 'NUL byte in the header'
rreject "raw: 20 words" too-many-words 'too many words'
rreject "raw: a 5000-byte command" long-command 'line too long'
rreject "raw: an empty payload" empty-payload 'truncated message'
rreject "raw: no newline" no-newline 'truncated message'
rreject "raw: configure with binary" configure-binary '^error 22 1'
rreject "raw: configure vlan 4095" configure-bad-vlan '^error 22 1'
rreject "raw: a truncated frame, then EOF: hung up" truncated '^<closed>$'
rreject "raw: half a header, then EOF: hung up" half-header '^<closed>$'
rreject "raw: a 4 GiB frame announced: hung up" oversized '^<(closed|reset)>$'
rreject "raw: 16 MiB + 1 announced: hung up" just-over-max '^<(closed|reset)>$'
check "vsmd logs the oversized frames" grep -q "client dropped: Message too long" "$T/vsmd.log"

# Clients that connect and stall: one sends nothing, one half a request.
# vsmd serves one client at a time; with -t 1 each costs it 1 s at most.
$VSMDRAW "$VSMD_SOCKET" stall 20 "$T/ready1" >"$T/stall1" &
s1=$!
wait_until 10 test -e "$T/ready1"
$VSMDRAW "$VSMD_SOCKET" stall 20 partial "$T/ready2" >"$T/stall2" &
s2=$!
wait_until 10 test -e "$T/ready2"
t0=$(date +%s%N)
check "vsmctl is answered behind two stalled clients" vsm host show running-config
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check "within 8 s, not their 20 s ($ms ms)" test "$ms" -lt 8000
wait $s1 $s2
check "the silent client was dropped ($(cat "$T/stall1"))" grep -q "^dropped" "$T/stall1"
check "the half-request client was dropped ($(cat "$T/stall2"))" grep -q "^dropped" "$T/stall2"
check "vsmd logs the timeouts" grep -q "client dropped: Connection timed out" "$T/vsmd.log"
check "and still changed nothing" unchanged

# Bad options to vsmd: it does not start, and touches nothing. The second
# vsmd gets its own socket; the first keeps serving.
vsmd2()
{
	timeout 20 ip netns exec "$NS_PREFIX-host" "$VSMD" -f -s "$T/second.sock" "$@"
}
err=$(vsmd2 -c "$CONF" -t 0 2>&1); verdict "vsmd -t 0" 1 $? 'timeout' "$err"
err=$(vsmd2 -c "$CONF" -t abc 2>&1); verdict "vsmd -t abc" 1 $? 'timeout' "$err"
err=$(vsmd2 -c "$CONF" -t 3601 2>&1); verdict "vsmd -t 3601" 1 $? 'timeout' "$err"
err=$(vsmd2 -c "$CONF" extra 2>&1); verdict "vsmd with an extra argument" 1 $? 'unexpected "extra"' "$err"
err=$(vsmd2 -c "$T" 2>&1); verdict "vsmd -c a directory" 1 $? "$T" "$err"
# Its startup-config (never written here: empty) differs from what the
# kernel runs: a vsmd that does not start must not reconcile to it.
err=$(vsmd2 -c "$CONF" -g nosuchgroup 2>&1)
verdict "vsmd -g with a group that does not exist" 1 $? 'no group "nosuchgroup"' "$err"

ktap_finish
