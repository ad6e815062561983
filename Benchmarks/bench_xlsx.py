#!/usr/bin/env python3
"""The workbook-input benchmark (`make bench-xlsx`; also the last step of `make bench`).

Target (issue #17): an .xlsx input of 1 million cells imports in at most 3 s, with memory flat in the
file size.

1. Makes workbooks laid out as Excel saves them (shared strings, dates as serial numbers in a date
   style, numbers as numbers) from the large trust's pupils.csv: 1 million cells (the first 90,909 pupils
   of 11 columns, plus the heading row), and the same rows repeated to 2 and 4 million cells.
   Cached in bench-data/xlsx/ (remade when this script or the CSV changes).
2. Each measured under /usr/bin/time -v, RUNS times (median, min–max):
   * `trustdata-bench roster`: the whole roster import of the 1-million-cell workbook (read, parse,
     validate, records), the figure the target is about, beside the same rows as CSV;
   * `trustdata-bench xlsx`: the workbook reader alone on 1, 2 and 4 million cells: seconds and peak
     memory. Flat: peak memory at 4 million cells within 25% of that at 1 million (the shared strings
     are the same text repeated, so what could grow is only the reader's own buffers).
Results: Benchmarks/results/xlsx-<date>.json, and a table on stdout. Time it on a quiet machine.

    bench_xlsx.py [--data bench-data/large] [--runs 5] [--bench .build/release/trustdata-bench]
"""
import argparse, csv, datetime, hashlib, json, os, re, statistics, subprocess, sys, time, zipfile
from xml.sax.saxutils import escape

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--data", default=os.path.join(root, "bench-data/large"))
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--bench", default=os.path.join(root, ".build/release/trustdata-bench"),
                help="the trustdata-bench binary (a debug build gives memory figures only, not times)")
opt = ap.parse_args()
bench = opt.bench
out_dir = os.path.join(root, "bench-data/xlsx")
log = lambda text: print(text, file=sys.stderr, flush=True)

SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
EPOCH = datetime.date(1899, 12, 30)


def letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_workbook(path, header, rows, repeat):
    """Streams a one-sheet workbook: text as shared strings, whole numbers as numbers, d/m/y dates as serials."""
    strings, order = {}, []
    def sst(text):
        if text not in strings:
            strings[text] = len(order)
            order.append(text)
        return strings[text]
    cols = [letters(i) for i in range(len(header))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(SHEET_HEAD.encode())
            r = 1
            for block in [[header]] + [rows] * repeat:
                buf = []
                for row in block:
                    cells = []
                    for c, v in zip(cols, row):
                        if v == "":
                            continue
                        if re.fullmatch(r"\d{2}/\d{2}/\d{4}", v):
                            d, m, y = map(int, v.split("/"))
                            cells.append(f'<c r="{c}{r}" s="1"><v>{(datetime.date(y, m, d) - EPOCH).days}</v></c>')
                        elif v.isdigit() and r > 1:
                            cells.append(f'<c r="{c}{r}"><v>{v}</v></c>')
                        else:
                            cells.append(f'<c r="{c}{r}" t="s"><v>{sst(v)}</v></c>')
                    buf.append(f'<row r="{r}">' + "".join(cells) + "</row>")
                    r += 1
                    if len(buf) >= 2000:
                        f.write("".join(buf).encode())
                        buf = []
                f.write("".join(buf).encode())
            f.write(b"</sheetData></worksheet>")
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pupils" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(order), len(order))
                   + "".join(f"<si><t>{escape(t)}</t></si>" for t in order) + "</sst>")


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-3000:]}")
    field = lambda name: re.search(re.escape(name) + r": (.*)", p.stderr).group(1).strip()
    wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return {"json": json.loads(p.stdout.strip().splitlines()[-1]), "wall": wall, "rss": rss}


def spread(values, digits=2):
    values = sorted(values)
    return f"{statistics.median(values):.{digits}f} [{values[0]:.{digits}f}–{values[-1]:.{digits}f}]"


pupils_csv = os.path.join(opt.data, "pupils.csv")
schools_csv = os.path.join(opt.data, "schools.csv")
with open(pupils_csv, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    per_million = 1_000_000 // len(header) - 1
    rows = [row for _, row in zip(range(per_million), reader)]
os.makedirs(out_dir, exist_ok=True)
stamp = hashlib.sha256(open(__file__, "rb").read() + open(pupils_csv, "rb").read(1 << 20)).hexdigest()[:16]
books = {}
for repeat in (1, 2, 4):
    path = os.path.join(out_dir, f"pupils-{repeat}m.xlsx")
    if not (os.path.exists(path) and open(path + ".stamp").read() == stamp if os.path.exists(path + ".stamp") else False):
        log(f"writing {path} ...")
        write_workbook(path, header, rows, repeat)
        open(path + ".stamp", "w").write(stamp)
    books[repeat] = path
csv_path = os.path.join(out_dir, "pupils-1m.csv")
with open(csv_path, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
cells = (len(rows) + 1) * len(header)
log(f"1 million cells: {len(rows) + 1} rows × {len(header)} columns = {cells:,} cells")

res = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "runs": opt.runs, "cells_per_million": cells}
imports = [timed([bench, "roster", schools_csv, books[1]]) for _ in range(opt.runs)]
csv_imports = [timed([bench, "roster", schools_csv, csv_path]) for _ in range(opt.runs)]
res["import_1m"] = {"xlsx_wall": [r["wall"] for r in imports], "xlsx_rss": [r["rss"] for r in imports],
                    "csv_wall": [r["wall"] for r in csv_imports], "csv_rss": [r["rss"] for r in csv_imports],
                    "rows": imports[0]["json"]["rows"], "accepted": imports[0]["json"]["accepted"]}
reads = {}
for repeat, path in books.items():
    runs = [timed([bench, "xlsx", path]) for _ in range(opt.runs)]
    reads[repeat] = {"cells": runs[0]["json"]["cells"], "bytes": os.path.getsize(path),
                     "wall": [r["wall"] for r in runs], "rss": [r["rss"] for r in runs]}
res["read"] = reads
median = statistics.median
res["targets"] = {
    "import_1m_cells_s": {"median": median(res["import_1m"]["xlsx_wall"]), "target": 3.0,
                          "met": median(res["import_1m"]["xlsx_wall"]) <= 3.0},
    "memory_flat": {"rss_1m": median(reads[1]["rss"]), "rss_4m": median(reads[4]["rss"]),
                    "ratio": median(reads[4]["rss"]) / median(reads[1]["rss"]), "target": 1.25,
                    "met": median(reads[4]["rss"]) <= 1.25 * median(reads[1]["rss"])},
}
os.makedirs(os.path.join(root, "Benchmarks/results"), exist_ok=True)
out = os.path.join(root, "Benchmarks/results", time.strftime("xlsx-%Y-%m-%d.json", time.gmtime()))
json.dump(res, open(out, "w"), indent=1)
i = res["import_1m"]
print(f"roster import, 1 million cells: .xlsx {spread(i['xlsx_wall'])} s, peak {spread(i['xlsx_rss'], 0)} MB; "
      f"same rows as CSV {spread(i['csv_wall'])} s, peak {spread(i['csv_rss'], 0)} MB ({i['rows']:,} rows, {i['accepted']:,} accepted)")
for repeat, r in reads.items():
    print(f"reader alone, {r['cells']:,} cells ({r['bytes'] / 1e6:.1f} MB .xlsx): {spread(r['wall'])} s, peak {spread(r['rss'], 0)} MB")
t = res["targets"]
print(f"target ≤ 3 s for 1 million cells: {'met' if t['import_1m_cells_s']['met'] else 'NOT met'} ({t['import_1m_cells_s']['median']:.2f} s); "
      f"memory flat (4M ≤ 1.25 × 1M): {'met' if t['memory_flat']['met'] else 'NOT met'} ({t['memory_flat']['ratio']:.2f}×)")
print(f"results: {out}")
