/// The second sheet of `trust.xlsx`: each school's tier, finance category and support level, then
/// every triggered intervention with the figures behind it (one row per figure, filterable).
public enum SupportSheet {
    public static let sheetName = "Support"

    public static func write(into workbook: Workbook, trust: String, support: [SupportAssessment], year: AcademicYear) throws {
        let ws = try workbook.addWorksheet(sheetName)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 28)
        try ws.setColumnWidth(1, 1, 9)
        try ws.setColumnWidth(2, 4, 16)
        try ws.setColumnWidth(5, 5, 60)
        try ws.setColumnWidth(6, 13, 12)
        try ws.merge(row: 0, firstCol: 0, lastCol: 9, "\(trust) — support \(year)", .title)
        try ws.merge(row: 1, firstCol: 0, lastCol: 9,
                     "Tiers and intervention triggers are the trust's rules in the pipeline file (frameworks:). Tiers: 1 Lead, 2 Grow, 3 Reinvent, 4 Stabilise. Support level = the highest level among the triggers and the tier's own level (core < additional < intensive); the tier and the level share the level's colour.", .note)
        var row = 3
        try ws.writeRow(row, ["School", "URN", "Tier", "Finance category", "Support level", "Why (tier)", "Triggers"].map(CellValue.string), from: 0, .header)
        for s in support {
            row += 1
            let levelFill: RAG? = s.supportLevel?.rag
            try ws.writeRow(row, [.string(s.school), .string(s.urn)], from: 0)
            try ws.write(row, 2, .string(s.tierLabel), CellFormat(fill: levelFill?.fill))
            try ws.write(row, 3, .string(s.financeCategory ?? "—"))
            try ws.write(row, 4, .string(s.supportLevel.map { _ in s.supportLabel } ?? "None"), CellFormat(fill: levelFill?.fill))
            try ws.write(row, 5, .string(s.tierNote), CellFormat(wrap: true))
            try ws.write(row, 6, .string(s.triggers.isEmpty ? "None" : s.triggers.map(\.name).joined(separator: "; ")))
        }
        row += 2
        try ws.write(row, 0, .string("Evidence"), .sectionHeader)
        row += 1
        let header = ["School", "URN", "Trigger", "Level", "Measure", "Reason", "Group", "Year", "Value", "Compared with",
                      "Comparison", "Difference", "n"]
        try ws.writeRow(row, header.map(CellValue.string), from: 0, .header)
        let headerRow = row
        for s in support {
            let rows: [(String, String, Evidence)] = (s.tier?.evidence ?? []).map { (s.tierLabel, "Tier", $0) }
                + s.triggers.flatMap { t in t.evidence.map { (t.name, t.level.label, $0) } }
            for (name, level, e) in rows {
                row += 1
                let pct = e.unit == .percent
                try ws.writeRow(row, [.string(s.school), .string(s.urn), .string(name), .string(level), .string(e.measure),
                                      .string(e.summary), .string(e.group), .string(e.year)], from: 0)
                try ws.write(row, 8, e.text.map(CellValue.string) ?? (pct ? .optionalPercent(e.value) : .optionalNumber(e.value)))
                // Which national figure (issue 16): the basis beside "national".
                try ws.write(row, 9, .string(e.nationalBasis.map { "\(e.comparedWith): \($0)" } ?? e.comparedWith))
                try ws.write(row, 10, pct ? .optionalPercent(e.comparisonValue) : .optionalNumber(e.comparisonValue))
                try ws.write(row, 11, .optionalNumber(e.difference), .points)
                try ws.write(row, 12, .optionalNumber(e.n), .integer)
            }
        }
        if row > headerRow { try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: header.count - 1) }
        else { try ws.write(row + 1, 0, .string("No tier evidence or triggers in this run"), .note) }
    }
}
