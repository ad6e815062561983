#!/usr/bin/env python3
"""Benchmark peer 2: polars. The job of peer_common.py as lazy queries over `scan_csv` (polars plans each
query, reads only the columns it needs and runs on every core), collected together, then the workbooks
written row by row with XlsxWriter from the collected frames.

    python3 polars_peer.py DATA_DIR OUT_DIR      prints one JSON line with stage times and cells written
"""
import json
import os
import sys
import time

import polars as pl

import peer_common as pc

data, out = sys.argv[1], sys.argv[2]
t0 = time.time()


def scan(name):
    return pl.scan_csv(os.path.join(data, name), infer_schema=False)   # every column as text


urns = pl.read_csv(os.path.join(data, "schools.csv"), infer_schema=False, columns=["urn"])["urn"].to_list()
roster = (scan("pupils.csv").filter(pl.col("academic_year") == pc.YEAR)
          .select("urn", "upn", "year_group", "disadvantaged").unique(["urn", "upn"], keep="first", maintain_order=True))

# KS2: each subject's own cohort; RWM over pupils in all three.
w_den, w_exp = pc.writing_codes()
k = scan("ks2.csv").filter(pl.col("academic_year") == pc.YEAR).join(roster, on=["urn", "upn"], how="left")
flags = []
for s in ["reading", "maths"]:
    cell = pl.col(s).str.strip_chars()
    scored = cell.str.contains(r"^\d+\+?$")
    flags += [(scored | cell.str.to_uppercase().is_in(pc.test_codes())).alias(f"{s}_den"),
              (scored & (cell.str.strip_chars_end("+").cast(pl.Int64, strict=False) >= 100)).fill_null(False).alias(f"{s}_exp")]
wcell = pl.col("writing").str.strip_chars().str.to_uppercase()
flags += [wcell.is_in(w_den).alias("writing_den"), wcell.is_in(w_exp).alias("writing_exp")]
k = k.with_columns(flags).with_columns(
    (pl.col("reading_den") & pl.col("writing_den") & pl.col("maths_den")).alias("rwm_den")).with_columns(
    (pl.col("rwm_den") & pl.col("reading_exp") & pl.col("writing_exp") & pl.col("maths_exp")).alias("rwm_expected"))
k = k.with_columns(pl.col("rwm_expected").alias("rwm_exp"))
sums = [pl.col(f"{s}_{x}").sum() for s in pc.SUBJECTS for x in ("den", "exp")]
ks2_all = k.group_by("urn").agg(sums)
ks2_dis = k.filter(pl.col("disadvantaged") == "Y").group_by("urn").agg(sums)

# Phonics: Year 1, met over met + not met.
met, counted = pc.phonics_codes()
ph = (scan("phonics.csv").filter((pl.col("academic_year") == pc.YEAR) & (pl.col("year_group") == "1"))
      .group_by("urn").agg(pl.col("outcome").is_in(met).sum().alias("met"), pl.col("outcome").is_in(counted).sum().alias("den")))

# Attendance: the year's marks counted per enrolment and code, each code's category looked up on those
# counts (not on 14 M rows), then summed per enrolment and per school.
category = pl.col("code").replace_strict(pc.attendance_categories(), default=None)
counted = lambda kinds: pl.col("n").filter(pl.col("category").is_in(list(kinds))).sum()
per_pupil = (scan("attendance_marks.csv").select("urn", "upn", "date", "code")
             .filter(pl.col("date").is_between(pl.lit(pc.YEAR_START), pl.lit(pc.YEAR_END)))
             .group_by("urn", "upn", "code").agg(pl.len().alias("n"))
             .with_columns(category.alias("category"))
             .group_by("urn", "upn", maintain_order=True)
             .agg(counted(pc.POSSIBLE).alias("possible"), counted(pc.ABSENT).alias("absent"),
                  counted(pc.UNAUTHORISED).alias("unauthorised"))
             .filter(pl.col("possible") > 0)
             # Compulsory school age only: Reception enrolments out (pupils not on the roster stay in).
             .join(roster.select("urn", "upn", "year_group"), on=["urn", "upn"], how="left")
             .filter(~pl.col("year_group").str.strip_chars().str.to_uppercase().is_in(pc.BELOW_COMPULSORY_AGE).fill_null(False))
             .with_columns((pl.col("absent") * 100.0 / pl.col("possible")).alias("absence_rate")))
att = per_pupil.group_by("urn").agg(
    pl.col("possible").sum(), pl.col("absent").sum(), pl.col("unauthorised").sum(),
    (pl.col("absent") * 100 >= 10 * pl.col("possible")).sum().alias("persistent"),
    (pl.col("absent") * 100 >= 50 * pl.col("possible")).sum().alias("severe"),
    pl.len().alias("enrolments"))

# Finance: reserves over GAG; a forecast year takes the latest complete monitoring outturn as its
# expenditure; the trust adds every row of the year (central included).
outturn = (scan("budget_monitoring.csv").filter(pl.col("financial_year") == pc.YEAR)
           .with_columns(pl.col("month").cast(pl.Int64), pl.col("forecast_outturn").cast(pl.Float64, strict=False))
           .filter(pl.col("month") == pl.col("month").max().over("urn"))
           .group_by("urn").agg(pl.when(pl.col("forecast_outturn").null_count() == 0)
                                .then(pl.col("forecast_outturn").sum()).alias("outturn")))
number = lambda c: pl.col(c).cast(pl.Float64)
fin = (scan("finance.csv").filter(pl.col("financial_year") == pc.YEAR).join(outturn, on="urn", how="left")
       .select("urn", number("gag_income").alias("gag"),
               pl.when((pl.col("status") != "actual") & pl.col("outturn").is_not_null())
               .then(number("revenue_reserves_brought_forward") + number("total_income") - pl.col("outturn"))
               .otherwise(number("revenue_reserves_carried_forward")).alias("reserves")))

k, ks2_all, ks2_dis, ph, per_pupil, att, fin = pl.collect_all([k, ks2_all, ks2_dis, ph, per_pupil, att, fin])
t1 = time.time()

counts = {}


def put(frame, measure, group, num, den):
    for urn, n, d in frame.select("urn", num, den).iter_rows():
        counts[(urn, measure, group)] = (n, d)
    n, d = frame.select(pl.col(num).sum(), pl.col(den).sum()).row(0)
    counts[("TRUST", measure, group)] = (n, d)


for frame, group in [(ks2_all, "all"), (ks2_dis, "disadvantaged")]:
    for s in pc.SUBJECTS:
        put(frame, f"ks2.{s}.expected", group, f"{s}_exp", f"{s}_den")
put(ph, "phonics.y1.expected", "all", "met", "den")
put(att, "attendance.overall_absence", "all", "absent", "possible")
put(att, "attendance.unauthorised_absence", "all", "unauthorised", "possible")
put(att, "attendance.persistent_absence", "all", "persistent", "enrolments")
put(att, "attendance.severe_absence", "all", "severe", "enrolments")
schools_fin = fin.filter(pl.col("urn").is_in(urns)).group_by("urn").agg(pl.col("reserves").sum(), pl.col("gag").sum())
for urn, reserves, gag in schools_fin.iter_rows():
    counts[(urn, "finance.reserves_pct_gag", "all")] = (reserves, gag)
counts[("TRUST", "finance.reserves_pct_gag", "all")] = fin.select(pl.col("reserves").sum(), pl.col("gag").sum()).row(0)

rows = pc.measure_rows(urns + ["TRUST"], counts)
os.makedirs(out, exist_ok=True)
pc.write_measures_csv(os.path.join(out, "measures.csv"), rows)
t2 = time.time()

# Workbooks: per school its measures, its KS2 pupils and its pupils' attendance; the trust all measures.
ks2_by = k.select(pc.KS2_HEADER + ["urn"]).partition_by("urn", as_dict=True, include_key=False)
att_by = per_pupil.select(pc.ATTENDANCE_HEADER + ["urn"]).partition_by("urn", as_dict=True, include_key=False)
measures_by = {}
for r in rows:
    measures_by.setdefault(r[0], []).append(r)
books = pc.Workbooks(out)
for urn in urns:
    kg, ag = ks2_by.get((urn,)), att_by.get((urn,))
    books.write(f"{urn}.xlsx", pc.sheets_for_school(measures_by.get(urn, []), kg.iter_rows() if kg is not None else [],
                                                    ag.iter_rows() if ag is not None else []))
books.write("trust.xlsx", [("Measures", pc.MEASURE_HEADER, pc.MEASURE_KINDS, rows)])
t3 = time.time()
# polars computes lazily: reading and computing happen together in collect_all, so "import" is both.
print(json.dumps({"kind": "polars", "seconds": t3 - t0, "import": t1 - t0, "measures": t2 - t1, "write": t3 - t2,
                  "cells": books.cells, "workbooks": books.books}))
