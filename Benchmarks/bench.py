#!/usr/bin/env python3
"""The large-trust benchmark (called by Benchmarks/run.sh; see Benchmarks/README.md).

Every process runs under /usr/bin/time -v (wall, user + system CPU, peak RSS of the process).

1. Check: trustdata runs the large trust once, then each peer (Benchmarks/baseline/) does; each peer's
   figures must equal trustdata's measures.csv and every cell it wrote must be read back from its
   workbooks (check_peers.py). Any difference stops the benchmark. These runs also warm the page cache.
2. Paired runs: PAIRS rounds; in each, trustdata is paired with each competitor in turn (pandas, polars,
   DuckDB, the C floor), A B in even rounds and B A in odd ones, so both runs of a pair see the same
   machine. Reported per competitor: medians and min-max of each side and of the per-pair ratios.
3. Scaling: trustdata alone (median of PAIRS runs) on trusts of 25, 100 and 300 academies, and on the
   100-academy trust with marks for the autumn term only (same pupils, a third of the marks).

4. Wide layout: the large trust's marks as week strings (`--weekly`) against the same marks in the long
   layout, the marks import alone on one thread each: MB/s, target ≥ 80% of the long layout's (#17).

    bench.py --data DIR --pairs N --threads T [--scale ACADEMIES:DIR ...] [--short-marks DIR] [--weekly DIR]
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import bench_pipeline
import check_peers
from bench_pipeline import pipeline_files

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("--pairs", type=int, default=5)
ap.add_argument("--threads", type=int, default=os.cpu_count())
ap.add_argument("--scale", nargs="*", default=[], help="ACADEMIES:DIR, one per size")
ap.add_argument("--short-marks", help="the large trust with autumn-term marks only")
ap.add_argument("--weekly", help="the large trust's marks in the weekly-string layout (generate --marks-layout weekly)")
opt = ap.parse_args()
if opt.pairs < 5:
    print("bench.py: fewer than 5 pairs: a smoke test, not figures to quote", file=sys.stderr)

bench = os.path.join(root, ".build/release/trustdata-bench")
floor = os.path.join(root, "bench-data/floor")
scratch = tempfile.mkdtemp(prefix="trustdata-bench-")
log = lambda text: print(text, file=sys.stderr, flush=True)


def pipeline_for(data):
    """Benchmarks/large.yml pointed at `data` with every other input the generator wrote there
    (`bench_pipeline.pipeline_for`: EYFS, multiplication check, exclusions, judgements, Ofsted, the
    budget forecast return…), in the scratch folder."""
    path = os.path.join(scratch, f"pipeline-{len(os.listdir(scratch))}.yml")
    return bench_pipeline.pipeline_for(data, path, os.path.join(root, ".build/release/trustdata"), log=log)


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v: {json: last JSON line printed, wall, cpu, rss (MB)}."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-3000:]}")
    field = lambda name: re.search(re.escape(name) + r": (.*)", p.stderr).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    lines = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    return {"json": lines, "wall": wall, "cpu": cpu, "rss": rss}


def inputs_of(data):
    """The CSV files trustdata reads from `data` (the floor parses the same ones) and their bytes."""
    files = [f for f in pipeline_files(pipeline_for(data)) if f.endswith(".csv")]
    return files, sum(os.path.getsize(f) for f in files)


def spread(values, digits=2, unit=""):
    values = sorted(values)
    return f"{statistics.median(values):.{digits}f}{unit} [{values[0]:.{digits}f}–{values[-1]:.{digits}f}]"


mb = lambda b: b / 1e6
inputs, total_bytes = inputs_of(opt.data)
marks_bytes = os.path.getsize(os.path.join(opt.data, "attendance_marks.csv"))
pipeline = pipeline_for(opt.data)
trust_out = os.path.join(scratch, "trustdata")
trustdata = [bench, "pipeline", pipeline, str(opt.threads), trust_out]
peer_cmd = lambda name: [sys.executable, check_peers.peer_script(name), opt.data, os.path.join(scratch, name)]
log(f"benchmark: {len(inputs)} files, {mb(total_bytes):.0f} MB; {opt.pairs} pairs; trustdata on {opt.threads} threads")

# ---- 1. check (and warm-up)
first = timed(trustdata)
books = sum(1 for d, _, fs in os.walk(trust_out) for f in fs if f.endswith(".xlsx"))
cells = check_peers.cells_in(trust_out)
marks_rows = next(i["rows"] for i in first["json"][-1]["inputs"] if i["dataset"] == "attendance_marks")
checks = {}
problems = []
for name in check_peers.PEERS:
    run = timed(peer_cmd(name))
    found, back = check_peers.check_output(name, os.path.join(trust_out, "measures.csv"), os.path.join(scratch, name), run["json"][-1])
    problems += found
    figures = sum(1 for _ in open(os.path.join(scratch, name, "measures.csv"))) - 1
    checks[name] = {"figures": figures, "cells": back, "workbooks": run["json"][-1]["workbooks"]}
    log(f"  {name}: {figures} figures, {back:,} cells read back, {'OK' if not found else 'DIFFERENT'}")
if problems:
    sys.exit("the peers do not compute trustdata's figures:\n" + "\n".join(problems[:50]))
os.makedirs(os.path.join(scratch, "floor"), exist_ok=True)
floor_cmd = [floor, "run", str(cells), str(books), os.path.join(scratch, "floor")] + inputs
timed(floor_cmd)

# ---- 2. paired runs
competitors = [(n, peer_cmd(n)) for n in check_peers.PEERS] + [("floor", floor_cmd)]
pairs = {name: [] for name, _ in competitors}
for i in range(opt.pairs):
    for name, cmd in competitors:
        if i % 2 == 0:
            a = timed(trustdata); b = timed(cmd)
        else:
            b = timed(cmd); a = timed(trustdata)
        pairs[name].append((a, b))
        log(f"  pair {i + 1}/{opt.pairs} {name}: trustdata {a['wall']:.2f} s, {name} {b['wall']:.2f} s ({b['wall'] / a['wall']:.2f}×)")


def summary(name):
    ps = pairs[name]
    s = {"pairs": len(ps)}
    for k in ("wall", "cpu", "rss"):
        a, b = [p[0][k] for p in ps], [p[1][k] for p in ps]
        ratios = [y / x for x, y in zip(a, b)]
        s[k] = {"trustdata": {"median": statistics.median(a), "min": min(a), "max": max(a)},
                name: {"median": statistics.median(b), "min": min(b), "max": max(b)},
                "ratio": {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)},
                "runs": [[x, y] for x, y in zip(a, b)]}
    return s


res = {
    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
               + re.search(r"model name\s*: (.*)", open("/proc/cpuinfo").read()).group(1)
               + f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB RAM",
    "inputs_mb": mb(total_bytes), "marks_mb": mb(marks_bytes), "marks_rows": marks_rows,
    "workbooks": books, "cells": cells, "threads": opt.threads, "pairs": opt.pairs, "peers_checked": checks,
    "versions": {m: __import__(m).__version__ for m in ("pandas", "polars", "duckdb", "xlsxwriter")},
    "compared": {name: summary(name) for name, _ in competitors},
}
# Stage times of every trustdata run in the pairs (from its run report), and the floor's two parts.
truns = [p[0]["json"][-1] for name in pairs for p in pairs[name]]
res["stages"] = {k: statistics.median(r["stages"][k] for r in truns) for k in truns[0]["stages"]}
res["write_cpu"] = {k: statistics.median(r["write_cpu"][k] for r in truns) for k in ("workbooks", "csv", "stage")}
res["peer_stages"] = {n: {k: statistics.median(p[1]["json"][-1][k] for p in pairs[n]) for k in ("import", "measures", "write")}
                      for n in check_peers.PEERS}
fl = [p[1]["json"] for p in pairs["floor"]]
res["floor_parts"] = {"csv": statistics.median(j[0]["seconds"] for j in fl), "xlsx": statistics.median(j[1]["seconds"] for j in fl)}

# ---- 3. scaling
scaling = []
sizes = [(int(a), d) for a, d in (s.split(":", 1) for s in opt.scale)]
if opt.short_marks:
    sizes.append(("100, autumn marks", opt.short_marks))
for academies, data in sizes:
    files, nbytes = inputs_of(data)
    pipe = pipeline_for(data)
    out = os.path.join(scratch, f"scale-{len(scaling)}")
    cmd = [bench, "pipeline", pipe, str(opt.threads), out]
    timed(cmd)
    runs = [timed(cmd) for _ in range(opt.pairs)]
    report = runs[0]["json"][-1]
    rows = {i["dataset"]: i["rows"] for i in report["inputs"]}
    entry = {"academies": academies, "inputs_mb": mb(nbytes), "marks_mb": mb(os.path.getsize(os.path.join(data, "attendance_marks.csv"))),
             "marks_rows": rows.get("attendance_marks", 0), "roster_rows": rows.get("pupils", 0),
             "wall": [r["wall"] for r in runs], "cpu": [r["cpu"] for r in runs], "rss": [r["rss"] for r in runs]}
    scaling.append(entry)
    shutil.rmtree(out, ignore_errors=True)
    log(f"  scaling {academies}: {mb(nbytes):.0f} MB, median {statistics.median(entry['wall']):.2f} s, peak {statistics.median(entry['rss']):.0f} MB")
res["scaling"] = scaling

# ---- 4. wide layout: the same marks as week strings (#17): MB/s of the marks import alone
# (trustdata-bench marks: parse + validate + aggregate), one thread each so the two layouts compare like
# for like (the long file would otherwise be cut into parts read on every core). Alternated run by run.
wide = None
if opt.weekly:
    one_thread = dict(os.environ, TRUSTDATA_MARKS_SPLIT_BYTES=str(1 << 62))
    layouts = [("long", pipeline_for(opt.data)), ("weekly", pipeline_for(opt.weekly))]
    rates = {"long": [], "weekly": []}
    marks_sizes = {}
    for name, pipe in layouts:
        timed([bench, "marks", pipe], one_thread)   # warm the page cache
    for i in range(opt.pairs):
        for name, pipe in (layouts if i % 2 == 0 else layouts[::-1]):
            j = timed([bench, "marks", pipe], one_thread)["json"][-1]
            marks_sizes[name] = (j["bytes"], j["rows"], j["enrolments"])
            rates[name].append(j["bytes"] / j["seconds"] / 1e6)
    if marks_sizes["long"][2] != marks_sizes["weekly"][2]:
        sys.exit(f"the weekly file gives {marks_sizes['weekly'][2]} enrolments, the long file {marks_sizes['long'][2]}: not the same marks")
    wide = {"long_mb_s": rates["long"], "weekly_mb_s": rates["weekly"], "long_mb": mb(marks_sizes["long"][0]), "weekly_mb": mb(marks_sizes["weekly"][0]),
            "ratio": statistics.median(rates["weekly"]) / statistics.median(rates["long"])}
    log(f"  wide layout: long {statistics.median(rates['long']):.0f} MB/s, weekly {statistics.median(rates['weekly']):.0f} MB/s, ratio {wide['ratio']:.2f}")
res["wide_layout"] = wide

# ---- targets (paired ratios at the median)
c = res["compared"]
peers = check_peers.PEERS
fastest = min(peers, key=lambda n: c[n]["wall"][n]["median"])
leanest = min(peers, key=lambda n: c[n]["rss"][n]["median"])
res["targets"] = {
    "faster_than_best_peer": {"peer": fastest, "ratio": c[fastest]["wall"]["ratio"]["median"], "target": 2.0},
    "memory_vs_leanest_peer": {"peer": leanest, "ratio": c[leanest]["rss"]["ratio"]["median"], "target": 4.0},
    "run_vs_floor": {"ratio": 1 / c["floor"]["wall"]["ratio"]["median"], "target": 1.2},
}
t = res["targets"]
t["faster_than_best_peer"]["met"] = t["faster_than_best_peer"]["ratio"] >= 2.0
t["memory_vs_leanest_peer"]["met"] = t["memory_vs_leanest_peer"]["ratio"] >= 4.0
t["run_vs_floor"]["met"] = t["run_vs_floor"]["ratio"] <= 1.2
# What the speed target asks, against what the libraries alone allow: the floor is one thread doing only
# libcsv over the bytes and libxlsxwriter over the cells, so no run on `threads` cores can beat floor / threads.
floor_wall = statistics.median(r[1] for r in c["floor"]["wall"]["runs"])
t["faster_than_best_peer"]["needs_wall"] = statistics.median(r[1] for r in c[fastest]["wall"]["runs"]) / 2.0
t["faster_than_best_peer"]["floor_split_over_threads"] = floor_wall / opt.threads
full = [s for s in scaling if isinstance(s["academies"], int)]
if len(full) >= 2:
    per_mb = [statistics.median(s["wall"]) / s["inputs_mb"] for s in full]
    # Least-squares line wall = a + b * MB through the sizes: linear when every size sits within 10% of it.
    xs, ys = [s["inputs_mb"] for s in full], [statistics.median(s["wall"]) for s in full]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    a = my - b * mx
    off = max(abs(y - (a + b * x)) / y for x, y in zip(xs, ys))
    t["linear_time"] = {"seconds_per_100_mb": [100 * x for x in per_mb], "fixed_s": a, "s_per_100_mb": 100 * b,
                        "largest_deviation": off, "target": 0.10, "met": off <= 0.10}
if wide:
    t["wide_layout_parse_rate"] = {"ratio": wide["ratio"], "target": 0.8, "met": wide["ratio"] >= 0.8}
short = [s for s in scaling if not isinstance(s["academies"], int)]
same = [s for s in full if s["academies"] == 100]
if short and same:
    ratio = statistics.median(same[0]["rss"]) / statistics.median(short[0]["rss"])
    t["memory_flat_in_marks"] = {"marks_ratio": same[0]["marks_rows"] / max(short[0]["marks_rows"], 1), "peak_ratio": ratio,
                                 "target": 1.1, "met": ratio <= 1.1}

# ---- report
verdict = lambda ok: "met" if ok else "**not met**"
L = [f"Trust `{opt.data}`: {len(inputs)} input files, {mb(total_bytes):.0f} MB ({mb(marks_bytes):.0f} MB / {marks_rows:,} session marks); "
     f"trustdata writes {books} workbooks, {cells:,} cells. {res['machine']}; {res['date']}; {opt.pairs} pairs; "
     f"trustdata on {opt.threads} threads; peers: pandas {res['versions']['pandas']}, polars {res['versions']['polars']}, "
     f"DuckDB {res['versions']['duckdb']}, XlsxWriter {res['versions']['xlsxwriter']}.",
     "",
     "Checked first: " + "; ".join(f"{n} {checks[n]['figures']} figures equal to trustdata's, {checks[n]['workbooks']} workbooks, "
                                   f"{checks[n]['cells']:,} cells read back" for n in peers) + ".",
     "",
     "Paired runs, median [min–max]; ratio = competitor ÷ trustdata, worked out pair by pair:",
     "",
     "| competitor | wall: trustdata | wall: competitor | wall ratio | CPU: trustdata | CPU: competitor | CPU ratio | peak: trustdata | peak: competitor | peak ratio |",
     "|---|---|---|---|---|---|---|---|---|---|"]
for name, _ in competitors:
    s = c[name]
    L.append(f"| {name} | {spread([r[0] for r in s['wall']['runs']], 2, ' s')} | {spread([r[1] for r in s['wall']['runs']], 2, ' s')} | "
             f"**{s['wall']['ratio']['median']:.2f}×** [{s['wall']['ratio']['min']:.2f}–{s['wall']['ratio']['max']:.2f}] | "
             f"{spread([r[0] for r in s['cpu']['runs']], 2, ' s')} | {spread([r[1] for r in s['cpu']['runs']], 2, ' s')} | "
             f"{s['cpu']['ratio']['median']:.2f}× | {spread([r[0] for r in s['rss']['runs']], 0, ' MB')} | "
             f"{spread([r[1] for r in s['rss']['runs']], 0, ' MB')} | **{s['rss']['ratio']['median']:.2f}×** |")
L += ["",
      f"trustdata's stages (medians over its paired runs): import {res['stages'].get('import', 0):.2f} s, analysis "
      f"{res['stages'].get('analysis', 0):.2f} s, write {res['stages'].get('write', 0):.2f} s (workbook tasks {res['write_cpu']['workbooks']:.2f} s CPU, "
      f"CSV outputs {res['write_cpu']['csv']:.2f} s CPU); the floor's parts: libcsv {res['floor_parts']['csv']:.2f} s, "
      f"libxlsxwriter {res['floor_parts']['xlsx']:.2f} s (one thread). The peers' stages (medians, inside the process after "
      "Python has started and imported its modules): "
      + "; ".join(f"{n} read {v['import']:.2f} s, figures {v['measures']:.2f} s, workbooks {v['write']:.2f} s" for n, v in res["peer_stages"].items())
      + " (polars and DuckDB compute while they read: their figures are mostly in the first number).", ""]
if scaling:
    L += ["Scaling (trustdata alone, median [min–max] of " + str(opt.pairs) + " runs):", "",
          "| academies | input | session marks | roster rows | wall | CPU | peak RSS | s per 100 MB | peak MB per 1,000 roster rows |",
          "|---|---|---|---|---|---|---|---|---|"]
    for s in scaling:
        w, r = statistics.median(s["wall"]), statistics.median(s["rss"])
        L.append(f"| {s['academies']} | {s['inputs_mb']:.0f} MB | {s['marks_rows']:,} | {s['roster_rows']:,} | {spread(s['wall'], 2, ' s')} | "
                 f"{spread(s['cpu'], 2, ' s')} | {spread(s['rss'], 0, ' MB')} | {100 * w / s['inputs_mb']:.2f} | {1000 * r / max(s['roster_rows'], 1):.2f} |")
    L.append("")
L += ["| target (large trust, paired medians) | measured | |", "|---|---|---|",
      f"| ≥ 2× faster than the fastest peer ({fastest}) | {t['faster_than_best_peer']['ratio']:.2f}× | {verdict(t['faster_than_best_peer']['met'])} |",
      f"| peak memory ≤ 1/4 of the leanest peer's ({leanest}) | 1/{t['memory_vs_leanest_peer']['ratio']:.2f} | {verdict(t['memory_vs_leanest_peer']['met'])} |",
      f"| (peak memory against the fastest peer, {fastest}) | 1/{c[fastest]['rss']['ratio']['median']:.2f} | {verdict(c[fastest]['rss']['ratio']['median'] >= 4)} |",
      f"| (2× the fastest peer needs trustdata ≤ {t['faster_than_best_peer']['needs_wall']:.2f} s; the C floor alone, split perfectly over "
      f"{opt.threads} threads, would take {t['faster_than_best_peer']['floor_split_over_threads']:.2f} s) | | |",
      f"| whole run ≤ 1.2× the C floor's wall | {t['run_vs_floor']['ratio']:.2f}× | {verdict(t['run_vs_floor']['met'])} |"]
if "linear_time" in t:
    lt = t["linear_time"]
    L.append(f"| time linear in input (every size within 10% of one straight line) | {lt['fixed_s']:.2f} s + {lt['s_per_100_mb']:.2f} s per 100 MB; "
             f"largest deviation {100 * lt['largest_deviation']:.1f}% | {verdict(lt['met'])} |")
if "memory_flat_in_marks" in t:
    m = t["memory_flat_in_marks"]
    L.append(f"| memory flat in the marks' size (same pupils, {m['marks_ratio']:.1f}× the marks) | peak {m['peak_ratio']:.2f}× | {verdict(m['met'])} |")
if wide:
    L.append(f"| weekly-string marks parse at ≥ 80% of the long layout's MB/s (same marks: {wide['weekly_mb']:.0f} MB against {wide['long_mb']:.0f} MB; "
             f"one thread each) | {spread(wide['weekly_mb_s'], 0, ' MB/s')} against {spread(wide['long_mb_s'], 0, ' MB/s')}: {wide['ratio']:.2f} | "
             f"{verdict(t['wide_layout_parse_rate']['met'])} |")
text = "\n".join(L)
print(text)
os.makedirs(os.path.join(root, "Benchmarks/results"), exist_ok=True)
with open(os.path.join(root, "Benchmarks/results/latest.md"), "w") as f:
    f.write(text + "\n")
with open(os.path.join(root, "Benchmarks/results/latest.json"), "w") as f:
    json.dump(res, f, indent=1, sort_keys=True)
shutil.rmtree(scratch, ignore_errors=True)
