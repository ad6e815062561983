/// The reason a slice's figures are withheld (`WithholdableReport`), written in place of its tables:
/// wrapped across the page's width so it prints on one page.
enum WithheldNote {
    static func write(_ reason: String, to ws: Worksheet, row: Int, lastCol: Int = 9) throws {
        try ws.merge(row: row, firstCol: 0, lastCol: lastCol, reason, CellFormat.subtitle.with { $0.wrap = true; $0.verticalAlign = .top })
        try ws.setRowHeight(row, 45)
    }
}
