/// "Measures explained": every measure the workbook shows, from the same catalogue as `trustdata
/// explain` — what it is, numerator, denominator, the rule and source behind it, and (as the README's
/// measures reference says it) which pupils it covers and which DfE national figure it is compared
/// with — so heads and trustees who cannot run the command can read the definitions beside the figures.
public enum MeasuresExplainedSheet {
    public static let sheetName = "Measures explained"

    /// `measures`: the ids the workbook shows (repeats and unknown ids ignored), listed in catalogue order.
    public static func write(into workbook: Workbook, measures: [String], context: AnalysisContext) throws {
        try write(into: workbook, shown: Set(measures), context: context)
    }

    /// The ids of the rows of `parts` (`SchoolReport.measureParts`, `TrustReport.measureParts`), read in
    /// place: joining every figure of a report into one array and hashing each row's id cost more than
    /// the rest of the sheet. Rows come in runs of one id often enough that a repeat is skipped unhashed.
    public static func write(into workbook: Workbook, measureParts parts: [[MeasureRow]], context: AnalysisContext) throws {
        var shown = Set<String>()
        var last = ""
        for part in parts {
            part.withUnsafeBufferPointer { rows in
                for i in rows.indices where rows[i].measure != last {
                    last = rows[i].measure
                    shown.insert(last)
                }
            }
        }
        try write(into: workbook, shown: shown, context: context)
    }

    /// Each definition's row in catalogue order, worked out once for every workbook of the run.
    static let catalogueRows: [(id: String, cells: [CellValue])] = MeasureCatalog.all.map { d in
        let unit = d.unit.rawValue.replacingOccurrences(of: "_", with: " ") + (d.higherIsBetter ? "" : " (lower is better)")
        return (d.id, [.string(d.id), .string(d.title), .string(unit), .string(d.numerator), .string(d.denominator), .string(d.source),
                       .string(MeasureCatalog.comparisonBasis(d.id))])
    }

    static func write(into workbook: Workbook, shown: Set<String>, context: AnalysisContext) throws {
        let ws = try workbook.addWorksheet(sheetName)
        // Seven columns for one landscape page width at 8 pt or more: the long texts wrap (rows grow to fit).
        let widths: [Double] = [24, 28, 10, 22, 20, 36, 36]
        for (col, width) in widths.enumerated() { try ws.setColumnWidth(col, col, width) }
        try ws.write(0, 0, .string("Measures explained"), .title)
        try ws.merge(row: 1, firstCol: 0, lastCol: widths.count - 1,
                     "Every measure in this workbook, as `trustdata explain <measure id>` prints it. Percentages are numerator ÷ denominator × 100. "
                        + context.config.settings.rag.legend(RAGThresholds.Kind.allCases),
                     CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        let headerRow = 3
        try ws.writeRow(headerRow, ["Measure id", "What it is", "Unit", "Numerator", "Denominator", "Rule and source", "Scope and national basis"].map(CellValue.string), from: 0, .header)
        let text = CellFormat(verticalAlign: .top, wrap: true)
        var row = headerRow + 1
        for definition in catalogueRows where shown.contains(definition.id) {
            try ws.writeRow(row, definition.cells, from: 0, text)
            row += 1
        }
        try ws.repeatRows(first: headerRow, last: headerRow)
        ws.freezePanes(row: headerRow + 1, col: 1)
        if row > headerRow + 1 { try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row - 1, lastCol: widths.count - 1) }
    }
}
