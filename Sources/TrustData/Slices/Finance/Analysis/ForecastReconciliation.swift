/// One finance forecast for a year that is not yet closed: the budget file's forecast (finance.csv,
/// status forecast or budget) and the latest budget-monitoring forecast outturn can disagree — one
/// showing a surplus, the other a deficit. The latest monitoring outturn is the later, better-informed
/// forecast, so it replaces the budget file's total expenditure (income stays the budget file's: the
/// monitoring covers spending only), and the difference between the two is kept for the Checks sheet.
public struct ForecastReconciliation: Sendable, Hashable {
    public var urn: String
    public var name: String
    public var year: AcademicYear
    /// Month of the monitoring outturn used (1 = September).
    public var month: Int
    public var monthName: String
    /// What finance.csv said (status forecast or budget).
    public var budgetBasis: FinanceStatus
    public var budgetExpenditure: Double
    public var outturnExpenditure: Double
    public var income: Double

    /// Outturn − budget-file forecast: positive means the monitoring forecasts more spending.
    public var difference: Double { outturnExpenditure - budgetExpenditure }
    public var budgetBalance: Double { income - budgetExpenditure }
    public var outturnBalance: Double { income - outturnExpenditure }

    /// "forecast outturn, monitoring month 4 (December)": the basis text the year then carries.
    public var basisText: String { "forecast outturn, monitoring month \(month) (\(monthName))" }

    /// The year with the monitoring outturn in place of the budget file's expenditure, and the
    /// reconciliation; nil when the year is actual, is another year, or the outturn is incomplete.
    public static func apply(_ y: FinanceYear, monitoring: MonitoringReport?, urn: String, name: String) -> (FinanceYear, ForecastReconciliation)? {
        guard let m = monitoring, m.year == y.year, let basis = y.basis, basis != .actual,
              let outturn = m.total.forecastOutturn else { return nil }
        var f = y.figures
        let opening = f.openingReserves
        let r = ForecastReconciliation(urn: urn, name: name, year: y.year, month: m.month, monthName: m.monthName,
                                       budgetBasis: basis, budgetExpenditure: f.totalExpenditure,
                                       outturnExpenditure: outturn, income: f.totalIncome)
        f.totalExpenditure = outturn
        f.broughtForward = opening
        // Carried forward rolls from the same opening reserves with the outturn's in-year balance.
        f.carriedForward = opening + f.inYearBalance + (f.transfers ?? 0)
        return (FinanceYear(year: y.year, basis: basis, basisText: r.basisText, figures: f), r)
    }

    /// Applies `apply` to the matching year of `years`.
    static func apply(_ years: [FinanceYear], monitoring: MonitoringReport?, urn: String, name: String) -> ([FinanceYear], ForecastReconciliation?) {
        var out = years
        for (i, y) in years.enumerated() {
            if let (adjusted, r) = apply(y, monitoring: monitoring, urn: urn, name: name) {
                out[i] = adjusted
                return (out, r)
            }
        }
        return (out, nil)
    }
}
