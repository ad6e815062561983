/// The period each block of figures covers ("KS2 2024/25: tests May 2025"), for page footers and the
/// card's block titles, and the run's "as at" date: the pipeline's `settings.as_at`, else the newest
/// data in the run (the last attendance date), else the end of the academic year. Never the clock, so
/// the same inputs give byte-identical workbooks.
public struct DataPeriods: Sendable {
    var ks2: String?
    var phonics: String?
    var attendance: String?
    var finance: String?
    /// Years 3–5 in-year assessments (the latest term with data at any school).
    var assessments: String?
    /// The pupil roster behind the context figures.
    var roster: String
    var asAt: String

    init(trust: TrustReport, context: AnalysisContext) {
        let year = context.year
        roster = "Pupils on roll \(year) (census)"
        if let lead = trust.ks2?.leadYear {
            ks2 = "KS2 \(lead): tests May \(lead.endYear), teacher assessment summer \(lead.endYear)"
        }
        if let p = trust.phonics?.lead(year) { phonics = "Phonics screening check \(p.year) (June \(p.year.endYear))" }
        let attendanceYear = trust.attendance?.lead(year)
        if let a = attendanceYear { attendance = "Attendance \(a.year): \(a.windowText)" }
        if let f = trust.finance {
            let months = f.academies.compactMap(\.monitoring) + [f.centralMonitoring].compactMap { $0 }
            let month = months.filter { $0.year == f.leadYear }.map(\.month).max()
            finance = "Finance \(f.leadYear)" + (month.map { ", management accounts to month \($0) (\(MonitoringLine.monthNames[$0 - 1]))" } ?? "")
        }
        if let term = trust.schools.compactMap({ $0.assessments?.term }).max() {
            assessments = "Years 3–5 assessments, \(term.label.lowercased()) term \(year)"
        }
        if let date = context.config.settings.asAt {
            asAt = date.uk
        } else if let last = trust.schools.compactMap({ $0.attendance?.lead(year)?.lastDate }).max() ?? attendanceYear?.lastDate {
            asAt = last.uk
        } else {
            asAt = "31/08/\(year.endYear)"
        }
    }

    /// Every period, for sheets that show all blocks (the card, the overview).
    var all: String { [roster, ks2, phonics, attendance, finance].compactMap { $0 }.joined(separator: " · ") }

    /// The period of a slice's sheets, by the slice's id.
    func forSlice(_ id: String) -> String? {
        switch id {
        case "ks2": return ks2
        case "phonics": return phonics
        case "attendance": return attendance
        case "finance": return finance
        case "assessments": return assessments
        default: return nil
        }
    }

    /// The period of a card or overview block, by its title.
    func forBlock(_ title: String) -> String? {
        switch title {
        case "Context": return roster
        case "KS2": return ks2
        case "Phonics": return phonics
        case "Attendance": return attendance
        case "Finance": return finance
        default: return nil
        }
    }
}

extension Workbook {
    /// Runs `body` (which adds sheets) and gives every sheet it added the data period `period`.
    func withPeriod(_ period: String?, _ body: () throws -> Void) rethrows {
        let before = sheets.count
        try body()
        for sheet in sheets[before...] { sheet.dataPeriod = period }
    }
}
