/// Every year side by side — past years, the lead year and the forecast years (a three-year budget in
/// finance.csv, or the trust's budget forecast return) — with the trust's policy levels (Universal at
/// `universal_reserves_pct_gag`, the warning notice below `poor_reserves_pct_gag`) as rows and as dashed
/// lines on the chart of reserves as % of GAG.
enum ReservesTrendSheet {
    typealias Entity = (name: String, years: [FinanceYear])

    static func write(_ report: FinanceTrustReport, context: AnalysisContext, into wb: Workbook) throws {
        let ws = try wb.addWorksheet("Trend")
        let years = report.years
        let s = report.settings
        let unit = context.config.settings.moneyUnit
        try ws.setColumnWidth(0, 0, 34)
        try ws.setColumnWidth(1, max(1, years.count), 12)
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.write(0, 0, .string("Trend over academy financial years (September–August), with the forecast years"), .title)
        try ws.write(1, 0, .string("Each year uses actuals where given, else the forecast, else the budget; years after \(report.leadYear) are forecasts (Basis rows below). \(unit.words)."), .subtitle)

        let entities: [Entity] = report.academies.map { ($0.school.name, $0.years) }
            + [(TrustConsolidation.centralName, report.central),
               (FinanceSheets.trustName, report.trustYears.map(\.consolidated))]
        var row = try writeForecast(ws, report, row: 3, unit: unit)
        let sections: [(String, CellFormat, (FinanceYear) -> CellValue)] = [
            ("Revenue reserves as % of GAG", .percent, { .optionalPercent($0.measure.reservesPctGAG) }),
            (unit.heading("Revenue reserves £k"), .thousandsGBP, { .number($0.measure.revenueReserves) }),
            ("Revenue reserves as % of total income", .percent, { .optionalPercent($0.measure.reservesPctIncome) }),
            (unit.heading("In-year balance £k"), .thousandsGBP, { .number($0.measure.inYearBalance) }),
            ("Staff costs as % of expenditure", .percent, { .optionalPercent($0.measure.staffCostsPctExpenditure) }),
            ("Basis", .plain, { .string($0.basisText) }),
        ]
        var chartRows: (header: Int, first: Int)?
        for (i, (title, format, cell)) in sections.enumerated() {
            try ws.write(row, 0, .string(title), .sectionHeader)
            row += 1
            try ws.writeRow(row, (["Entity"] + years.map { heading($0, lead: report.leadYear) }).map(CellValue.string), .header)
            let header = row
            row += 1
            for e in entities {
                try ws.write(row, 0, .string(e.name))
                for (j, y) in years.enumerated() {
                    guard let fy = e.years.first(where: { $0.year == y }) else { continue }
                    var f = format
                    if i == 0 { f = FinanceFormats.rag(f, FinanceFormats.reservesRAG(fy.measure.reservesPctGAG, s)) }
                    if i == sections.count - 1 { f = CellFormat(wrap: true) }
                    try ws.write(row, 1 + j, cell(fy), f)
                }
                row += 1
            }
            if i == 0 {
                // The policy levels as rows, so the chart can draw them and a printout shows them.
                for (label, level) in policyLevels(s) {
                    try ws.write(row, 0, .string(label), CellFormat(italic: true))
                    for j in years.indices { try ws.write(row, 1 + j, .optionalPercent(level), CellFormat.percent.with { $0.italic = true }) }
                    row += 1
                }
                chartRows = (header, header + 1)
            }
            row += 1
        }
        guard let rows = chartRows, !years.isEmpty else { return }
        let categories = CellRange.formula(sheet: "Trend", firstRow: rows.header, firstCol: 1, lastRow: rows.header, lastCol: years.count)
        func values(_ r: Int) -> String { CellRange.formula(sheet: "Trend", firstRow: r, firstCol: 1, lastRow: r, lastCol: years.count) }
        var series = report.academies.enumerated().map { (k, a) in
            ChartSpec.Series(name: a.school.name, categories: categories, values: values(rows.first + k))
        }
        let trustRow = rows.first + report.academies.count + 1
        if report.trustYears.contains(where: { $0.consolidated.measure.reservesPctGAG != nil }) {
            series.append(ChartSpec.Series(name: FinanceSheets.trustName, categories: categories, values: values(trustRow)))
        }
        for (k, (label, _)) in policyLevels(s).enumerated() {
            series.append(ChartSpec.Series(name: label, categories: categories, values: values(trustRow + 1 + k),
                                           dashedColour: k == 0 ? 0x00B050 : 0xC00000))
        }
        // Below the tables, on a page of its own, so the sheet prints one table width across and the chart whole.
        ws.breakPages(before: [row])
        try ws.write(row, 0, .string("Chart: revenue reserves as % of GAG, each academy and the trust; dashed lines are the policy levels."), .sectionHeader)
        try ws.insertChart(row: row + 1, col: 0, chart: ChartSpec(
            kind: .line, title: "Reserves as % of GAG (dashed: \(FinanceText.number(s.universalReservesPctGAG))% and \(FinanceText.number(s.poorReservesPctGAG))% levels)",
            xAxisTitle: "Academy financial year", yAxisTitle: "% of GAG", yAxisNumberFormat: "0%", series: series,
            widthScale: 1.4, heightScale: 1.3))
    }

    static func policyLevels(_ s: FinanceSettings) -> [(String, Double)] {
        [("Universal level (\(FinanceText.number(s.universalReservesPctGAG))% of GAG)", s.universalReservesPctGAG),
         ("Warning-notice level (\(FinanceText.number(s.poorReservesPctGAG))% of GAG)", s.poorReservesPctGAG)]
    }

    /// `2025/26 forecast` for a year after the lead year.
    static func heading(_ year: AcademicYear, lead: AcademicYear) -> String {
        year > lead ? "\(year) forecast" : year.description
    }

    /// The next two years after the lead year, for the trust and every academy with figures for them:
    /// reserves % GAG and % income and the in-year balance against the policy levels. Returns the next row.
    static func writeForecast(_ ws: Worksheet, _ report: FinanceTrustReport, row start: Int, unit: MoneyUnit) throws -> Int {
        let s = report.settings
        let next = [1, 2].map { AcademicYear(startYear: report.leadYear.startYear + $0) }
        var row = start
        try ws.write(row, 0, .string("The next two years: \(next.map(\.description).joined(separator: " and "))"), .sectionHeader)
        row += 1
        let entities: [Entity] = [(FinanceSheets.trustName, report.trustYears.map(\.consolidated))]
            + report.academies.map { ($0.school.name, $0.years) }
        let withFigures = entities.filter { e in e.years.contains { next.contains($0.year) } }
        guard !withFigures.isEmpty else {
            try ws.write(row, 0, .string("No forecast for \(next.map(\.description).joined(separator: " or ")): give a budget forecast return (bfr, bfr_3y) or budget rows in finance.csv for them."), .note)
            return row + 2
        }
        var headings = ["Entity"]
        for y in next { headings += ["\(y) reserves % GAG", "\(y) reserves % income", unit.heading("\(y) in-year balance £k")] }
        try ws.setRowHeight(row, 40)
        try ws.writeRow(row, headings.map(CellValue.string), CellFormat.header.with { $0.wrap = true; $0.verticalAlign = .bottom })
        row += 1
        for e in withFigures {
            try ws.write(row, 0, .string(e.name))
            for (k, y) in next.enumerated() {
                guard let fy = e.years.first(where: { $0.year == y }) else { continue }
                let m = fy.measure
                try ws.write(row, 1 + 3 * k, .optionalPercent(m.reservesPctGAG),
                             FinanceFormats.rag(.percent, FinanceFormats.reservesRAG(m.reservesPctGAG, s)))
                try ws.write(row, 2 + 3 * k, .optionalPercent(m.reservesPctIncome), .percent)
                try ws.write(row, 3 + 3 * k, .number(m.inYearBalance), FinanceFormats.rag(.thousandsGBP, m.inYearBalance < 0 ? .red : nil))
            }
            row += 1
        }
        try ws.setRowHeight(row, 28)
        try ws.merge(row: row, firstCol: 0, lastCol: 6, "Green: reserves at or above \(FinanceText.number(s.universalReservesPctGAG))% of GAG (Universal); amber: below it; red: below \(FinanceText.number(s.poorReservesPctGAG))% (warning notice). % of GAG is blank where the forecast gives no GAG (the BFR has no GAG line).", CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        return row + 2
    }
}
