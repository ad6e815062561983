/// The school "EYFS" sheet (headline with national and LA, GLD by group, areas of learning, trend, the
/// children without a GLD) and the trust's schools side by side.
enum EYFSSheets {
    static let headline: [FigureTables.Line] = [
        .init("eyfs.gld", "Good level of development"),
        .init("eyfs.all_elgs.expected", "Expected in all 17 ELGs"),
        .init("eyfs.average_elgs", "Average ELGs at expected (of 17)"),
        .init("eyfs.comm_lang_lit.expected", "Expected in communication, language and literacy ELGs"),
    ]
    static let areas: [FigureTables.Line] = EYFSArea.allCases.map { .init($0.measure, $0.label) }
    static let basis = "DfE: a good level of development is the expected level in the 12 ELGs of communication and language, personal, social and emotional development, physical development, literacy and mathematics; percentages are of all children assessed."

    static func writeSchoolSheet(_ part: EYFSReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet("EYFS")
        ws.pupilLevel = context.config.eyfs.listChildrenNotGLD
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try FigureTables.setWidths(ws)
        try ws.write(0, 0, .string("EYFS profile — \(school.school.name) (URN \(school.school.urn)) — \(lead.year)"), .title)
        if let reason = part.withheld, lead.year == context.year {
            try WithheldNote.write(reason, to: ws, row: 1)
            return
        }
        try FigureTables.subtitle(ws, row: 1, basis)
        let year = lead.year.description
        let rows = part.measures.filter { $0.year == year }
        if let note = FigureNotes.all(rows.filter { $0.group == "all" }) { try ws.write(2, 0, .string(note), .note) }
        var row = 4
        func all(_ id: String) -> MeasureRow? { rows.first { $0.measure == id && $0.group == "all" } }
        try FigureTables.figures(ws, row: &row, title: "Headline", firstColumn: "Measure", lines: headline.map { ($0, all($0.measure)) }, context: context)
        try FigureTables.byGroup(ws, row: &row, title: "Good level of development by group", measure: "eyfs.gld", rows: rows, year: year, context: context)
        if lead.all.withGoals > 0 {
            try FigureTables.figures(ws, row: &row, title: "Areas of learning: % expected in every ELG of the area", firstColumn: "Area",
                                     lines: areas.map { ($0, all($0.measure)) }, context: context)
            try ws.write(row - 1, 0, .string("Children with an ELG not assessed: \(lead.all.notAssessed) (in the figures as not at the expected level)."), .note)
            row += 1
        }
        try FigureTables.trend(ws, row: &row, lines: [headline[0], headline[2]], rows: part.measures)
        guard context.config.eyfs.listChildrenNotGLD else { return }
        try ws.write(row, 0, .string("Children without a good level of development (\(lead.notGLD.count)) — for transition to Year 1"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["UPN", "Name", "ELGs expected", "GLD areas below expected"].map(CellValue.string), from: 0, .header)
        row += 1
        for c in lead.notGLD {
            try ws.writeRow(row, [.string(c.upn), .string(c.name), .optionalNumber(c.goalsExpected.map(Double.init)), .string(c.areasBelow)])
            row += 1
        }
    }

    static func writeTrustSheet(_ part: EYFSReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet("EYFS")
        ws.setPaperA4(); ws.setLandscape(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 34)
        try ws.setColumnWidth(1, 12, 10)
        try ws.write(0, 0, .string("EYFS profile — \(context.config.trust) — \(lead.year), school by school"), .title)
        try ws.write(1, 0, .string(basis + " The trust row pools every child."), .subtitle)
        let year = lead.year.description
        if let note = FigureNotes.basis(part.measures.filter { $0.year == year && $0.group == "all" && $0.measure == "eyfs.gld" }) {
            try ws.write(2, 0, .string(note + "."), .note)
        }
        var row = 4
        let schools = trust.schools.compactMap { s in s.eyfs.map { (s.school.name, $0.measures) } }
        try FigureTables.schools(ws, row: &row, lines: headline + areas, schools: schools, trust: part.measures, year: year, context: context)
    }
}
