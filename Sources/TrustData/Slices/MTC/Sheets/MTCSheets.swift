/// The school "Multiplication check" sheet (headline with national and LA, by group, trend, pupils) and
/// the trust's schools side by side.
enum MTCSheets {
    static let headline: [FigureTables.Line] = [
        .init("mtc.average_score", "Average score (out of 25)"),
        .init("mtc.full_marks", "% of eligible pupils scoring full marks (25)"),
        .init("mtc.took_check", "% of eligible pupils who took the check"),
    ]
    static let sheet = PupilResultsSheet(
        name: "Multiplication check", schoolTitle: "Multiplication tables check (Year 4)", trustTitle: "Multiplication tables check",
        basis: "DfE: the average score is over pupils who took the check; % full marks is out of all eligible pupils, including those absent, working below the expectation, just arrived or unable to participate. Pupils who left are not eligible. There is no pass mark.",
        pooled: "pupil", headline: headline, trend: Array(headline.prefix(2)), trustLines: headline,
        trustLandscape: false, trustColumns: (6, 12), trustNote: { $0.hasPrefix("mtc.") })

    static func writeSchoolSheet(_ part: MTCReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try sheet.writeSchool(part, listsPupils: context.config.mtc.listPupils, school: school, workbook: workbook, context: context,
                              tables: { ws, row, lead, rows in
            let reasons = MTCRecord.Reason.allCases.map { "\($0.label) \(lead.all.count($0))" }.joined(separator: ", ")
            try FigureTables.subtitle(ws, row: row - 1, "Did not take the check: \(reasons).")
            row += 1
            let year = lead.year.description
            try FigureTables.byGroup(ws, row: &row, title: "Average score by group", measure: "mtc.average_score", rows: rows, year: year, context: context)
            try FigureTables.byGroup(ws, row: &row, title: "% full marks by group", measure: "mtc.full_marks", rows: rows, year: year, context: context)
        }, list: { ws, row, lead in
            guard lead.year == context.year else { return }
            try PupilResultsSheet.list(ws, row: &row, title: "Year 4 pupils (\(lead.pupils.count)), lowest score first — for the outcomes meeting",
                                       header: ["UPN", "Name", "Score", "Did not take: reason"], rows: lead.pupils.map { p in
                [.string(p.upn), .string(p.displayName(roster: context.roster)), .optionalNumber(p.score.map(Double.init)),
                 .string(p.reason.map { "\(p.code ?? "") \($0.label)" } ?? "")]
            })
        })
    }
}
