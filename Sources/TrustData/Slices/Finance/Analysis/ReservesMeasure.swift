/// The reserves and balance ratios of one set of figures, as percentages 0–100 (nil when the
/// denominator is zero or missing). Definitions: domain.md "Finance (academies)" and DfE's academy
/// trust financial returns (reserves as % of total income; the trust's policy uses % of GAG).
public struct ReservesMeasure: Sendable, Hashable {
    public let revenueReserves: Double
    public let reservesPctGAG: Double?
    public let reservesPctIncome: Double?
    public let inYearBalance: Double
    public let inYearBalancePctIncome: Double?
    public let staffCostsPctExpenditure: Double?
    public let staffCostsPctIncome: Double?
    /// Total income − GAG, as % of GAG: how far the academy earns beyond its core grant.
    public let incomeBeyondGAGPctGAG: Double?

    public init(_ f: FinanceFigures) {
        revenueReserves = f.carriedForward
        reservesPctGAG = ReservesMeasure.pct(f.carriedForward, f.gag)
        reservesPctIncome = ReservesMeasure.pct(f.carriedForward, f.totalIncome)
        inYearBalance = f.inYearBalance
        inYearBalancePctIncome = ReservesMeasure.pct(f.inYearBalance, f.totalIncome)
        staffCostsPctExpenditure = f.staffCosts.flatMap { ReservesMeasure.pct($0, f.totalExpenditure) }
        staffCostsPctIncome = f.staffCosts.flatMap { ReservesMeasure.pct($0, f.totalIncome) }
        incomeBeyondGAGPctGAG = f.gag.flatMap { ReservesMeasure.pct(f.totalIncome - $0, $0) }
    }

    static func pct(_ numerator: Double, _ denominator: Double?) -> Double? {
        guard let denominator, denominator != 0 else { return nil }
        return numerator * 100 / denominator
    }

    /// True when numerator/denominator as a percentage is at least `threshold`. Compared by
    /// cross-multiplying so a reserve of exactly 3% of GAG is exactly 3% (no division rounding).
    public static func percent(_ numerator: Double, of denominator: Double, atLeast threshold: Double) -> Bool {
        guard denominator > 0 else { return false }
        let slack = 1e-9 * max(1, abs(denominator))
        return numerator * 100 - threshold * denominator >= -slack
    }

    /// The measure rows for one entity-year. `urn`/`name` name the academy, `CENTRAL` or `TRUST`.
    public static func rows(_ y: FinanceYear, urn: String, name: String, school: School?, context: AnalysisContext) -> [MeasureRow] {
        let f = y.figures, m = y.measure
        func row(_ id: MeasureID, _ value: Double?, _ numerator: Double? = nil, _ denominator: Double? = nil) -> MeasureRow {
            var r = context.measure(id, year: y.year, school: school, value: value, numerator: numerator, denominator: denominator)
            r.urn = urn
            r.school = name
            return r
        }
        // Without a GAG line (a BFR, a cut-down benchmarking download) the GAG measures say so in words.
        func noGAG(_ r: MeasureRow) -> MeasureRow {
            var r = r
            if f.gag == nil { r.text = "no GAG" }
            return r
        }
        var rows = [
            row("finance.revenue_reserves", m.revenueReserves),
            noGAG(row("finance.reserves_pct_gag", m.reservesPctGAG, f.carriedForward, f.gag)),
            row("finance.reserves_pct_income", m.reservesPctIncome, f.carriedForward, f.totalIncome),
            row("finance.in_year_balance", m.inYearBalance),
            row("finance.in_year_balance_pct_income", m.inYearBalancePctIncome, f.inYearBalance, f.totalIncome),
        ]
        if let staff = f.staffCosts {
            rows.append(row("finance.staff_costs_pct_expenditure", m.staffCostsPctExpenditure, staff, f.totalExpenditure))
            rows.append(row("finance.staff_costs_pct_income", m.staffCostsPctIncome, staff, f.totalIncome))
        }
        rows.append(noGAG(row("finance.income_beyond_gag_pct_gag", m.incomeBeyondGAGPctGAG, f.gag.map { f.totalIncome - $0 }, f.gag)))
        // Which figures these are (actual, forecast, budget, mixed): a text row so BI tools can filter.
        var basis = row("finance.basis", nil)
        basis.text = y.basisText
        rows.append(basis)
        return rows
    }
}
