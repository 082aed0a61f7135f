#!/usr/bin/env python3
"""Reads criterion's estimates (target/criterion/<group>/<lib>/<size>/new/
estimates.json) from one `cargo bench --bench queries` run and prints the
BENCHMARKS.md table (medians, and each peer's median over ours), then writes
docs/bench-chart.svg (time per query against size, one line per library).

    python3 scripts/bench_report.py [target/criterion] [docs/bench-chart.svg]
"""
import json
import math
import os
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
SVG = sys.argv[2] if len(sys.argv) > 2 else "docs/bench-chart.svg"


def size_value(s):
    """A size label as a number; a label that is not a size (`cow-igo`) is 0."""
    mult = {"k": 1_000, "M": 1_000_000}
    try:
        return int(s[:-1]) * mult[s[-1]] if s[-1] in mult else int(s)
    except ValueError:
        return 0


def load():
    res = {}  # group -> lib -> size -> median ns
    for group in sorted(os.listdir(ROOT)):
        gdir = os.path.join(ROOT, group)
        if not os.path.isdir(gdir) or group == "report":
            continue
        for lib in sorted(os.listdir(gdir)):
            ldir = os.path.join(gdir, lib)
            if lib == "report" or not os.path.isdir(ldir):
                continue
            est = os.path.join(ldir, "new", "estimates.json")
            if os.path.exists(est):  # a benchmark without a size
                res.setdefault(group, {}).setdefault(lib, {})["-"] = median(est)
                continue
            for size in os.listdir(ldir):
                est = os.path.join(ldir, size, "new", "estimates.json")
                if os.path.exists(est):
                    res.setdefault(group, {}).setdefault(lib, {})[size] = median(est)
    return res


def median(path):
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]


def fmt(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def table(res):
    for group, libs in res.items():
        sizes = sorted({s for l in libs.values() for s in l}, key=lambda s: (s == "-", size_value(s) if s != "-" else 0))
        # Our variants first ("ours", then e.g. "ours-answers"); a peer's
        # ratio is its median over each of ours, in that order. "floor" (the
        # timed loop alone) is no peer: it gets no ratio.
        mine = sorted((l for l in libs if l.startswith("ours")), key=len)
        names = mine + sorted(l for l in libs if not l.startswith("ours"))
        print(f"\n#### `{group}`\n")
        print("| size | " + " | ".join(names) + " |")
        print("|---:|" + "---:|" * len(names))
        for s in sizes:
            ours = [libs[m].get(s) for m in mine]
            cells = []
            for n in names:
                v = libs.get(n, {}).get(s)
                if v is None:
                    cells.append("")
                elif n.startswith("ours") or n == "floor" or not ours or None in ours:
                    cells.append(fmt(v))
                else:
                    ratios = " / ".join(f"{v / o:.1f}×" for o in ours)
                    cells.append(f"{fmt(v)} (**{ratios}**)")
            print(f"| {s} | " + " | ".join(cells) + " |")


COLORS = {"ours": "#d62728", "ours-frozen": "#8c0000", "ours-answers": "#e377c2", "superintervals": "#17becf", "rangemap": "#1f77b4", "range-set-blaze": "#2ca02c",
          "coitrees": "#9467bd", "rust-lapper": "#ff7f0e", "scan": "#7f7f7f"}


def chart(res, groups):
    w, h, pad = 360, 260, 50
    panels = [g for g in groups if g in res]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w * len(panels)}" height="{h + 40}" '
           'font-family="sans-serif" font-size="11">',
           f'<rect width="100%" height="100%" fill="white"/>']
    for k, group in enumerate(panels):
        libs = res[group]
        pts = [(size_value(s), v) for n, l in libs.items() if n != "floor" for s, v in l.items() if s != "-"]
        xs = [math.log10(x) for x, _ in pts]
        ys = [math.log10(y) for _, y in pts]
        x0, x1 = min(xs), max(xs)
        y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
        ox = k * w

        def px(x):
            return ox + pad + (math.log10(x) - x0) / max(x1 - x0, 1e-9) * (w - pad - 20)

        def py(y):
            return h - pad + 20 - (math.log10(y) - y0) / max(y1 - y0, 1e-9) * (h - pad - 10)

        out.append(f'<text x="{ox + w / 2}" y="16" text-anchor="middle" font-weight="bold">{group}</text>')
        out.append(f'<line x1="{ox + pad}" y1="{py(10 ** y0)}" x2="{ox + w - 20}" y2="{py(10 ** y0)}" stroke="black"/>')
        out.append(f'<line x1="{ox + pad}" y1="{py(10 ** y0)}" x2="{ox + pad}" y2="{py(10 ** y1)}" stroke="black"/>')
        for e in range(y0, y1 + 1):
            out.append(f'<text x="{ox + pad - 4}" y="{py(10 ** e) + 4}" text-anchor="end">{fmt(10 ** e)}</text>')
            out.append(f'<line x1="{ox + pad}" y1="{py(10 ** e)}" x2="{ox + w - 20}" y2="{py(10 ** e)}" stroke="#ddd"/>')
        sizes = sorted({size_value(s) for l in libs.values() for s in l if s != "-"})
        for s in sizes:
            label = f"{s // 1_000_000}M" if s >= 1_000_000 else (f"{s // 1000}k" if s >= 1000 else str(s))
            out.append(f'<text x="{px(s)}" y="{h - pad + 36}" text-anchor="middle">{label}</text>')
        drawn = sorted(((l, v) for l, v in libs.items() if l != "floor"), key=lambda kv: not kv[0].startswith("ours"))
        for j, (lib, vals) in enumerate(drawn):
            line = sorted((size_value(s), v) for s, v in vals.items() if s != "-")
            color = COLORS.get(lib, "black")
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in line)
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
            for x, y in line:
                out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="2.5" fill="{color}"/>')
            out.append(f'<text x="{ox + pad + 8}" y="{34 + 13 * j}" fill="{color}">{lib}</text>')
        out.append(f'<text x="{ox + w / 2}" y="{h + 34}" text-anchor="middle">'
                   f'{"intervals in the set" if group.startswith("point") or group.startswith("set") else ("members overlapping the day" if "overlap" in group else "spells in the history")}</text>')
    out.append("</svg>")
    os.makedirs(os.path.dirname(SVG), exist_ok=True)
    with open(SVG, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    r = load()
    table(r)
    chart(r, ["point", "members", "count_overlap", "set_union"])
