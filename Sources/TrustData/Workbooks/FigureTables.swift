/// The tables the EYFS, multiplication check and exclusions sheets share, written from their
/// `MeasureRow`s (so a sheet says exactly what `measures.csv` says): the headline figures with national
/// and LA, one measure by group, the trend by year, and the trust's schools side by side. Percentages
/// as percent cells, scores to one decimal, rates per 100 pupils to two; n beside every figure and the
/// small-group note under the pipeline's minimum group size.
enum FigureTables {
    struct Line {
        let measure: MeasureID
        let label: String
        init(_ measure: MeasureID, _ label: String) {
            self.measure = measure
            self.label = label
        }
    }

    static let header = ["", "Number", "Out of", "Figure", "National", "LA", "Diff. national", "Note"]
    static let widths: [Double] = [44, 9, 9, 10, 10, 10, 11, 46]

    static func setWidths(_ ws: Worksheet) throws {
        for (i, w) in widths.enumerated() { try ws.setColumnWidth(i, i, w) }
    }

    /// The sheet's definition line under its title, wrapped across `columns` columns (it runs to two or
    /// three lines: DfE's definitions are long).
    static func subtitle(_ ws: Worksheet, row: Int, _ text: String, columns: Int = widths.count, width: Double = widths.reduce(0, +)) throws {
        try ws.merge(row: row, firstCol: 0, lastCol: columns - 1, text, CellFormat.subtitle.with { $0.wrap = true; $0.verticalAlign = .top })
        let lines = max(1, Int((Double(text.count) * 1.1 / width).rounded(.up)))
        try ws.setRowHeight(row, Double(lines) * 13)
    }

    /// One row per line (`group`, the lead year): its numerator, denominator, figure, national, LA,
    /// difference from national (RAG-coloured in the measure's direction) and small-group note.
    static func figures(_ ws: Worksheet, row: inout Int, title: String, firstColumn: String, lines: [(Line, MeasureRow?)],
                        context: AnalysisContext) throws {
        try ws.write(row, 0, .string(title), .sectionHeader)
        row += 1
        try ws.writeRow(row, ([firstColumn] + header.dropFirst()).map(CellValue.string), from: 0, .header)
        row += 1
        for (line, r) in lines {
            guard let r else { continue }
            let small = r.smallCohort
            // The number behind a percentage or rate (pupils, suspensions); an average's sum of scores is not shown.
            let unit = CardCells.unit(line.measure)
            try ws.write(row, 0, .string(line.label), CellFormat(border: true))
            try ws.write(row, 1, .optionalNumber(unit == .percent || unit == .ratePer100 ? r.numerator : nil), CellFormat.integer.with { $0.border = true })
            try ws.write(row, 2, .optionalNumber(r.denominator), CellFormat.integer.with { $0.border = true })
            try ws.write(row, 3, CardCells.value(r, measure: line.measure), CardCells.format(line.measure, small: small))
            try ws.write(row, 4, CardCells.comparison(r.national, measure: line.measure), CardCells.format(line.measure))
            try ws.write(row, 5, CardCells.comparison(r.la, measure: line.measure), CardCells.format(line.measure))
            let rag = CardCells.rag(r, settings: context.config.settings)
            try ws.write(row, 6, .optionalNumber(r.diffNational), RAG.styled(CellFormat.points.with { $0.border = true }, rag, small: small))
            let note = r.text ?? GroupMembership.smallNote(Int(r.denominator ?? 0), minimum: context.minGroupSize)
            try ws.write(row, 7, .string(note), CellFormat.note)
            row += 1
        }
        row += 1
    }

    /// `measure` by every group with a figure in `rows` (lead year), in `PupilGroup.withFSM` order.
    static func byGroup(_ ws: Worksheet, row: inout Int, title: String, measure: MeasureID, rows: [MeasureRow], year: String,
                        context: AnalysisContext) throws {
        let lines = PupilGroup.withFSM.map { g in
            (Line(measure, g.label), rows.first { $0.measure == measure.text && $0.group == g.rawValue && $0.year == year })
        }
        try figures(ws, row: &row, title: title, firstColumn: "Group", lines: lines, context: context)
    }

    /// Years down, `lines` across (group all): the trend.
    static func trend(_ ws: Worksheet, row: inout Int, lines: [Line], rows: [MeasureRow]) throws {
        let years = Array(Set(rows.map(\.year))).sorted()
        guard years.count > 1 else { return }
        try ws.write(row, 0, .string("Trend (all pupils)"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ([CellValue.string("Year")] + lines.flatMap { [CellValue.string($0.label), .string("n")] }), from: 0, .header)
        row += 1
        for y in years {
            try ws.write(row, 0, .string(y), CellFormat(border: true))
            for (i, line) in lines.enumerated() {
                let r = rows.first { $0.year == y && $0.measure == line.measure.text && $0.group == "all" }
                try ws.write(row, 1 + 2 * i, CardCells.value(r, measure: line.measure), CardCells.format(line.measure, small: r?.smallCohort == true))
                try ws.write(row, 2 + 2 * i, .optionalNumber(r?.denominator), CellFormat.integer.with { $0.border = true })
            }
            row += 1
        }
        row += 1
    }

    /// The trust sheet: schools down (then the pooled trust), `lines` across with n, national last.
    static func schools(_ ws: Worksheet, row: inout Int, lines: [Line], schools: [(String, [MeasureRow])], trust: [MeasureRow],
                        year: String, context: AnalysisContext) throws {
        try ws.writeRow(row, ([CellValue.string("School")] + lines.flatMap { [CellValue.string($0.label), .string("n")] }), from: 0, .header)
        row += 1
        func write(_ name: String, _ rows: [MeasureRow], bold: Bool) throws {
            try ws.write(row, 0, .string(name), CellFormat(bold: bold, border: true))
            for (i, line) in lines.enumerated() {
                let r = rows.first { $0.year == year && $0.measure == line.measure.text && $0.group == "all" }
                try ws.write(row, 1 + 2 * i, CardCells.value(r, measure: line.measure),
                             CardCells.format(line.measure, rag: CardCells.rag(r, settings: context.config.settings), bold: bold, small: r?.smallCohort == true))
                try ws.write(row, 2 + 2 * i, .optionalNumber(r?.denominator), CellFormat.integer.with { $0.border = true })
            }
            row += 1
        }
        for (name, rows) in schools { try write(name, rows, bold: false) }
        try write("Trust (all pupils, pooled)", trust, bold: true)
        try ws.write(row, 0, .string("National"), CellFormat(italic: true, border: true))
        for (i, line) in lines.enumerated() {
            let national = trust.first { $0.year == year && $0.measure == line.measure.text && $0.group == "all" }?.national
            try ws.write(row, 1 + 2 * i, CardCells.comparison(national, measure: line.measure), CardCells.format(line.measure))
        }
        row += 2
    }
}
