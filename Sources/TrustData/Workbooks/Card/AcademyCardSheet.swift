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
            // Year columns just wide enough for "2022/23" in bold on one line (a wrapped header row
            // costs the one page its room); the "1 pupil", target and comparison columns give up the width.
            try ws.setColumnWidth(start + 1, start + 3, 8)
            try ws.setColumnWidth(start + 4, start + 4, 5)
            try ws.setColumnWidth(start + 5, start + 5, 6.75)
            try ws.setColumnWidth(start + 6, start + 9, 6.75)
        }
        try ws.setColumnWidth(10, 10, 1.5)

        try ws.merge(row: 0, firstCol: 0, lastCol: lastCol, "\(school.name) — academy card \(year)", .title)
        var facts = ["URN \(school.urn)", school.laName, school.phase].filter { !$0.isEmpty }
        facts.append(support?.tierLabel ?? "Tier not assessed")
        if let support, support.supportLevel != nil { facts.append(support.supportLabel) }
        // The facts over the left panel and the key to n beside them, so the colour key below takes one line.
        try ws.merge(row: 1, firstCol: 0, lastCol: 9, facts.joined(separator: " · "), .subtitle)
        try ws.merge(row: 1, firstCol: 11, lastCol: lastCol,
                     "n = pupils behind the figure (grey italic: fewer than \(settings.minGroupSize)); 1 pupil = points one pupil is worth.", .note)
        try ws.merge(row: 2, firstCol: 0, lastCol: lastCol, legend(settings.rag), CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        var header = headers
        for (i, y) in years.enumerated() { header[1 + i] = y.description }
        for start in panels { try ws.writeRow(3, header.map(CellValue.string), from: start, CellFormat.header.with { $0.wrap = false; $0.verticalAlign = .bottom }) }

        let urn = school.urn
        // Each block's period, national basis and pupils left out, gathered for the foot of the card.
        var notes: [String] = []
        var left = CardLayout.left.flatMap { items($0, table: table, urn: urn, year: year, years: years, periods: periods, notes: &notes) }
        var right = CardLayout.right.flatMap { items($0, table: table, urn: urn, year: year, years: years, periods: periods, notes: &notes) }
        let text = { (id: String) in table.row(urn, MeasureID(id), year: year)?.text }
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
            // Across the whole card (not beside a label) so the notes take as few lines as they can.
            try ws.merge(row: row, firstCol: 0, lastCol: lastCol, "Notes — " + gathered(notes).map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " "),
                         CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        }
    }

    /// Block titles in body-size bold (a 12 pt title row is 3 points taller, and the card has a dozen).
    /// (Its size said, so a long title runs on across the empty cells beside it rather than wrapping.)
    static let blockTitle = CellFormat.sectionHeader.with { $0.fontSize = PagePlan.bodyPoints }

    /// The colour bands in brief, so the key above the panels takes one line, not three.
    static func legend(_ rag: RAGThresholds) -> String {
        let kinds = RAGThresholds.Kind.allCases
        let greens = Set(kinds.map { rag.band($0).greenFrom })
        if greens.count == 1, let green = greens.first {
            let floors = kinds.map { "\($0.label)\($0 == .absence ? " (lower is better)" : "") \(RAGThresholds.signed(rag.band($0).redBelow))" }
            return "Against national, in points: green \(RAGThresholds.signed(green)) or better; amber down to: "
                + floors.joined(separator: ", ") + "; red beyond; small groups grey, never coloured."
        }
        let parts = RAGThresholds.Kind.allCases.map { kind -> String in
            let b = rag.band(kind)
            return "\(kind.label)\(kind == .absence ? " (lower is better)" : ""): green \(RAGThresholds.signed(b.greenFrom)) or better, amber to \(RAGThresholds.signed(b.redBelow))"
        }
        return "Against national, in points — " + parts.joined(separator: "; ") + "; red beyond. Small groups grey, never coloured."
    }

    /// Whether `text` needs more than one line across the columns: a one-line text is not set to wrap,
    /// so its row keeps the default 15 points rather than a wrapped line's 16 (the card has many).
    static func wraps(_ text: String, ws: Worksheet, from first: Int, to last: Int) -> Bool {
        let pixels = (first...last).reduce(0.0) { $0 + TextMetrics.columnPixels(ws.width($1)) }
        return TextMetrics.lines(text, columnPixels: pixels, size: PagePlan.bodyPoints, bold: false) > 1
    }

    /// The blocks' notes with a national basis said once for all the blocks sharing it (most share
    /// the LA tables' England row), so the notes row stays short.
    static func gathered(_ notes: [String]) -> [String] {
        var blocksByBasis: [String: [String]] = [:]
        for note in notes {
            guard let colon = note.range(of: ": "), let basis = note.range(of: "National: ") else { continue }
            let end = note[basis.upperBound...].range(of: ").")?.upperBound ?? note.endIndex
            blocksByBasis[String(note[basis.lowerBound..<end]), default: []].append(String(note[..<colon.lowerBound]))
        }
        let shared = blocksByBasis.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        guard !shared.isEmpty else { return notes }
        var out: [String] = notes.compactMap { note in
            var n = note
            for (basis, _) in shared { n = n.replacingOccurrences(of: " " + basis, with: "").replacingOccurrences(of: basis, with: "") }
            return n.hasSuffix(":") ? nil : n
        }.map { note in
            // "KS2: KS2 2024/25: tests May 2025" says the block once.
            guard let colon = note.range(of: ": ") else { return note }
            let title = note[..<colon.lowerBound], rest = note[colon.upperBound...]
            return rest.hasPrefix(title + " ") ? String(rest) : note
        }
        for (basis, blocks) in shared {
            out.append(basis.replacingOccurrences(of: "National: ", with: "National otherwise: "))
        }
        return out
    }

    /// A block's rows: its title (with its period, basis and left-out note), then each line with a
    /// figure in one of the three years; or, with none, a line saying the data is missing.
    static func items(_ block: CardLayout.Block, table: CardFigures, urn: String, year: AcademicYear, years: [AcademicYear],
                      periods: DataPeriods?, notes: inout [String]) -> [Item] {
        let lines = block.lines.filter { line in years.contains { table.row(urn, line.measure, group: line.group, year: $0) != nil } }
        guard !lines.isEmpty else { return [.title(block.title), .words("", block.noData, fill: nil)] }
        let codes = block.title == CardBlocks.phonics.title ? CardBlocks.phonicsCodes { table.row(urn, MeasureID($0), year: year)?.value } : nil
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
            try ws.write(row, col, .string(title), blockTitle)
        case .line(let line):
            let history = years.map { table.row(urn, line.measure, group: line.group, year: $0) }
            try writeLine(ws, row: row, col: col, line: line, now: history.last!, history: history, settings: settings)
        case .words(let label, let text, let fill):
            try ws.write(row, col, .string(label), CellFormat(bold: true, verticalAlign: .top).with { $0.fill = fill?.fill })
            try ws.merge(row: row, firstCol: col + 1, lastCol: col + 9, text,
                         CellFormat(verticalAlign: .top, wrap: wraps(text, ws: ws, from: col + 1, to: col + 9)).with { $0.fill = fill?.fill })
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
        try ws.write(row, 0, .string("Tier and support"), blockTitle)
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
            try ws.merge(row: row, firstCol: 1, lastCol: lastCol, text, wrap.with { $0.wrap = wraps(text, ws: ws, from: 1, to: lastCol) })
            row += 1
        }
        return row
    }
}
