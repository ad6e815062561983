/// The first sheet of every school workbook: one landscape A4 page modelled on the academy cards
/// trusts already use — context, phonics, KS2, attendance and finance with three years side by side,
/// n, what one pupil is worth, target, national and LA, RAG against national; then the school's tier
/// and triggered interventions with the figures behind them, and two small charts.
/// Reads only the measure table, so a block with no figures in this run says so.
public enum AcademyCardSheet {
    public static let sheetName = "Academy card"
    static let headers = ["", "", "", "", "n", "1 pupil", "Target", "National", "LA", "vs national"]
    static let lastCol = 9
    static let chartCol = 11

    public static func write(into workbook: Workbook, school: School, measures: [MeasureRow],
                             support: SupportAssessment?, year: AcademicYear, settings: PipelineSettings) throws {
        try write(into: workbook, school: school, measureParts: [measures], support: support, year: year, settings: settings)
    }

    /// The figures as `SchoolReport.measureParts` (read in place, not joined).
    public static func write(into workbook: Workbook, school: School, measureParts: [[MeasureRow]],
                             support: SupportAssessment?, year: AcademicYear, settings: PipelineSettings,
                             periods: DataPeriods? = nil) throws {
        let years = [year.previous.previous, year.previous, year]
        let table = CardFigures(parts: measureParts, urn: school.urn, currentYear: year, years: years)
        let ws = try workbook.addWorksheet(sheetName)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 1)
        ws.setMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.5)
        ws.hideGridlines()
        try ws.setColumnWidth(0, 0, 32)
        try ws.setColumnWidth(1, 3, 10)
        try ws.setColumnWidth(4, 5, 7)
        try ws.setColumnWidth(6, 9, 10)
        try ws.setColumnWidth(10, 10, 2)

        var row = 0
        try ws.merge(row: row, firstCol: 0, lastCol: lastCol, "\(school.name) — academy card \(year)", .title)
        row += 1
        var facts = ["URN \(school.urn)", school.laName, school.phase].filter { !$0.isEmpty }
        facts.append(support?.tierLabel ?? "Tier not assessed")
        if let support, support.supportLevel != nil { facts.append(support.supportLabel) }
        try ws.merge(row: row, firstCol: 0, lastCol: lastCol, facts.joined(separator: " · "), .subtitle)
        row += 1
        try ws.setRowHeight(row, 24)
        try ws.merge(row: row, firstCol: 0, lastCol: lastCol,
                     "n = pupils behind the figure (grey italic: fewer than \(settings.minGroupSize)); 1 pupil = points one pupil is worth. \(settings.rag.legend(RAGThresholds.Kind.allCases))",
                     CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        row += 2

        for block in CardBlocks.all {
            try ws.write(row, 0, .string(block.title), .sectionHeader)
            // The period the block's figures cover, beside its title (not wrapped: it runs across the card).
            if let period = periods?.forBlock(block.title) { try ws.write(row, 1, .string(period), .note) }
            row += 1
            var header = headers
            for (i, y) in years.enumerated() { header[1 + i] = y.description }
            header[0] = "Measure"
            try ws.writeRow(row, header.map(CellValue.string), from: 0, .header)
            row += 1
            guard table.hasAny(school.urn, measures: block.measures) else {
                try ws.write(row, 0, .string("no data in this run"), .note)
                row += 2
                continue
            }
            // The period, the national figure's basis and pupils left out by rejected rows, beside the block.
            let codes = block == CardBlocks.phonics ? CardBlocks.phonicsCodes { table.row(school.urn, $0, year: year)?.value } : nil
            if let note = [FigureNotes.all(block.lines.map { table.row(school.urn, $0.measure, group: $0.group, year: year) }), codes]
                .compactMap({ $0 }).joined(separator: " ").nilIfEmpty {
                try ws.merge(row: row, firstCol: 0, lastCol: lastCol, note, CellFormat.note.with { $0.wrap = true })
                try ws.setRowHeight(row, Double(max(1, (note.count + 139) / 140)) * 12.5)
                row += 1
            }
            for line in block.lines {
                let now = table.row(school.urn, line.measure, group: line.group, year: year)
                let history = years.map { table.row(school.urn, line.measure, group: line.group, year: $0) }
                guard history.contains(where: { $0 != nil }) else { continue }
                try writeLine(ws, row: row, line: line, now: now, history: history, settings: settings)
                row += 1
            }
            row += 1
        }

        row = try writeSupport(ws, row: row, support: support)
        try writeCharts(ws, row: row + 1, school: school, table: table, years: years)
    }

    static func writeLine(_ ws: Worksheet, row: Int, line: CardBlocks.Line, now: MeasureRow?, history: [MeasureRow?],
                          settings: PipelineSettings) throws {
        let m = line.measure
        let bordered = CellFormat(border: true)
        try ws.write(row, 0, .string(line.label), bordered)
        for (i, r) in history.enumerated() {
            let isNow = i == history.count - 1
            try ws.write(row, 1 + i, CardCells.value(r, measure: m),
                         CardCells.format(m, rag: isNow ? CardCells.rag(r, settings: settings) : nil, bold: isNow,
                                          small: isNow && r?.smallCohort == true))
        }
        let unit = CardCells.unit(m)
        let n = CardCells.countsPupils(m) ? now?.denominator : nil
        let small = now?.smallCohort ?? false
        try ws.write(row, 4, .optionalNumber(n), CellFormat.integer.with { $0.border = true; if small { $0.italic = true; $0.fontColor = RAG.smallGroupGrey } })
        let onePupil = n.flatMap { $0 > 0 ? 100 / $0 : nil }
        try ws.write(row, 5, .optionalNumber(onePupil), CellFormat.decimal1.with { $0.border = true })
        try ws.write(row, 6, CardCells.comparison(now?.target, measure: m), CardCells.format(m))
        try ws.write(row, 7, CardCells.comparison(now?.national, measure: m), CardCells.format(m))
        try ws.write(row, 8, CardCells.comparison(now?.la, measure: m), CardCells.format(m))
        // Shown to one decimal place, so a difference of -0.04 reads 0.0 rather than -0.0.
        let diff = unit == .percent ? now?.diffNational.map { ($0 * 10).rounded() / 10 + 0 } : nil
        try ws.write(row, 9, .optionalNumber(diff), CellFormat.points.with {
            $0.border = true
            $0 = RAG.styled($0, CardCells.rag(now, settings: settings), small: small)
        })
    }

    static func writeSupport(_ ws: Worksheet, row start: Int, support: SupportAssessment?) throws -> Int {
        var row = start
        try ws.write(row, 0, .string("Support"), .sectionHeader)
        row += 1
        let wrap = CellFormat(verticalAlign: .top, wrap: true)
        let label = CellFormat(bold: true, verticalAlign: .top)
        guard let support else {
            try ws.write(row, 0, .string("no framework assessment in this run"), .note)
            return row + 1
        }
        // The tier in its support level's colour, as on the Support sheet and the trigger rows below.
        try ws.write(row, 0, .string(support.tierLabel), label.with { $0.fill = support.supportLevel?.rag.fill })
        try ws.merge(row: row, firstCol: 1, lastCol: lastCol, support.tierNote, wrap)
        row += 1
        for e in support.tier?.evidence ?? [] {
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, "• " + e.summary, CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
            row += 1
        }
        if let level = support.supportLevel {
            try ws.write(row, 0, .string("Support level"), label.with { $0.fill = level.rag.fill })
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, support.supportLabel + " — the highest of the tier's level and the triggers' levels below (core < additional < intensive)", wrap)
            row += 1
        }
        // Each category as set by the CEO/CFO (judgements file) beside what the figures indicate; a difference in amber.
        for check in support.categories {
            let text = check.summary + ". Figures: " + check.reasons
            try ws.setRowHeight(row, Double(max(1, (text.count + 119) / 120)) * 12.5 + 2)
            try ws.write(row, 0, .string("\(check.area): set / figures"), label.with { $0.fill = check.differs == true ? RAG.amber.fill : nil })
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, text, wrap)
            row += 1
        }
        if support.triggers.isEmpty {
            try ws.write(row, 0, .string("Interventions"), label)
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, "No intervention triggers", wrap)
            row += 1
        }
        for t in support.triggers {
            let fill = t.level.rag
            // The level in the label column, the trigger and its evidence across the card (long text wraps there).
            let text = "\(t.name): " + t.evidence.map(\.summary).joined(separator: "; ")
            // About 120 characters fit across the merged cells at this font; give each line its height.
            try ws.setRowHeight(row, Double(max(1, (text.count + 119) / 120)) * 12.5 + 2)
            try ws.write(row, 0, .string("\(t.level.label) support"), label.with { $0.fill = fill.fill })
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, text, wrap)
            row += 1
        }
        return row
    }

    /// Chart data sits below the card (charts need cells to read); the charts sit to the right.
    static func writeCharts(_ ws: Worksheet, row start: Int, school: School, table: CardFigures, years: [AcademicYear]) throws {
        let series: [(String, String, String)] = [("ks2.rwm.expected", "KS2 RWM % expected", "RWM"),
                                                  ("attendance.attendance_rate", "Attendance", "Attend.")]
        let present = series.filter { s in years.contains { table.row(school.urn, s.0, year: $0)?.value != nil } }
        guard !present.isEmpty else { return }
        var row = start
        try ws.write(row, 0, .string("Chart data"), .note)
        row += 1
        try ws.writeRow(row, [.string("Year")] + present.flatMap { [CellValue.string($0.2), .string("National")] }, from: 0,
                        CellFormat.header.with { $0.wrap = false })
        let first = row + 1
        for y in years {
            row += 1
            try ws.write(row, 0, .string(y.description))
            for (i, s) in present.enumerated() {
                let r = table.row(school.urn, s.0, year: y)
                try ws.write(row, 1 + 2 * i, .optionalPercent(r?.value))
                try ws.write(row, 2 + 2 * i, .optionalPercent(r?.national))
            }
        }
        for (i, s) in present.enumerated() {
            let cats = CellRange.formula(sheet: sheetName, firstRow: first, firstCol: 0, lastRow: row, lastCol: 0)
            let col = 1 + 2 * i
            let chart = ChartSpec(kind: .line, title: "\(s.1) against national", yAxisNumberFormat: "0%", series: [
                .init(name: school.name, categories: cats,
                      values: CellRange.formula(sheet: sheetName, firstRow: first, firstCol: col, lastRow: row, lastCol: col)),
                .init(name: "National", categories: cats,
                      values: CellRange.formula(sheet: sheetName, firstRow: first, firstCol: col + 1, lastRow: row, lastCol: col + 1)),
            ], widthScale: 0.9, heightScale: 0.8)
            try ws.insertChart(row: 4 + 15 * i, col: chartCol, chart: chart)
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
