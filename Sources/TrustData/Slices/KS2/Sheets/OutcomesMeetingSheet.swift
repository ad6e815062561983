/// A school's "Outcomes meeting" sheet: one row per pupil of this school only (privacy), each subject's
/// result against the FFT estimate, sorted with pupils below estimate first, ready to filter and print.
struct OutcomesMeetingSheet {
    let report: KS2SchoolReport
    let school: School
    let context: AnalysisContext

    static let testColumns = ["result", "estimate", "gap", "status", "counted"]

    /// A pupil with their gap against estimate in each assessed subject (`KS2Subject.assessed` order),
    /// worked out once: the sort compares pupils many times and the row needs the gaps again.
    struct Entry {
        let pupil: KS2Pupil
        let gaps: [FFTGap?]
        let key: (Int, Int, Int)

        init(_ pupil: KS2Pupil) {
            self.pupil = pupil
            gaps = KS2Subject.assessed.map { FFTGap.of(pupil, $0) }
            let statuses = gaps.compactMap { $0?.status }
            let best = statuses.map(\.sortOrder).min() ?? FFTGap.Status.allCases.count
            key = (best, -statuses.filter { $0 == .below }.count, -statuses.filter { $0 == .noResult }.count)
        }

        func gap(_ subject: KS2Subject) -> FFTGap? { KS2Subject.assessed.firstIndex(of: subject).flatMap { gaps[$0] } }
    }

    /// Pupils below estimate in more subjects first, then no-result, then by name.
    static func sorted(_ pupils: [KS2Pupil]) -> [Entry] {
        pupils.map(Entry.init).sorted { a, b in
            if a.key != b.key { return a.key < b.key }
            return (a.pupil.surname, a.pupil.forename, a.pupil.upn) < (b.pupil.surname, b.pupil.forename, b.pupil.upn)
        }
    }

    func write(into workbook: Workbook) throws {
        let ws = try workbook.addWorksheet("Outcomes meeting")
        let lead = report.leadYear ?? context.year
        let pupils = Self.sorted(report.leadPupils)
        let title = "Outcomes meeting — \(school.name) — KS2 \(lead) against \(report.fftBenchmark) estimates"
        try ws.write(0, 0, .string(title), .title)
        try ws.write(1, 0, .string("Estimates are \(report.fftBenchmark) estimates, not targets. Gap = actual − estimated scaled score. Status compares bands (below / expected / higher; writing: EM < PK1–PK6 < WTS < EXS < GDS). \"Counted\" says whether the pupil is in the DfE denominator and why. Sorted: pupils below estimate first. \(pupils.count) pupils."), .note)

        let headerRow = 2
        var header: [CellValue] = [.string("Surname"), .string("Forename"), .string("UPN"), .string("Groups")]
        for s in KS2Subject.tests {
            header += [.string("\(s.label) result"), .string("\(s.label) estimate"), .string("\(s.label) gap"),
                       .string("\(s.label) status"), .string("\(s.label) counted")]
        }
        header += [.string("Writing result"), .string("Writing estimate"), .string("Writing status"), .string("Writing counted"),
                   .string("RWM"), .string("RWM chance (%)"), .string("RWM counted")]
        try ws.writeRow(headerRow, header, from: 0, .header)
        let lastCol = header.count - 1

        // A number's format depends only on its column.
        let numberFormats: [CellFormat] = header.map { value in
            let name = value.text ?? ""
            return name.hasSuffix("gap") ? .points : name.hasSuffix("result") ? .integer : .decimal1
        }
        // Each column's C format looked up once, when first used (as the per-cell lookup created them),
        // not per cell: this sheet has a row per pupil.
        var columnFormats = ColumnFormats(numberFormats)
        var row = headerRow + 1
        for entry in pupils {
            let p = entry.pupil
            var cells: [CellValue] = [.string(p.surname), .string(p.forename), .string(p.upn),
                                      .string(p.groups.filter { $0 != .all }.map(\.label).joined(separator: ", "))]
            for s in KS2Subject.tests {
                let r = p.result(s)
                let g = entry.gap(s)
                cells += [result(r), p.estimates.score(s).map { .number($0) } ?? .blank, .optionalNumber(g?.gap),
                          .optionalString(g?.status.rawValue), .string(r.reason)]
            }
            let w = p.result(.writing)
            let wg = entry.gap(.writing)
            cells += [result(w), .optionalString(p.estimates.writing), .optionalString(wg?.status.rawValue), .string(w.reason)]
            let rwm = p.result(.rwm)
            cells += [.string(rwm.raw), .optionalNumber(p.estimates.rwmChance), .string(rwm.reason)]
            for (col, value) in cells.enumerated() {
                switch value {
                case .number:
                    try ws.write(row, col, value, columnFormats.number(col, workbook))
                case .string(let text) where !text.isEmpty:
                    try ws.write(row, col, value) // a plain text cell goes without a format (see `Worksheet.write`)
                case .string, .blank:
                    try ws.write(row, col, value, columnFormats.plain(workbook))
                default:
                    try ws.write(row, col, value, .plain)
                }
            }
            row += 1
        }
        let lastRow = max(row - 1, headerRow)
        try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: lastRow, lastCol: lastCol)
        ws.freezePanes(row: headerRow + 1, col: 2)
        if row > headerRow + 1 {
            let red = CellFormat(fontColor: RAG.red.fontColor, fill: RAG.red.fill)
            let green = CellFormat(fontColor: RAG.green.fontColor, fill: RAG.green.fill)
            let amber = CellFormat(fontColor: RAG.amber.fontColor, fill: RAG.amber.fill)
            for (col, value) in header.enumerated() {
                let name = value.text ?? ""
                if name.hasSuffix("status") {
                    try ws.conditionalFormat(firstRow: headerRow + 1, firstCol: col, lastRow: lastRow, lastCol: col, .textContains("Below", red))
                    try ws.conditionalFormat(firstRow: headerRow + 1, firstCol: col, lastRow: lastRow, lastCol: col, .textContains("Ahead", green))
                    try ws.conditionalFormat(firstRow: headerRow + 1, firstCol: col, lastRow: lastRow, lastCol: col, .textContains("No result", amber))
                } else if name.hasSuffix("gap") {
                    try ws.conditionalFormat(firstRow: headerRow + 1, firstCol: col, lastRow: lastRow, lastCol: col, .lessThan(0, CellFormat(fontColor: RAG.red.fontColor)))
                }
            }
        }
        try ws.setColumnWidth(0, 1, 14)
        try ws.setColumnWidth(2, 2, 15)
        try ws.setColumnWidth(3, 3, 26)
        try ws.setColumnWidth(4, lastCol, 11)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        try ws.repeatRows(first: headerRow, last: headerRow)
    }

    /// The result as the data manager recognises it: the score (numeric, for filtering) or the code/outcome.
    func result(_ r: KS2SubjectResult) -> CellValue {
        if let score = r.scaledScore, !r.specialConsideration { return .number(Double(score)) }
        return .string(r.raw)
    }
}

/// The formats of `OutcomesMeetingSheet`'s cells, resolved in the workbook on first use: exactly the
/// formats `Worksheet.write(_:_:_:_:)` with the column's `CellFormat` would look up.
struct ColumnFormats {
    let specs: [CellFormat]
    private var numbers: [Format?]
    private var plainFormat: Format?

    init(_ specs: [CellFormat]) {
        self.specs = specs
        numbers = Array(repeating: nil, count: specs.count)
    }

    /// A number cell's format: the column's (none of them is `.plain`, so never left out).
    mutating func number(_ col: Int, _ workbook: Workbook) -> Format {
        if let known = numbers[col] { return known }
        let format = workbook.format(specs[col])
        numbers[col] = format
        return format
    }

    /// The format of a blank cell or an empty text (written as a blank), which needs one to be written.
    mutating func plain(_ workbook: Workbook) -> Format {
        if let plainFormat { return plainFormat }
        let format = workbook.format(.plain)
        plainFormat = format
        return format
    }
}

extension CellValue {
    var text: String? { if case .string(let s) = self { return s }; return nil }
}
