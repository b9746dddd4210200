#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/deps.sh: install the Debian 12 (bookworm) packages vnlink needs to
# build vem.ko and vsmctl and to run the tests in a QEMU VM (tools/vm-run).
#
# Fast and silent when everything is already installed (one dpkg-query call).
# Otherwise prints one line per action, runs `apt-get update` once and installs
# only the missing packages.  Needs root (or sudo) only when it has work to do.
#
#   tools/deps.sh           what build, tests and demo need
#   tools/deps.sh --bench   that, plus what the benchmark needs (Open vSwitch,
#                           gnuplot): `make bench`
#
# Environment:
#   CI          when set (a throwaway machine), the kernel package's hook that
#               builds an initrd for the host is skipped (INITRD=No): it takes
#               minutes and the VM harness does not use it.  Not done otherwise,
#               because a host booting that kernel would need the initrd.
#   DEPS_EXTRA  more package names to install (space separated).

set -euo pipefail

packages=(
	build-essential		# gcc, make
	pkg-config
	libmnl-dev
	qemu-system-x86
	linux-image-amd64	# the kernel booted in the VM ...
	linux-headers-amd64	# ... and its headers, a matched pair
	busybox-static		# the VM's initramfs
	kmod
	cpio
	xz-utils		# to unpack vmlinux from vmlinuz
	iproute2
	iputils-ping
	iperf3
	util-linux
	procps
	python3
	tcpdump
	netsniff-ng		# mausezahn
	libxml2-utils
)
# Only the benchmark (tools/bench) compares against these: not for every build.
bench_packages=(
	openvswitch-switch	# ovsdb-server, ovs-vswitchd, ovs-dpctl, ovs-ofctl
	gnuplot-nox		# the scaling chart, PNG without X
)
case ${1:-} in
'') ;;
--bench) packages+=("${bench_packages[@]}") ;;
*) printf 'usage: %s [--bench]\n' "$0" >&2; exit 2 ;;
esac
# shellcheck disable=SC2206 # word splitting is the point
packages+=(${DEPS_EXTRA:-})

say() { printf 'deps: %s\n' "$*"; }

# Which of "$@" are not fully installed ("ii")?  dpkg-query prints nothing
# (and complains on stderr) for packages it has never heard of: those are
# missing too.
missing_packages() {
	local -A state=()
	local name status out
	out=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null) || true
	while read -r name status; do
		[[ -n $name ]] && state[$name]=$status
	done <<<"$out"
	for name in "$@"; do
		[[ ${state[$name]:-} == ii ]] || printf '%s\n' "$name"
	done
}

mapfile -t missing < <(missing_packages "${packages[@]}")
((${#missing[@]} == 0)) && exit 0

say "missing: ${missing[*]}"

sudo=()
if ((EUID != 0)); then
	command -v sudo >/dev/null || { say "not root and no sudo: install them by hand" >&2; exit 1; }
	# shellcheck disable=SC2054 # one option, a list of names
	sudo=(sudo --preserve-env=DEBIAN_FRONTEND,INITRD)
fi

export DEBIAN_FRONTEND=noninteractive
[[ -n ${CI:-} ]] && export INITRD=No

# apt's chatter goes to a log, shown only if something fails.
log=$(mktemp "${TMPDIR:-/tmp}/deps.XXXXXX")
trap 'rm -f "$log"' EXIT
run() {
	if ! "${sudo[@]}" "$@" >"$log" 2>&1; then
		say "failed: $*" >&2
		tail -n 30 "$log" >&2
		exit 1
	fi
}

say "apt-get update"
run apt-get update -q

say "apt-get install ${missing[*]} (can take a few minutes)"
run apt-get install -y -q --no-install-recommends "${missing[@]}"

mapfile -t still < <(missing_packages "${packages[@]}")
if ((${#still[@]} != 0)); then
	say "still missing after install: ${still[*]}" >&2
	exit 1
fi
say "done"
