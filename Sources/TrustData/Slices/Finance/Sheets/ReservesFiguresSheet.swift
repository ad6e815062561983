/// Every figure of the pipeline's year for every academy, central services and the trust, in one unit.
enum ReservesFiguresSheet {
    static func write(_ report: FinanceTrustReport, context: AnalysisContext, into wb: Workbook) throws {
        let s = report.settings
        let unit = context.config.settings.moneyUnit
        let year = report.leadYear
        let ws = try wb.addWorksheet("Figures")
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 26)
        try ws.setColumnWidth(1, 2, 10)
        try ws.setColumnWidth(3, 13, 12)
        try ws.write(0, 0, .string("Every figure, \(year)"), .title)
        try ws.write(1, 0, .string("\(unit.words). Actuals where given, else the forecast, else the budget (Basis). Definitions: Definitions sheet."), .subtitle)
        let headings = ["Academy", "URN", "Basis"] + FinanceFormats.figureHeadings + ["Cash £k"]
        try ws.setRowHeight(3, 27)
        try ws.writeRow(3, headings.map { .string(unit.heading($0)) }, CellFormat.header.with { $0.verticalAlign = .bottom; $0.wrap = true })
        try ws.repeatRows(first: 3, last: 3)
        ws.freezePanes(row: 4, col: 1)
        var row = 4
        var entities: [(String, String, FinanceYear?, Bool)] = report.academies.map { ($0.school.name, $0.school.urn, $0.years.first { $0.year == year }, false) }
        entities.append((TrustConsolidation.centralName, MeasureRow.centralURN, report.central.first { $0.year == year }, false))
        entities.append((FinanceSheets.trustName, MeasureRow.trustURN, report.trustYears.first { $0.year == year }?.consolidated, true))
        for (name, urn, y, bold) in entities {
            let f = CellFormat(bold: bold)
            try ws.write(row, 0, .string(name), f)
            try ws.write(row, 1, .string(urn), f)
            if let y {
                try ws.write(row, 2, .string(y.basisText), f)
                try FinanceFormats.write(ws, row: row, from: 3, FinanceFormats.figureCells(y, settings: s, bold: bold))
                try ws.write(row, 13, .optionalNumber(y.figures.cash), bold ? FinanceFormats.moneyBold : FinanceFormats.money)
            } else {
                try ws.write(row, 3, .string("No finance figures for \(year)"), .note)
            }
            row += 1
        }
    }
}
