/// The README's measures reference, generated from the catalogue so it never drifts from the code.
extension MeasureCatalog {
    public static func markdownReference() -> String {
        func cell(_ s: String) -> String { s.isEmpty ? "" : s.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["## Measures reference", "",
                     "Every `measure` id in `measures.csv` and the workbooks (`trustdata explain <id>` prints one). Percentages are 0–100 in `measures.csv`; `finance.category` is in the `text` column. A figure withheld because most of its rows were rejected keeps its row with empty numbers and `Withheld: …` in `text` (see [Outputs](#outputs)).",
                     "", "The `national_basis` column of `measures.csv` names the DfE figure in `national` (basis and period), `period` the part of the year an attendance figure covers, and `left_out` the pupils missing from the figure's cohort because their rows were rejected (see the Data quality sheet).",
                     "", "| measure | what it means | unit | numerator | denominator | scope and national basis |", "|---|---|---|---|---|---|"]
        for d in all {
            let unit = d.unit.rawValue + (d.higherIsBetter ? "" : " (lower is better)")
            lines.append("| `\(d.id)` | \(cell(d.title)) | \(unit) | \(cell(d.numerator)) | \(cell(d.denominator)) | \(cell(comparisonBasis(d.id))) |")
        }
        lines += ["", "Group ids (the `group` column):", "", "| group | who |", "|---|---|"]
        for g in PupilGroup.allCases { lines.append("| `\(g.rawValue)` | \(g.label) |") }
        lines.append("| `cost_centre.<name>` | One cost centre in budget monitoring (`finance.monitoring.*`), e.g. `cost_centre.teaching_staff`; the name as written is in the `text` column |")
        return lines.joined(separator: "\n")
    }

    /// Which pupils a measure covers and which DfE national figure it is compared with (issue 16).
    static func comparisonBasis(_ id: String) -> String {
        if id.hasPrefix("ks2.") {
            if id.contains("disadvantaged_gap_in_school") { return "school figures only" }
            if id.contains("disadvantaged_gap") { return "national non-disadvantaged / disadvantaged figure on the group basis (see ks2.*.expected); `not published` in national_basis where DfE has none" }
            return "eligible KS2 cohort; national: headline (state-funded, RECTYPE 5) where a DfE file gives it (group all to 2021/22), else LA tables (LAIT; group all 2022/23–2024/25, RWM by disadvantaged / SEN group); `settings.national_basis` prefers la_table instead"
        }
        if id.hasPrefix("fft.") { return "no national figure (FFT estimates)" }
        if id == "phonics.y1.expected" { return "Year 1, DfE denominator (Wa, Wt, A, D, Q); national: LA tables (LAIT)" }
        if id == "phonics.by_y2.expected" { return "Year 2 cohort, DfE denominator; no national figure in the benchmark files" }
        if id.hasPrefix("phonics.") { return "counts beside the percentage" }
        if id.hasPrefix("attendance.") {
            return "compulsory school age (Year 1 and above; Reception its own row, nursery out); full year: absence statistics (school census, LAIT); part year: only the attendance collection for the same period (autumn term, or a year-to-date snapshot), else not rated"
        }
        if id == "eyfs.gld" || id == "eyfs.all_elgs.expected" || id == "eyfs.comm_lang_lit.expected" || id == "eyfs.average_elgs" {
            return "Reception children with a profile; national: EYFS profile release, unrounded (2022/23–2024/25: all, girls, boys, EAL / not, FSM / not, SEN support, EHCP, no SEN; GLD by FSM / SEN from LAIT otherwise), LAIT England for 2021/22; LA: LAIT (1 dp)"
        }
        if id.hasPrefix("eyfs.") && id.hasSuffix(".expected") { return "children whose 17 ELG outcomes are given; national and LA: LAIT (group all, 2021/22–2024/25)" }
        if id.hasPrefix("eyfs.") { return "counts beside the percentages" }
        if id == "mtc.average_score" { return "Year 4 pupils who took the check; national and LA: LAIT (group all, 2021/22–2024/25)" }
        if id == "mtc.full_marks" { return "Year 4 eligible pupils (DfE basis); national and LA: LAIT (all, SEN support, EHCP; 2021/22–2024/25)" }
        if id.hasPrefix("mtc.") { return "no national figure in the benchmark files (counts beside the figures)" }
        if ["exclusions.suspension_rate", "exclusions.permanent_exclusion_rate", "exclusions.one_or_more_suspensions"].contains(id) {
            return "pupils on roll (roster); national and LA: LAIT state-funded primary, group all, 2015/16–2023/24; a later year (DfE publishes a year behind) is compared with the latest published, its year in `national_basis` (none for secondary or special schools)"
        }
        if ["context.eal", "context.sen_support", "context.ehcp"].contains(id) { return "pupils on roll; national and LA: school census (January), state-funded primary, via LAIT" }
        if id == "context.disadvantaged" { return "pupils on roll; national and LA: Ever-6 FSM, school census (January), state-funded primary, via LAIT — the nearest published figure (disadvantaged also counts looked-after children)" }
        return "no national figure"
    }
}
