#!/usr/bin/env python3
"""Checks the benchmark peers (Benchmarks/baseline/) against trustdata: each peer's figures must equal
trustdata's `measures.csv`, and every cell a peer says it wrote must be in its workbooks when read back.

    python3 Benchmarks/check_peers.py TRUSTDATA_OUTPUT DATA_DIR [PEER ...]

Runs each peer (default: pandas polars duckdb) on DATA_DIR into a scratch folder and compares, for every
school and the trust, each figure's numerator and denominator exactly and its value to the four decimals
measures.csv carries (the peer's value, to 6 decimals, within half a unit of trustdata's last place); a
figure trustdata has (non-empty denominator) that a peer lacks is a difference too. Exits 1 on any difference. `bench.py` uses the same functions on the large trust's runs.
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = ["pandas", "polars", "duckdb"]
sys.path.insert(0, os.path.join(HERE, "baseline"))
import peer_common  # noqa: E402  (only for the job's list of measures)


def peer_script(name):
    return os.path.join(HERE, "baseline", f"{name}_peer.py")


def cells_in(folder):
    """Cells in every worksheet of every workbook under folder, read back from the files themselves."""
    n = 0
    for path in glob.glob(os.path.join(folder, "**", "*.xlsx"), recursive=True):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    n += len(re.findall(rb"<c ", z.read(name)))
    return n


def _number(text):
    return None if text in ("", None) else float(text)


def compare(trustdata_csv, peer_csv):
    """Differences between the peer's figures and trustdata's, as readable lines (empty when equal)."""
    wanted = set(peer_common.ORDER)
    with open(peer_csv, newline="") as f:
        peer = {(r["urn"], r["measure"], r["group"]): r for r in csv.DictReader(f)}
    urns = {k[0] for k in peer}
    ours = {}
    with open(trustdata_csv, newline="") as f:
        for r in csv.DictReader(f):
            if r["year"] == peer_common.YEAR and (r["measure"], r["group"]) in wanted:
                ours[(r["urn"], r["measure"], r["group"])] = r
    problems = []
    for key, p in sorted(peer.items()):
        t = ours.get(key)
        if t is None:
            problems.append(f"{'/'.join(key)}: the peer has {p['numerator']}/{p['denominator']}, trustdata has no figure")
            continue
        pn, pd, pv = _number(p["numerator"]), _number(p["denominator"]), _number(p["value"])
        tn, td, tv = _number(t["numerator"]), _number(t["denominator"]), _number(t["value"])
        same_value = (pv is None and tv is None) or (pv is not None and tv is not None and abs(pv - tv) <= 0.5e-4 + 1e-9)
        if pn != tn or pd != td or not same_value:
            problems.append(f"{'/'.join(key)}: peer {p['numerator']}/{p['denominator']} = {p['value']}, "
                            f"trustdata {t['numerator']}/{t['denominator']} = {t['value']}")
    for key, t in sorted(ours.items()):
        if key not in peer and (key[0] in urns or key[0] == "TRUST") and _number(t["denominator"]):
            problems.append(f"{'/'.join(key)}: trustdata has {t['numerator']}/{t['denominator']}, the peer has no figure")
    if not peer:
        problems.append("the peer wrote no figures")
    return problems


def check_output(name, trustdata_csv, folder, printed):
    """Figures and read-back cells of one peer run; printed = the peer's JSON line. Returns problems."""
    problems = [f"{name}: {p}" for p in compare(trustdata_csv, os.path.join(folder, "measures.csv"))]
    back = cells_in(folder)
    if back != printed["cells"]:
        problems.append(f"{name}: wrote {printed['cells']:,} cells but {back:,} are in its workbooks")
    return problems, back


def self_test(trustdata_csv, peer_csv, scratch):
    """The comparison must catch a changed numerator and a missing figure (so a check that passes means
    something): both planted in copies of a peer's measures.csv."""
    lines = open(peer_csv).read().splitlines(keepends=True)
    fields = lines[1].split(",")
    fields[3] = str(int(float(fields[3])) + 1)
    changed, dropped = os.path.join(scratch, "changed.csv"), os.path.join(scratch, "dropped.csv")
    open(changed, "w").write(lines[0] + ",".join(fields) + "".join(lines[2:]))
    open(dropped, "w").write(lines[0] + "".join(lines[2:]))
    caught = [compare(trustdata_csv, changed), compare(trustdata_csv, dropped)]
    if [len(c) for c in caught] != [1, 1] or "no figure" not in caught[1][0]:
        raise SystemExit(f"check_peers self-test: planted differences not caught exactly: {caught}")


def run_peer(name, data, out):
    p = subprocess.run([sys.executable, peer_script(name), data, out], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{name} peer failed:\n{p.stderr[-3000:]}")
    return json.loads([line for line in p.stdout.splitlines() if line.startswith("{")][-1])


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    trustdata_out, data = sys.argv[1], sys.argv[2]
    names = sys.argv[3:] or PEERS
    trustdata_csv = os.path.join(trustdata_out, "measures.csv")
    failed = False
    with tempfile.TemporaryDirectory(prefix="trustdata-peers-") as scratch:
        for name in names:
            out = os.path.join(scratch, name)
            printed = run_peer(name, data, out)
            problems, back = check_output(name, trustdata_csv, out, printed)
            figures = sum(1 for _ in open(os.path.join(out, "measures.csv"))) - 1
            if problems:
                failed = True
                print("\n".join(problems[:50]), file=sys.stderr)
                print(f"{name}: {len(problems)} difference(s) from trustdata", file=sys.stderr)
            else:
                print(f"{name}: {figures} figures equal to trustdata's; {printed['workbooks']} workbooks, "
                      f"{back:,} cells read back = cells written")
        if not failed:
            self_test(trustdata_csv, os.path.join(scratch, names[0], "measures.csv"), scratch)
            print("self-test: a changed numerator and a missing figure are both caught")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
