/// The "Charts" sheet of `trust.xlsx`: for each headline measure, the schools against national this
/// year (columns) and each school's trend over three years (lines), with the figures the charts draw
/// from in a small table above them (a chart is never the only place a figure appears).
public enum TrustChartsSheet {
    public static let sheetName = "Charts"

    /// The headline measures a trustee looks for first.
    static let headlines: [(measure: MeasureID, label: String)] = [
        (.ks2(.rwm, .expected), "KS2 reading, writing and maths: % at the expected standard"),
        ("phonics.y1.expected", "Phonics: % of Year 1 meeting the standard"),
        ("attendance.attendance_rate", "Attendance rate (%)"),
        ("attendance.persistent_absence", "Persistent absence: % of pupils missing 10% or more"),
    ]

    public static func write(into workbook: Workbook, report: TrustReport, context: AnalysisContext) throws {
        let year = context.year
        let years = [year.previous.previous, year.previous, year]
        let table = CardFigures(parts: report.measureParts, currentYear: year, years: years)
        let schools = report.schools.map(\.school)
        let shown = headlines.filter { h in schools.contains { table.hasAny($0.urn, measures: [h.measure]) } }
        guard !shown.isEmpty, !schools.isEmpty else { return }
        let ws = try workbook.addWorksheet(sheetName)
        try ws.setColumnWidth(0, 0, 30)
        try ws.setColumnWidth(1, 4, 10)
        try ws.write(0, 0, .string("Charts — \(context.config.trust) — \(year)"), .title)
        try ws.write(1, 0, .string("Percentages; national is the published England figure for \(year). Absence: lower is better. The figures behind each chart are in the table above it."), .note)
        var row = 3
        var blocks: [Int] = []
        for headline in shown {
            // Each measure's table and its two charts on a page of their own.
            if row > 3 { blocks.append(row) }
            try ws.write(row, 0, .string(headline.label), .sectionHeader)
            row += 1
            let headerRow = row
            try ws.writeRow(row, [.string("School")] + years.map { .string($0.description) } + [.string("National \(year)")], from: 0, .header)
            row += 1
            let firstSchoolRow = row
            for school in schools {
                let values = years.map { table.row(school.urn, headline.measure, year: $0)?.value }
                let national = table.row(school.urn, headline.measure, year: year)?.national
                    ?? schools.lazy.compactMap { table.row($0.urn, headline.measure, year: year)?.national }.first
                try ws.write(row, 0, .string(school.name), .plain)
                for (i, v) in values.enumerated() { try ws.write(row, 1 + i, .optionalPercent(v)) }
                try ws.write(row, 4, .optionalPercent(national))
                row += 1
            }
            let lastSchoolRow = row - 1
            func range(_ col: Int) -> String {
                CellRange.formula(sheet: sheetName, firstRow: firstSchoolRow, firstCol: col, lastRow: lastSchoolRow, lastCol: col)
            }
            let names = range(0)
            let against = ChartSpec(kind: .column, title: "\(year): schools against national", yAxisNumberFormat: "0%", yAxisMin: 0,
                                    series: [.init(name: "School \(year)", categories: names, values: range(3)),
                                             .init(name: "National \(year)", categories: names, values: range(4))])
            let yearsRange = CellRange.formula(sheet: sheetName, firstRow: headerRow, firstCol: 1, lastRow: headerRow, lastCol: 3)
            let trend = ChartSpec(kind: .line, title: "Trend by school", yAxisNumberFormat: "0%",
                                  series: schools.indices.map { i in
                                      .init(name: schools[i].name, categories: yearsRange,
                                            values: CellRange.formula(sheet: sheetName, firstRow: firstSchoolRow + i, firstCol: 1,
                                                                      lastRow: firstSchoolRow + i, lastCol: 3))
                                  })
            row += 1
            try ws.insertChart(row: row, col: 0, chart: against)
            try ws.insertChart(row: row, col: 5, chart: trend)
            row += 16
        }
        ws.breakPages(before: blocks)
    }
}
