/// The second sheet of `trust.xlsx`: each school's tier, finance category and support level, then
/// every triggered intervention with the figures behind it (one row per figure, filterable).
public enum SupportSheet {
    public static let sheetName = "Support"

    public static func write(into workbook: Workbook, trust: String, support: [SupportAssessment], year: AcademicYear) throws {
        let ws = try workbook.addWorksheet(sheetName)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        // Laid out for one landscape page width: the long texts wrap in wide columns (rows grow to fit).
        let widths: [Double] = [24, 9, 16, 20, 12, 40, 34]
        for (col, width) in widths.enumerated() { try ws.setColumnWidth(col, col, width) }
        let top = CellFormat(verticalAlign: .top, wrap: true)
        try ws.merge(row: 0, firstCol: 0, lastCol: 6, "\(trust) — support \(year)", .title)
        try ws.merge(row: 1, firstCol: 0, lastCol: 6,
                     "Tiers and intervention triggers are the trust's rules in the pipeline file (frameworks:). Tiers: 1 Lead, 2 Grow, 3 Reinvent, 4 Stabilise. Support level = the highest level among the triggers and the tier's own level (core < additional < intensive); the tier and the level share the level's colour.",
                     CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        var row = 3
        try ws.writeRow(row, ["School", "URN", "Tier", "Categories (set / figures)", "Support level", "Why (tier)", "Triggers"].map(CellValue.string), from: 0, .header)
        for s in support {
            row += 1
            let levelFill: RAG? = s.supportLevel?.rag
            try ws.writeRow(row, [.string(s.school), .string(s.urn)], from: 0, top)
            try ws.write(row, 2, .string(s.tierLabel), top.with { $0.fill = levelFill?.fill })
            // Set (judgements file) and indicated by the figures, for education and finance; "≠" where they differ.
            let categories = s.categories.map { c in
                "\(c.area): set \(c.set ?? "—"), figures \(c.indicated ?? "—")\(c.differs == true ? " ≠" : "")"
            }
            try ws.write(row, 3, .string(categories.isEmpty ? (s.financeCategory ?? "—") : categories.joined(separator: "\n")), top)
            try ws.write(row, 4, .string(s.supportLevel.map { _ in s.supportLabel } ?? "None"), top.with { $0.fill = levelFill?.fill })
            try ws.write(row, 5, .string(s.tierNote), top)
            try ws.write(row, 6, .string(s.triggers.isEmpty ? "None" : s.triggers.map(\.name).joined(separator: "; ")), top)
        }
        row += 2
        try ws.write(row, 0, .string("Evidence"), .sectionHeader)
        row += 1
        // The figures in words (value, comparison, difference, pupils or pounds behind it) in one wide
        // column; the measure id beside it for filtering.
        let header = ["School", "URN", "Trigger or tier", "Level", "Year", "Evidence", "Measure id"]
        try ws.writeRow(row, header.map(CellValue.string), from: 0, .header)
        let headerRow = row
        for s in support {
            let rows: [(String, String, Evidence)] = (s.tier?.evidence ?? []).map { (s.tierLabel, "Tier", $0) }
                + s.triggers.flatMap { t in t.evidence.map { (t.name, t.level.label, $0) } }
            for (name, level, e) in rows {
                row += 1
                try ws.writeRow(row, [.string(s.school), .string(s.urn), .string(name), .string(level), .string(e.year),
                                      .string(e.summary + basis(e)), .string(e.measure)], from: 0, top)
            }
        }
        try ws.repeatRows(first: headerRow, last: headerRow)
        if row > headerRow { try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row, lastCol: header.count - 1) }
        else { try ws.write(row + 1, 0, .string("No tier evidence or triggers in this run"), .note) }
    }

    /// Which national figure a comparison with national used (issue 16), on the sheet trustees filter.
    private static func basis(_ e: Evidence) -> String {
        guard e.comparedWith == "national", e.comparisonValue != nil, let b = e.nationalBasis else { return "" }
        return " [national: \(b)]"
    }
}
