/// The school "Multiplication check" sheet (headline with national and LA, by group, trend, pupils) and
/// the trust's schools side by side.
enum MTCSheets {
    static let sheetName = "Multiplication check"
    static let headline: [FigureTables.Line] = [
        .init("mtc.average_score", "Average score (out of 25)"),
        .init("mtc.full_marks", "% of eligible pupils scoring full marks (25)"),
        .init("mtc.took_check", "% of eligible pupils who took the check"),
    ]
    static let basis = "DfE: the average score is over pupils who took the check; % full marks is out of all eligible pupils, including those absent, working below the expectation, just arrived or unable to participate. Pupils who left are not eligible. There is no pass mark."

    static func writeSchoolSheet(_ part: MTCReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(sheetName)
        ws.pupilLevel = context.config.mtc.listPupils
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try FigureTables.setWidths(ws)
        try ws.write(0, 0, .string("Multiplication tables check (Year 4) — \(school.school.name) (URN \(school.school.urn)) — \(lead.year)"), .title)
        if let reason = part.withheld, lead.year == context.year {
            try WithheldNote.write(reason, to: ws, row: 1)
            return
        }
        try FigureTables.subtitle(ws, row: 1, basis)
        let year = lead.year.description
        let rows = part.measures.filter { $0.year == year }
        if let note = FigureNotes.all(rows.filter { $0.group == "all" }) { try ws.write(2, 0, .string(note), .note) }
        var row = 4
        try FigureTables.figures(ws, row: &row, title: "Headline", firstColumn: "Measure",
                                 lines: headline.map { line in (line, rows.first { $0.measure == line.measure && $0.group == "all" }) }, context: context)
        let reasons = MTCRecord.Reason.allCases.map { "\($0.label) \(lead.all.count($0))" }.joined(separator: ", ")
        try FigureTables.subtitle(ws, row: row - 1, "Did not take the check: \(reasons).")
        row += 1
        try FigureTables.byGroup(ws, row: &row, title: "Average score by group", measure: "mtc.average_score", rows: rows, year: year, context: context)
        try FigureTables.byGroup(ws, row: &row, title: "% full marks by group", measure: "mtc.full_marks", rows: rows, year: year, context: context)
        try FigureTables.trend(ws, row: &row, lines: Array(headline.prefix(2)), rows: part.measures)
        guard context.config.mtc.listPupils, lead.year == context.year else { return }
        try ws.write(row, 0, .string("Year 4 pupils (\(part.pupils.count)), lowest score first — for the outcomes meeting"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["UPN", "Name", "Score", "Did not take: reason"].map(CellValue.string), from: 0, .header)
        row += 1
        for p in part.pupils {
            let name = p.surname.flatMap { s in p.forename.map { "\(s), \($0)" } } ?? context.roster.pupil(p.year, p.upn)?.displayName ?? p.upn
            try ws.writeRow(row, [.string(p.upn), .string(name), .optionalNumber(p.score.map(Double.init)),
                                  .string(p.reason.map { "\(p.code ?? "") \($0.label)" } ?? "")])
            row += 1
        }
    }

    static func writeTrustSheet(_ part: MTCReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(sheetName)
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 34)
        try ws.setColumnWidth(1, 6, 12)
        try ws.write(0, 0, .string("Multiplication tables check — \(context.config.trust) — \(lead.year), school by school"), .title)
        try ws.write(1, 0, .string(basis + " The trust row pools every pupil."), .subtitle)
        let year = lead.year.description
        if let note = FigureNotes.basis(part.measures.filter { $0.year == year && $0.group == "all" && $0.measure.hasPrefix("mtc.") }) {
            try ws.write(2, 0, .string(note + "."), .note)
        }
        var row = 4
        let schools = trust.schools.compactMap { s in s.mtc.map { (s.school.name, $0.measures) } }
        try FigureTables.schools(ws, row: &row, lines: headline, schools: schools, trust: part.measures, year: year, context: context)
    }
}
