/// A school's "Outcomes meeting" sheet for Year 6: one row per pupil and subject of this school only
/// (privacy), each KS2 result against the FFT estimate (`OutcomesTable` lays it out for A4 landscape).
struct OutcomesMeetingSheet {
    let report: KS2SchoolReport
    let school: School
    let context: AnalysisContext

    /// Every pupil in every assessed subject with a result or an estimate, sorted by status and gap.
    static func rows(_ pupils: [KS2Pupil], tolerance: Double) -> [OutcomesTable.Row] {
        var list: [OutcomesTable.Row] = []
        for p in pupils {
            for (order, s) in KS2Subject.assessed.enumerated() {
                let gap = FFTGap.of(p, s, tolerance: tolerance)
                // A test estimated as a band only (an FFT file without scaled scores) shows the band.
                let estimate: CellValue = s.isTest ? (p.estimates.score(s).map { .number($0) } ?? .optionalString(p.estimates.bands[s]))
                                                   : .optionalString(p.estimates.writing ?? p.estimates.bands[.writing])
                guard gap != nil || p.results[s] != nil || estimate != .blank else { continue }
                let r = p.result(s)
                let graded = r.scaledScore != nil || (r.writingOutcome.map { KS2Standard.writingRank($0) != nil } ?? false)
                list.append(OutcomesTable.Row(
                    surname: p.surname, forename: p.forename, upn: p.upn, characteristics: p.characteristics, yearGroup: 6,
                    subject: s.label, subjectOrder: order, result: result(r), estimate: estimate, gap: gap?.gap,
                    status: gap?.status, band: gap?.band, counted: !r.inDenominator ? "No" : graded ? "Yes" : "As not met"))
            }
        }
        return OutcomesTable.sorted(list)
    }

    func write(into workbook: Workbook) throws {
        let tolerance = context.config.ks2.fftTolerance
        let lead = report.leadYear ?? context.year
        let rows = Self.rows(report.leadPupils, tolerance: tolerance)
        let note = "Estimates are \(report.fftBenchmark) estimates, not targets. \(OutcomesTable.statusRule(tolerance: tolerance, scores: "Tests")); the band comparison (below / expected / higher standard) is shown apart and does not set the status. Writing: status compares bands (EM < PK1–PK6 < WTS < EXS < GDS). Counted: in the DfE denominator (\"as not met\": a code such as A or B). Furthest below first. \(Set(rows.map(\.upn)).count) pupils."
        try OutcomesTable(showYear: false, showCounted: true).write(
            into: workbook, sheet: "Outcomes meeting",
            title: "Outcomes meeting — \(school.name) — KS2 \(lead) against \(report.fftBenchmark) estimates",
            note: note, rows: rows, tolerance: tolerance)
    }

    /// The result as the data manager recognises it: the score (numeric, for filtering) or the code/outcome.
    static func result(_ r: KS2SubjectResult) -> CellValue {
        if let score = r.scaledScore, !r.specialConsideration { return .number(Double(score)) }
        return .string(r.raw)
    }
}

extension CellValue {
    var text: String? { if case .string(let s) = self { return s }; return nil }
}
