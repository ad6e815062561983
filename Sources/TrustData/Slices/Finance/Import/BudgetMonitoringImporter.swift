/// `budget_monitoring.csv`: monthly management accounts, one row per cost centre per month.
/// `month` is the month of the academy financial year (1 = September … 12 = August) or a month name.
public enum BudgetMonitoringImporter {
    public static let schema = DatasetSchema(dataset: "budget_monitoring", columns: [
        ColumnSpec("financial_year", aliases: ["Year", "Financial Year", "FY"], required: true),
        ColumnSpec("month", aliases: ["Month", "Period", "Month Number"], required: true,
                   meaning: "1–12 with 1 = September, or a month name"),
        ColumnSpec("urn", aliases: ["URN", "School URN", "Academy URN"], required: true, meaning: "school URN, or CENTRAL"),
        ColumnSpec("cost_centre", aliases: ["Cost Centre", "Cost Center", "Budget Line", "Nominal"], required: true),
        ColumnSpec("annual_budget", aliases: ["Annual Budget", "Budget"], required: true),
        ColumnSpec("actual_to_date", aliases: ["Actual To Date", "Actual YTD", "YTD Actual"], required: true),
        ColumnSpec("forecast_outturn", aliases: ["Forecast Outturn", "Forecast", "Outturn"], required: true),
    ])

    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister,
                            seen: inout Set<String>) throws -> ImportOutcome<MonitoringLine> {
        try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let year = try row.requiredAcademicYear("financial_year")
            let monthText = try row.require("month")
            guard let month = MonitoringLine.month(parsing: monthText) else {
                throw row.reject("month", monthText, .outOfRange, "`\(monthText)` is not a month; write 1–12 (1 = September, the first month of the academy year) or a month name.")
            }
            let urnText = try row.require("urn")
            let urn: String
            if urnText.uppercased() == MeasureRow.centralURN {
                urn = MeasureRow.centralURN
                row.urn = urn
            } else {
                urn = try row.urn()
                try register.check(urn, row: row)
            }
            let costCentre = try row.require("cost_centre")
            func amount(_ column: String) throws -> Double? {
                guard let v = try row.decimal(column) else { return nil }
                guard v >= 0 else {
                    throw row.reject(column, row.text(column), .outOfRange, "\(row.map.heading(of: column)) is \(FinanceText.money(v)); budgets, spend and forecasts cannot be negative.")
                }
                return v
            }
            _ = try row.require("annual_budget")
            _ = try row.require("actual_to_date")
            let key = "\(year)|\(month)|\(urn)|\(costCentre.lowercased())"
            guard !seen.contains(key) else {
                throw row.reject("cost_centre", costCentre, .duplicateKey, "A second row for cost centre \(costCentre) of \(urn) in month \(month) of \(year); keep one.")
            }
            let line = MonitoringLine(year: year, month: month, urn: urn, costCentre: costCentre,
                                      annualBudget: try amount("annual_budget")!, actualToDate: try amount("actual_to_date")!,
                                      forecastOutturn: try amount("forecast_outturn"), line: row.line)
            seen.insert(key)
            return line
        }
    }
}
