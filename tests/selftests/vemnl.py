#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A raw client of the "vem" generic netlink family, for negative tests.

vsmctl refuses bad input before the kernel sees it; this tool sends exactly
what it is told, so that the kernel's own validation can be tested.
Command and attribute names come from include/uapi/linux/vem.h.

  vemnl.py request CMD [--dump] [--print ATTR] [ATTR=KIND:VALUE ...]
      KIND: u8 u16 u32 u64 str hex (raw bytes) mac flag, or entries:JSON
      (ACL entries: a list of {"SEQ": "u32:10", "ACTION": "u8:1", ...},
      keys VEM_A_ACE_* without the prefix); ATTR: a VEM_A_* name
      or a number. Prints "ok" or "error ERRNO: EXTACK-MESSAGE" (exit 1);
      with --print, the integer ATTR of the first reply instead of "ok".
  vemnl.py reject CMD [ATTR=KIND:VALUE ...]
      the request must be refused with an extack message and change
      nothing (the state below, before and after): prints "refused ERRNO:
      MESSAGE" (exit 0), else "accepted", "no message ..." or "changed ..."
  vemnl.py state        the switch, ports, profiles and MAC table as text
  vemnl.py subscribe    join the events group (exit 1 if refused)
"""
import errno
import os
import re
import socket
import struct
import sys

NETLINK_GENERIC = 16
NETLINK_EXT_ACK = 11
NETLINK_ADD_MEMBERSHIP = 1
SOL_NETLINK = 270
NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK, NLM_F_DUMP = 1, 2, 4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_DUMP_INTR = 16
GENL_ID_CTRL = 16
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME, CTRL_ATTR_MCAST_GROUPS = 1, 2, 7
CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_ID = 1, 2
NLMSGERR_ATTR_MSG = 1

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "../../include/uapi/linux/vem.h")


def load_enums():
    """Name -> value for every enum member of the uapi header."""
    names = {}
    text = open(HEADER).read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    for body in re.findall(r"enum \w+ \{(.*?)\};", text, re.S):
        value = -1
        for line in body.splitlines():
            line = line.strip().rstrip(",")
            if not line:
                continue
            m = re.match(r"(\w+)(?:\s*=\s*(.+))?$", line)
            if not m:
                continue
            if m.group(2):
                value = eval(m.group(2).replace("U", ""), {}, {})
            else:
                value += 1
            names[m.group(1)] = value
    return names


ENUMS = load_enums()


def attr(atype, data):
    length = 4 + len(data)
    return struct.pack("=HH", length, atype) + data + bytes((4 - length % 4) % 4)


def parse_attrs(data):
    out = {}
    while len(data) >= 4:
        length, atype = struct.unpack("=HH", data[:4])
        if length < 4:
            break
        out[atype & 0x3FFF] = data[4:length]
        data = data[(length + 3) & ~3:]
    return out


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_GENERIC)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.bind((0, 0))
        self.seq = 1
        self.family, self.groups = self.resolve("vem")

    def send(self, family, cmd, payload, flags):
        self.seq += 1
        hdr = struct.pack("=IHHII", 16 + 4 + len(payload), family,
                          flags | NLM_F_REQUEST | NLM_F_ACK, self.seq, 0)
        self.sock.send(hdr + struct.pack("=BBH", cmd, 1, 0) + payload)
        replies = []
        while True:
            data = self.sock.recv(1 << 20)
            while data:
                length, mtype, mflags, _, _ = struct.unpack("=IHHII", data[:16])
                body = data[16:length]
                data = data[(length + 3) & ~3:]
                if mtype == NLMSG_ERROR:
                    err = -struct.unpack("=i", body[:4])[0]
                    msg = ""
                    if err:
                        inner_len = struct.unpack("=I", body[4:8])[0]
                        # Capped ack: the request's header only, 16 bytes.
                        tlvs = parse_attrs(body[4 + (16 if mflags & 0x100 else inner_len):])
                        if NLMSGERR_ATTR_MSG in tlvs:
                            msg = tlvs[NLMSGERR_ATTR_MSG].rstrip(b"\0").decode()
                    return err, msg, replies
                if mtype == NLMSG_DONE:
                    # A dump ends here, its status (and extack) inside.
                    err = -struct.unpack("=i", body[:4])[0]
                    tlvs = parse_attrs(body[4:])
                    msg = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
                    return err, msg, replies
                if mflags & NLM_F_DUMP_INTR:
                    raise InterruptedError("dump interrupted")
                if mtype == family:
                    replies.append(parse_attrs(body[4:]))

    def resolve(self, name):
        err, msg, replies = self.send(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                                      attr(CTRL_ATTR_FAMILY_NAME,
                                           name.encode() + b"\0"), 0)
        if err or not replies:
            raise OSError(err or errno.ENOENT, f"family {name}: {msg}")
        rep = replies[0]
        fid = struct.unpack("=H", rep[CTRL_ATTR_FAMILY_ID][:2])[0]
        groups = {}
        grps = parse_attrs(rep.get(CTRL_ATTR_MCAST_GROUPS, b""))
        for g in grps.values():
            ga = parse_attrs(g)
            groups[ga[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0").decode()] = \
                struct.unpack("=I", ga[CTRL_ATTR_MCAST_GRP_ID])[0]
        return fid, groups

    def request(self, cmd, attrs=b"", dump=False):
        # The ack to a GENL family request comes as the error message.
        return self.send(self.family, cmd, attrs, NLM_F_DUMP if dump else 0)


def encode(kind, value):
    if kind in ("u8", "u16", "u32", "u64"):
        fmt = {"u8": "=B", "u16": "=H", "u32": "=I", "u64": "=Q"}[kind]
        return struct.pack(fmt, int(value, 0))
    if kind == "str":
        return value.encode() + b"\0"
    if kind == "hex":
        return bytes.fromhex(value)
    if kind == "mac":
        return bytes(int(x, 16) for x in value.split(":"))
    if kind == "bitmap":  # VLAN list like 1,10-20 -> 512-byte bitmap
        bm = bytearray(512)
        for part in value.split(","):
            lo, _, hi = part.partition("-")
            for v in range(int(lo), int(hi or lo) + 1):
                bm[v // 8] |= 1 << (v % 8)
        return bytes(bm)
    if kind == "zeros":  # N zero bytes
        return bytes(int(value))
    if kind == "flag":
        return b""
    if kind == "entries":  # ACL entries, as JSON
        import json
        out = b""
        for entry in json.loads(value):
            body = b""
            for key, spec in entry.items():
                k, _, v = spec.partition(":")
                body += attr(ENUMS["VEM_A_ACE_" + key], encode(k, v))
            out += attr(ENUMS["VEM_A_ACL_ENTRY"] | 0x8000, body)
        return out
    raise SystemExit(f"unknown kind {kind}")


def build_request(args):
    """CMD [--dump] [--print ATTR] [ATTR=KIND:VALUE ...] -> its parts."""
    if not args:
        raise SystemExit(__doc__)
    cmd = ENUMS.get("VEM_CMD_" + args[0], None)
    if cmd is None:
        cmd = int(args[0], 0)
    dump = False
    show = None
    payload = b""
    rest = iter(args[1:])
    for a in rest:
        if a == "--dump":
            dump = True
            continue
        if a == "--print":
            show = ENUMS[next(rest)]
            continue
        name, _, spec = a.partition("=")
        kind, _, value = spec.partition(":")
        atype = ENUMS[name] if name in ENUMS else int(name, 0)
        if kind == "entries":
            atype |= 0x8000  # NLA_F_NESTED
        payload += attr(atype, encode(kind, value))
    return cmd, payload, dump, show


def cmd_request(args, g=None):
    cmd, payload, dump, show = build_request(args)
    err, msg, replies = (g or Genl()).request(cmd, payload, dump)
    if err:
        print(f"error {errno.errorcode.get(err, err)}: {msg}")
        return 1
    if show is not None:
        print(int.from_bytes(replies[0][show], "little"))
        return 0
    print(f"ok ({len(replies)} replies)")
    return 0


def cmd_reject(args, g=None):
    cmd, payload, dump, _ = build_request(args)
    g = g or Genl()
    before = state_lines(g)
    err, msg, _ = g.request(cmd, payload, dump)
    name = errno.errorcode.get(err, err)
    if not err:
        print("accepted")
        return 1
    if not msg:
        print(f"no message with {name}")
        return 1
    if state_lines(g) != before:
        print(f"changed the state, then {name}: {msg}")
        return 1
    print(f"refused {name}: {msg}")
    return 0


def cmd_serve(_args):
    """reject (or, after a first argument --request, request), request
    after request: each is its arguments, each one followed by a NUL,
    then a 0x1e; one line of answer each, the status first. One process
    for a whole script: python's start-up is slow in the test VM."""
    import contextlib
    import io
    g = Genl()
    data = b""
    while True:
        chunk = os.read(0, 65536)
        if not chunk:
            return 0
        data += chunk
        while b"\x1e" in data:
            req, data = data.split(b"\x1e", 1)
            args = [a.decode() for a in req.split(b"\0")[:-1]]
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                try:
                    if args[:1] == ["--request"]:
                        rc = cmd_request(args[1:], g)
                    else:
                        rc = cmd_reject(args, g)
                except (OSError, KeyError, ValueError) as e:
                    print(f"error {e}")
                    rc = 1
            line = out.getvalue().strip().replace("\n", " ")
            sys.stdout.write(f"{rc} {line}\n")
            sys.stdout.flush()


def names_for(prefix):
    return {v: k[len(prefix):].lower() for k, v in ENUMS.items()
            if k.startswith(prefix) and not k.startswith(prefix + "MAX")}


def fmt_attrs(tlvs, names, skip):
    out = []
    for t in sorted(tlvs):
        name = names.get(t, str(t))
        if name in skip:
            continue
        out.append(f"{name}={tlvs[t].hex()}")
    return " ".join(out)


def state_lines(g):
    """The switch, ports (config), profiles and MAC table, sorted."""
    err, _, sw = g.request(ENUMS["VEM_CMD_SWITCH_GET"])
    if err:
        return [f"switch: none ({errno.errorcode.get(err, err)})"]
    lines = ["switch " + fmt_attrs(sw[0], names_for("VEM_A_SWITCH_"), set())]
    for _ in range(5):
        try:
            _, _, ports = g.request(ENUMS["VEM_CMD_PORT_GET"], dump=True)
            _, _, profiles = g.request(ENUMS["VEM_CMD_PROFILE_GET"], dump=True)
            _, _, fdb = g.request(ENUMS["VEM_CMD_FDB_GET"], dump=True)
            break
        except InterruptedError:
            continue
    body = [("port " + fmt_attrs(p, names_for("VEM_A_PORT_"),
                                 {"stats", "oper_up"})) for p in ports]
    body += [("profile " + fmt_attrs(p, names_for("VEM_A_PROFILE_"), set()))
             for p in profiles]
    body += [("fdb " + fmt_attrs(e, names_for("VEM_A_FDB_"), {"age"}))
             for e in fdb]
    body += acl_lines(g)
    return lines + sorted(body)


def acl_lines(g):
    """Every ACL and its entries, without the hit counters."""
    _, _, acls = g.request(ENUMS["VEM_CMD_ACL_GET"], dump=True)
    out = []
    for a in acls:
        entries = []
        for raw in split_attrs(a.get(ENUMS["VEM_A_ACL_ENTRIES"], b"")):
            ace = parse_attrs(raw)
            entries.append(fmt_attrs(ace, names_for("VEM_A_ACE_"),
                                     {"hits", "pad"}))
        out.append("acl " + fmt_attrs(a, names_for("VEM_A_ACL_"),
                                      {"entries", "deny_hits", "pad"}) +
                   " [" + "; ".join(entries) + "]")
    return out


def split_attrs(data):
    """The attributes of a nest in order, repeated types included."""
    out = []
    while len(data) >= 4:
        length, _ = struct.unpack("=HH", data[:4])
        if length < 4:
            break
        out.append(data[4:length])
        data = data[(length + 3) & ~3:]
    return out


def cmd_state(_args):
    for line in state_lines(Genl()):
        print(line)
    return 0


def cmd_subscribe(_args):
    g = Genl()
    try:
        g.sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
                          g.groups["events"])
    except OSError as e:
        print(f"error {errno.errorcode.get(e.errno, e.errno)}")
        return 1
    print("ok")
    return 0


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    try:
        return {"request": cmd_request, "reject": cmd_reject,
                "serve": cmd_serve, "state": cmd_state,
                "subscribe": cmd_subscribe}[sys.argv[1]](sys.argv[2:])
    except OSError as e:
        print(f"error {errno.errorcode.get(e.errno, e.errno)}: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
