"""What the three benchmark peers share: the job's definitions, read from trustdata's own reference
tables, and one workbook writer, so the peers differ only in how they read and compute.

The job (the headline figures of the pipeline year, per school and pooled for the trust; trustdata's
measure ids, so `check_peers.py` can compare them with trustdata's `measures.csv`):
  ks2.{reading,writing,maths,rwm}.expected  all and disadvantaged: % at the expected standard over each
      subject's own eligible cohort (a scaled score, or a code counted in the denominator by
      inputs/reference/ks2-codes.csv; RWM over pupils in all three cohorts); disadvantaged from the
      pipeline year's roster (pupils.csv) joined on URN and UPN
  phonics.y1.expected  all: Year 1, outcomes that meet the standard over every outcome phonics-codes.csv
      does not mark `excluded`
  attendance.{overall,unauthorised}_absence  all: sessions over possible sessions, from the session marks
  attendance.{persistent,severe}_absence  all: enrolments missing >= 10% / >= 50% of their own possible
      sessions, over enrolments with a possible session (a pupil at two schools counts at each)
      Scope (DfE): pupils of compulsory school age; an enrolment whose roster year group that year is
      Reception (or nursery) is left out; one not on the roster stays in
  finance.reserves_pct_gag  all: revenue reserves carried forward over GAG; for a year that is not
      actual, with a complete budget-monitoring outturn (every cost centre of the latest month), reserves
      = brought forward + income - that outturn (trustdata's one forecast); the trust adds up every row of
      the year, central services included

Workbooks: one per school (Measures, KS2 pupils, Attendance per pupil) and trust.xlsx (Measures), written
with XlsxWriter in constant-memory mode strictly row by row, so every cell handed to it is in the file;
`bench.py` reads the files back and checks the count.
"""
import csv
import os

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "inputs", "reference")

YEAR = "2024/25"
# The academic year's dates (ISO text compares in date order), for the session marks.
YEAR_START, YEAR_END = "2024-09-01", "2025-08-31"

SUBJECTS = ["reading", "writing", "maths", "rwm"]
ATTENDANCE = ["overall_absence", "unauthorised_absence", "persistent_absence", "severe_absence"]

MEASURE_HEADER = ["urn", "measure", "group", "numerator", "denominator", "value"]
KS2_HEADER = ["upn", "surname", "forename", "reading", "maths", "gps", "writing", "rwm_expected"]
ATTENDANCE_HEADER = ["upn", "possible", "absent", "unauthorised", "absence_rate"]


def _rows(name):
    with open(os.path.join(REFERENCE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def attendance_categories():
    """Code -> category for the codes valid on every day of the year (attendance-codes.csv is dated:
    H, J and Y ended on 18 Aug 2024). Stops if a code changes meaning inside the year, since a per-year
    table would then be wrong for part of it."""
    table = {}
    for r in _rows("attendance-codes.csv"):
        start, end = r["valid_from"] or "0000-00-00", r["valid_to"] or "9999-99-99"
        if YEAR_START < start <= YEAR_END or YEAR_START <= end < YEAR_END:
            raise SystemExit(f"attendance code {r['code']} changes meaning inside {YEAR}")
        if start <= YEAR_START and end >= YEAR_END:
            table[r["code"]] = r["category"]
    return table


# Roster year groups below compulsory school age (trustdata reads R, Reception, Rec as 0).
BELOW_COMPULSORY_AGE = ["R", "RECEPTION", "REC", "0"]

POSSIBLE = {"present", "approved_activity", "authorised_absence", "unauthorised_absence"}
ABSENT = {"authorised_absence", "unauthorised_absence"}
UNAUTHORISED = {"unauthorised_absence"}


def ks2_codes():
    """(kind, CODE) -> (in the denominator, at the expected standard), from ks2-codes.csv: the rows
    valid in the pipeline's year (codes are dated by academic year, e.g. PK1-PK6 from 2018/19)."""
    return {(r["subject_kind"], r["code"].upper()): (r["in_denominator"] == "yes", r["counts_as"] in ("expected", "higher"))
            for r in _rows("ks2-codes.csv")
            if (not r["valid_from"] or r["valid_from"] <= YEAR) and (not r["valid_to"] or r["valid_to"] >= YEAR)}


def test_codes():
    """Test codes counted in the denominator (as not met)."""
    return sorted(code for (kind, code), (den, _) in ks2_codes().items() if kind == "test" and den)


def writing_codes():
    """Writing outcomes in the denominator, and those at the expected standard."""
    codes = ks2_codes()
    return (sorted(c for (k, c), (den, _) in codes.items() if k == "writing" and den),
            sorted(c for (k, c), (den, exp) in codes.items() if k == "writing" and den and exp))


def phonics_codes():
    """Outcomes that meet the standard, and outcomes in the denominator (every code the table does not
    mark `excluded`), from phonics-codes.csv."""
    rows = _rows("phonics-codes.csv")
    return ([r["code"] for r in rows if r["counts_as"] == "met"],
            [r["code"] for r in rows if r["counts_as"] != "excluded"])


def pct(num, den):
    return num * 100.0 / den if den else None


def write_measures_csv(path, rows):
    """Values to 6 decimals: trustdata's measures.csv rounds to 4, so the comparison allows half a unit
    of its last place (an exact tie such as 3/384 = 0.78125 may round either way)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(MEASURE_HEADER)
        for r in rows:
            w.writerow([("" if v is None else f"{v:.6f}") if i == 5 else v for i, v in enumerate(r)])


class Workbooks:
    """Writes every workbook row by row (constant memory: rows must come in order, which they do) and
    counts the cells written, for the read-back check."""

    def __init__(self, folder):
        self.folder = folder
        self.cells = 0
        self.books = 0
        os.makedirs(folder, exist_ok=True)

    def write(self, name, sheets):
        """sheets: [(sheet name, header, kinds, rows)]; kinds per column: 's' text, 'n' number, 'b' bool.
        A None or NaN cell is left empty (XlsxWriter writes no element for it)."""
        wb = xlsxwriter.Workbook(os.path.join(self.folder, name), {"constant_memory": True})
        bold = wb.add_format({"bold": True})
        n = 0
        for title, header, kinds, rows in sheets:
            ws = wb.add_worksheet(title)
            for c, h in enumerate(header):
                ws.write_string(0, c, h, bold)
            n += len(header)
            writers = [{"s": ws.write_string, "n": ws.write_number, "b": ws.write_boolean}[k] for k in kinds]
            r = 0
            for r, row in enumerate(rows, 1):
                for c, v in enumerate(row):
                    if v is None or v != v:
                        continue
                    writers[c](r, c, v)
                    n += 1
        wb.close()
        self.cells += n
        self.books += 1


MEASURE_KINDS = "sssnnn"
KS2_KINDS = "sssssssb"
ATTENDANCE_KINDS = "snnnn"

# (measure, group) in the order every Measures sheet and measures.csv lists them.
ORDER = ([(f"ks2.{s}.expected", g) for g in ("all", "disadvantaged") for s in SUBJECTS]
         + [("phonics.y1.expected", "all")]
         + [(f"attendance.{m}", "all") for m in ATTENDANCE]
         + [("finance.reserves_pct_gag", "all")])


def measure_rows(urns, counts):
    """counts: {(urn, measure, group): (numerator, denominator)} -> measures.csv rows for every URN in
    `urns` (schools, then TRUST) in ORDER; a figure with no data is not listed."""
    rows = []
    for urn in urns:
        for measure, group in ORDER:
            nd = counts.get((urn, measure, group))
            if nd is None:
                continue
            num, den = nd
            rows.append((urn, measure, group, num, den, pct(num, den)))
    return rows


def sheets_for_school(measures, ks2_rows, attendance_rows):
    return [("Measures", MEASURE_HEADER, MEASURE_KINDS, measures),
            ("KS2", KS2_HEADER, KS2_KINDS, ks2_rows),
            ("Attendance", ATTENDANCE_HEADER, ATTENDANCE_KINDS, attendance_rows)]
