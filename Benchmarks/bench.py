#!/usr/bin/env python3
"""Runs the large-trust benchmark (called by Benchmarks/run.sh; see Benchmarks/README.md).

Every measurement runs REPS times under /usr/bin/time -v (wall, user+sys CPU, peak RSS) and the median
is reported. Stages measured:
  pipeline   trustdata-bench pipeline: the whole run (import -> analysis -> workbooks), THREADS threads
  marks      trustdata-bench marks: the attendance-marks import alone (parse + validate + aggregate)
  parse      trustdata-bench csv: CSVReader over every input file, no-op per row
  floor csv  libcsv over the same files with no-op callbacks (Benchmarks/floor/floor.c)
  floor xlsx libxlsxwriter, constant memory, the same number of cells the pipeline wrote (one thread);
             compared with the CPU seconds of the pipeline's workbook tasks (write_cpu in its JSON)
  pandas     Benchmarks/baseline/pandas_baseline.py (pandas + XlsxWriter)
"""
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data, reps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pipeline = os.path.join(root, "Benchmarks/large.yml") if len(sys.argv) < 5 else sys.argv[4]
bench = os.path.join(root, ".build/release/trustdata-bench")
floor = os.path.join(root, "bench-data/floor")
scratch = tempfile.mkdtemp(prefix="trustdata-bench-")
inputs = sorted(glob.glob(os.path.join(data, "*.csv")))
marks_file = os.path.join(data, "attendance_marks.csv")


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (json line printed, wall, cpu, peak MB)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    field = lambda name: re.search(re.escape(name) + r": (.*)", p.stderr).group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    out = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    return out[-1] if out else {}, wall, cpu, rss


def median_run(name, cmd):
    runs = [timed(cmd) for _ in range(reps)]
    order = sorted(range(reps), key=lambda i: runs[i][1])
    mid = runs[order[reps // 2]]
    print(f"  {name}: median wall {mid[1]:.2f} s over {reps} runs", file=sys.stderr)
    return {"out": mid[0], "wall": mid[1], "cpu": statistics.median(r[2] for r in runs),
            "rss": statistics.median(r[3] for r in runs),
            "inner": statistics.median(r[0].get("seconds", 0) for r in runs),
            "stages": {k: statistics.median(r[0]["stages"][k] for r in runs) for k in mid[0].get("stages", {})},
            # CPU seconds inside the write stage (thread CPU clocks around each output task; see WriteCPU.swift).
            "write_cpu": {k: statistics.median(r[0]["write_cpu"][k] for r in runs) for k in mid[0].get("write_cpu", {})}}


def cells_in(folder):
    n = 0
    for path in glob.glob(os.path.join(folder, "**/*.xlsx"), recursive=True):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    n += len(re.findall(rb"<c ", z.read(name)))
    return n


mb = lambda b: b / 1e6
total_bytes = sum(os.path.getsize(f) for f in inputs)
marks_bytes = os.path.getsize(marks_file)
out_dir = os.path.join(scratch, "pipeline")
print(f"benchmark: {len(inputs)} files, {mb(total_bytes):.0f} MB, {reps} runs each, {threads} threads", file=sys.stderr)

pipe = median_run("pipeline", [bench, "pipeline", pipeline, str(threads), out_dir])
books = len(glob.glob(os.path.join(out_dir, "**/*.xlsx"), recursive=True))
cells = cells_in(out_dir)
marks = median_run("marks import", [bench, "marks", pipeline])
parse = median_run("CSVReader parse", [bench, "csv"] + inputs)
fcsv = median_run("libcsv floor (all inputs)", [floor, "csv"] + inputs)
fmarks = median_run("libcsv floor (marks)", [floor, "csv", marks_file])
os.makedirs(os.path.join(scratch, "floor"), exist_ok=True)
fxlsx = median_run("libxlsxwriter floor", [floor, "xlsx", str(cells), str(books), os.path.join(scratch, "floor")])
pandas = median_run("pandas baseline", [sys.executable, os.path.join(root, "Benchmarks/baseline/pandas_baseline.py"), data,
                                        os.path.join(scratch, "pandas")])

st = pipe["stages"]
wcpu = pipe["write_cpu"]
rows = marks["out"]["rows"]
write_rate = cells / st["write"]
floor_cell_rate = cells / fxlsx["inner"]
# Workbook cells per CPU-second: the thread CPU of the workbook tasks only (not measures.csv or
# data-quality.csv, not waiting), the figure to hold against the one-thread floor's rate.
workbook_cpu_rate = cells / wcpu["workbooks"]
floor_total = fcsv["inner"] + fxlsx["inner"]
res = {
    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
               + (re.search(r"model name\s*: (.*)", open("/proc/cpuinfo").read()).group(1) if os.path.exists("/proc/cpuinfo") else platform.processor()),
    "inputs_mb": mb(total_bytes), "marks_mb": mb(marks_bytes), "marks_rows": rows, "cells": cells, "workbooks": books,
    "threads": threads, "reps": reps,
    "pipeline": {"wall": pipe["wall"], "cpu": pipe["cpu"], "peak_mb": pipe["rss"], "stages": st, "write_cpu": wcpu,
                 "workbook_cells_per_cpu_s": workbook_cpu_rate},
    "marks": {"seconds": marks["inner"], "mb_s": mb(marks_bytes) / marks["inner"], "marks_s": rows / marks["inner"], "peak_mb": marks["rss"]},
    "parse": {"seconds": parse["inner"], "mb_s": mb(total_bytes) / parse["inner"]},
    "floor": {"csv_s": fcsv["inner"], "csv_mb_s": mb(total_bytes) / fcsv["inner"], "marks_mb_s": mb(marks_bytes) / fmarks["inner"],
              "xlsx_s": fxlsx["inner"], "xlsx_cpu_s": fxlsx["cpu"], "cells_s": floor_cell_rate, "total_s": floor_total},
    "pandas": {"wall": pandas["wall"], "cpu": pandas["cpu"], "peak_mb": pandas["rss"], "stages": {k: pandas["out"][k] for k in ["import", "measures", "write"]}},
}
res["ratios"] = {
    "parse_vs_libcsv": res["floor"]["csv_mb_s"] / res["parse"]["mb_s"],
    "marks_vs_libcsv": res["floor"]["marks_mb_s"] / res["marks"]["mb_s"],
    "write_per_core_vs_libxlsxwriter": (write_rate / threads) / floor_cell_rate,
    "write_vs_libxlsxwriter": write_rate / floor_cell_rate,
    # CPU against CPU: the floor's user + system seconds (one thread, so about its wall time).
    "workbook_cpu_rate_vs_libxlsxwriter": workbook_cpu_rate / (cells / fxlsx["cpu"]),
    "run_vs_floor": pipe["wall"] / floor_total,
    "pandas_vs_run": pandas["wall"] / pipe["wall"],
}

r = res["ratios"]
lines = [
    f"Large trust: {len(inputs)} input files, {mb(total_bytes):.0f} MB ({mb(marks_bytes):.0f} MB / {rows:,} session marks); "
    f"{books} workbooks, {cells:,} cells. {res['machine']}; {res['date']}; medians of {reps}; {threads} threads.",
    "",
    "| stage | trustdata | floor | trustdata ÷ floor |",
    "|---|---|---|---|",
    f"| whole run (wall) | {pipe['wall']:.2f} s (CPU {pipe['cpu']:.2f} s, peak {pipe['rss']:.0f} MB) | {floor_total:.2f} s (libcsv parse + libxlsxwriter write, 1 thread) | {r['run_vs_floor']:.2f}× |",
    f"| import stage | {st.get('import', 0):.2f} s = {mb(total_bytes) / st.get('import', 1):.0f} MB/s | {fcsv['inner']:.2f} s libcsv no-op | {st.get('import', 0) / fcsv['inner']:.2f}× |",
    f"| CSV parse only (CSVReader) | {res['parse']['mb_s']:.0f} MB/s | {res['floor']['csv_mb_s']:.0f} MB/s | {r['parse_vs_libcsv']:.2f}× |",
    f"| attendance marks: parse + validate + aggregate | {res['marks']['mb_s']:.0f} MB/s, {res['marks']['marks_s'] / 1e6:.1f} M marks/s, peak {marks['rss']:.0f} MB | {res['floor']['marks_mb_s']:.0f} MB/s | {r['marks_vs_libcsv']:.2f}× |",
    f"| analysis stage | {st.get('analysis', 0):.2f} s | – | – |",
    f"| write stage ({threads} threads) | {st['write']:.2f} s = {write_rate / 1e6:.2f} M cells/s ({write_rate / threads / 1e6:.2f} M per core) | {floor_cell_rate / 1e6:.2f} M cells/s (1 core) | per core {r['write_per_core_vs_libxlsxwriter'] * 100:.0f}% of floor |",
    f"| workbooks, CPU (thread CPU of the workbook tasks) | {wcpu['workbooks']:.2f} s CPU = {workbook_cpu_rate / 1e6:.2f} M cells per CPU-second (CSV outputs {wcpu['csv']:.2f} s, whole stage {wcpu['stage']:.2f} s CPU) | {cells / fxlsx['cpu'] / 1e6:.2f} M cells per CPU-second ({fxlsx['cpu']:.2f} s CPU, 1 thread) | {r['workbook_cpu_rate_vs_libxlsxwriter'] * 100:.0f}% of floor's rate |",
    f"| pandas + XlsxWriter baseline | {pandas['wall']:.2f} s (import {res['pandas']['stages']['import']:.1f}, measures {res['pandas']['stages']['measures']:.1f}, write {res['pandas']['stages']['write']:.1f}; peak {pandas['rss']:.0f} MB) | | trustdata is {r['pandas_vs_run']:.1f}× faster |",
]
text = "\n".join(lines)
print(text)
os.makedirs(os.path.join(root, "Benchmarks/results"), exist_ok=True)
with open(os.path.join(root, "Benchmarks/results/latest.md"), "w") as f:
    f.write(text + "\n")
with open(os.path.join(root, "Benchmarks/results/latest.json"), "w") as f:
    json.dump(res, f, indent=1, sort_keys=True)
