#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/kernels.sh: the kernels vem.ko is built and tested against.
#
#   tools/kernels.sh install   make sure both supported series are installed:
#                              Debian 12's 6.1 (linux-image-amd64, done by
#                              tools/deps.sh) and 6.12 from bookworm-backports,
#                              image and headers as a matched pair, plus dkms
#   tools/kernels.sh list      the installed kernels that can be tested: an
#                              -amd64 image with 9p (not -cloud, not -rt) and
#                              its headers; oldest first
#
# The 6.12 package names carry an ABI number that changes with every upload:
# they are read from the backports metapackage, never written down here.

set -euo pipefail

BACKPORTS=/etc/apt/sources.list.d/vnlink-bookworm-backports.sources

say() { printf 'kernels: %s\n' "$*"; }

list()
{
	local dir ver
	for dir in /lib/modules/*; do
		ver=${dir##*/}
		[[ $ver == *-amd64 && $ver != *cloud* && $ver != *-rt-* ]] || continue
		[[ -f /boot/vmlinuz-$ver && -e $dir/build/Makefile ]] || continue
		echo "$ver"
	done | sort -V
}

have_backports()
{
	grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/
}

install()
{
	local -a want=()
	local image headers

	if ! have_backports; then
		say "adding bookworm-backports to apt's sources"
		cat >"$BACKPORTS" <<-EOT
		Types: deb
		URIs: http://deb.debian.org/debian
		Suites: bookworm-backports
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
		EOT
		apt-get update -qq
	fi
	image=$(apt-cache show linux-image-amd64/bookworm-backports 2>/dev/null |
		sed -n 's/^Depends: \(linux-image-6\.12[^ ,]*\).*/\1/p' | head -n1)
	headers=$(apt-cache show linux-headers-amd64/bookworm-backports 2>/dev/null |
		  sed -n 's/^Depends: \(linux-headers-6\.12[^ ,]*\).*/\1/p' | head -n1)
	if [[ -z $image || -z $headers ]]; then
		say "no 6.12 kernel in bookworm-backports (apt-get update?)"
		exit 1
	fi
	# openssl: DKMS signs what it builds (unsigned modules only taint).
	for p in "$image" "$headers" dkms openssl; do
		dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' ||
			want+=("$p")
	done
	((${#want[@]} == 0)) && return 0
	say "installing ${want[*]}"
	# On a throwaway CI machine, no initrd: the VM boots without one and it
	# takes minutes to build. Elsewhere the host may boot this kernel one day.
	local -a env=(DEBIAN_FRONTEND=noninteractive)
	[[ -n ${CI:-} ]] && env+=(INITRD=No)
	env "${env[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >/tmp/kernels-apt.log 2>&1 ||
		{ cat /tmp/kernels-apt.log; exit 1; }
}

case ${1:-} in
install) install ;;
list) list ;;
*) echo "usage: $0 install|list" >&2; exit 2 ;;
esac
