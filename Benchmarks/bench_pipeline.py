#!/usr/bin/env python3
"""The benchmark's pipeline for a generated trust: Benchmarks/large.yml pointed at the data, plus every
other file `trustdata generate` wrote there that is an input of this trustdata. Imported by bench.py;
run alone it writes the pipeline and prints the input keys it names (the tests check the wiring so):

    bench_pipeline.py DATA OUT.yml TRUSTDATA [OUTPUT]

DATA: the generated trust; OUT.yml: where to write the pipeline; TRUSTDATA: the binary whose `validate`
says which names are inputs; OUTPUT: the pipeline's output folder (default: large.yml's).
"""
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A file named for its year (the budget forecast return: bfr_2024-25.csv, bfr_3y_2024-25.csv) is the
# input of its name without the year.
YEAR_SUFFIX = re.compile(r"_\d{4}-\d{2}$")


def input_key(name):
    """The `inputs:` key a generated file would be: its name without .csv/.xlsx and without a year."""
    return YEAR_SUFFIX.sub("", os.path.splitext(name)[0])


def pipeline_for(data, path, trustdata, output=None, log=lambda text: print(text, file=sys.stderr)):
    """Writes Benchmarks/large.yml pointed at `data` (absolute paths, so any folder works) to `path`, with
    every other file the generator wrote there whose key (`input_key`) is an input of `trustdata`:
    datasets added to the generator are benchmarked without editing large.yml. A file whose key is not
    an input (the strict pipeline reader refuses it, `trustdata validate`) is left out, and out of the
    floor's files too (`pipeline_files`), so both read the same bytes. Returns `path`."""
    text = open(os.path.join(root, "Benchmarks/large.yml")).read()
    text = re.sub(r"(?m)^root: .*$", f"root: {os.path.abspath(data)}", text)
    text = re.sub(r"(?m)^  benchmarks: .*$", f"  benchmarks: {root}/inputs/benchmarks", text)
    text = re.sub(r"(?m)^  reference: .*$", f"  reference: {root}/inputs/reference", text)
    if output:
        text = re.sub(r"(?m)^output: .*$", f"output: {os.path.abspath(output)}", text)
    named = set(re.findall(r"(?m)^  [a-z_0-9]+: (\S+)$", text))
    extra = {input_key(f): f for f in sorted(os.listdir(data)) if f.endswith((".csv", ".xlsx")) and f not in named}
    while True:
        lines = "".join(f"  {key}: {f}\n" for key, f in extra.items())
        open(path, "w").write(text.replace("\ninputs:\n", "\ninputs:\n" + lines, 1))
        if not extra:
            return path
        p = subprocess.run([trustdata, "validate", path], capture_output=True, text=True)
        refused = re.search(r"`([^`]+)` is not a key of `inputs:`", p.stderr)
        if not refused or refused.group(1) not in extra:
            return path
        log(f"{data}: {extra.pop(refused.group(1))} is not an input of this trustdata: left out of the benchmark")


def pipeline_files(pipeline):
    """The input files a pipeline names under `inputs:` (with its root), for the floor."""
    text = open(pipeline).read()
    root_dir = re.search(r"(?m)^root: (.*)$", text).group(1).strip()
    block = text.split("\ninputs:\n", 1)[1].split("\n\n", 1)[0]
    files = []
    for key, value in re.findall(r"(?m)^  ([a-z_0-9]+): (\S+)$", block):
        if key in ("benchmarks", "reference"):
            continue
        f = os.path.join(root_dir, value)
        if os.path.isfile(f):
            files.append(f)
    return sorted(files)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    pipeline = pipeline_for(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) == 5 else None)
    block = open(pipeline).read().split("\ninputs:\n", 1)[1].split("\n\n", 1)[0]
    for key, value in re.findall(r"(?m)^  ([a-z_0-9]+): (\S+)$", block):
        print(f"{key} {value}")
