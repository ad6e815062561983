/// Every year side by side, with a line chart of reserves as % of GAG per academy.
enum ReservesTrendSheet {
    static func write(_ report: FinanceTrustReport, context: AnalysisContext, into wb: Workbook) throws {
        let ws = try wb.addWorksheet("Trend")
        let years = report.years
        try ws.setColumnWidth(0, 0, 28)
        try ws.setColumnWidth(1, max(1, years.count), 12)
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.write(0, 0, .string("Trend over academy financial years (September–August)"), .title)
        try ws.write(1, 0, .string("Each year uses actuals where given, else the forecast, else the budget. \(context.config.settings.moneyUnit.words)."), .subtitle)

        typealias Entity = (name: String, years: [FinanceYear])
        let entities: [Entity] = report.academies.map { ($0.school.name, $0.years) }
            + [(TrustConsolidation.centralName, report.central),
               ("Trust (academies + central)", report.trustYears.map(\.consolidated))]
        let sections: [(String, CellFormat, (FinanceYear) -> CellValue)] = [
            ("Revenue reserves as % of GAG", .percent, { .optionalPercent($0.measure.reservesPctGAG) }),
            (context.config.settings.moneyUnit.heading("Revenue reserves £k"), .thousandsGBP, { .number($0.measure.revenueReserves) }),
            ("Revenue reserves as % of total income", .percent, { .optionalPercent($0.measure.reservesPctIncome) }),
            (context.config.settings.moneyUnit.heading("In-year balance £k"), .thousandsGBP, { .number($0.measure.inYearBalance) }),
            ("Staff costs as % of expenditure", .percent, { .optionalPercent($0.measure.staffCostsPctExpenditure) }),
        ]
        var row = 3
        var chartRows: (header: Int, first: Int, last: Int)?
        for (i, (title, format, cell)) in sections.enumerated() {
            try ws.write(row, 0, .string(title), .sectionHeader)
            row += 1
            try ws.writeRow(row, ([title.contains("%") ? "Entity" : "Entity"] + years.map(\.description)).map(CellValue.string), .header)
            let header = row
            row += 1
            for e in entities {
                try ws.write(row, 0, .string(e.name))
                for (j, y) in years.enumerated() {
                    if let fy = e.years.first(where: { $0.year == y }) {
                        var f = format
                        if i == 0 { f = FinanceFormats.rag(f, FinanceFormats.reservesRAG(fy.measure.reservesPctGAG, report.settings)) }
                        try ws.write(row, 1 + j, cell(fy), f)
                    }
                }
                row += 1
            }
            if i == 0 { chartRows = (header, header + 1, header + report.academies.count) }
            row += 1
        }
        guard let rows = chartRows, !report.academies.isEmpty, !years.isEmpty else { return }
        let series = report.academies.enumerated().map { (k, a) in
            ChartSpec.Series(
                name: a.school.name,
                categories: CellRange.formula(sheet: "Trend", firstRow: rows.header, firstCol: 1, lastRow: rows.header, lastCol: years.count),
                values: CellRange.formula(sheet: "Trend", firstRow: rows.first + k, firstCol: 1, lastRow: rows.first + k, lastCol: years.count))
        }
        try ws.insertChart(row: 3, col: years.count + 2, chart: ChartSpec(
            kind: .line, title: "Revenue reserves as % of GAG", xAxisTitle: "Academy financial year",
            yAxisTitle: "% of GAG", yAxisNumberFormat: "0%", series: series, widthScale: 1.4, heightScale: 1.3))
    }
}
