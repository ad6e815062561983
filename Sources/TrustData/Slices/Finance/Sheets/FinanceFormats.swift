/// Cell styles and shared columns of the finance sheets: money in £k with a thousands separator,
/// percentages, and RAG fills from the trust's thresholds.
enum FinanceFormats {
    static let money = CellFormat.thousandsGBP
    static let moneyBold = CellFormat.thousandsGBP.with { $0.bold = true }
    static let percent = CellFormat.percent
    static let wrapTop = CellFormat(verticalAlign: .top, wrap: true)

    static func rag(_ base: CellFormat, _ rag: RAG?) -> CellFormat {
        guard let rag else { return base }
        return base.with { $0.fill = rag.fill; $0.fontColor = rag.fontColor }
    }

    /// Reserves % of GAG against the category thresholds: red below Poor, amber below Universal.
    static func reservesRAG(_ pct: Double?, _ s: FinanceSettings) -> RAG? {
        guard let pct else { return nil }
        if pct < s.poorReservesPctGAG - 1e-9 { return .red }
        if pct < s.universalReservesPctGAG - 1e-9 { return .amber }
        return .green
    }

    /// The figure columns every table of years shares (headings and cells), £ then percentages.
    static let figureHeadings = ["Income £k", "Expenditure £k", "In-year balance £k", "In-year balance % income",
                                 "Revenue reserves £k", "Reserves % GAG", "Reserves % income",
                                 "Staff costs % expenditure", "Staff costs % income", "Income beyond GAG % GAG"]

    static func figureCells(_ y: FinanceYear, settings: FinanceSettings, bold: Bool = false) -> [(CellValue, CellFormat)] {
        let f = y.figures, m = y.measure
        let money = bold ? moneyBold : money
        let pct = bold ? percent.with { $0.bold = true } : percent
        return [
            (.number(f.totalIncome), money),
            (.number(f.totalExpenditure), money),
            (.number(m.inYearBalance), rag(money, m.inYearBalance < 0 ? .red : nil)),
            (.optionalPercent(m.inYearBalancePctIncome), pct),
            (.number(m.revenueReserves), rag(money, m.revenueReserves < 0 ? .red : nil)),
            (.optionalPercent(m.reservesPctGAG), rag(pct, reservesRAG(m.reservesPctGAG, settings))),
            (.optionalPercent(m.reservesPctIncome), pct),
            (.optionalPercent(m.staffCostsPctExpenditure), pct),
            (.optionalPercent(m.staffCostsPctIncome), pct),
            (.optionalPercent(m.incomeBeyondGAGPctGAG), pct),
        ]
    }

    static func write(_ ws: Worksheet, row: Int, from col: Int, _ cells: [(CellValue, CellFormat)]) throws {
        for (i, (value, format)) in cells.enumerated() { try ws.write(row, col + i, value, format) }
    }

    static let monitoringHeadings = ["Cost centre", "Annual budget £k", "Profile to date £k", "Actual to date £k",
                                     "Spend % of profile", "Over (+) / under (−) profile £k", "Forecast outturn £k",
                                     "Forecast − budget £k", "Forecast % budget", "Status"]

    /// One monitoring table (a section heading, headings, a row per cost centre, the total); returns the next row.
    static func writeMonitoring(_ ws: Worksheet, row start: Int, title: String, _ m: MonitoringReport, settings: FinanceSettings,
                                unit: MoneyUnit) throws -> Int {
        var row = start
        try ws.write(row, 0, .string("\(title) — \(m.year), month \(m.month) (\(m.monthName)); straight-line profile = annual budget × \(m.month)/12"), .sectionHeader)
        row += 1
        try ws.writeRow(row, monitoringHeadings.map { .string(unit.heading($0)) }, .header)
        row += 1
        for (c, isTotal) in m.costCentres.map({ ($0, false) }) + [(m.total, true)] {
            let over = !isTotal && c.isOverProfile(marginPct: settings.overProfileMarginPct)
            let base: (CellFormat) -> CellFormat = { f in isTotal ? f.with { $0.bold = true } : f }
            let status = isTotal ? "" : over ? "Over profile by more than \(FinanceText.number(settings.overProfileMarginPct))%" : "Within profile"
            try write(ws, row: row, from: 0, [
                (.string(c.costCentre), base(.plain)),
                (.number(c.annualBudget), base(money)),
                (.number(c.profile), base(money)),
                (.number(c.actualToDate), base(money)),
                (.optionalPercent(c.spendVsProfilePct), rag(base(percent), over ? .red : nil)),
                (.number(c.overProfileAmount), base(money)),
                (.optionalNumber(c.forecastOutturn), base(money)),
                (.optionalNumber(c.forecastVariance), rag(base(money), (c.forecastVariance ?? 0) > 0 ? .amber : nil)),
                (.optionalPercent(c.forecastPctBudget), base(percent)),
                (.string(status), rag(.plain, over ? .red : nil)),
            ])
            row += 1
        }
        return row + 1
    }
}
