#!/usr/bin/env python3
"""Benchmark peer 3: DuckDB. The job of peer_common.py as SQL over the CSV files (DuckDB's parallel CSV
reader and hash aggregates run on every core; the roster, code and cohort rules are SQL), then the
workbooks written row by row with XlsxWriter from the fetched result rows.

    python3 duckdb_peer.py DATA_DIR OUT_DIR      prints one JSON line with stage times and cells written
"""
import itertools
import json
import os
import sys
import time

import duckdb

import peer_common as pc

data, out = sys.argv[1], sys.argv[2]
t0 = time.time()
db = duckdb.connect()


def csv(name):
    path = os.path.join(data, name).replace("'", "''")
    return f"read_csv('{path}', header = true, all_varchar = true)"


def quoted(values):
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


urns = [r[0] for r in db.sql(f"SELECT urn FROM {csv('schools.csv')}").fetchall()]
w_den, w_exp = pc.writing_codes()
met, counted = pc.phonics_codes()
categories = pc.attendance_categories()
in_cats = lambda cats: quoted(c for c, cat in categories.items() if cat in cats)

# KS2: each subject's own cohort; RWM over pupils in all three. Kept as a table for the pupil sheets.
db.sql(f"""
CREATE TABLE ks2 AS
WITH roster AS (
  SELECT urn, upn, first(disadvantaged) AS disadvantaged FROM {csv('pupils.csv')}
  WHERE academic_year = '{pc.YEAR}' GROUP BY urn, upn),
k AS (
  SELECT k.urn, k.upn, surname, forename, reading, maths, gps, writing, r.disadvantaged,
    regexp_full_match(trim(reading), '\\d+\\+?') AS r_score, regexp_full_match(trim(maths), '\\d+\\+?') AS m_score
  FROM {csv('ks2.csv')} k LEFT JOIN roster r ON k.urn = r.urn AND k.upn = r.upn
  WHERE academic_year = '{pc.YEAR}'),
f AS (
  SELECT *,
    r_score OR upper(trim(reading)) IN ({quoted(pc.test_codes())}) AS reading_den,
    r_score AND coalesce(TRY_CAST(rtrim(trim(reading), '+') AS INTEGER) >= 100, false) AS reading_exp,
    m_score OR upper(trim(maths)) IN ({quoted(pc.test_codes())}) AS maths_den,
    m_score AND coalesce(TRY_CAST(rtrim(trim(maths), '+') AS INTEGER) >= 100, false) AS maths_exp,
    upper(trim(writing)) IN ({quoted(w_den)}) AS writing_den,
    upper(trim(writing)) IN ({quoted(w_exp)}) AS writing_exp
  FROM k)
SELECT *, reading_den AND writing_den AND maths_den AS rwm_den,
  reading_den AND writing_den AND maths_den AND reading_exp AND writing_exp AND maths_exp AS rwm_exp
FROM f""")

# Attendance: the year's marks, counted per enrolment then per school. Kept as a table for the sheets.
db.sql(f"""
CREATE TABLE per_pupil AS
SELECT m.urn, m.upn, possible, absent, unauthorised, absent * 100.0 / possible AS absence_rate FROM (
  SELECT urn, upn,
    count(*) FILTER (WHERE code IN ({in_cats(pc.POSSIBLE)})) AS possible,
    count(*) FILTER (WHERE code IN ({in_cats(pc.ABSENT)})) AS absent,
    count(*) FILTER (WHERE code IN ({in_cats(pc.UNAUTHORISED)})) AS unauthorised
  FROM {csv('attendance_marks.csv')}
  WHERE date BETWEEN '{pc.YEAR_START}' AND '{pc.YEAR_END}'
  GROUP BY urn, upn) m
-- Compulsory school age only: Reception enrolments out (pupils not on the roster stay in).
LEFT JOIN (SELECT urn, upn, first(year_group) AS year_group FROM {csv('pupils.csv')}
           WHERE academic_year = '{pc.YEAR}' GROUP BY urn, upn) r ON m.urn = r.urn AND m.upn = r.upn
WHERE possible > 0 AND coalesce(upper(trim(r.year_group)) NOT IN ({quoted(pc.BELOW_COMPULSORY_AGE)}), true)""")
t1 = time.time()

counts = {}
subject_sums = ", ".join(f"count(*) FILTER (WHERE {s}_exp), count(*) FILTER (WHERE {s}_den)" for s in pc.SUBJECTS)
queries = [
    ("ks2_all", f"SELECT urn, {subject_sums} FROM ks2 GROUP BY ROLLUP (urn)"),
    ("ks2_dis", f"SELECT urn, {subject_sums} FROM ks2 WHERE disadvantaged = 'Y' GROUP BY ROLLUP (urn)"),
    ("phonics", f"""SELECT urn, count(*) FILTER (WHERE outcome IN ({quoted(met)})), count(*) FILTER (WHERE outcome IN ({quoted(counted)}))
                    FROM {csv('phonics.csv')} WHERE academic_year = '{pc.YEAR}' AND year_group = '1' GROUP BY ROLLUP (urn)"""),
    ("attendance", """SELECT urn, sum(absent), sum(possible), sum(unauthorised), sum(possible),
                        count(*) FILTER (WHERE absent * 100 >= 10 * possible), count(*),
                        count(*) FILTER (WHERE absent * 100 >= 50 * possible), count(*)
                      FROM per_pupil GROUP BY ROLLUP (urn)"""),
    # A forecast year takes the latest complete monitoring outturn as its expenditure.
    ("finance", f"""WITH m AS (
                      SELECT urn, CAST(month AS INTEGER) AS month, TRY_CAST(forecast_outturn AS DOUBLE) AS outturn,
                             max(CAST(month AS INTEGER)) OVER (PARTITION BY urn) AS latest
                      FROM {csv('budget_monitoring.csv')} WHERE financial_year = '{pc.YEAR}'),
                    o AS (SELECT urn, CASE WHEN count(outturn) = count(*) THEN sum(outturn) END AS outturn
                          FROM m WHERE month = latest GROUP BY urn),
                    f AS (SELECT f.urn, CAST(gag_income AS DOUBLE) AS gag,
                            CASE WHEN status <> 'actual' AND o.outturn IS NOT NULL
                                 THEN CAST(revenue_reserves_brought_forward AS DOUBLE) + CAST(total_income AS DOUBLE) - o.outturn
                                 ELSE CAST(revenue_reserves_carried_forward AS DOUBLE) END AS reserves
                          FROM {csv('finance.csv')} f LEFT JOIN o ON f.urn = o.urn WHERE financial_year = '{pc.YEAR}')
                    SELECT urn, sum(reserves), sum(gag) FROM f GROUP BY ROLLUP (urn)"""),
]
names = {"ks2_all": [(f"ks2.{s}.expected", "all") for s in pc.SUBJECTS],
         "ks2_dis": [(f"ks2.{s}.expected", "disadvantaged") for s in pc.SUBJECTS],
         "phonics": [("phonics.y1.expected", "all")],
         "attendance": [(f"attendance.{m}", "all") for m in pc.ATTENDANCE],
         "finance": [("finance.reserves_pct_gag", "all")]}
for name, sql in queries:
    for row in db.sql(sql).fetchall():
        urn = "TRUST" if row[0] is None else row[0]   # ROLLUP's grand total is the pooled trust
        for i, (measure, group) in enumerate(names[name]):
            counts[(urn, measure, group)] = (row[1 + 2 * i], row[2 + 2 * i])

rows = pc.measure_rows(urns + ["TRUST"], counts)
os.makedirs(out, exist_ok=True)
pc.write_measures_csv(os.path.join(out, "measures.csv"), rows)
t2 = time.time()

# Workbooks: per school its measures, its KS2 pupils and its pupils' attendance; the trust all measures.
ks2_cols = ", ".join(pc.KS2_HEADER[:-1])
ks2_rows = db.sql(f"SELECT urn, {ks2_cols}, rwm_exp FROM ks2 ORDER BY urn").fetchall()
att_rows = db.sql("SELECT urn, upn, possible, absent, unauthorised, absence_rate FROM per_pupil ORDER BY urn").fetchall()
ks2_by = {urn: [r[1:] for r in g] for urn, g in itertools.groupby(ks2_rows, key=lambda r: r[0])}
att_by = {urn: [r[1:] for r in g] for urn, g in itertools.groupby(att_rows, key=lambda r: r[0])}
measures_by = {}
for r in rows:
    measures_by.setdefault(r[0], []).append(r)
books = pc.Workbooks(out)
for urn in urns:
    books.write(f"{urn}.xlsx", pc.sheets_for_school(measures_by.get(urn, []), ks2_by.get(urn, []), att_by.get(urn, [])))
books.write("trust.xlsx", [("Measures", pc.MEASURE_HEADER, pc.MEASURE_KINDS, rows)])
t3 = time.time()
print(json.dumps({"kind": "duckdb", "seconds": t3 - t0, "import": t1 - t0, "measures": t2 - t1, "write": t3 - t2,
                  "cells": books.cells, "workbooks": books.books}))
