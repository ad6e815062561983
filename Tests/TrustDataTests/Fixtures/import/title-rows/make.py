#!/usr/bin/env python3
"""Makes `Census roster (MIS report).xlsx` next to this script: the SIMS-style roster of
../roster-sims.csv (and a fourth pupil with a mistyped UPN) as an MIS "export to Excel" of a report lays it out, with the report's title (merged
across the columns, bold), the school and census, the print date and a blank row above the headings
on row 5. Dates of birth are typed as dates (dd/mm/yyyy). openpyxl; fixed timestamps, so re-running
gives the same bytes. The CSV fixtures here are hand-written.

  python3 make.py
"""
import csv, datetime, os, re, zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2025, 1, 1, 0, 0, 0)

with open(os.path.join(HERE, "..", "roster-sims.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
# A fourth pupil whose UPN has the wrong check letter (B is right): rejected, at its own row (9).
data.append(["2024/25", "137002", "A881200001004", "Wood", "Wes", "05/06/2016", "M", "4", "N", "N", "N"])
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Student List"
ws["A1"] = "Student List: Spring Census 2025"
ws["A1"].font = Font(bold=True, size=14)
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
ws["A2"] = "Oak Primary and Elm Primary"
ws["A3"] = "Printed 03/12/2025 09:14"
ws.append([])                      # row 4, left blank
ws.append(header)                  # row 5
for row in data:
    values = []
    for name, v in zip(header, row):
        if name == "DOB":
            d, m, y = v.split("/")
            try:
                values.append(datetime.date(int(y), int(m), int(d)))
            except ValueError:     # 29/02/2016 is real; kept as typed if not
                values.append(v)
        elif name in ("School URN", "NC Year"):
            values.append(int(v))
        else:
            values.append(v)
    ws.append(values)
for cell in ws["F"][5:]:
    cell.number_format = "DD/MM/YYYY"
for cell in ws[5]:
    cell.font = Font(bold=True)
out = os.path.join(HERE, "Census roster (MIS report).xlsx")
wb.save(out)
with zipfile.ZipFile(out) as z:
    parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts:
        if name == "docProps/core.xml":
            data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2025-01-01T00:00:00Z<", data)
        z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
