#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/bench/report.py: turn the raw records of one benchmark VM run
(tools/bench/guest.sh writes them) into the text table, the JSON and the
gnuplot chart.

    report.py --raw DIR --out PREFIX [--meta KEY=VALUE]...

DIR holds results.tsv and tcp/*.json; PREFIX.txt, PREFIX.json and PREFIX.png
are written (the gnuplot script next to the raw directory). Figures are
medians of the measured runs (the warm-up, run 0, is left out).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import OrderedDict

# The references every configuration is compared with.
REFS = ("veth", "mirred", "bridge")
# Targets of issue 3, checked on the figures of one run.
TARGET_MIRRED = 0.97   # vem-access >= 0.97 x mirred
TARGET_FLAT = 0.03     # pps from 10 to 100k MACs within 3% of the 10-MAC figure
# Issue 5: pps with a 1000-entry ACL >= 0.95 x pps with a 1-entry ACL.
TARGET_ACL = 0.95
ACL_FROM, ACL_TO = 1, 1000
# Series whose table also gives the instructions a frame costs (derived
# from pps and -icount) and what each point adds over the first.
PER_FRAME_GROUPS = ("acl",)


class Step:
    """One configuration, or one point of a series line."""

    def __init__(self):
        self.status = None
        self.why = ""
        self.pps_runs = []      # frames per guest second, measured runs
        self.pps_warmup = None
        self.tcp_runs = []      # Mbit/s
        self.tcp_warmup = None
        self.info = OrderedDict()

    @property
    def pps(self):
        return statistics.median(self.pps_runs) if self.pps_runs else None

    @property
    def tcp(self):
        return statistics.median(self.tcp_runs) if self.tcp_runs else None

    @property
    def ok(self):
        return self.status == "ok"


def spread(runs):
    """(max - min) / median of the runs, or None."""
    if len(runs) < 2:
        return None
    m = statistics.median(runs)
    return (max(runs) - min(runs)) / m if m else None


def iperf_mbps(path):
    """Receiver throughput of one iperf3 -J run, Mbit/s."""
    with open(path) as f:
        doc = json.load(f)
    end = doc.get("end", {})
    s = end.get("sum_received") or end.get("sum") or {}
    if "bits_per_second" not in s:
        raise ValueError("%s: no result (%s)" % (path, doc.get("error", "?")))
    return s["bits_per_second"] / 1e6


def load(raw):
    """Parse results.tsv: meta, configurations, series."""
    meta = OrderedDict()
    configs = OrderedDict()        # name -> (description, Step)
    groups = OrderedDict()         # group -> {xlabel, metric, lines}
    tsv = os.path.join(raw, "results.tsv")
    with open(tsv) as f:
        for lineno, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7:
                fields += [""] * (7 - len(fields))
            group, item, x, metric, run, v1, v2 = fields[:7]
            if group == "meta":
                meta[item] = v1
                continue
            if group == "config":
                if item not in configs:
                    configs[item] = ["", Step()]
                if metric == "describe":
                    configs[item][0] = v1
                    continue
                step = configs[item][1]
            else:
                g = groups.setdefault(group, {"xlabel": group, "metric": "pps",
                                              "lines": OrderedDict()})
                if metric == "group":
                    g["xlabel"], g["metric"] = v1, v2 or "pps"
                    continue
                ln = g["lines"].setdefault(item, {"description": "",
                                                  "points": OrderedDict()})
                if metric == "describe":
                    ln["description"] = v1
                    continue
                step = ln["points"].setdefault(x, Step())
            try:
                apply_record(step, metric, run, v1, v2, raw)
            except (ValueError, OSError) as e:
                print("report: %s:%d: %s" % (tsv, lineno, e), file=sys.stderr)
                step.status, step.why = "failed", str(e)
    return meta, configs, groups


def apply_record(step, metric, run, v1, v2, raw):
    run = int(run or 0)
    if metric == "pps":
        rate = int(v1) * 1e6 / int(v2)
        if run == 0:
            step.pps_warmup = rate
        else:
            step.pps_runs.append(rate)
    elif metric == "ms":
        # A time, not a rate: kept in pps_runs' place, in milliseconds.
        if run:
            step.pps_runs.append(int(v1) / 1e3)
    elif metric == "tcp":
        mbps = iperf_mbps(os.path.join(raw, "tcp", v1))
        if run == 0:
            step.tcp_warmup = mbps
        else:
            step.tcp_runs.append(mbps)
    elif metric == "status":
        # A step that failed after measuring keeps "failed".
        if step.status != "failed":
            step.status, step.why = v1, v2
    elif metric == "info":
        step.info[v1] = v2


def ratio(a, b):
    return a / b if a is not None and b else None


def fmt(v, spec, width):
    return ("%" + spec) % v if v is not None else "-".rjust(width)


def build(meta, configs, groups):
    """The figures, ratios, targets: what the JSON holds."""
    ref = {r: configs[r][1] for r in REFS if r in configs and configs[r][1].ok}
    rows = []
    for name, (desc, st) in configs.items():
        row = OrderedDict(name=name, description=desc, status=st.status or "missing",
                          pps=round(st.pps) if st.pps is not None else None,
                          tcp_mbps=round(st.tcp, 1) if st.tcp is not None else None)
        for r in REFS:
            rs = ref.get(r)
            row["pps_vs_" + r] = rnd(ratio(st.pps, rs.pps if rs else None))
            row["tcp_vs_" + r] = rnd(ratio(st.tcp, rs.tcp if rs else None))
        row["pps_runs"] = [round(v) for v in st.pps_runs]
        row["pps_spread"] = rnd(spread(st.pps_runs))
        row["tcp_mbps_runs"] = [round(v, 1) for v in st.tcp_runs]
        row["tcp_spread"] = rnd(spread(st.tcp_runs))
        sent, got = st.info.get("pktgen_sent"), st.info.get("sink_received")
        if sent and got and int(sent):
            row["pps_loss"] = rnd(1 - int(got) / int(sent))
        if st.why:
            row["why"] = st.why
        extra = {k: v for k, v in st.info.items()
                 if k not in ("pktgen_sent", "sink_received")}
        if extra:
            row["info"] = extra
        rows.append(row)

    series = []
    for gname, g in groups.items():
        lines = []
        for lname, ln in g["lines"].items():
            points = []
            for x, st in ln["points"].items():
                p = OrderedDict(x=int(x) if x.isdigit() else x,
                                status=st.status or "missing")
                if g["metric"] == "ms":
                    p["ms"] = rnd(st.pps, 3)
                    p["ms_runs"] = [rnd(v, 3) for v in st.pps_runs]
                else:
                    p["pps"] = round(st.pps) if st.pps is not None else None
                    p["pps_runs"] = [round(v) for v in st.pps_runs]
                    ipf = instructions_per_frame(st.pps, meta.get("icount"))
                    if ipf is not None:
                        p["instructions_per_frame"] = round(ipf)
                if st.why:
                    p["why"] = st.why
                if st.info:
                    p["info"] = {k: v for k, v in st.info.items()}
                points.append(p)
            lines.append(OrderedDict(name=lname, description=ln["description"],
                                     points=points))
        series.append(OrderedDict(name=gname, xlabel=g["xlabel"],
                                  metric=g["metric"], lines=lines))

    return rows, series, targets(rows, series)


def instructions_per_frame(pps, shift):
    """Guest instructions one frame costs end to end (pktgen, the path, the
    sink): under -icount shift=S a guest second is 10^9 / 2^S of them."""
    if not pps or not str(shift).isdigit():
        return None
    return 1e9 / 2 ** int(shift) / pps


def rnd(v, digits=3):
    return round(v, digits) if v is not None else None


def targets(rows, series):
    by = {r["name"]: r for r in rows}
    out = []

    def add(name, value, goal, met, text):
        out.append(OrderedDict(name=name, value=rnd(value), goal=goal,
                               met=met, text=text))

    vem = by.get("vem-access", {})
    v = vem.get("pps_vs_mirred")
    add("vem-access pps >= %.2f x mirred" % TARGET_MIRRED, v, ">= %.2f" % TARGET_MIRRED,
        v >= TARGET_MIRRED if v is not None else None, "pps ratio to mirred")
    v = vem.get("tcp_vs_mirred")
    add("vem-access TCP >= %.2f x mirred" % TARGET_MIRRED, v, ">= %.2f" % TARGET_MIRRED,
        v >= TARGET_MIRRED if v is not None else None, "TCP ratio to mirred")
    v = vem.get("pps_vs_bridge")
    add("vem-access pps > bridge", v, "> 1", v > 1 if v is not None else None,
        "pps ratio to bridge")
    v = vem.get("tcp_vs_bridge")
    add("vem-access TCP > bridge", v, "> 1", v > 1 if v is not None else None,
        "TCP ratio to bridge")

    macs = next((s for s in series if s["name"] == "macs"), None)
    line = next((ln for ln in macs["lines"] if ln["name"] == "vem"), None) if macs else None
    pts = {p["x"]: p.get("pps") for p in line["points"]} if line else {}
    base = pts.get(10)
    worst = None
    if base and all(pts.get(x) for x in (10, 10000, 100000)):
        worst = min((pts[x] - base) / base for x in pts if pts[x])
    add("vem pps flat from 10 to 100k MACs (within %d%%)" % (TARGET_FLAT * 100),
        worst, ">= -%.2f" % TARGET_FLAT,
        worst >= -TARGET_FLAT if worst is not None else None,
        "largest fall from the 10-MAC pps")

    # ACL scaling, one target per line of the acl series ("vem": in on the
    # sender's vEth; others, e.g. in and out, are reported the same way).
    acl = next((s for s in series if s["name"] == "acl"), None)
    for line in (acl["lines"] if acl else []):
        if not line["name"].startswith("vem"):
            continue
        pts = {p["x"]: p.get("pps") for p in line["points"]}
        v = ratio(pts.get(ACL_TO), pts.get(ACL_FROM))
        add("%s pps, %d-entry ACL >= %.2f x %d-entry" % (line["name"], ACL_TO, TARGET_ACL, ACL_FROM),
            v, ">= %.2f" % TARGET_ACL, v >= TARGET_ACL if v is not None else None,
            "pps ratio, %d ACL entries to %d" % (ACL_TO, ACL_FROM))
    return out


def text_report(meta, rows, series, tgts):
    shift = meta.get("icount")
    by_config = {r["name"]: r for r in rows}
    L = []
    L.append("vnlink benchmark, %s" % meta.get("date", "?"))
    L.append("vnlink %s; kernel %s in QEMU TCG -icount shift=%s -smp %s (clocksource %s); %s; %s"
             % (meta.get("git", "?"), meta.get("kernel", "?"), shift, meta.get("smp", "?"),
                meta.get("clocksource", "?"), meta.get("ovs", "?"), meta.get("iperf3", "?")))
    if meta.get("error"):
        L.append("WARNING: %s" % meta["error"])
    if str(meta.get("vm_status", "0")) != "0":
        L.append("WARNING: the VM run ended with status %s (%s): figures may be partial"
                 % (meta["vm_status"], meta.get("vm_status_text", "")))
    L.append("")
    if str(shift).isdigit():
        ns = 2 ** int(shift)
        L.append("All rates are virtual-time rates. Under -icount shift=%s the guest clock "
                 "advances %d ns per executed" % (shift, ns))
        L.append("guest instruction (a %d MIPS CPU, whatever the host does): a rate is per "
                 "guest second, i.e. it" % (1000 // ns))
        L.append("counts instructions per frame. It repeats run to run and compares "
                 "configurations within one run")
        L.append("(the ratios); it is not a real-hardware figure (TCG models no caches, "
                 "no branch predictor, no NIC).")
    L.append("pps: pktgen, 60-byte UDP frames bench-src -> bench-dst: frames the sink's "
             "netdev received per guest second")
    L.append("     (then dropped at its tc ingress, so the sink's IP stack is not "
             "measured); one CPU does all the work;")
    L.append("     median of %s runs of %s s after a %s s warm-up."
             % (meta.get("runs"), meta.get("seconds"), meta.get("warmup")))
    L.append("TCP: iperf3, one stream bench-src -> bench-dst, receiver Mbit/s per guest "
             "second; median of %s runs of %s s after a %s s warm-up."
             % (meta.get("runs"), meta.get("seconds"), meta.get("warmup")))
    L.append("")
    hdr = "%-14s %9s %6s %6s %7s %6s   %8s %6s %6s %7s %6s" % (
        "config", "pps", "+-%", "/veth", "/mirred", "/bridge",
        "TCP Mb/s", "+-%", "/veth", "/mirred", "/bridge")
    L.append(hdr)
    L.append("-" * len(hdr))
    notes = []
    for r in rows:
        if r["status"] != "ok" and r["pps"] is None:
            L.append("%-14s %s: %s" % (r["name"], r["status"], r.get("why", "")))
            continue
        L.append("%-14s %9s %6s %6s %7s %6s   %8s %6s %6s %7s %6s" % (
            r["name"], fmt(r["pps"], "d", 9),
            fmt(pct(r["pps_spread"]), ".1f", 6),
            fmt(r["pps_vs_veth"], ".3f", 6), fmt(r["pps_vs_mirred"], ".3f", 7),
            fmt(r["pps_vs_bridge"], ".3f", 6),
            fmt(r["tcp_mbps"], ".1f", 8), fmt(pct(r["tcp_spread"]), ".1f", 6),
            fmt(r["tcp_vs_veth"], ".3f", 6), fmt(r["tcp_vs_mirred"], ".3f", 7),
            fmt(r["tcp_vs_bridge"], ".3f", 6)))
        if r["status"] != "ok":
            notes.append("%s: %s: %s" % (r["name"], r["status"], r.get("why", "")))
        loss = r.get("pps_loss")
        if loss is not None and loss > 0.001:
            notes.append("%s: %.2f%% of the frames pktgen sent never reached the sink"
                         % (r["name"], loss * 100))
        for k, v in r.get("info", {}).items():
            if k.endswith("_drops") and v not in ("0", ""):
                notes.append("%s: %s = %s (the policy was meant never to drop)"
                             % (r["name"], k, v))
    L.append("(+-%: (max - min) / median of the runs)")
    L.append("")
    L.append("What each configuration is:")
    for r in rows:
        L.append("  %-14s %s" % (r["name"], r["description"]))
    if notes:
        L.append("")
        L.append("Notes:")
        L += ["  " + n for n in notes]

    L.append("")
    L.append("Targets (ratios within this run):")
    for t in tgts:
        met = {True: "met", False: "NOT MET", None: "not measured"}[t["met"]]
        val = "-" if t["value"] is None else (
            "%+.1f%%" % (t["value"] * 100) if "flat" in t["name"] else "%.3f" % t["value"])
        L.append("  %-50s %8s   %s" % (t["name"], val, met))

    L.append("")
    L.append("Scaling series:")
    for s in series:
        unit = s["metric"]
        xs = []
        for ln in s["lines"]:
            for p in ln["points"]:
                if p["x"] not in xs:
                    xs.append(p["x"])
        pending = all(p["status"] == "skipped" for ln in s["lines"] for p in ln["points"])
        if pending:
            why = s["lines"][0]["points"][0].get("why", "") if s["lines"] else ""
            L.append("  %s (%s): pending: %s" % (s["xlabel"], unit, why))
            continue
        L.append("  %s (%s; median of the runs%s)" % (
            s["xlabel"], unit, ", ratio to the first point" if unit == "pps" else ""))
        L.append("    %-12s" % "" + "".join("%18s" % x for x in xs))
        for ln in s["lines"]:
            by = {p["x"]: p for p in ln["points"]}
            first = None
            cells = []
            for x in xs:
                p = by.get(x)
                v = p.get(unit) if p else None
                if v is None:
                    cells.append("%18s" % (p["status"] if p else "-"))
                    continue
                if first is None:
                    first = v
                cells.append("%18s" % ("%d (%.3f)" % (v, v / first) if unit == "pps"
                                       else "%.3f" % v))
            L.append("    %-12s" % ln["name"] + "".join(cells))
        if s["name"] in PER_FRAME_GROUPS and unit == "pps":
            L.append("    instructions a frame costs end to end (10^9 / 2^shift / pps), "
                     "and what the point adds over the first:")
            for ln in s["lines"]:
                by = {p["x"]: p for p in ln["points"]}
                first = None
                cells = []
                for x in xs:
                    v = by[x].get("instructions_per_frame") if x in by else None
                    if v is None:
                        cells.append("%18s" % "-")
                        continue
                    if first is None:
                        first = v
                    cells.append("%18s" % ("%d (%+d)" % (v, v - first)))
                L.append("    %-12s" % ln["name"] + "".join(cells))
            ref = by_config.get("vem-access")
            ipf = instructions_per_frame(ref["pps"] if ref else None, shift)
            if ipf is not None:
                L.append("    (vem-access, no ACL: %d instructions a frame)" % ipf)
        for ln in s["lines"]:
            L.append("    %-12s %s" % (ln["name"], ln["description"]))
            for p in ln["points"]:
                if p["status"] not in ("ok", "skipped"):
                    L.append("      x=%s %s: %s" % (p["x"], p["status"], p.get("why", "")))
                tab = p.get("info", {}).get("table_entries")
                if tab:
                    L.append("      x=%s: %s MAC table entries" % (p["x"], tab))
                inf = p.get("info", {})
                if inf.get("acl_entries"):
                    L.append("      x=%s: entries %s, loaded by one 'vsmctl configure' in %s ms; "
                             "frames matched: the permit %s, other entries %s, implicit deny %s"
                             % (p["x"], inf["acl_entries"], inf.get("acl_configure_ms", "?"),
                                inf.get("acl_hits_permit", "?"), inf.get("acl_hits_others", "?"),
                                inf.get("acl_implicit_deny", "?")))
                elif inf.get("filters"):
                    L.append("      x=%s: filters %s; frames the last one passed: %s"
                             % (p["x"], inf["filters"], inf.get("acl_hits_permit", "?")))
    L.append("")
    L.append("Guest time %s s; VM wall time %s s (boot included); wall s per guest s %s."
             % (num(meta.get("guest_seconds")), num(meta.get("wall_seconds")),
                meta.get("wall_per_guest_second", "?")))
    return "\n".join(L) + "\n"


def num(v, spec="%.1f"):
    """A number from the meta records ("76021e-3"), formatted; "?" if none."""
    try:
        return spec % float(v)
    except (TypeError, ValueError):
        return "?"


def pct(v):
    return v * 100 if v is not None else None


def empty_panel(G, text):
    """A panel that says why it has nothing to show."""
    G.append("unset logscale; set xrange [0:1]; set yrange [0:1]; unset xtics; "
             "unset ytics; unset key; set xlabel ''; set ylabel ''")
    G.append('set label 1 "%s" at 0.5,0.5 center' % text.replace('"', "'"))
    G.append("plot -1 notitle")
    G.append("unset label 1; set xtics; set ytics; set autoscale x")


def gnuplot(rows, series, png, script):
    """A multiplot, two panels a row: the configurations (pps and TCP,
    ratio to veth), then one panel per scaling series."""
    G = []
    nrows = (2 + len(series) + 1) // 2
    G.append('set terminal pngcairo size 1400,%d font "sans,10"' % (60 + 480 * nrows))
    G.append('set output "%s"' % png)
    G.append('set multiplot layout %d,2 title "vnlink benchmark (virtual-time rates, QEMU -icount)"'
             % nrows)
    G.append("set grid ytics")
    for key, title in (("pps", "pps, 60-byte UDP (ratio to veth above bars)"),
                       ("tcp_mbps", "TCP Mbit/s, iperf3 (ratio to veth above bars)")):
        ok = [r for r in rows if r[key] is not None]
        if not ok:
            G.append('set title "%s"' % title)
            empty_panel(G, "no figure")
            continue
        G.append("$%s << EOD" % key.split("_")[0])
        for i, r in enumerate(ok):
            v = r[key]
            rv = r["pps_vs_veth" if key == "pps" else "tcp_vs_veth"]
            G.append('%d "%s" %s "%s"' % (i, r["name"], v,
                                          "%.2f" % rv if rv is not None else ""))
        G.append("EOD")
        G.append('set title "%s"' % title)
        G.append("unset logscale; set xtics rotate by -35 nomirror; set xrange [-0.7:%f]"
                 % (len(ok) - 0.3))
        G.append("set yrange [0:*]; set style fill solid 0.6; set boxwidth 0.7; unset key")
        G.append("set xlabel ''; set ylabel '%s'" % ("frames/s" if key == "pps" else "Mbit/s"))
        G.append("plot $%s using 1:3:xtic(2) with boxes lc rgb '#4477aa', "
                 "'' using 1:3:4 with labels offset 0,0.7 font ',8'" % key.split("_")[0])
        G.append("unset xrange; set xtics norotate")
    for s in series:
        unit = s["metric"]
        G.append('set title "%s"' % s["xlabel"])
        G.append("set xlabel '%s'; set ylabel '%s'" % (s["xlabel"], unit))
        # Times span decades (one publish against one request per vEth).
        G.append("unset logscale; set logscale x%s; set yrange [%s:*]; set key %s left; "
                 "set xtics auto" % ("y" if unit == "ms" else "", "*" if unit == "ms" else "0",
                                     "top" if unit == "ms" else "bottom"))
        plots = []
        lines_drawn = []
        for ln in s["lines"]:
            pts = [(p["x"], p.get(unit)) for p in ln["points"]
                   if isinstance(p["x"], int) and p.get(unit) is not None]
            if not pts:
                continue
            name = "$s_%s_%s" % (s["name"], ln["name"])
            name = "".join(c if c.isalnum() or c in "$_" else "_" for c in name)
            G.append("%s << EOD" % name)
            G += ["%d %s" % p for p in pts]
            G.append("EOD")
            lt = len(lines_drawn) + 1
            lines_drawn.append(ln["name"])
            plots.append("%s using 1:2 with linespoints lt %d lw 2 pt 7 title '%s'"
                         % (name, lt, ln["name"]))
            # The ACL target, from this run's own 1-entry figure, in the
            # colour of its line.
            base = dict(pts).get(ACL_FROM)
            if s["name"] == "acl" and ln["name"].startswith("vem") and base and len(pts) > 1:
                plots.append("%f with lines lt %d dt 2 lw 1 title '%.2f x %s at %d entry (target)'"
                             % (TARGET_ACL * base, lt, TARGET_ACL, ln["name"], ACL_FROM))
        if plots:
            G.append("plot " + ", ".join(plots))
        else:
            why = next((p.get("why", "") for ln in s["lines"] for p in ln["points"]), "")
            empty_panel(G, "pending:\\n" + why if why else "no figure")
    G.append("unset multiplot")
    with open(script, "w") as f:
        f.write("\n".join(G) + "\n")
    subprocess.run(["gnuplot", script], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", required=True)
    ap.add_argument("--out", required=True, help="prefix of the .txt, .json, .png")
    ap.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE")
    a = ap.parse_args()

    meta, configs, groups = load(a.raw)
    for kv in a.meta:
        k, _, v = kv.partition("=")
        meta[k] = v
    # Numbers as numbers in the JSON (the guest writes "358167e-3").
    for k in ("guest_seconds", "wall_seconds"):
        if k in meta:
            try:
                meta[k] = round(float(meta[k]), 1)
            except ValueError:
                pass
    for k in ("icount", "smp", "cpus", "seconds", "warmup", "runs", "vm_status"):
        if str(meta.get(k, "")).isdigit():
            meta[k] = int(meta[k])
    if meta.get("guest_seconds") and meta.get("wall_seconds"):
        meta["wall_per_guest_second"] = round(meta["wall_seconds"] / meta["guest_seconds"], 2)
    rows, series, tgts = build(meta, configs, groups)

    text = text_report(meta, rows, series, tgts)
    with open(a.out + ".txt", "w") as f:
        f.write(text)
    doc = OrderedDict(meta=meta, configurations=rows, series=series, targets=tgts)
    with open(a.out + ".json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    try:
        gnuplot(rows, series, a.out + ".png",
                os.path.join(os.path.dirname(os.path.abspath(a.raw)), "chart.gp"))
    except (OSError, subprocess.CalledProcessError) as e:
        print("report: no chart: %s" % e, file=sys.stderr)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
