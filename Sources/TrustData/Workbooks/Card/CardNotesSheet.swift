/// The "Notes" sheet after the academy card, written only when the card had to cut a text to stay on
/// one page (a long next-steps text from the judgements file): each cut text whole, under its label,
/// so the card's "(continued in the Notes sheet)" leads somewhere.
enum CardNotesSheet {
    static let sheetName = "Notes"
    /// One column as wide as a portrait A4 page prints at full size (a row holds at most 409 points, some
    /// 28 lines: about 2,500 characters of next steps).
    static let width = 90.0

    static func write(into workbook: Workbook, school: School, year: AcademicYear, texts: [(label: String, text: String)]) throws {
        let ws = try workbook.addWorksheet(sheetName)
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, width)
        try ws.write(0, 0, .string("\(school.name) — notes to the academy card \(year)"), .title)
        try ws.write(1, 0, .string("The whole of each text the academy card shortened to keep to one page."), .note)
        var row = 3
        for (label, text) in texts {
            try ws.write(row, 0, .string(label), .sectionHeader)
            try ws.write(row + 1, 0, .string(text), CellFormat(verticalAlign: .top, wrap: true))
            row += 3
        }
    }
}
