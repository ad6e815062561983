#!/usr/bin/env python3
"""A straightforward pandas + XlsxWriter implementation of trustdata's job, for comparison only.

Import every canonical CSV with pandas, compute the headline measures per school and for the trust
(KS2 expected standard by subject and RWM for all/disadvantaged, phonics Y1, attendance from session
marks: absence rates, persistent and severe absence; finance reserves as % of GAG), and write one
workbook per school plus a trust workbook with XlsxWriter (constant_memory, as trustdata does), the
way an analyst would write it. Prints one JSON line with stage timings.

    python3 pandas_baseline.py DATA_DIR OUT_DIR
"""
import json
import os
import sys
import time

import pandas as pd

data, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
t0 = time.time()

# ---- import
read = lambda name, **kw: pd.read_csv(os.path.join(data, name), dtype=str, keep_default_na=False, **kw)
schools = read("schools.csv")
pupils = read("pupils.csv")
ks2 = read("ks2.csv")
phonics = read("phonics.csv")
marks = read("attendance_marks.csv")
finance = read("finance.csv")
codes = pd.read_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../inputs/reference/attendance-codes.csv"),
                    dtype=str, keep_default_na=False)
bytes_in = sum(os.path.getsize(os.path.join(data, f)) for f in
               ["schools.csv", "pupils.csv", "ks2.csv", "phonics.csv", "attendance_marks.csv", "finance.csv"])
t1 = time.time()

# ---- measures
year = "2024/25"
roster = pupils[pupils.academic_year == year][["urn", "upn", "disadvantaged"]]
rows = []


def add(urn, measure, group, num, den):
    rows.append({"urn": urn, "measure": measure, "group": group, "numerator": int(num), "denominator": int(den),
                 "value": round(100.0 * num / den, 4) if den else None})


k = ks2[ks2.academic_year == year].merge(roster, on=["urn", "upn"], how="left")
score = lambda s: pd.to_numeric(s, errors="coerce")
in_cohort = lambda s: ~s.isin(["L", "M", "F", "P"])
k["reading_ok"] = score(k.reading) >= 100
k["maths_ok"] = score(k.maths) >= 100
k["writing_ok"] = k.writing.isin(["EXS", "GDS"])
k["rwm_ok"] = k.reading_ok & k.maths_ok & k.writing_ok
k["cohort"] = in_cohort(k.reading) & in_cohort(k.maths) & in_cohort(k.writing)
ph = phonics[(phonics.academic_year == year) & (phonics.year_group == "1") & phonics.outcome.isin(["Wa", "Wt"])]

marks["date"] = pd.to_datetime(marks["date"])
cat = marks.merge(codes[["code", "category"]].drop_duplicates("code"), on="code", how="left")
cat = cat[cat.category != "not_possible"]
per_pupil = cat.groupby(["urn", "upn"]).agg(
    possible=("category", "size"),
    absent=("category", lambda c: c.isin(["authorised_absence", "unauthorised_absence"]).sum()),
    unauthorised=("category", lambda c: (c == "unauthorised_absence").sum())).reset_index()
per_pupil["rate"] = per_pupil.absent / per_pupil.possible

fin = finance[(finance.financial_year == year) & (finance.urn != "CENTRAL")].copy()
for col in ["gag_income", "revenue_reserves_carried_forward"]:
    fin[col] = pd.to_numeric(fin[col])


def measures(keep_k, keep_ph, keep_att, keep_fin, urn):
    for group, sub in [("all", keep_k), ("disadvantaged", keep_k[keep_k.disadvantaged == "Y"])]:
        c = sub[sub.cohort]
        for m in ["reading", "maths", "writing", "rwm"]:
            add(urn, f"ks2.{m}.expected", group, c[f"{m}_ok"].sum(), len(c))
    add(urn, "phonics.y1.expected", "all", (keep_ph.outcome == "Wa").sum(), len(keep_ph))
    add(urn, "attendance.overall_absence", "all", keep_att.absent.sum(), keep_att.possible.sum())
    add(urn, "attendance.unauthorised_absence", "all", keep_att.unauthorised.sum(), keep_att.possible.sum())
    add(urn, "attendance.persistent_absence", "all", (keep_att.rate >= 0.1).sum(), len(keep_att))
    add(urn, "attendance.severe_absence", "all", (keep_att.rate >= 0.5).sum(), len(keep_att))
    add(urn, "finance.reserves_pct_gag", "all", keep_fin.revenue_reserves_carried_forward.sum(), keep_fin.gag_income.sum())


for urn in schools.urn:
    measures(k[k.urn == urn], ph[ph.urn == urn], per_pupil[per_pupil.urn == urn], fin[fin.urn == urn], urn)
measures(k, ph, per_pupil, fin, "TRUST")
table = pd.DataFrame(rows)
table.to_csv(os.path.join(out, "measures.csv"), index=False)
t2 = time.time()

# ---- workbooks: per school, its measures, its KS2 pupils and its pupils' attendance; the trust all measures
cells = 0


def write(path, sheets):
    global cells
    with pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs={"options": {"constant_memory": True}}) as xw:
        for name, frame in sheets:
            frame.to_excel(xw, sheet_name=name, index=False)
            cells += (len(frame) + 1) * len(frame.columns)


for urn in schools.urn:
    write(os.path.join(out, f"{urn}.xlsx"), [
        ("Measures", table[table.urn == urn]),
        ("KS2", k[k.urn == urn][["upn", "surname", "forename", "reading", "maths", "gps", "writing", "rwm_ok"]]),
        ("Attendance", per_pupil[per_pupil.urn == urn]),
    ])
write(os.path.join(out, "trust.xlsx"), [("Measures", table)])
t3 = time.time()
print(json.dumps({"kind": "pandas", "seconds": t3 - t0, "import": t1 - t0, "measures": t2 - t1, "write": t3 - t2,
                  "bytes": bytes_in, "marks": len(marks), "cells": cells}))
