#!/usr/bin/env python3
"""Benchmark peer 1: vectorised pandas. The job of peer_common.py written the way a strong analyst would
write it in pandas: columns read with the types they need (the marks as categoricals), every rule a
boolean column, every figure a grouped sum (no Python per group or per row in the figures), then the
workbooks written row by row with XlsxWriter. One thread (pandas' C CSV reader and groupby run on one).

    python3 pandas_peer.py DATA_DIR OUT_DIR      prints one JSON line with stage times and cells written
"""
import json
import os
import sys
import time

import pandas as pd

import peer_common as pc

data, out = sys.argv[1], sys.argv[2]
t0 = time.time()


def read(name, cols, dtype=str):
    return pd.read_csv(os.path.join(data, name), usecols=cols, dtype=dtype, keep_default_na=False)


schools = read("schools.csv", ["urn"])
pupils = read("pupils.csv", ["academic_year", "urn", "upn", "year_group", "disadvantaged"])
ks2 = read("ks2.csv", ["academic_year", "urn", "upn", "surname", "forename", "reading", "maths", "gps", "writing"])
phonics = read("phonics.csv", ["academic_year", "urn", "year_group", "outcome"])
finance = read("finance.csv", ["financial_year", "urn", "status", "gag_income", "total_income",
                               "revenue_reserves_brought_forward", "revenue_reserves_carried_forward"])
monitoring = read("budget_monitoring.csv", ["financial_year", "month", "urn", "forecast_outturn"])
marks = read("attendance_marks.csv", ["urn", "upn", "date", "code"], dtype="category")
t1 = time.time()

urns = list(schools.urn)
counts = {}


def put(measure, group, num, den):
    """Per-URN numerators and denominators (Series indexed by URN) plus the trust's pooled totals."""
    for urn, n in num.items():
        counts[(urn, measure, group)] = (int(n), int(den[urn]))
    counts[("TRUST", measure, group)] = (int(num.sum()), int(den.sum()))


# KS2: each subject's own cohort; RWM over pupils in all three.
k = ks2[ks2.academic_year == pc.YEAR]
roster = pupils[pupils.academic_year == pc.YEAR].drop_duplicates(["urn", "upn"])
k = k.merge(roster[["urn", "upn", "disadvantaged"]], on=["urn", "upn"], how="left")
den, exp = {}, {}
for s in ["reading", "maths"]:
    cell = k[s].str.strip()
    scored = cell.str.fullmatch(r"\d+\+?")
    den[s] = scored | cell.str.upper().isin(pc.test_codes())
    exp[s] = scored & (pd.to_numeric(cell.str.rstrip("+").where(scored), errors="coerce") >= 100)
w_den, w_exp = pc.writing_codes()
cell = k.writing.str.strip().str.upper()
den["writing"], exp["writing"] = cell.isin(w_den), cell.isin(w_exp)
den["rwm"] = den["reading"] & den["writing"] & den["maths"]
exp["rwm"] = den["rwm"] & exp["reading"] & exp["writing"] & exp["maths"]
flags = pd.DataFrame({"urn": k.urn, **{f"{s}_den": den[s] for s in pc.SUBJECTS}, **{f"{s}_exp": exp[s] for s in pc.SUBJECTS}})
disadvantaged = (k.disadvantaged == "Y").to_numpy()
for group, frame in [("all", flags), ("disadvantaged", flags[disadvantaged])]:
    sums = frame.groupby("urn").sum()
    for s in pc.SUBJECTS:
        put(f"ks2.{s}.expected", group, sums[f"{s}_exp"], sums[f"{s}_den"])
k["rwm_expected"] = exp["rwm"]

# Phonics: Year 1, met over met + not met.
p = phonics[(phonics.academic_year == pc.YEAR) & (phonics.year_group == "1")]
met, counted = pc.phonics_codes()
ph = pd.DataFrame({"urn": p.urn, "met": p.outcome.isin(met), "den": p.outcome.isin(counted)}).groupby("urn").sum()
put("phonics.y1.expected", "all", ph.met, ph.den)

# Attendance: the year's marks counted per enrolment and code (a grouped count over three categorical
# columns), each code's category looked up on those counts, then summed per enrolment and per school.
dates = marks.date.cat.categories
marks = marks[marks.date.isin(dates[(dates >= pc.YEAR_START) & (dates <= pc.YEAR_END)])]
by_code = marks.groupby(["urn", "upn", "code"], observed=True, sort=False).size().rename("n").reset_index()
del marks
category = by_code.code.map(pc.attendance_categories())
for column, kinds in [("possible", pc.POSSIBLE), ("absent", pc.ABSENT), ("unauthorised", pc.UNAUTHORISED)]:
    by_code[column] = by_code.n.where(category.isin(kinds), 0)
per_pupil = by_code.groupby(["urn", "upn"], observed=True, sort=False)[["possible", "absent", "unauthorised"]].sum()
per_pupil = per_pupil[per_pupil.possible > 0].reset_index()
per_pupil["urn"], per_pupil["upn"] = per_pupil.urn.astype(str), per_pupil.upn.astype(str)
# Compulsory school age only: Reception enrolments out (pupils not on the roster stay in).
per_pupil = per_pupil.merge(roster[["urn", "upn", "year_group"]], on=["urn", "upn"], how="left")
per_pupil = per_pupil[~per_pupil.year_group.str.strip().str.upper().isin(pc.BELOW_COMPULSORY_AGE)]
per_pupil["persistent"] = per_pupil.absent * 100 >= 10 * per_pupil.possible
per_pupil["severe"] = per_pupil.absent * 100 >= 50 * per_pupil.possible
per_pupil["enrolments"] = 1
att = per_pupil.groupby("urn")[["possible", "absent", "unauthorised", "persistent", "severe", "enrolments"]].sum()
put("attendance.overall_absence", "all", att.absent, att.possible)
put("attendance.unauthorised_absence", "all", att.unauthorised, att.possible)
put("attendance.persistent_absence", "all", att.persistent, att.enrolments)
put("attendance.severe_absence", "all", att.severe, att.enrolments)

# Finance: reserves over GAG; a forecast year takes the latest complete monitoring outturn as its
# expenditure; the trust adds every row of the year (central included).
mo = monitoring[monitoring.financial_year == pc.YEAR]
mo = pd.DataFrame({"urn": mo.urn, "month": pd.to_numeric(mo.month), "outturn": pd.to_numeric(mo.forecast_outturn, errors="coerce")})
mo = mo[mo.month == mo.groupby("urn").month.transform("max")].groupby("urn").outturn.agg(["sum", "count", "size"])
outturn = mo["sum"].where(mo["count"] == mo["size"])
f = finance[finance.financial_year == pc.YEAR]
num = lambda c: pd.to_numeric(f[c])
forecast = (num("revenue_reserves_brought_forward") + num("total_income") - f.urn.map(outturn)).where(f.status != "actual")
f = pd.DataFrame({"urn": f.urn, "gag": num("gag_income"), "reserves": forecast.fillna(num("revenue_reserves_carried_forward"))})
fs = f[f.urn.isin(urns)].groupby("urn").sum()
for urn in fs.index:
    counts[(urn, "finance.reserves_pct_gag", "all")] = (float(fs.reserves[urn]), float(fs.gag[urn]))
counts[("TRUST", "finance.reserves_pct_gag", "all")] = (float(f.reserves.sum()), float(f.gag.sum()))

rows = pc.measure_rows(urns + ["TRUST"], counts)
os.makedirs(out, exist_ok=True)
pc.write_measures_csv(os.path.join(out, "measures.csv"), rows)
t2 = time.time()

# Workbooks: per school its measures, its KS2 pupils and its pupils' attendance; the trust all measures.
per_pupil["rate"] = per_pupil.absent * 100.0 / per_pupil.possible
ks2_by = {urn: g for urn, g in k[pc.KS2_HEADER[:-1] + ["rwm_expected", "urn"]].groupby("urn")}
att_by = {urn: g for urn, g in per_pupil[["upn", "possible", "absent", "unauthorised", "rate", "urn"]].groupby("urn")}
measures_by = {}
for r in rows:
    measures_by.setdefault(r[0], []).append(r)
books = pc.Workbooks(out)
empty = pd.DataFrame(columns=["x"])
for urn in urns:
    kg = ks2_by.get(urn, empty).iloc[:, :8]
    ag = att_by.get(urn, empty).iloc[:, :5]
    books.write(f"{urn}.xlsx", pc.sheets_for_school(measures_by.get(urn, []), kg.itertuples(index=False, name=None),
                                                    ag.itertuples(index=False, name=None)))
books.write("trust.xlsx", [("Measures", pc.MEASURE_HEADER, pc.MEASURE_KINDS, rows)])
t3 = time.time()
print(json.dumps({"kind": "pandas", "seconds": t3 - t0, "import": t1 - t0, "measures": t2 - t1, "write": t3 - t2,
                  "cells": books.cells, "workbooks": books.books}))
