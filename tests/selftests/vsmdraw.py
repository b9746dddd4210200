#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Raw clients of vsmd's socket, for negative tests: frames vsmctl never
sends, and clients that stall.

  vsmdraw.py SOCKET send CASE
      send the frame CASE (see CASES), half-close, print the reply payload
      (header stripped), "<closed>" if vsmd closed without a reply, or
      "<reset>"; exit 0 either way.
  vsmdraw.py SOCKET stall SECONDS [PARTIAL] READY_FILE
      connect, send nothing (or, with PARTIAL, the header of a 100-byte
      request and 12 bytes of it), touch READY_FILE, and wait up to SECONDS
      for vsmd to hang up: print "dropped after N.N s" or "not dropped".
"""
import socket
import struct
import sys
import time


def frame(payload):
    return struct.pack("!I", len(payload)) + payload


CASES = {
    "garbage": frame(b"hello world"),
    "bad-magic": frame(b"vsmd/2 text\nshow running-config\n"),
    "bad-format": frame(b"vsmd/1 yaml\nshow running-config\n"),
    "unknown-command": frame(b"vsmd/1 text\nfrobnicate\n"),
    "unknown-show": frame(b"vsmd/1 text\nshow frobnicate\n"),
    "show-bad-name": frame(b"vsmd/1 text\nshow port-profile name a/b\n"),
    "show-extra-word": frame(b"vsmd/1 text\nshow running-config port-profile web x\n"),
    "copy-wrong-way": frame(b"vsmd/1 text\ncopy startup-config running-config\n"),
    "trailing-text": frame(b"vsmd/1 text\nshow running-config\ntrailing"),
    "nul-in-header": frame(b"vsmd/1 text\nshow run\0ning-config\n"),
    "too-many-words": frame(b"vsmd/1 text\n" + b"show " * 20 + b"\n"),
    "long-command": frame(b"vsmd/1 text\n" + b"s" * 5000 + b"\n"),
    "empty-payload": frame(b""),
    "no-newline": frame(b"vsmd/1 text"),
    "configure-binary": frame(b"vsmd/1 text\nconfigure\n\x00\xff\x01\xfe"),
    "configure-bad-vlan": frame(b"vsmd/1 text\nconfigure\nvlan 4095\n"),
    # Not whole frames: vsmd reads to the end of the stream, then drops.
    "truncated": struct.pack("!I", 100) + b"vsmd/1 text\n",
    "half-header": b"\x00\x00",
    # Announce more than VSMD_MSG_MAX (16 MiB): refused before allocating.
    "oversized": struct.pack("!I", 0xFFFFFFFF) + b"vsmd/1 text\n",
    "just-over-max": struct.pack("!I", (16 << 20) + 1) + b"vsmd/1 text\n",
}


def send(path, case):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(path)
    out = b""
    try:
        s.sendall(CASES[case])
        s.shutdown(socket.SHUT_WR)
        while True:
            r = s.recv(65536)
            if not r:
                break
            out += r
    except (ConnectionResetError, BrokenPipeError):
        if not out:
            print("<reset>")
            return 0
    if not out:
        print("<closed>")
        return 0
    if len(out) < 4 or struct.unpack("!I", out[:4])[0] != len(out) - 4:
        print("<bad reply frame>", out[:100])
        return 0
    print(out[4:].decode(errors="replace"))
    return 0


def stall(path, seconds, partial, ready):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    if partial:
        s.sendall(struct.pack("!I", 100) + b"vsmd/1 text\n")
    open(ready, "w").close()
    start = time.monotonic()
    s.settimeout(seconds)
    try:
        while s.recv(4096):
            pass
        print(f"dropped after {time.monotonic() - start:.1f} s")
    except ConnectionResetError:
        print(f"dropped after {time.monotonic() - start:.1f} s")
    except socket.timeout:
        print("not dropped")
    return 0


def main():
    if len(sys.argv) >= 4 and sys.argv[2] == "send":
        return send(sys.argv[1], sys.argv[3])
    if len(sys.argv) in (5, 6) and sys.argv[2] == "stall":
        partial = len(sys.argv) == 6
        return stall(sys.argv[1], float(sys.argv[3]), partial, sys.argv[-1])
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
