#!/usr/bin/env python3
"""Regenerate inputs/benchmarks/national.csv and la.csv from the published DfE files.

Maintainer tool only: trustdata never runs this at run time; it reads the committed CSVs.
Reads ../shared/dfe/ relative to the repository root (i.e. /work/shared/dfe in the dev box; from a
worktree at /work/wt/<name> it falls back to ../../shared/dfe; or pass the folder as argument 1),
writes national.csv and la.csv next to this script, and prints a summary (skipped cells,
cross-checks between LAIT and the EES KS2 LA table) to stdout.

Usage (from the repository root):  python3 inputs/benchmarks/extract_benchmarks.py
Only the Python standard library is used.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# ../shared/dfe relative to the repository root; a git worktree under /work/wt/<name> has the
# shared folder one level further up, so that is tried too. An explicit path argument wins.
_CANDIDATES = [os.path.join(REPO, "..", "shared", "dfe"), os.path.join(REPO, "..", "..", "shared", "dfe")]
DFE = next((os.path.normpath(c) for c in _CANDIDATES if os.path.isdir(c)), os.path.normpath(_CANDIDATES[0]))
if len(sys.argv) > 1:
    DFE = sys.argv[1]

LAIT = os.path.join(DFE, "benchmarks", "lait_ks2_phonics_absence.csv")
KS2_CHAR = os.path.join(DFE, "benchmarks", "ks2_national_pupil_characteristics_2016_to_2022_provisional.csv")
KS2_LA = os.path.join(DFE, "benchmarks", "ks2_regional_and_local_authority_2016_to_2022_provisional.csv")
LAIT_GROUPS = os.path.join(DFE, "benchmarks", "lait_eyfs_mtc_exclusions_ks2groups_context.csv")
# Attendance collection, autumn term of each year (whole term) and year to date as first published.
TERMLY_AUT = {y: os.path.join(DFE, "attendance", f"termly_{y}", "EES_aut_data.csv") for y in ("2022-23", "2023-24", "2024-25")}
YTD_FILES = {"2025-26_to_2026-01-09": os.path.join(DFE, "attendance", "ytd_2025-26_to_2026-01-09", "EES_ytd_data.csv")}
WEEK_2425 = os.path.join(DFE, "attendance", "week_29_persistent_absence.csv")
EYFSP = os.path.join(DFE, "eyfs", "1_eyfsp_headline_measures_2022_2025_national_extract.csv")
EYFSP_SRC = ("DfE EYFS profile results (explore-education-statistics 1_eyfsp_headline_measures_2022_2025.csv via "
             "HollyMorley/school-readiness-and-deprivation-england data/raw/eyfsp/ @9a66309; national extract "
             "1_eyfsp_headline_measures_2022_2025_national_extract.csv)")

# EYFS profile national release: (breakdown_topic, breakdown, sex) -> group; columns -> measure. Unrounded.
EYFSP_GROUPS = {
    ("Total", "Total", "Total"): "all",
    ("Total", "Total", "Female"): "girls",
    ("Total", "Total", "Male"): "boys",
    ("First language", "Other than English", "Total"): "eal",
    ("First language", "English", "Total"): "not_eal",
    ("Free school meal eligibility", "Eligible for free school meals", "Total"): "fsm",
    ("Free school meal eligibility", "Not eligible for free school meals", "Total"): "not_fsm",
    ("SEN provision", "No SEN provision", "Total"): "no_sen",
    ("SEN provision", "SEN support / SEN without an EHC plan", "Total"): "sen_support",
    ("SEN provision", "Education, health and care plan", "Total"): "ehcp",
}
EYFSP_COLS = [
    ("gld_children_percent", "eyfs.gld"),
    ("all_elgs_expected_children_percent", "eyfs.all_elgs.expected"),
    ("comm_lang_lit_expected_children_percent", "eyfs.comm_lang_lit.expected"),
    ("elgs_expected_average", "eyfs.average_elgs"),
]

# LAIT second extract: EYFS (2021/22 reformed profile onwards only), MTC, suspensions/exclusions.
# code -> (measure, group); decimals kept: 2 unless LAIT_MORE_DP says otherwise.
LAIT_MORE_MEASURES = {
    "FSP_NEW_GOODDEV": ("eyfs.gld", "all"),
    "FSP_Gooddev_FSM": ("eyfs.gld", "fsm"),
    "FSP_Gooddev_FSM_Other": ("eyfs.gld", "not_fsm"),
    "FSP_Gooddev_Without_SENSTATE": ("eyfs.gld", "sen_support"),   # SEN without statement/EHCP = SEN support
    "FSP_Gooddev_With_SENSTATE": ("eyfs.gld", "ehcp"),             # with statement/EHCP
    "FSP_NEW_ALL-ELGS": ("eyfs.all_elgs.expected", "all"),
    "FSPAVEPreChild": ("eyfs.average_elgs", "all"),
    "FSP_NEW_COMMS": ("eyfs.communication_language.expected", "all"),
    "FSP_NEW_PSE": ("eyfs.psed.expected", "all"),
    "FSP_NEW_PHY": ("eyfs.physical.expected", "all"),
    "FSP_NEW_LIT": ("eyfs.literacy.expected", "all"),
    "FSP_NEW_MATHS": ("eyfs.maths.expected", "all"),
    "FSP_NEW_WORLD": ("eyfs.understanding_world.expected", "all"),
    "FSP_NEW_ART": ("eyfs.expressive_arts.expected", "all"),
    "Multiplication_Total_APS": ("mtc.average_score", "all"),
    "Multiplication_Total": ("mtc.full_marks", "all"),
    "Multiplication_SENDSupport": ("mtc.full_marks", "sen_support"),
    "Multiplication_EHCP": ("mtc.full_marks", "ehcp"),
    "PriFixedEx": ("exclusions.suspension_rate", "all"),
    "PriPermEx": ("exclusions.permanent_exclusion_rate", "all"),
    "Pri_ Pup_FixedEx": ("exclusions.one_or_more_suspensions", "all"),
}
# Rates per 100 pupils on roll: LAIT stores them unrounded (2.5839999999999998E-2), so 5 dp are kept.
LAIT_MORE_DP = {"PriFixedEx": 5, "PriPermEx": 5, "Pri_ Pup_FixedEx": 5}
LAIT_MORE_NOTE = {
    "FSP": "EYFS profile (all children assessed; LAIT rounds DfE's figure to 1 dp)",
    "Mul": "multiplication tables check, state-funded schools (full marks: % of eligible pupils scoring 25; average score of pupils who took the check)",
    "Pri": "suspensions / permanent exclusions, state-funded primary schools, per 100 pupils on roll (headcount); one-or-more: % of pupils",
}

# la.csv scope. Every LA (~157) would make la.csv ~15 MB, far above the 3 MB budget, so la.csv holds
# the sample trust's LAs (Essex 881, Suffolk 935) plus Hampshire 850. Add LA numbers here to widen it.
LA_CODES = {881: "Essex", 935: "Suffolk", 850: "Hampshire"}

SUPPRESSED = {"", "-", "x", "c", "z", "k", "u", "supp", "na", "ne", "lowcov", "np", ":", ".."}

LAIT_SRC = ("DfE LAIT (local-authority-interactive-tool 01_data/02_prod/bds_long_0.parquet @2e30e39, "
            "filtered copy lait_ks2_phonics_absence.csv)")
CHAR_SRC = ("DfE EES KS2 attainment: national pupil characteristics "
            "(ks2_national_pupil_characteristics_2016_to_2022_provisional.csv, OrionSehn-personal/CMPT450 @8c2e20e)")
KS2LA_SRC = ("DfE EES KS2 attainment: regional and local authority "
             "(ks2_regional_and_local_authority_2016_to_2022_provisional.csv, OrionSehn-personal/CMPT450 @8c2e20e)")
LAITG_SRC = ("DfE LAIT (local-authority-interactive-tool 01_data/02_prod/bds_long_0.parquet @2e30e39, "
             "filtered copy lait_eyfs_mtc_exclusions_ks2groups_context.csv)")
TERMLY_COMMIT = {"2022-23": "f79f40a", "2023-24": "84c23e2", "2024-25": "f9c6744"}
ATT_SRC = ("DfE pupil attendance in schools, daily attendance collection (dfe-analytical-services/"
           "attendance-data-dashboard data/{file} @{commit})")

# LAIT KS2 RWM by pupil group (LA-table basis, state-funded schools), 2015/16-2024/25.
LAIT_GROUP_MEASURES = {
    "DAP_NEW_KS2_RWM": ("ks2.rwm.expected", "disadvantaged"),
    "NonDAP_NEW_KS2_RWM": ("ks2.rwm.expected", "not_disadvantaged"),
    "NEW_KS2_RWM_Sen_W/Osta": ("ks2.rwm.expected", "sen_support"),      # SEN without a statement/EHC plan = SEN support
    "NEW_KS2_RWM_Sen_Withsta": ("ks2.rwm.expected", "ehcp"),            # statement or EHC plan
    "NoID_SEN_NEW_KS2_RWM": ("ks2.rwm.expected", "no_sen"),
}

# LAIT context measures (primary, January census) -> (measure id, group); what each figure is in LAIT_CONTEXT_WHAT.
LAIT_CONTEXT_MEASURES = {
    "EALPri": ("context.eal", "all"),
    "PrimNoStatements": ("context.sen_support", "all"),
    "PrimStatements": ("context.ehcp", "all"),
    "Ever6_FSM_Prim": ("context.disadvantaged", "all"),
}
LAIT_CONTEXT_WHAT = {
    "EALPri": "% of pupils whose first language is other than English",
    "PrimNoStatements": "% of pupils with SEN support (SEN without a statement or EHC plan)",
    "PrimStatements": "% of pupils with a statement or EHC plan",
    "Ever6_FSM_Prim": "% of pupils eligible for free school meals at any point in the last six years (Ever-6 FSM: the nearest published figure to disadvantaged, which also counts looked-after and previously looked-after children)",
}

# LAIT measure code -> (measure id, group id); values keep up to 2 dp as published
LAIT_MEASURES = {
    "KS2RWM_Expected_STD": ("ks2.rwm.expected", "all"),
    "KS2RWM_Higher_STD": ("ks2.rwm.higher", "all"),
    "KS2R_Expected_STD": ("ks2.reading.expected", "all"),
    "KS2R_Higher_STD": ("ks2.reading.higher", "all"),
    "KS2W_Teacher_Assess": ("ks2.writing.expected", "all"),
    "KS2GDW_Teacher_Assess": ("ks2.writing.higher", "all"),
    "KS2M_Expected_STD": ("ks2.maths.expected", "all"),
    "KS2M_Higher_STD": ("ks2.maths.higher", "all"),
    "KS2GPS_Expected_STD": ("ks2.gps.expected", "all"),
    "KS2GPS_Higher_STD": ("ks2.gps.higher", "all"),
    "KS2R_AVG_Scaled_Score": ("ks2.reading.average_scaled_score", "all"),
    "KS2M_AVG_Scaled_Score": ("ks2.maths.average_scaled_score", "all"),
    "KS2GPS_AVG_Scaled_Score": ("ks2.gps.average_scaled_score", "all"),
    "KS1P_all": ("phonics.y1.expected", "all"),
    "KS1P_SEND": ("phonics.y1.expected", "sen_support"),
    "KS1P_EHCP": ("phonics.y1.expected", "ehcp"),
    "KS1P_NonSEND": ("phonics.y1.expected", "no_sen"),
    "PriTotAbs": ("attendance.overall_absence", "all"),
    "SFPriPerAbNew": ("attendance.persistent_absence", "all"),
    "SFPriSevPerAbNew": ("attendance.severe_absence", "all"),
}
LAIT_NOTE = {
    "KS1P_all": "state-funded schools, Year 1 phonics screening check, all pupils",
    "KS1P_SEND": "state-funded schools, Year 1 phonics screening check, SEN support",
    "KS1P_EHCP": "state-funded schools, Year 1 phonics screening check, EHC plan",
    "KS1P_NonSEND": "state-funded schools, Year 1 phonics screening check, no SEN",
    "PriTotAbs": "state-funded primary schools, full academic year, % sessions missed (overall absence)",
    "SFPriPerAbNew": "state-funded primary schools, full academic year, % enrolments missing >=10% of sessions",
    "SFPriSevPerAbNew": "state-funded primary schools, full academic year, % enrolments missing >=50% of sessions",
}
# LAIT codes deliberately not used (reported in README)
LAIT_UNUSED = {"KS1P_FSM": "FSM-eligible is not the DfE 'disadvantaged' group",
               "KS2Sci_Teacher_Assess": "science TA is not a contract measure"}

EES_KS2_COLS = [
    ("pt_rwm_met_expected_standard", "ks2.rwm.expected"),
    ("pt_rwm_met_higher_standard", "ks2.rwm.higher"),
    ("pt_read_met_expected_standard", "ks2.reading.expected"),
    ("pt_read_met_higher_standard", "ks2.reading.higher"),
    ("pt_writta_met_expected_standard", "ks2.writing.expected"),
    ("pt_writta_met_higher_standard", "ks2.writing.higher"),
    ("pt_mat_met_expected_standard", "ks2.maths.expected"),
    ("pt_mat_met_higher_standard", "ks2.maths.higher"),
    ("pt_gps_met_expected_standard", "ks2.gps.expected"),
    ("pt_gps_met_higher_standard", "ks2.gps.higher"),
    ("avg_read_scaled_score", "ks2.reading.average_scaled_score"),
    ("avg_mat_scaled_score", "ks2.maths.average_scaled_score"),
    ("avg_gps_scaled_score", "ks2.gps.average_scaled_score"),
]
# (characteristic_group, characteristic, gender) -> group id
CHAR_GROUPS = {
    ("Disadvantage status", "Disadvantaged", "Total"): "disadvantaged",
    ("Disadvantage status", "Not known to be disadvantaged", "Total"): "not_disadvantaged",
    ("All pupils", "Total", "Girls"): "girls",
    ("All pupils", "Total", "Boys"): "boys",
    ("All pupils", "Total", "Total"): "all",
    ("SEN status", "SEN support", "Total"): "sen_support",
    ("SEN status", "EHC plan", "Total"): "ehcp",
    ("SEN status", "No SEN", "Total"): "no_sen",
    ("First language", "Known or believed to be other than English", "Total"): "eal",
    ("First language", "Known or believed to be English", "Total"): "not_eal",
}

YTD_COLS = [
    ("attendance_perc", "attendance.attendance_rate"),
    ("overall_absence_perc", "attendance.overall_absence"),
    ("authorised_absence_perc", "attendance.authorised_absence"),
    ("unauthorised_absence_perc", "attendance.unauthorised_absence"),
    ("pa_perc", "attendance.persistent_absence"),
]

skipped = Counter()        # (file, token) -> count of cells skipped
notes = []


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def is_missing(v):
    return v.strip().lower() in SUPPRESSED


def clean(v, dp=None):
    """Remove float noise: LAIT stores e.g. 4.0599999999999996 for 4.06 (never more than 2 dp)."""
    d = Decimal(v.strip())
    q = Decimal(1).scaleb(-(dp if dp is not None else 2))
    d = d.quantize(q, rounding=ROUND_HALF_UP).normalize()
    s = format(d, "f")
    return s


def lait_year(y):
    prov = y.endswith("(prov)")
    end = int(y.split()[0])
    return f"{end - 1}/{str(end)[2:]}", prov


def ees_year(tp):
    tp = tp.strip()
    return f"{tp[:4]}/{tp[4:]}"


class LaitRow:
    """One LAIT cell kept by `lait_rows`: its measure code and what trustdata calls it, where (England or
    an LA) and which year, and the value as LAIT stores it."""
    def __init__(self, r, code, measure, group, num, year, prov, value, national, la):
        self.code, self.measure, self.group, self.num = code, measure, group, num
        self.year, self.prov, self.value = year, prov, value
        self.years = r["Years"].strip()            # LAIT's own year text, quoted in the source
        self.england = num == 970
        self.where = "England row" if self.england else f"LA {num} row"
        self.out = national if self.england else la
        self.area = "England" if self.england else r["LA and Regions"].strip()

    def source(self, lait_src, where, note):
        """The source column: the LAIT file, the code, the year (provisional or not), the row and `note`."""
        return (f"{lait_src}, measure {self.code}, Years={self.years}{' (provisional)' if self.prov else ''}, {where}, {note}")


def lait_rows(path, table, tag, national, la, keep=None):
    """The rows of a LAIT extract whose measure code is in `table` (code -> (measure, group)), for England
    (970) and the LAs in LA_CODES (980-990 are regions and are left out), in a year `keep(code, year)`
    accepts (default: every year). Missing or suppressed values are counted in `skipped` under `tag`
    and the code, and left out."""
    for r in read(path):
        code = r["Short Desc"].strip()
        if code not in table:
            continue
        num = int(r["LA Number"])
        if num > 970 or (num != 970 and num not in LA_CODES):
            continue
        ytext = r["Years"].strip()
        # The second extract writes some years as 2023/24; the rest are exam years (2024, 2025 (prov)).
        year, prov = (ytext, False) if "/" in ytext else lait_year(ytext)
        if keep is not None and not keep(code, year):
            continue
        v = r["Values"]
        if is_missing(v):
            skipped[(tag, v.strip() or "(blank)", code)] += 1
            continue
        measure, group = table[code]
        yield LaitRow(r, code, measure, group, num, year, prov, v, national, la)


class Out:
    """Rows keyed by (year, area, measure, group, basis, period): a key may hold a KS2 figure on both the
    headline and the LA-table basis; part-year attendance figures have their own period."""
    def __init__(self):
        self.rows = {}

    def add(self, year, area, measure, group, value, source, basis, period=""):
        key = (year, area, measure, group, basis, period)
        if key in self.rows:
            raise SystemExit(f"duplicate key {key}: {self.rows[key]} vs {value} {source}")
        self.rows[key] = (value, source)

    def write(self, path):
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["year", "area", "measure", "group", "value", "basis", "period", "source"])
            for k in sorted(self.rows, key=lambda k: (k[1], k[2], k[3], k[5], k[4], k[0])):
                v, s = self.rows[k]
                w.writerow([k[0], k[1], k[2], k[3], v, k[4], k[5], s])
        return len(self.rows)


def main():
    national, la = Out(), Out()
    lait = read(LAIT)
    la_name_by_code = {}
    for r in lait:
        la_name_by_code[r["LA Number"].strip()] = r["LA and Regions"].strip()

    # ---- LAIT: England (970) and LAs
    lait_vals = {}
    for c in lait_rows(LAIT, LAIT_MEASURES, "lait", national, la):
        value = clean(c.value)
        lait_vals[(c.num, c.code, c.year)] = value
        where = c.where + (" (LA-table national figure)" if c.england and c.code.startswith("KS2") else "")
        src = c.source(LAIT_SRC, where, LAIT_NOTE.get(c.code, "state-funded schools, all pupils"))
        # Absence: the census-based absence statistics (full year); KS2 and phonics: the LA tables.
        basis = "absence_census" if c.code.startswith("SFPri") or c.code == "PriTotAbs" else "la_table"
        c.out.add(c.year, c.area, c.measure, c.group, value, src, basis)
        if c.code == "PriTotAbs":
            rate = format((Decimal(100) - Decimal(value)).normalize(), "f")
            c.out.add(c.year, c.area, "attendance.attendance_rate", "all", rate,
                      "derived as 100 − overall absence from " + src, basis)

    # ---- KS2 national by pupil characteristic (national headline release)
    for r in read(KS2_CHAR):
        if r["school_type"] != "State-funded schools" or r["geographic_level"] != "National":
            continue
        g = CHAR_GROUPS.get((r["characteristic_group"], r["characteristic"], r["gender"]))
        if not g:
            continue
        year = ees_year(r["time_period"])
        for col, measure in EES_KS2_COLS:
            v = r[col]
            if is_missing(v):
                skipped[("ks2_char", v.strip() or "(blank)", year)] += 1
                continue
            src = (f"{CHAR_SRC}, time_period {r['time_period']} {r['version']}, school_type State-funded schools, "
                   f"characteristic_group={r['characteristic_group']}, characteristic={r['characteristic']}, "
                   f"gender={r['gender']}, column {col} (national headline figure, whole % as published)")
            national.add(year, "England", measure, g, clean(v, 0) if not col.startswith("avg") else clean(v, 1), src, "headline")

    # ---- KS2 LA table (EES): girls/boys by LA (LAIT has all pupils only) + cross-check 'all' vs LAIT
    inv = {m: c for c, (m, g) in LAIT_MEASURES.items() if g == "all"}
    diffs, checked = [], 0
    for r in read(KS2_LA):
        if r["school_type"] != "State-funded schools":
            continue
        lvl = r["geographic_level"]
        if lvl not in ("National", "Local authority"):
            continue
        year = ees_year(r["time_period"])
        num = 970 if lvl == "National" else int(r["old_la_code"])
        if num != 970 and num not in LA_CODES:
            continue
        for col, measure in EES_KS2_COLS:
            v = r[col]
            if r["gender"] == "Total":
                if is_missing(v):
                    continue
                lv = lait_vals.get((num, inv[measure], year))
                if lv is not None:
                    checked += 1
                    if Decimal(lv) != Decimal(v):
                        diffs.append((year, num, measure, r["version"], v, lv))
                continue
            if lvl != "Local authority" or r["gender"] not in ("Girls", "Boys"):
                continue
            if is_missing(v):
                skipped[("ks2_la", v.strip() or "(blank)", year)] += 1
                continue
            area = la_name_by_code.get(str(num), r["la_name"])
            src = (f"{KS2LA_SRC}, time_period {r['time_period']} {r['version']}, school_type State-funded schools, "
                   f"LA {num} ({r['la_name']}), gender={r['gender']}, column {col} (LA table, whole % as published)")
            la.add(year, area, measure, r["gender"].lower(), clean(v, 0) if not col.startswith("avg") else clean(v, 1), src, "la_table")

    # ---- KS2 RWM by pupil group, LAIT (LA-table basis), national and LAs
    for c in lait_rows(LAIT_GROUPS, LAIT_GROUP_MEASURES, "lait_groups", national, la):
        where = c.where + (" (LA-table national figure)" if c.england else "")
        src = c.source(LAITG_SRC, where, "state-funded schools, KS2 % expected standard in reading, writing and maths")
        c.out.add(c.year, c.area, c.measure, c.group, clean(c.value), src, "la_table")

    # ---- EYFS profile, national release (unrounded, by sex, first language, FSM, SEN provision)
    eyfsp_keys = set()
    for r in read(EYFSP):
        if r["geographic_level"] != "National":
            continue
        g = EYFSP_GROUPS.get((r["breakdown_topic"], r["breakdown"], r["sex"]))
        if not g:
            continue
        year = ees_year(r["time_period"])
        for col, measure in EYFSP_COLS:
            v = r[col]
            if is_missing(v):
                skipped[("eyfsp", v.strip() or "(blank)", measure)] += 1
                continue
            src = (f"{EYFSP_SRC}, time_period {r['time_period']}, National, breakdown_topic={r['breakdown_topic']}, "
                   f"breakdown={r['breakdown']}, sex={r['sex']}, column {col} (unrounded as published)")
            national.add(year, "England", measure, g, clean(v, 6), src, "eyfsp_release")
            eyfsp_keys.add((year, measure, g))

    # ---- LAIT second extract: EYFS (reformed profile, 2021/22 on), MTC, suspensions and exclusions
    # The EYFS profile was reformed in 2021/22: earlier FSP figures measure something else.
    reformed = lambda code, year: not (code.startswith("FSP") and year < "2021/22")
    for c in lait_rows(LAIT_GROUPS, LAIT_MORE_MEASURES, "lait_more", national, la, keep=reformed):
        # England: the EYFS national release (unrounded) wins where it has the figure.
        if c.england and (c.year, c.measure, c.group) in eyfsp_keys:
            continue
        src = c.source(LAITG_SRC, c.where, LAIT_MORE_NOTE[c.code[:3]])
        c.out.add(c.year, c.area, c.measure, c.group, clean(c.value, LAIT_MORE_DP.get(c.code, 2)), src, "la_table")

    # ---- Context (school census, January, state-funded primary schools), LAIT, national and LAs:
    # the academy card's context block against national. `Years` 2025 = the January 2025 census = 2024/25.
    # Ever-6 FSM is the nearest published figure to "disadvantaged" (which also counts looked-after and
    # previously looked-after children): the source says so.
    for c in lait_rows(LAIT_GROUPS, LAIT_CONTEXT_MEASURES, "lait_context", national, la):
        src = c.source(LAITG_SRC, c.where, f"state-funded primary schools, January school census, {LAIT_CONTEXT_WHAT[c.code]}")
        c.out.add(c.year, c.area, c.measure, c.group, clean(c.value), src, "la_table")

    # ---- Attendance collection (primary): the autumn term from the termly files, and year-to-date
    # snapshots as the dashboard had them on a date (period to_<date>)
    def attendance_rows(path, tag, period, describe):
        for r in read(path):
            phase = r.get("education_phase") or r.get("school_type")
            if phase != "Primary" or (period == "autumn_term" and r["time_identifier"] != "Autumn term"):
                continue
            lvl = r["geographic_level"]
            if lvl not in ("National", "Local authority"):
                continue
            code = r["old_la_code"].strip()
            if lvl != "National" and (code in ("", "NA") or int(code) not in LA_CODES):
                continue
            year = ees_year(r["time_period"])
            for col, measure in YTD_COLS:
                v = r.get(col, "")
                if is_missing(v):
                    skipped[(tag, v.strip() or "(blank)", measure)] += 1
                    continue
                where = "National row" if lvl == "National" else f"LA {code} ({r['la_name']}) row"
                src = f"{describe}, time_period {r['time_period']}, {phase} (state-funded primary), {where}, column {col}, rounded to 1 dp"
                if lvl == "National":
                    national.add(year, "England", measure, "all", clean(v, 1), src, "attendance_collection", period)
                else:
                    la.add(year, la_name_by_code.get(code, r["la_name"]), measure, "all", clean(v, 1), src,
                           "attendance_collection", period)

    for tag, path in TERMLY_AUT.items():
        attendance_rows(path, f"termly_{tag}", "autumn_term",
                        ATT_SRC.format(file="EES_aut_data.csv", commit=TERMLY_COMMIT[tag])
                        + f" (copy termly_{tag}/EES_aut_data.csv), time_identifier Autumn term (the whole autumn term)")
    for tag, path in YTD_FILES.items():
        to_date = tag.split("_to_")[1]
        attendance_rows(path, f"ytd_{tag}", "to_" + to_date,
                        ATT_SRC.format(file="EES_ytd_data.csv", commit="0212369")
                        + f" (copy ytd_{tag}/EES_ytd_data.csv), year to date as published on {to_date}")

    n_nat = national.write(os.path.join(HERE, "national.csv"))
    n_la = la.write(os.path.join(HERE, "la.csv"))

    # ---- summary
    print(f"national.csv rows: {n_nat}")
    print(f"la.csv rows: {n_la}  ({len({k[1] for k in la.rows})} LAs)")
    print(f"LAIT vs EES KS2 LA-table cross-check: {checked} figures compared, {len(diffs)} differ")
    byyear = Counter((d[0], d[3]) for d in diffs)
    for k, n in sorted(byyear.items()):
        print(f"  differences {k[0]} ({k[1]} in EES file): {n}")
    for d in diffs:
        if d[1] == 970 or d[1] in (881, 935, 850):
            print("  ", d)
    print("skipped (missing/suppressed) cells:")
    agg = Counter()
    for (f, tok, what), n in skipped.items():
        agg[(f, tok)] += n
    for k, n in sorted(agg.items()):
        print(f"  {k[0]} token {k[1]!r}: {n}")
    lait_skip = defaultdict(int)
    for (f, tok, code), n in skipped.items():
        if f == "lait":
            lait_skip[LAIT_MEASURES[code][0]] += n
    print("  LAIT '-' by measure:", dict(sorted(lait_skip.items())))

    # 2024/25 year-to-date persistent absence (not written: full-year LAIT figure used for 2024/25)
    for r in read(WEEK_2425):
        if r["geographic_level"] == "National" and r["time_identifier"] == "Week 30":
            print(f"  [not used] week file {r['time_period']} {r['time_identifier']} {r['time_frame']} "
                  f"{r['education_phase']}: {r['persistent_absence_percent']}")


if __name__ == "__main__":
    main()
