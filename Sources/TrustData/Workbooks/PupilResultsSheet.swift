/// The school and trust sheets of a pupil-results slice (EYFS, multiplication check, behaviour), laid
/// out the same way from `FigureTables`: on the school's sheet the title, the definition, the notes, the
/// headline with national and LA, the slice's own tables, the trend and the pupils listed; on the trust's
/// the schools side by side. A slice states its words and lines here and writes only its own tables.
public struct PupilResultsSheet: Sendable {
    /// The sheet's tab name.
    let name: String
    /// "EYFS profile" in "EYFS profile — Alder Primary (URN 100001) — 2024/25", and on the trust's sheet.
    let schoolTitle: String, trustTitle: String
    /// The DfE definition under the title.
    let basis: String
    /// "child" in "The trust row pools every child."
    let pooled: String
    let headline: [FigureTables.Line]
    /// The headline lines the trend shows, and those the trust's sheet shows across.
    let trend: [FigureTables.Line], trustLines: [FigureTables.Line]
    let trustLandscape: Bool
    /// The trust sheet's figure columns (1 through `last`) and their width.
    let trustColumns: (last: Int, width: Double)
    /// The measures whose national basis the trust sheet's note names.
    let trustNote: @Sendable (String) -> Bool

    /// The school's sheet. `notes`: the slice's own notes after the figures' (lead year); `tables`: its
    /// tables between the headline and the trend (`rows`: the lead year's measures); `list`: the pupils,
    /// written when `listsPupils`.
    func writeSchool<Y: PupilResultsYear>(_ part: PupilResultsReport<Y>, listsPupils: Bool, school: SchoolReport, workbook: Workbook,
                                          context: AnalysisContext, notes: (Y) -> [String] = { _ in [] },
                                          tables: (Worksheet, inout Int, Y, [MeasureRow]) throws -> Void,
                                          list: (Worksheet, inout Int, Y) throws -> Void) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(name)
        ws.pupilLevel = listsPupils
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try FigureTables.setWidths(ws)
        try ws.write(0, 0, .string("\(schoolTitle) — \(school.school.name) (URN \(school.school.urn)) — \(lead.year)"), .title)
        if let reason = part.withheld, lead.year == context.year {
            try WithheldNote.write(reason, to: ws, row: 1)
            return
        }
        try FigureTables.subtitle(ws, row: 1, basis)
        let year = lead.year.description
        let rows = part.measures.filter { $0.year == year }
        let all = [FigureNotes.all(rows.filter { $0.group == "all" })].compactMap { $0 } + notes(lead)
        if !all.isEmpty { try ws.write(2, 0, .string(all.joined(separator: " ")), .note) }
        var row = 4
        try FigureTables.figures(ws, row: &row, title: "Headline", firstColumn: "Measure",
                                 lines: headline.map { line in (line, rows.first { $0.measure == line.measure.text && $0.group == "all" }) }, context: context)
        try tables(ws, &row, lead, rows)
        try FigureTables.trend(ws, row: &row, lines: trend, rows: part.measures)
        guard listsPupils else { return }
        try list(ws, &row, lead)
    }

    /// The trust's sheet: `schools` (name and measures, register order) then the pooled trust and national.
    func writeTrust<Y: PupilResultsYear>(_ part: PupilResultsReport<Y>, schools: [(String, [MeasureRow])], workbook: Workbook,
                                         context: AnalysisContext) throws {
        guard let lead = part.lead(context.year) else { return }
        let ws = try workbook.addWorksheet(name)
        ws.setPaperA4()
        if trustLandscape { ws.setLandscape() }
        ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 34)
        try ws.setColumnWidth(1, trustColumns.last, trustColumns.width)
        try ws.write(0, 0, .string("\(trustTitle) — \(context.config.trust) — \(lead.year), school by school"), .title)
        try ws.write(1, 0, .string(basis + " The trust row pools every \(pooled)."), .subtitle)
        let year = lead.year.description
        if let note = FigureNotes.basis(part.measures.filter { $0.year == year && $0.group == "all" && trustNote($0.measure) }) {
            try ws.write(2, 0, .string(note + "."), .note)
        }
        var row = 4
        try FigureTables.schools(ws, row: &row, lines: trustLines, schools: schools, trust: part.measures, year: year, context: context)
    }

    /// A list of pupils under a section title: `header` then one row per pupil.
    static func list(_ ws: Worksheet, row: inout Int, title: String, header: [String], rows: [[CellValue]]) throws {
        try ws.write(row, 0, .string(title), .sectionHeader)
        row += 1
        try ws.writeRow(row, header.map(CellValue.string), from: 0, .header)
        row += 1
        for cells in rows {
            try ws.writeRow(row, cells)
            row += 1
        }
    }
}

extension PupilResult {
    /// "Surname, Forename" as the export gives it, else the roster's name for the pupil, else the UPN.
    func displayName(roster: PupilRoster) -> String {
        surname.flatMap { s in forename.map { "\(s), \($0)" } } ?? roster.pupil(year, upn)?.displayName ?? upn
    }
}
