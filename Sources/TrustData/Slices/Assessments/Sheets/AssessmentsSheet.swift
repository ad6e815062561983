/// A school's "Outcomes Y3-5" sheet: the Year 6 outcomes-meeting layout for Years 3 to 5, from the
/// in-year assessments at the latest term, each pupil against their FFT estimate (`OutcomesTable`).
public enum AssessmentsSheet {
    public static let sheetName = "Outcomes Y3-5"

    public static func write(_ report: AssessmentsSchoolReport, school: School, workbook: Workbook, context: AnalysisContext) throws {
        let tolerance = context.config.ks2.fftTolerance
        let benchmark = context.config.ks2.fftBenchmark
        let rows = OutcomesTable.sorted(report.entries.map { e in
            let r = e.record
            func cell(_ v: AssessmentRecord.Value?) -> CellValue {
                switch v {
                case .score(let s)?: return .number(s)
                case .band(let b)?: return .string(b)
                case nil: return .blank
                }
            }
            return OutcomesTable.Row(surname: e.surname, forename: e.forename, upn: r.upn, characteristics: e.characteristics,
                                     yearGroup: r.yearGroup, subject: r.subject.label,
                                     subjectOrder: AssessmentRecord.Subject.allCases.firstIndex(of: r.subject)!,
                                     result: cell(r.result), estimate: cell(r.estimate), gap: e.comparison?.gap,
                                     status: e.comparison?.status, band: nil, counted: nil)
        })
        let term = report.term ?? .autumn
        let note = "\(term.label) term \(report.year) teacher assessments and standardised tests against \(benchmark) end-of-year estimates (estimates, not targets). \(OutcomesTable.statusRule(tolerance: tolerance, scores: "Standardised scores")). Bands: status compares the working-at band with the estimated band (WTS < EXS < GDS). A row without an estimate has no status. Furthest below first. \(Set(rows.map(\.upn)).count) pupils."
        try OutcomesTable(showYear: true, showCounted: false).write(
            into: workbook, sheet: sheetName,
            title: "Outcomes meeting — \(school.name) — Years 3 to 5, \(term.label.lowercased()) \(report.year)",
            note: note, rows: rows, tolerance: tolerance)
    }
}
