#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Send an exact number of raw Ethernet frames out of an interface.

sendframes.py IFNAME --src MAC --dst MAC [--count N] [--size BYTES]
              [--vlan VID] [--ethertype 0xHHHH] [--srcs N] [--rate PPS]

--size is the frame length without FCS and without the 802.1Q tag (the
switch counts bytes the same way). --srcs N cycles the source address
through N consecutive values starting at --src (for table-limit tests).
--rate paces the frames at PPS per second (on a schedule, so that a late
frame does not slow the rest) and prints "elapsed SECONDS" between the
first frame and the last.
"""
import argparse
import socket
import struct
import sys
import time


def mac_bytes(text):
    parts = text.replace("-", ":").split(":")
    if len(parts) != 6:
        raise argparse.ArgumentTypeError(f"bad MAC {text!r}")
    return bytes(int(p, 16) for p in parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ifname")
    ap.add_argument("--src", type=mac_bytes, required=True)
    ap.add_argument("--dst", type=mac_bytes, required=True)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--vlan", type=int)
    ap.add_argument("--ethertype", type=lambda s: int(s, 0), default=0x88B5)
    ap.add_argument("--srcs", type=int, default=1)
    ap.add_argument("--rate", type=float)
    args = ap.parse_args()

    if args.size < 60:
        sys.exit("--size must be at least 60")
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((args.ifname, 0))
    base = int.from_bytes(args.src, "big")
    payload = bytes(args.size - 14)
    start = time.monotonic()
    for i in range(args.count):
        if args.rate:
            delay = start + i / args.rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        src = (base + i % args.srcs).to_bytes(6, "big")
        hdr = args.dst + src
        if args.vlan is not None:
            hdr += struct.pack("!HH", 0x8100, args.vlan)
        hdr += struct.pack("!H", args.ethertype)
        sock.send(hdr + payload)
    if args.rate:
        print(f"elapsed {time.monotonic() - start:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
