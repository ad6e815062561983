/// The CFO's reserves workbook and each school's Finance sheet.
public enum FinanceSheets {
    static let trustName = "Trust (academies + central)"

    public static func hasReservesWorkbook(_ report: FinanceTrustReport) -> Bool { !report.trustYears.isEmpty }

    /// `reserves.xlsx`: Summary (categories indicated and set), Trend (with the forecast years and a chart
    /// of reserves % GAG with the policy levels), Figures, Monitoring (when budget monitoring is given),
    /// Checks (reconciliation), Definitions.
    public static func writeReservesWorkbook(_ report: FinanceTrustReport, trust: TrustReport, context: AnalysisContext, to path: String) throws {
        try writeReservesWorkbook(report, judgements: FinanceJudgements.from(trust), trust: trust, context: context, to: path)
    }

    public static func writeReservesWorkbook(_ report: FinanceTrustReport, judgements: [String: FinanceJudgement], trust: TrustReport,
                                             context: AnalysisContext, to path: String) throws {
        let wb = try Workbook(path: path, title: "\(context.config.trust) — reserves \(report.leadYear)")
        wb.moneyFormat = context.config.settings.moneyUnit.numberFormat
        let periods = DataPeriods(trust: trust, context: context)
        wb.pageHeading = PageHeading(trust: context.config.trust, school: "reserves", asAt: periods.asAt)
        try ReservesSummarySheet.write(report, judgements: judgements, context: context, into: wb)
        try ReservesTrendSheet.write(report, context: context, into: wb)
        try ReservesFiguresSheet.write(report, context: context, into: wb)
        if report.academies.contains(where: { $0.monitoring != nil }) || report.centralMonitoring != nil {
            let ws = try wb.addWorksheet("Monitoring")
            try ws.setColumnWidth(0, 0, 28)
            try ws.setColumnWidth(1, 9, 14)
            ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
            try ws.write(0, 0, .string("Budget monitoring against a straight-line profile — \(report.leadYear)"), .title)
            var row = 2
            for a in report.academies {
                if let m = a.monitoring { row = try FinanceFormats.writeMonitoring(ws, row: row, title: a.school.name, m, settings: report.settings, unit: context.config.settings.moneyUnit) }
            }
            if let m = report.centralMonitoring {
                row = try FinanceFormats.writeMonitoring(ws, row: row, title: TrustConsolidation.centralName, m, settings: report.settings,
                                                         unit: context.config.settings.moneyUnit)
            }
        }
        try ReservesNotesSheet.writeChecks(report, into: wb)
        try ReservesNotesSheet.write(report, context: context, into: wb)
        try MeasuresExplainedSheet.write(into: wb, measures: report.measures.map(\.measure), context: context)
        for sheet in wb.sheets { sheet.dataPeriod = periods.finance }
        try wb.close()
    }

    /// The school's own Finance sheet: its category with reasons, its years, its monitoring. No other
    /// academy's figures appear.
    public static func writeSchoolSheets(_ r: FinanceSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        let settings = context.config.finance
        let ws = try workbook.addWorksheet("Finance")
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 12, 14)
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.write(0, 0, .string("\(r.school.name) — finance"), .title)
        try ws.write(1, 0, .string("Academy financial years run September–August and are written 2024/25. \(context.config.settings.moneyUnit.words). Figures are actuals where given, else the forecast, else the budget."), .subtitle)
        var row = 3
        if let c = r.category {
            try ws.write(row, 0, .string("Finance category \(c.year)"), CellFormat(bold: true))
            try ws.write(row, 1, .string(c.category.rawValue), FinanceFormats.rag(CellFormat(bold: true), c.category.rag))
            row += 1
            try ws.write(row, 0, .string("Previous category"), CellFormat(bold: true))
            try ws.write(row, 1, .string(c.previous?.rawValue ?? "not supplied"))
            row += 1
            for reason in c.reasons {
                try ws.write(row, 0, .string("Reason"), CellFormat(italic: true))
                try ws.write(row, 1, .string(reason))
                row += 1
            }
        } else {
            try ws.write(row, 0, .string(r.categoryNote ?? "No finance figures for \(context.year): no category."), .note)
            row += 1
        }
        row += 1
        try ws.writeRow(row, (["Year", "Basis"] + FinanceFormats.figureHeadings + ["Share of central reserve £k"]).map { .string(context.config.settings.moneyUnit.heading($0)) }, .header)
        let headerRow = row
        row += 1
        for y in r.years {
            try ws.write(row, 0, .string(y.year.description))
            try ws.write(row, 1, .string(y.basisText))
            try FinanceFormats.write(ws, row: row, from: 2, FinanceFormats.figureCells(y, settings: settings))
            try ws.write(row, 12, .optionalNumber(r.centralShare[y.year]), FinanceFormats.money)
            row += 1
        }
        ws.freezePanes(row: headerRow + 1, col: 1)
        row += 1
        if let m = r.monitoring {
            _ = try FinanceFormats.writeMonitoring(ws, row: row, title: "Budget monitoring", m, settings: settings,
                                                   unit: context.config.settings.moneyUnit)
        }
    }
}
