/// The school "Behaviour" sheet (suspension and permanent exclusion rates with national and LA, by
/// group, reasons, trend, and the exclusions themselves) and the trust's schools side by side.
enum ExclusionsSheets {
    static let sheetName = "Behaviour"
    static let headline: [FigureTables.Line] = [
        .init("exclusions.suspension_rate", "Suspension rate (per 100 pupils)"),
        .init("exclusions.permanent_exclusion_rate", "Permanent exclusion rate (per 100 pupils)"),
        .init("exclusions.one_or_more_suspensions", "% of pupils with one or more suspensions"),
        .init("exclusions.two_or_more_suspensions", "% of pupils with two or more suspensions"),
        .init("exclusions.suspensions", "Suspensions"),
        .init("exclusions.permanent_exclusions", "Permanent exclusions"),
        .init("exclusions.sessions_lost", "Sessions lost"),
    ]
    static let basis = "DfE: suspension rate = suspensions ÷ pupils on roll × 100 and permanent exclusion rate likewise (a pupil suspended twice counts twice); one-or-more = pupils with at least one suspension ÷ pupils on roll × 100. Lower is better. National and LA: state-funded primary (LAIT, to 2023/24)."

    static func writeSchoolSheet(_ part: ExclusionsReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(sheetName)
        ws.pupilLevel = context.config.exclusions.listExclusions
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try FigureTables.setWidths(ws)
        try ws.write(0, 0, .string("Suspensions and permanent exclusions — \(school.school.name) (URN \(school.school.urn)) — \(lead.year)"), .title)
        if let reason = part.withheld, lead.year == context.year {
            try WithheldNote.write(reason, to: ws, row: 1)
            return
        }
        try FigureTables.subtitle(ws, row: 1, basis)
        let year = lead.year.description
        let rows = part.measures.filter { $0.year == year }
        var notes = [FigureNotes.all(rows.filter { $0.group == "all" })].compactMap { $0 }
        if lead.notOnRoll > 0 { notes.append("\(lead.notOnRoll) exclusion(s) of pupils not on the roster for \(year): counted, not in the pupils on roll (see Data quality).") }
        if !notes.isEmpty { try ws.write(2, 0, .string(notes.joined(separator: " ")), .note) }
        var row = 4
        try FigureTables.figures(ws, row: &row, title: "Headline", firstColumn: "Measure",
                                 lines: headline.map { line in (line, rows.first { $0.measure == line.measure && $0.group == "all" }) }, context: context)
        try FigureTables.byGroup(ws, row: &row, title: "Suspension rate by group", measure: "exclusions.suspension_rate", rows: rows, year: year, context: context)
        try FigureTables.byGroup(ws, row: &row, title: "% of pupils with one or more suspensions by group", measure: "exclusions.one_or_more_suspensions",
                                 rows: rows, year: year, context: context)
        if !lead.reasons.isEmpty {
            try ws.write(row, 0, .string("By reason (DfE reason codes)"), .sectionHeader)
            row += 1
            try ws.writeRow(row, ["Reason", "Suspensions", "Permanent"].map(CellValue.string), from: 0, .header)
            row += 1
            for r in lead.reasons {
                let label = r.code.isEmpty ? "(no reason given)" : "\(r.code) — \(r.meaning)"
                try ws.writeRow(row, [.string(label), .number(Double(r.suspensions)), .number(Double(r.permanent))])
                row += 1
            }
            row += 1
        }
        try FigureTables.trend(ws, row: &row, lines: Array(headline.prefix(3)), rows: part.measures)
        guard context.config.exclusions.listExclusions else { return }
        try ws.write(row, 0, .string("Suspensions and permanent exclusions in \(year) (\(lead.exclusions.count))"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["UPN", "Name", "Start date", "Type", "Sessions", "Reason"].map(CellValue.string), from: 0, .header)
        row += 1
        for e in lead.exclusions {
            let name = e.surname.flatMap { s in e.forename.map { "\(s), \($0)" } } ?? context.roster.pupil(e.year, e.upn)?.displayName ?? e.upn
            try ws.writeRow(row, [.string(e.upn), .string(name), .string(e.startDate.uk), .string(e.permanent ? "Permanent" : "Suspension"),
                                  .optionalNumber(e.sessions), .string(e.reason.isEmpty ? "" : "\(e.reason) — \(e.reasonMeaning)")])
            row += 1
        }
    }

    static func writeTrustSheet(_ part: ExclusionsReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(sheetName)
        ws.setPaperA4(); ws.setLandscape(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 34)
        try ws.setColumnWidth(1, 14, 11)
        try ws.write(0, 0, .string("Suspensions and permanent exclusions — \(context.config.trust) — \(lead.year), school by school"), .title)
        try ws.write(1, 0, .string(basis + " The trust row pools every pupil."), .subtitle)
        let year = lead.year.description
        if let note = FigureNotes.basis(part.measures.filter { $0.year == year && $0.group == "all" && $0.measure == "exclusions.suspension_rate" }) {
            try ws.write(2, 0, .string(note + "."), .note)
        }
        var row = 4
        let schools = trust.schools.compactMap { s in s.exclusions.map { (s.school.name, $0.measures) } }
        try FigureTables.schools(ws, row: &row, lines: headline, schools: schools, trust: part.measures, year: year, context: context)
    }
}
