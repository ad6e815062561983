/// The reserves workbook's first sheet: every academy, central services and the trust for the
/// pipeline's year, with category, reasons and RAG colours.
enum ReservesSummarySheet {
    static func write(_ report: FinanceTrustReport, context: AnalysisContext, into wb: Workbook) throws {
        let s = report.settings
        let ws = try wb.addWorksheet("Summary")
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 26)
        try ws.setColumnWidth(1, 2, 10)
        try ws.setColumnWidth(3, 12, 12)
        try ws.setColumnWidth(13, 14, 13)
        try ws.setColumnWidth(15, 15, 90)
        let year = report.leadYear
        try ws.write(0, 0, .string("\(context.config.trust) — revenue reserves \(year)"), .title)
        try ws.write(1, 0, .string("Academy financial year \(year) (September–August). \(context.config.settings.moneyUnit.words). Each row uses actuals where given, else the forecast, else the budget (Basis). Definitions: Notes sheet."), .subtitle)
        let unit = context.config.settings.moneyUnit
        let headings = ["Academy", "URN", "Basis"] + FinanceFormats.figureHeadings.map(unit.heading) + ["Category", "Previous category", "Reasons"]
        try ws.setRowHeight(3, 27)
        try ws.writeRow(3, headings.map(CellValue.string), CellFormat.header.with { $0.verticalAlign = .bottom })
        try ws.repeatRows(first: 3, last: 3)
        ws.freezePanes(row: 4, col: 1)
        var row = 4
        for a in report.academies {
            if let reasons = a.category?.reasonText, reasons.count > 85 {
                // The reasons column wraps at about 85 characters: make the row tall enough to read them.
                try ws.setRowHeight(row, Double((reasons.count + 84) / 85) * 13)
            }
            try ws.write(row, 0, .string(a.school.name))
            try ws.write(row, 1, .string(a.school.urn))
            if let y = a.years.first(where: { $0.year == year }) {
                try ws.write(row, 2, .string(y.basisText))
                try FinanceFormats.write(ws, row: row, from: 3, FinanceFormats.figureCells(y, settings: s))
            } else {
                try ws.write(row, 3, .string("No finance figures for \(year)"), .note)
            }
            if let c = a.category {
                try ws.write(row, 13, .string(c.category.rawValue), FinanceFormats.rag(CellFormat(bold: true), c.category.rag))
                try ws.write(row, 14, .string(c.previous?.rawValue ?? ""))
                try ws.write(row, 15, .string(c.reasonText), CellFormat(verticalAlign: .top, wrap: true))
            }
            row += 1
        }
        if let c = report.central.first(where: { $0.year == year }) {
            try ws.write(row, 0, .string(TrustConsolidation.centralName))
            try ws.write(row, 1, .string(MeasureRow.centralURN))
            try ws.write(row, 2, .string(c.basisText))
            try FinanceFormats.write(ws, row: row, from: 3, FinanceFormats.figureCells(c, settings: s))
            try ws.write(row, 15, .string("Central services are not categorised; GAG-based percentages are blank when central services hold no GAG."), .note)
            row += 1
        }
        let trustYear = report.trustYears.first { $0.year == year }
        if let t = trustYear {
            let bold = CellFormat(bold: true, bottomBorder: false)
            try ws.write(row, 0, .string("Trust (academies + central)"), bold)
            try ws.write(row, 1, .string(MeasureRow.trustURN), bold)
            try ws.write(row, 2, .string(t.consolidated.basisText), bold)
            var cells = FinanceFormats.figureCells(t.consolidated, settings: s, bold: true)
            // The trust's reserves % income carries DfE's framing colour.
            cells[6].1 = FinanceFormats.rag(cells[6].1, t.flag?.rag)
            try FinanceFormats.write(ws, row: row, from: 3, cells)
            row += 2
            if let flag = t.flag, let pct = t.consolidated.measure.reservesPctIncome {
                try ws.write(row, 0, .string("DfE framing"), CellFormat(bold: true))
                try ws.write(row, 1, .string("Trust reserves are \(FinanceText.pct(pct)) of total income: \(flag.text(s))."),
                             FinanceFormats.rag(.plain, flag.rag))
                row += 1
            }
            if let share = t.centralShare {
                try ws.write(row, 0, .string("Central reserve per pupil"), CellFormat(bold: true))
                try ws.write(row, 1, .number(share.perPupil), .gbpExact)
                try ws.write(row, 2, .string("central reserves \(FinanceText.money(share.centralReserves)) ÷ \(FinanceText.number(share.pupils)) pupils (FTE) across the academies"))
                row += 1
            }
            if !t.missing.isEmpty {
                try ws.write(row, 0, .string("Not in the trust total"), CellFormat(bold: true))
                try ws.write(row, 1, .string("No figures for \(year): \(t.missing.joined(separator: ", ")). The trust total is short by their amounts."),
                             FinanceFormats.rag(.plain, .amber))
                row += 1
            }
        }
        let warnings = report.issues.filter { $0.code == .doesNotAddUp }.count
        let rejected = report.issues.filter { $0.severity == .rejected }.count
        if warnings + rejected > 0 {
            try ws.write(row, 0, .string("Checks"), CellFormat(bold: true))
            try ws.write(row, 1, .string("\(warnings) reconciliation difference(s) and \(rejected) rejected row(s): see the Checks sheet."),
                         FinanceFormats.rag(.plain, .amber))
        }
    }
}
