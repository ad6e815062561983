/// The first sheet of `trust.xlsx`: schools as columns with the trust (pooled over all pupils), each
/// LA the schools sit in, and national beside them; measures as rows grouped like the academy card;
/// each figure with its n and RAG against national.
public enum TrustOverviewSheet {
    public static let sheetName = "Overview"

    public static func write(into workbook: Workbook, trust: String, schools: [School], measures: [MeasureRow],
                             year: AcademicYear, settings: PipelineSettings) throws {
        try write(into: workbook, trust: trust, schools: schools, measureParts: [measures], year: year, settings: settings)
    }

    /// The figures as `TrustReport.measureParts` (read in place, not joined).
    public static func write(into workbook: Workbook, trust: String, schools: [School], measureParts: [[MeasureRow]],
                             year: AcademicYear, settings: PipelineSettings) throws {
        // The pipeline's year, and the two after it for the finance block's forecast lines.
        let table = CardFigures(parts: measureParts, currentYear: year, years: [0, 1, 2].map { AcademicYear(startYear: year.startYear + $0) })
        let ws = try workbook.addWorksheet(sheetName)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        let las = Array(Set(schools.map(\.laName))).filter { !$0.isEmpty }.sorted()
        // Per school and trust: figure and n. Then one column per LA, then national.
        let entities: [(name: String, urn: String)] = schools.map { ($0.name, $0.urn) } + [("\(trust) (pooled)", MeasureRow.trustURN)]
        let firstLA = 1 + 2 * entities.count
        let nationalCol = firstLA + las.count
        try ws.setColumnWidth(0, 0, 34)
        for i in entities.indices { try ws.setColumnWidth(1 + 2 * i, 1 + 2 * i, 14); try ws.setColumnWidth(2 + 2 * i, 2 + 2 * i, 6) }
        try ws.setColumnWidth(firstLA, nationalCol, 12)

        try ws.merge(row: 0, firstCol: 0, lastCol: nationalCol, "\(trust) — overview \(year)", .title)
        try ws.setRowHeight(1, 26)
        try ws.merge(row: 1, firstCol: 0, lastCol: nationalCol,
                     "Figures for \(year). The trust column pools all the trust's pupils (never an average of school percentages). n = pupils behind the figure. \(settings.rag.legend(RAGThresholds.Kind.allCases))", CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        var header = [CellValue.string("Measure")]
        for e in entities { header += [.string(e.name), .string("n")] }
        header += las.map { CellValue.string("LA: \($0)") } + [.string("National")]
        // School names wrap in their narrow columns: room for four lines.
        try ws.setRowHeight(3, 54)
        try ws.writeRow(3, header, from: 0, CellFormat.header.with { $0.verticalAlign = .bottom })
        ws.freezePanes(row: 4, col: 1)
        try ws.repeatRows(first: 3, last: 3)

        var row = 4
        for block in CardBlocks.overview {
            let urns = entities.map(\.urn)
            if CardBlocks.datasetBlocks.contains(block), !urns.contains(where: { table.hasAny($0, measures: block.measures) }) { continue }
            try ws.write(row, 0, .string(block.title), .sectionHeader)
            row += 1
            guard urns.contains(where: { table.hasAny($0, measures: block.measures) }) else {
                try ws.write(row, 0, .string("no data in this run"), .note)
                row += 2
                continue
            }
            if let note = overviewNote(block, entities: entities, table: table, year: year) {
                try ws.merge(row: row, firstCol: 0, lastCol: nationalCol, note, CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
                try ws.setRowHeight(row, Double(max(1, (note.count + 159) / 160)) * 12.5)
                row += 1
            }
            for line in block.lines {
                let cells = urns.map { table.row($0, line.measure, group: line.group, year: line.year(year)) }
                guard cells.contains(where: { $0 != nil }) else { continue }
                try ws.write(row, 0, .string(line.label(year)), CellFormat(border: true))
                for (i, r) in cells.enumerated() {
                    try ws.write(row, 1 + 2 * i, CardCells.value(r, measure: line.measure),
                                 CardCells.format(line.measure, rag: CardCells.rag(r, settings: settings), small: r?.smallCohort == true))
                    let n = CardCells.countsPupils(line.measure) ? r?.denominator : nil
                    try ws.write(row, 2 + 2 * i, .optionalNumber(n), CellFormat.integer.with {
                        $0.border = true
                        if r?.smallCohort == true { $0.italic = true; $0.fontColor = RAG.smallGroupGrey }
                    })
                }
                // The LA figure of the first school in each LA that has one (LA figures are per LA, not per school).
                for (j, la) in las.enumerated() {
                    let v = schools.filter { $0.laName == la }.lazy.compactMap { table.row($0.urn, line.measure, group: line.group, year: line.year(year))?.la }.first
                    try ws.write(row, firstLA + j, CardCells.comparison(v, measure: line.measure), CardCells.format(line.measure))
                }
                let national = cells.lazy.compactMap { $0?.national }.first
                try ws.write(row, nationalCol, CardCells.comparison(national, measure: line.measure), CardCells.format(line.measure))
                row += 1
            }
            row += 1
        }
    }

    /// Period and basis of the block's figures, and pupils left out by rejected rows school by school.
    static func overviewNote(_ block: CardBlocks.Block, entities: [(name: String, urn: String)], table: CardFigures, year: AcademicYear) -> String? {
        let rows = entities.flatMap { e in block.lines.map { table.row(e.urn, $0.measure, group: $0.group, year: $0.year(year)) } }
        var parts = [FigureNotes.period(rows), FigureNotes.basis(rows)].compactMap { $0 }
        let left = entities.compactMap { e -> String? in
            let n = block.lines.compactMap { table.row(e.urn, $0.measure, group: $0.group, year: $0.year(year))?.leftOut }.max()
            return n.map { "\(e.name) \($0)" }
        }
        if !left.isEmpty { parts.append("Pupils left out: data problems, see Data quality — " + left.joined(separator: ", ")) }
        return parts.isEmpty ? nil : parts.joined(separator: ". ") + "."
    }
}
