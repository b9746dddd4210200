#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/bench/config_change.py: how long one configuration change takes to
reach N vEths, run by tools/bench/guest.sh in the netns of a switch.

    config_change.py profile|per-port N RUNS

profile   N vEths bound to one port profile; the change is one PROFILE_SET
          of the profile's access VLAN.
per-port  N vEths without a profile; the change is one PORT_SET per vEth,
          all from this one process (the fastest userspace can do it).

The vEths are not bound to netdevs: what is timed is the configuration
path, which does not depend on them. Each run flips the access VLAN between
10 and 20; the time runs from the first request to the last reply (the
kernel publishes before it replies, so every vEth forwards with the new
VLAN from then on), then a dump checks that all N show it. Run 0 is the
warm-up. Prints "RUN MICROSECONDS" lines; exits 77 when the kernel has no
port profiles.

Port profiles are not in vsmctl yet: this speaks raw netlink through
tests/selftests/vemnl.py.
"""

import errno
import os
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../../tests/selftests"))
import vemnl  # noqa: E402

E = vemnl.ENUMS
VETH = 1
PROFILE = b"bench\0"


def a(name, fmt, value):
    return vemnl.attr(E[name], struct.pack(fmt, value) if fmt else value)


def port_key(i):
    return a("VEM_A_PORT_TYPE", "=B", VETH) + a("VEM_A_PORT_ID", "=I", i)


def do(g, cmd, payload, what):
    err, msg, _ = g.request(E[cmd], payload)
    if err:
        raise SystemExit("%s: %s (%s)" % (what, msg or os.strerror(err),
                                          errno.errorcode.get(err, err)))


def vlans(g):
    """Access VLAN of every vEth, from one dump."""
    err, msg, replies = g.request(E["VEM_CMD_PORT_GET"],
                                  a("VEM_A_PORT_TYPE", "=B", VETH), dump=True)
    if err:
        raise SystemExit("port dump: %s" % msg)
    return [struct.unpack("=H", r[E["VEM_A_PORT_ACCESS_VLAN"]][:2])[0]
            for r in replies]


def main():
    mode, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if "VEM_CMD_PROFILE_NEW" not in E:
        print("this vem has no port profiles", file=sys.stderr)
        sys.exit(77)
    g = vemnl.Genl()

    if mode == "profile":
        do(g, "VEM_CMD_PROFILE_NEW",
           a("VEM_A_PROFILE_NAME", None, PROFILE) +
           a("VEM_A_PROFILE_ACCESS_VLAN", "=H", 10) +
           a("VEM_A_PROFILE_MAX_PORTS", "=I", max(n, 1)), "profile")
        for i in range(1, n + 1):
            do(g, "VEM_CMD_PORT_NEW", port_key(i) +
               a("VEM_A_PORT_PROFILE", None, PROFILE), "vethernet %d" % i)
        changes = [a("VEM_A_PROFILE_NAME", None, PROFILE)]
        cmd, field = "VEM_CMD_PROFILE_SET", "VEM_A_PROFILE_ACCESS_VLAN"
    elif mode == "per-port":
        for i in range(1, n + 1):
            do(g, "VEM_CMD_PORT_NEW", port_key(i) +
               a("VEM_A_PORT_ACCESS_VLAN", "=H", 10), "vethernet %d" % i)
        changes = [port_key(i) for i in range(1, n + 1)]
        cmd, field = "VEM_CMD_PORT_SET", "VEM_A_PORT_ACCESS_VLAN"
    else:
        raise SystemExit("mode: profile or per-port, not %s" % mode)

    for run in range(runs + 1):
        vlan = 20 if run % 2 == 0 else 10
        payloads = [c + a(field, "=H", vlan) for c in changes]
        t0 = time.monotonic_ns()
        for p in payloads:
            do(g, cmd, p, "change")
        t1 = time.monotonic_ns()
        seen = vlans(g)
        if len(seen) != n or any(v != vlan for v in seen):
            raise SystemExit("run %d: %d of %d vEths show VLAN %d" %
                             (run, sum(v == vlan for v in seen), n, vlan))
        print(run, (t1 - t0) // 1000, flush=True)


if __name__ == "__main__":
    main()
