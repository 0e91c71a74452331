#!/usr/bin/env python3
"""Markdown table of ratios from the raw results bench/run.sh leaves in RAWDIR.

    bench/report.py bench/results/raw > table.md

Reads RAWDIR/machine.txt (key=value), RAWDIR/cases.tsv (one line per case,
written by run.sh), the hyperfine exports RAWDIR/<case>.json, the
/usr/bin/time -v logs RAWDIR/<case>.<command>.rss (one block per run, warm-up
runs first) and the output statistics RAWDIR/<case>.<command>.out
("html_files all_files bytes"). Ratios are of medians. Stdlib only.
"""
import json
import os
import re
import statistics
import sys

RAW = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results", "raw")


def read(name, default=None):
    try:
        with open(os.path.join(RAW, name), encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return default


MACHINE = dict(line.split("=", 1) for line in read("machine.txt", "").splitlines() if "=" in line)
WARMUP = int(MACHINE.get("warmup", "1"))


class Cmd:
    """One command of one hyperfine export, with its RSS and output statistics."""

    def __init__(self, case, name):
        self.case, self.name = case, name
        data = json.loads(read(f"{case}.json"))
        res = next(r for r in data["results"] if r["command"] == name)
        self.times = res["times"]
        self.median, self.min, self.max = res["median"], res["min"], res["max"]
        self.mean, self.stddev = res["mean"], res.get("stddev") or 0.0
        self.cpu = res["user"] + res["system"]  # means over the timed runs
        self.stem = re.sub(r"[^A-Za-z0-9+]+", "-", name).strip("-")  # file names: "mocpress --no-cache" -> mocpress-no-cache
        rss_log = read(f"{case}.{self.stem}.rss")
        rss = [int(x) * 1024 for x in re.findall(r"Maximum resident set size \(kbytes\): (\d+)", rss_log or "")]
        self.rss_all = rss[WARMUP:] if len(rss) > WARMUP else rss
        self.rss = statistics.median(self.rss_all) if self.rss_all else None
        out = (read(f"{case}.{self.stem}.out") or "").split()
        self.html, self.files, self.bytes = (int(x) for x in out) if len(out) == 3 else (None, None, None)


def secs(t):
    if t < 1:
        return f"{t:.3f}"
    if t < 10:
        return f"{t:.2f}"
    return f"{t:.1f}"


def timing(c):
    return f"{secs(c.median)} s ({secs(c.min)}–{secs(c.max)})" if c else "—"


def size(b):
    if b is None:
        return "—"
    if b >= 1 << 30:
        return f"{b / (1 << 30):.2f} GB"
    return f"{b / (1 << 20):.0f} MB"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else "—"


def num(n):
    return "—" if n is None else f"{n:,}"


def md_size(files, nbytes):
    return f"{int(files):,} Markdown files, {int(nbytes) / 1e6:.0f} MB"


def build_summary(case_id):
    """mocpress's own summary line from the untimed check run ('Собрано: …')."""
    for name in (f"{case_id}.mocpress.stdout", f"{case_id}.mocpress.stderr"):
        for ln in (read(name) or "").splitlines():
            if ln.startswith("Собрано"):
                return ln.strip()
    return "?"


cases = [line.rstrip("\n").split("\t") for line in read("cases.tsv", "").splitlines() if line.strip()]
rows, details, notes = [], [], []
builds = {}


def build(case_id):
    if case_id not in builds:
        builds[case_id] = (Cmd(case_id, "hugo"), Cmd(case_id, "mocpress"))
    return builds[case_id]


def row(label, base_name, base, moc):
    rows.append([label, base_name, timing(base), timing(moc), ratio(moc.median, base.median if base else None),
                 size(base.rss if base else None), size(moc.rss), ratio(moc.rss, base.rss if base else None)])


def detail(label, c):
    rss = "—"
    if c.rss_all:
        rss = f"{size(c.rss)} ({size(min(c.rss_all))}–{size(max(c.rss_all))})"
    details.append([label, c.name, f"{secs(c.mean)} ± {secs(c.stddev)} s", f"{secs(c.cpu)} s",
                    f"{c.cpu / c.mean:.2f}" if c.mean else "—", rss,
                    num(c.html), num(c.files), size(c.bytes)])


for case in cases:
    kind, cid, label = case[0], case[1], case[2]
    if kind in ("build", "scale"):
        hugo, moc = build(cid)
        row(label if kind == "build" else f"scaling: {label}", "Hugo", hugo, moc)
        if kind == "build" or cid not in [c[1] for c in cases if c[0] == "build"]:
            detail(label, hugo)
            detail(label, moc)
            notes.append(f"{label}: {md_size(case[3], case[4])}; HTML files written: Hugo {num(hugo.html)}, "
                         f"mocpress {num(moc.html)} (mocpress says: «{build_summary(cid)}»).")
    elif kind == "floor":
        main_id = case[3]
        _, moc = build(main_id)
        cm, cp = Cmd(cid, "cmark"), Cmd(cid, "cmark+cp")
        row(f"{label}: cmark CLI, one process", "cmark", cm, moc)
        row(f"{label}: cmark + `cp -R` of the content tree", "cmark+cp", cp, moc)
        detail(label, cm)
        detail(label, cp)
        notes.append(f"Floor: `find content -name '*.md' -print0 | xargs -0 cat | cmark > /dev/null` over "
                     f"{md_size(case[4], case[5])}, front matter fed as-is (a few lines per 10 KB page); "
                     f"`cmark+cp` also copies the content tree (`cp -R`: every file read and written once) and "
                     f"writes cmark's HTML to one file. cmark runs on one core, mocpress on all of them: "
                     f"CPU time (user+sys) cmark {secs(cm.cpu)} s, cmark+cp {secs(cp.cpu)} s, "
                     f"mocpress {secs(moc.cpu)} s.")
    elif kind == "rebuild":
        main_hugo, main_moc = build(case[3])
        hugo, moc = Cmd(cid, "hugo"), Cmd(cid, "mocpress")
        names = [r["command"] for r in json.loads(read(f"{cid}.json"))["results"]]
        nocache = Cmd(cid, "mocpress --no-cache") if "mocpress --no-cache" in names else None
        row(f"{label}: vs Hugo's no-change rebuild", "Hugo", hugo, moc)
        row(f"{label}: vs mocpress's full build", "mocpress full", main_moc, moc)
        if nocache:
            row(f"{label} with `--no-cache`: vs mocpress's full build", "mocpress full", main_moc, nocache)
        for c in (hugo, moc, nocache):
            if c:
                detail(label, c)
        said = next((ln for ln in (read(f"{cid}.mocpress.stdout") or "").splitlines() if ln.startswith("Собрано")), "?")
        notes.append(f"No-change rebuild: the same build again into the existing output folder (mocpress says: «{said}»). "
                     f"Rebuild / full build: Hugo {ratio(hugo.median, main_hugo.median)}, "
                     f"mocpress {ratio(moc.median, main_moc.median)}"
                     + (f", mocpress `--no-cache` {ratio(nocache.median, main_moc.median)}" if nocache else "")
                     + ". Without its cache mocpress builds the portal into a temporary folder, swaps it in and "
                       "deletes the previous one, so that rebuild includes deleting the old output; Hugo "
                       "overwrites its files in place.")
    elif kind == "audit":
        ch, au = Cmd(cid, "check"), Cmd(cid, "audit")
        rows.append([f"`check`, {label}", "—", "—", timing(ch), "—", "—", size(ch.rss), "—"])
        rows.append([f"`audit --output DIR`, {label}", "—", "—", timing(au), "—", "—", size(au.rss), "—"])
        detail(label, ch)
        detail(label, au)
        pages = int(case[3])
        notes.append(f"check/audit: {md_size(case[3], case[4])}, `--as-of {MACHINE.get('as_of', '?')}`; "
                     f"{pages / ch.median:,.0f} Markdown files/s (check), {pages / au.median:,.0f} files/s (audit); "
                     f"exit codes {case[5]} / {case[6]} (1 = some portal has an overdue media-plan item, "
                     f"expected for the generated plans).")


scale = [c for c in cases if c[0] == "scale"]
if scale:
    parts = []
    for c in scale:
        hugo, moc = build(c[1])
        n = int(c[3])
        parts.append(f"{c[2]}: Hugo {hugo.median / n * 1000:.2f} ms, mocpress {moc.median / n * 1000:.2f} ms")
    notes.append("Scaling, wall time per Markdown file: " + "; ".join(parts) + ".")


def table(header, body, align):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(out)


m = MACHINE
print(f"# mocpress vs Hugo ({m.get('mode', '?')} run, {m.get('date', '?')})\n")
print(f"- Machine: {m.get('cpu', '?')}, `nproc` {m.get('host_nproc', '?')}, RAM {m.get('ram', '?')}, "
      f"{m.get('kernel', '?')}, disk {m.get('disk', '?')}")
print(f"- Load average (1/5/15 min) at start {m.get('load_start', '?')}, at end {m.get('load_end', '?')}")
print(f"- CPU used by other processes while measuring (all CPUs' busy time minus this run's own): "
      f"{m.get('other_cpu', '?')}")
if m.get("note"):
    print(f"- Note: {m['note']}")
print(f"- Hugo {m.get('hugo', '?')}, mocpress {m.get('mocpress', '?')}, cmark {m.get('cmark', '?')}, "
      f"hyperfine {m.get('hyperfine', '?')}")
print(f"- {m.get('warmup', '?')} warm-up + {m.get('runs', '?')} timed runs per command; the previous output "
      f"folder renamed away (and `sync`) before each run; peak RSS from `/usr/bin/time -v` "
      f"(median of the timed runs). Ratio < 1: mocpress is faster / smaller.\n")
print(table(["case", "compared with", "that: median (min–max)", "mocpress: median (min–max)",
             "ratio mocpress / that", "RSS that", "RSS mocpress", "RSS ratio"],
            rows, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]))
print()
for n in notes:
    print(f"- {n}")
print("\n<details><summary>Every command</summary>\n")
print(table(["case", "command", "mean ± σ", "CPU user+sys", "cores busy", "peak RSS (min–max)",
             "HTML files", "files", "output"],
            details, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]))
print("\n</details>")
