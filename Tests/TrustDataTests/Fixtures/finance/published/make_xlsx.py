"""Makes the .xlsx copies of the published finance fixtures next to this script from their CSVs, as
DfE's downloads come (one sheet, the CSV's headings in row 1, numbers stored as numbers, anything
that is not a plain number kept as text: `n/a`, `12,5OO`).

  python3 make_xlsx.py [outdir]     # needs openpyxl; default outdir: this folder
"""
import csv
import os
import sys

import openpyxl

COPIES = [  # CSV, XLSX, sheet name
    ("aar_academies_2023-24.csv", "aar_academies_2023-24.xlsx", "AAR"),
    ("AcademiesTransparency_2023-24.csv", "AcademiesTransparency_2023-24.xlsx", "Academies"),
    ("bfr_2024-25.csv", "bfr_2024-25.xlsx", "BFR"),
    ("bfr_3y_2024-25.csv", "bfr_3y_2024-25.xlsx", "BFR3Y"),
]


def cell(text):
    """A plain integer or decimal becomes a number; anything else stays text; blank stays empty."""
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def copy(src, dst, sheet):
    with open(src, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows):
        ws.append(row if r == 0 else [cell(v) for v in row])
    wb.save(dst)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else here
    for src, dst, sheet in COPIES:
        copy(os.path.join(here, src), os.path.join(out, dst), sheet)
