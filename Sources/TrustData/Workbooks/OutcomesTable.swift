/// The table of an outcomes-meeting sheet, laid out for A4 landscape: one row per pupil and subject
/// against the FFT estimate, the gap and the status colour-filled, the pupil's characteristics in
/// separate filterable columns, and empty "Actions agreed" and "Notes" columns for the meeting. Used
/// for Year 6 (KS2 results) and for Years 3–5 (in-year assessments). Pupils furthest below first.
struct OutcomesTable {
    /// One pupil in one subject.
    struct Row {
        var surname: String
        var forename: String
        var upn: String
        var characteristics: PupilCharacteristics
        var yearGroup: Int?
        var subject: String
        /// Position of the subject in the sheet's subject order, for ties.
        var subjectOrder: Int
        var result: CellValue
        var estimate: CellValue
        var gap: Double?
        var status: FFTGap.Status?
        var band: FFTGap.BandComparison?
        /// KS2 only: in the DfE denominator ("Yes", "As not met", "No").
        var counted: String?

        /// Below first (largest gap below first), then no result, in line, ahead, no estimate.
        var key: (Int, Double) { (status?.sortOrder ?? FFTGap.Status.allCases.count, gap ?? 0) }
    }

    /// Whether the sheet has a Year column (several year groups) and a Counted column (KS2).
    let showYear: Bool
    let showCounted: Bool

    var header: [String] {
        ["Surname", "Forename", "UPN"] + (showYear ? ["Year"] : []) + ["Disadv.", "SEN", "EAL", "Gender", "Subject", "Result",
         "Estimate", "Gap", "Status", "Band vs estimate"] + (showCounted ? ["Counted"] : []) + ["Actions agreed", "Notes"]
    }

    var widths: [Double] {
        [12, 10, 15] + (showYear ? [5] : []) + [7, 5, 5, 7, 8, 7, 8, 6, 8, 11] + (showCounted ? [10] : []) + [28, 18]
    }

    static func sorted(_ rows: [Row]) -> [Row] {
        rows.sorted { a, b in
            if a.key != b.key { return a.key < b.key }
            if (a.surname, a.forename, a.upn) != (b.surname, b.forename, b.upn) { return (a.surname, a.forename, a.upn) < (b.surname, b.forename, b.upn) }
            return a.subjectOrder < b.subjectOrder
        }
    }

    /// Writes the title, the note, the header (row 3) and `rows` (already sorted) into a new sheet.
    func write(into workbook: Workbook, sheet name: String, title: String, note: String, rows: [Row], tolerance: Double) throws {
        let ws = try workbook.addWorksheet(name)
        ws.pupilLevel = true
        ws.setLandscape()
        ws.repeatedColumns = 2
        ws.printGridlines()
        let header = self.header
        for (col, width) in widths.enumerated() { try ws.setColumnWidth(col, col, width) }
        let lastCol = header.count - 1
        try ws.write(0, 0, .string(title), .title)
        try ws.merge(row: 1, firstCol: 0, lastCol: lastCol, note, CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        let headerRow = 2
        try ws.writeRow(headerRow, header.map(CellValue.string), from: 0, .header)
        let gapCol = header.firstIndex(of: "Gap")!, statusCol = header.firstIndex(of: "Status")!
        let wholeNumbers = [header.firstIndex(of: "Result")!, header.firstIndex(of: "Year")]
        // A number's format depends only on its column; each column's C format is looked up once.
        var columnFormats = ColumnFormats(header.indices.map { $0 == gapCol ? .points : wholeNumbers.contains($0) ? .integer : .decimal1 })
        var r = headerRow + 1
        for row in rows {
            let c = row.characteristics
            var cells: [CellValue] = [.string(row.surname), .string(row.forename), .string(row.upn)]
            if showYear { cells.append(.optionalNumber(row.yearGroup.map(Double.init))) }
            cells += [.string(c.disadvantaged.map { $0 ? "Yes" : "No" } ?? ""), .string(c.sen?.rawValue ?? ""),
                      .string(c.eal.map { $0 ? "Yes" : "No" } ?? ""), .string(c.gender.map { $0 == .female ? "Girl" : "Boy" } ?? ""),
                      .string(row.subject), row.result, row.estimate, .optionalNumber(row.gap),
                      .optionalString(row.status?.rawValue), .optionalString(row.band?.rawValue)]
            if showCounted { cells.append(.optionalString(row.counted)) }
            cells += [.blank, .blank]
            for (col, value) in cells.enumerated() {
                switch value {
                case .number:
                    try ws.write(r, col, value, columnFormats.number(col, workbook))
                case .string(let text) where !text.isEmpty:
                    try ws.write(r, col, value) // a plain text cell goes without a format (see `Worksheet.write`)
                default:
                    try ws.write(r, col, .blank, columnFormats.plain(workbook))
                }
            }
            r += 1
        }
        let lastRow = max(r - 1, headerRow)
        try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: lastRow, lastCol: lastCol)
        ws.freezePanes(row: headerRow + 1, col: 2)
        try ws.repeatRows(first: headerRow, last: headerRow)
        guard r > headerRow + 1 else { return }
        func fill(_ rag: RAG) -> CellFormat { CellFormat(fontColor: rag.fontColor, fill: rag.fill) }
        let first = headerRow + 1, s = statusCol, g = gapCol
        try ws.conditionalFormat(firstRow: first, firstCol: s, lastRow: lastRow, lastCol: s, .textContains("Below", fill(.red)))
        try ws.conditionalFormat(firstRow: first, firstCol: s, lastRow: lastRow, lastCol: s, .textContains("Ahead", fill(.green)))
        try ws.conditionalFormat(firstRow: first, firstCol: s, lastRow: lastRow, lastCol: s, .textContains("No result", fill(.amber)))
        try ws.conditionalFormat(firstRow: first, firstCol: g, lastRow: lastRow, lastCol: g, .lessThan(-tolerance, fill(.red)))
        try ws.conditionalFormat(firstRow: first, firstCol: g, lastRow: lastRow, lastCol: g, .greaterThan(tolerance, fill(.green)))
    }

    /// "Tests: status Below when the gap is more than 1 point below…" for the sheet's note.
    static func statusRule(tolerance: Double, scores: String) -> String {
        let tol = MeasureFormat.plain(tolerance)
        return "\(scores): gap = actual − estimated score; status Below (red) when the gap is more than \(tol) point\(tolerance == 1 ? "" : "s") below, Ahead (green) when more than \(tol) above, else In line"
    }
}

/// The formats of an outcomes table's cells, resolved in the workbook on first use: exactly the
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
