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
    static let sheet = PupilResultsSheet(
        name: "EYFS", schoolTitle: "EYFS profile", trustTitle: "EYFS profile",
        basis: "DfE: a good level of development is the expected level in the 12 ELGs of communication and language, personal, social and emotional development, physical development, literacy and mathematics; percentages are of all children assessed.",
        pooled: "child", headline: headline, trend: [headline[0], headline[2]], trustLines: headline + areas,
        trustLandscape: true, trustColumns: (12, 10), trustNote: { $0 == "eyfs.gld" })

    static func writeSchoolSheet(_ part: EYFSReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try sheet.writeSchool(part, listsPupils: context.config.eyfs.listChildrenNotGLD, school: school, workbook: workbook, context: context,
                              tables: { ws, row, lead, rows in
            try FigureTables.byGroup(ws, row: &row, title: "Good level of development by group", measure: "eyfs.gld", rows: rows,
                                     year: lead.year.description, context: context)
            guard lead.all.withGoals > 0 else { return }
            try FigureTables.figures(ws, row: &row, title: "Areas of learning: % expected in every ELG of the area", firstColumn: "Area",
                                     lines: areas.map { line in (line, rows.first { $0.measure == line.measure.text && $0.group == "all" }) }, context: context)
            try ws.write(row - 1, 0, .string("Children with an ELG not assessed: \(lead.all.notAssessed) (in the figures as not at the expected level)."), .note)
            row += 1
        }, list: { ws, row, lead in
            try PupilResultsSheet.list(ws, row: &row, title: "Children without a good level of development (\(lead.notGLD.count)) — for transition to Year 1",
                                       header: ["UPN", "Name", "ELGs expected", "GLD areas below expected"],
                                       rows: lead.notGLD.map { [.string($0.upn), .string($0.name), .optionalNumber($0.goalsExpected.map(Double.init)), .string($0.areasBelow)] })
        })
    }
}
