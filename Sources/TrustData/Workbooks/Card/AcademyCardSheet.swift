/// The first sheet of every school workbook: ONE landscape A4 page modelled on the academy card of the
/// trusts' school-improvement model (its card appendix). Two panels of figures side by side (left:
/// context against national, phonics, EYFS, KS2, multiplication check; right: attendance, behaviour,
/// finance, then Ofsted and next steps and the categories as set beside what the figures indicate),
/// each figure with three years, n, what one pupil is worth, target, national, LA and RAG against
/// national; then the tier and the interventions across the foot with the figures behind them.
/// Reads only the measure table, so a block with no figures in this run says which data is missing.
public enum AcademyCardSheet {
    public static let sheetName = "Academy card"
    static let headers = ["Measure", "", "", "", "n", "1 pupil", "Target", "Nat.", "LA", "vs nat."]
    /// The panels' first columns; each panel is ten columns wide, with a narrow gap between.
    static let panels = [0, 11]
    static let lastCol = 20

    public static func write(into workbook: Workbook, school: School, measures: [MeasureRow],
                             support: SupportAssessment?, year: AcademicYear, settings: PipelineSettings) throws {
        try write(into: workbook, school: school, measureParts: [measures], support: support, year: year, settings: settings)
    }

    /// One row of a panel.
    enum Item {
        case title(String)
        case line(CardBlocks.Line)
        /// A label and words across the rest of the panel (`fill` for a flagged row).
        case words(String, String, fill: RAG?)
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
        for start in panels {
            try ws.setColumnWidth(start, start, 26)
            try ws.setColumnWidth(start + 1, start + 3, 7.5)
            try ws.setColumnWidth(start + 4, start + 4, 5)
            try ws.setColumnWidth(start + 5, start + 5, 7)
            try ws.setColumnWidth(start + 6, start + 9, 7)
        }
        try ws.setColumnWidth(10, 10, 1.5)

        try ws.merge(row: 0, firstCol: 0, lastCol: lastCol, "\(school.name) — academy card \(year)", .title)
        var facts = ["URN \(school.urn)", school.laName, school.phase].filter { !$0.isEmpty }
        facts.append(support?.tierLabel ?? "Tier not assessed")
        if let support, support.supportLevel != nil { facts.append(support.supportLabel) }
        try ws.merge(row: 1, firstCol: 0, lastCol: lastCol, facts.joined(separator: " · "), .subtitle)
        try ws.merge(row: 2, firstCol: 0, lastCol: lastCol,
                     "n = pupils behind the figure (grey italic: fewer than \(settings.minGroupSize)); 1 pupil = points one pupil is worth. \(settings.rag.legend(RAGThresholds.Kind.allCases))",
                     CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        var header = headers
        for (i, y) in years.enumerated() { header[1 + i] = y.description }
        for start in panels { try ws.writeRow(3, header.map(CellValue.string), from: start, CellFormat.header.with { $0.wrap = false; $0.verticalAlign = .bottom }) }

        let urn = school.urn
        // Each block's period, national basis and pupils left out, gathered for the foot of the card.
        var notes: [String] = []
        var left = CardLayout.left.flatMap { items($0, table: table, urn: urn, year: year, years: years, periods: periods, notes: &notes) }
        var right = CardLayout.right.flatMap { items($0, table: table, urn: urn, year: year, years: years, periods: periods, notes: &notes) }
        let text = { (id: String) in table.row(urn, id, year: year)?.text }
        right.append(.title("Ofsted and next steps"))
        right += CardLayout.ofstedRows(text).map { Item.words($0.0, $0.1, fill: nil) }
        right.append(.title("Categories: set by the trust / figures"))
        right += categoryItems(support)
        // The panels end level: the shorter one is padded with empty rows.
        let count = max(left.count, right.count)
        var row = 4
        for i in 0..<count {
            if i < left.count { try write(left[i], ws: ws, row: row, col: 0, table: table, urn: urn, years: years, settings: settings) }
            if i < right.count { try write(right[i], ws: ws, row: row, col: 11, table: table, urn: urn, years: years, settings: settings) }
            row += 1
        }
        left.removeAll(); right.removeAll()
        row = try writeSupport(ws, row: row, support: support)
        if !notes.isEmpty {
            try ws.write(row, 0, .string("Notes"), CellFormat(bold: true, verticalAlign: .top))
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, notes.joined(separator: " "), CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        }
    }

    /// A block's rows: its title (with its period, basis and left-out note), then each line with a
    /// figure in one of the three years; or, with none, a line saying the data is missing.
    static func items(_ block: CardLayout.Block, table: CardFigures, urn: String, year: AcademicYear, years: [AcademicYear],
                      periods: DataPeriods?, notes: inout [String]) -> [Item] {
        let lines = block.lines.filter { line in years.contains { table.row(urn, line.measure, group: line.group, year: $0) != nil } }
        guard !lines.isEmpty else { return [.title(block.title), .words("", block.noData, fill: nil)] }
        let codes = block.title == CardBlocks.phonics.title ? CardBlocks.phonicsCodes { table.row(urn, $0, year: year)?.value } : nil
        let said = [periods?.forBlock(block.title), FigureNotes.all(lines.map { table.row(urn, $0.measure, group: $0.group, year: year) }), codes]
            .compactMap { $0 }.filter { !$0.isEmpty }
        if !said.isEmpty { notes.append("\(block.title): " + said.joined(separator: " ")) }
        return [.title(block.title)] + lines.map(Item.line)
    }

    /// Education and finance: the category the trust set beside what the figures indicate (amber where they differ).
    static func categoryItems(_ support: SupportAssessment?) -> [Item] {
        guard let support, !support.categories.isEmpty else { return [.words("", "No framework assessment in this run", fill: nil)] }
        return support.categories.map { c in .words(c.area, c.summary, fill: c.differs == true ? .amber : nil) }
    }

    static func write(_ item: Item, ws: Worksheet, row: Int, col: Int, table: CardFigures, urn: String, years: [AcademicYear],
                      settings: PipelineSettings) throws {
        switch item {
        case .title(let title):
            try ws.write(row, col, .string(title), .sectionHeader)
        case .line(let line):
            let history = years.map { table.row(urn, line.measure, group: line.group, year: $0) }
            try writeLine(ws, row: row, col: col, line: line, now: history.last!, history: history, settings: settings)
        case .words(let label, let text, let fill):
            try ws.write(row, col, .string(label), CellFormat(bold: true, verticalAlign: .top).with { $0.fill = fill?.fill })
            try ws.merge(row: row, firstCol: col + 1, lastCol: col + 9, text, CellFormat(verticalAlign: .top, wrap: true).with { $0.fill = fill?.fill })
        }
    }

    static func writeLine(_ ws: Worksheet, row: Int, col: Int, line: CardBlocks.Line, now: MeasureRow?, history: [MeasureRow?],
                          settings: PipelineSettings) throws {
        let m = line.measure
        try ws.write(row, col, .string(line.label), CellFormat(border: true))
        for (i, r) in history.enumerated() {
            let isNow = i == history.count - 1
            try ws.write(row, col + 1 + i, CardCells.value(r, measure: m),
                         CardCells.format(m, rag: isNow ? CardCells.rag(r, settings: settings) : nil, bold: isNow,
                                          small: isNow && r?.smallCohort == true))
        }
        let unit = CardCells.unit(m)
        let n = CardCells.countsPupils(m) ? now?.denominator : nil
        let small = now?.smallCohort ?? false
        try ws.write(row, col + 4, .optionalNumber(n), CellFormat.integer.with { $0.border = true; if small { $0.italic = true; $0.fontColor = RAG.smallGroupGrey } })
        let onePupil = n.flatMap { $0 > 0 ? 100 / $0 : nil }
        try ws.write(row, col + 5, .optionalNumber(onePupil), CellFormat.decimal1.with { $0.border = true })
        try ws.write(row, col + 6, CardCells.comparison(now?.target, measure: m), CardCells.format(m))
        try ws.write(row, col + 7, CardCells.comparison(now?.national, measure: m), CardCells.format(m))
        try ws.write(row, col + 8, CardCells.comparison(now?.la, measure: m), CardCells.format(m))
        // Shown to one decimal place, so a difference of -0.04 reads 0.0 rather than -0.0.
        let diff = unit == .percent ? now?.diffNational.map { ($0 * 10).rounded() / 10 + 0 } : nil
        try ws.write(row, col + 9, .optionalNumber(diff), CellFormat.points.with {
            $0.border = true
            $0 = RAG.styled($0, CardCells.rag(now, settings: settings), small: small)
        })
    }

    /// The tier with its reasons, the support level, and each intervention with its figures, across the card.
    @discardableResult
    static func writeSupport(_ ws: Worksheet, row start: Int, support: SupportAssessment?) throws -> Int {
        var row = start
        try ws.write(row, 0, .string("Tier and support"), .sectionHeader)
        row += 1
        let wrap = CellFormat(verticalAlign: .top, wrap: true)
        let label = CellFormat(bold: true, verticalAlign: .top)
        guard let support else {
            try ws.write(row, 0, .string("no framework assessment in this run"), .note)
            return row + 1
        }
        // The tier in its support level's colour, as on the Support sheet and the trigger rows below.
        let because = (support.tier?.evidence ?? []).map(\.brief)
        let tierText = ([support.tierNote] + because).joined(separator: " · ")
        try ws.write(row, 0, .string(support.tierLabel), label.with { $0.fill = support.supportLevel?.rag.fill })
        try ws.merge(row: row, firstCol: 1, lastCol: lastCol, tierText + (support.supportLevel == nil ? "" : " — \(support.supportLabel) (the highest of the tier's and the triggers' levels)"), wrap)
        row += 1
        if support.triggers.isEmpty {
            try ws.write(row, 0, .string("Interventions"), label)
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, "No intervention triggers", wrap)
            return row + 1
        }
        for t in support.triggers {
            // The level in the label column, the trigger and its figures (briefly) across the card.
            let text = "\(t.name): " + t.evidence.map(\.brief).joined(separator: "; ")
            try ws.write(row, 0, .string("\(t.level.label) support"), label.with { $0.fill = t.level.rag.fill })
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, text, wrap)
            row += 1
        }
        return row
    }
}
