#!/usr/bin/env python3
"""Where trustdata's CPU goes on the large trust, from `perf record --call-graph dwarf` (Linux perf).

    python3 Benchmarks/profile.py [PIPELINE] [THREADS]      (after Benchmarks/run.sh has built and generated)

Two recordings of .build/release/trustdata-bench:
  pipeline  the whole run; every sample is put in one bucket by the frames on its stack (the marks import
            split into libcsv's csv_parse and our code after it, the other imports, analysis, and the write
            stage split into time inside libxlsxwriter calls, our sheet code and the CSV outputs)
  write     the write stage alone, three times over one import (`trustdata-bench write`): the share of the
            workbook tasks' samples that are inside a libxlsxwriter call (with the zlib, libc and kernel
            work under it) = our rate as a fraction of the library's own rate writing the same workbooks
            (target >= 80%)
Needs perf (apt-get install linux-perf) and permission to record (kernel.perf_event_paranoid <= 2).
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pipeline = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Benchmarks/large.yml")
threads = sys.argv[2] if len(sys.argv) > 2 else str(os.cpu_count())
bench = os.path.join(root, ".build/release/trustdata-bench")
scratch = tempfile.mkdtemp(prefix="trustdata-profile-")


def record(name, cmd):
    data = os.path.join(scratch, f"{name}.data")
    subprocess.run(["perf", "record", "-q", "-F", "999", "--call-graph", "dwarf,16384", "-o", data, "--"] + cmd,
                   check=True, stdout=subprocess.DEVNULL)
    text = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym,dso"], check=True, capture_output=True,
                          text=True, errors="replace").stdout
    os.remove(data)
    samples, cur = [], []
    for line in text.splitlines():
        if not line.startswith((" ", "\t")):
            if cur:
                samples.append(cur)
            cur = []
        elif line.strip():
            cur.append(line.strip())
    if cur:
        samples.append(cur)
    return samples


def leaf_dso(sample):
    m = re.search(r"\(([^()]*)\)$", sample[0])
    return m.group(1).split("/")[-1] if m else "?"


def bucket(sample):
    """The import and analysis stages are looked for first: they fan out on the same work queue as the
    write stage, so OutputStage frames alone do not mean writing."""
    text = "\n".join(sample)
    if "AttendanceMarksImporter" in text:
        return "import: marks, libcsv csv_parse" if "csv_parse" in sample[0] else "import: marks, our code after libcsv (+ kernel reads)"
    if re.search(r"ImportStage|Importer|CSVReader", text):
        return "import: other files, libcsv csv_parse" if "csv_parse" in sample[0] else "import: other files, our code"
    if "PipelineRunnerV7analyse" in text:
        return "analysis"
    if re.search(r"OutputStage|writeTimed|Workbook|Sheet", text):
        if "libxlsxwriter" in text:
            return "write: inside libxlsxwriter calls (with its zlib, libc, kernel)"
        if re.search(r"CSVBytes|MeasuresCSV|AtomicFile", text):
            return "write: measures.csv and data-quality.csv"
        return "write: our sheet and wrapper code"
    if re.search(r"analyse|Analysis|Slice", text):
        return "analysis"
    return "other (start-up, configuration, exit)"


def table(title, samples):
    counts, leaves = collections.Counter(), collections.defaultdict(collections.Counter)
    for s in samples:
        b = bucket(s)
        counts[b] += 1
        leaves[b][leaf_dso(s)] += 1
    n = sum(counts.values())
    print(f"\n{title}: {n:,} samples\n\n| share | where | leaf functions' library |\n|---|---|---|")
    for b, v in counts.most_common():
        top = ", ".join(f"{k} {100 * c / v:.0f}%" for k, c in leaves[b].most_common(4))
        print(f"| {100 * v / n:.1f}% | {b} | {top} |")
    return counts


out = os.path.join(scratch, "out")
table("Whole run (trustdata-bench pipeline)", record("pipeline", [bench, "pipeline", pipeline, threads, out]))
write = table("Write stage alone, 3 times (trustdata-bench write)", record("write", [bench, "write", pipeline, threads, out, "3"]))
inside = write["write: inside libxlsxwriter calls (with its zlib, libc, kernel)"]
ours = write["write: our sheet and wrapper code"]
print(f"\nWorkbook tasks: {inside:,} of {inside + ours:,} samples inside libxlsxwriter calls: our rate is "
      f"{100 * inside / (inside + ours):.1f}% of the library's own rate writing the same workbooks (target >= 80%).")
