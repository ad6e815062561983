/// One row of `budget_monitoring.csv`: a cost centre's position at a month of the year.
public struct MonitoringLine: Sendable, Hashable {
    public var year: AcademicYear
    /// Month of the academy financial year: 1 = September … 12 = August.
    public var month: Int
    public var urn: String
    public var costCentre: String
    public var annualBudget: Double
    public var actualToDate: Double
    public var forecastOutturn: Double?
    public var line: Int

    public init(year: AcademicYear, month: Int, urn: String, costCentre: String, annualBudget: Double,
                actualToDate: Double, forecastOutturn: Double?, line: Int = 0) {
        self.year = year
        self.month = month
        self.urn = urn
        self.costCentre = costCentre
        self.annualBudget = annualBudget
        self.actualToDate = actualToDate
        self.forecastOutturn = forecastOutturn
        self.line = line
    }

    /// Month names of the academy financial year, September first.
    public static let monthNames = ["September", "October", "November", "December", "January", "February",
                                    "March", "April", "May", "June", "July", "August"]

    /// `1`–`12` (1 = September) or a month name or its first three letters (`Sept` too).
    public static func month(parsing text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(t) { return (1...12).contains(n) ? n : nil }
        guard t.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.lowercased().hasPrefix(t) || (t == "sept" && $0 == "September") }.map { $0 + 1 }
    }
}

/// A cost centre against its straight-line profile: budget × month ÷ 12 spent by the end of the month.
public struct CostCentreResult: Sendable, Hashable {
    public var costCentre: String
    public var month: Int
    public var annualBudget: Double
    public var actualToDate: Double
    public var forecastOutturn: Double?

    public init(costCentre: String, month: Int, annualBudget: Double, actualToDate: Double, forecastOutturn: Double?) {
        self.costCentre = costCentre
        self.month = month
        self.annualBudget = annualBudget
        self.actualToDate = actualToDate
        self.forecastOutturn = forecastOutturn
    }

    public var profile: Double { annualBudget * Double(month) / 12 }
    /// Spend to date as % of the straight-line profile (100 = exactly on profile).
    public var spendVsProfilePct: Double? { ReservesMeasure.pct(actualToDate, profile) }
    public var overProfileAmount: Double { actualToDate - profile }
    /// Forecast outturn − annual budget: positive is a forecast overspend.
    public var forecastVariance: Double? { forecastOutturn.map { $0 - annualBudget } }
    public var forecastPctBudget: Double? { forecastOutturn.flatMap { ReservesMeasure.pct($0, annualBudget) } }

    /// Over profile by more than the margin: actual > profile × (1 + margin/100). A cost centre with
    /// no budget is over profile as soon as it spends anything.
    public func isOverProfile(marginPct: Double) -> Bool {
        let limit = profile * (1 + marginPct / 100)
        return actualToDate - limit > 1e-9 * max(1, abs(limit))
    }
}

/// One entity's monitoring position: the latest month reported for a year, every cost centre, and
/// the total over cost centres.
public struct MonitoringReport: Sendable, Hashable {
    public var year: AcademicYear
    public var month: Int
    public var costCentres: [CostCentreResult]
    public var total: CostCentreResult

    public var monthName: String { MonitoringLine.monthNames[month - 1] }

    /// The latest month's lines for `year` (cost centres in file order).
    public static func latest(_ lines: [MonitoringLine], year: AcademicYear) -> MonitoringReport? {
        let forYear = lines.filter { $0.year == year }
        guard let month = forYear.map(\.month).max() else { return nil }
        let current = forYear.filter { $0.month == month }.sorted { $0.line < $1.line }
        let centres = current.map {
            CostCentreResult(costCentre: $0.costCentre, month: month, annualBudget: $0.annualBudget,
                             actualToDate: $0.actualToDate, forecastOutturn: $0.forecastOutturn)
        }
        let forecasts = centres.compactMap(\.forecastOutturn)
        let total = CostCentreResult(
            costCentre: "All cost centres", month: month,
            annualBudget: centres.reduce(0) { $0 + $1.annualBudget },
            actualToDate: centres.reduce(0) { $0 + $1.actualToDate },
            forecastOutturn: forecasts.count == centres.count ? forecasts.reduce(0, +) : nil)
        return MonitoringReport(year: year, month: month, costCentres: centres, total: total)
    }

    public func overProfile(marginPct: Double) -> [CostCentreResult] {
        costCentres.filter { $0.isOverProfile(marginPct: marginPct) }
    }

    /// The group id of a cost centre in `measures.csv`: `cost_centre.teaching_staff` for "Teaching staff".
    /// Ids stay dotted and machine-friendly; the cost centre's own name goes in the `text` column.
    public static func groupID(_ costCentre: String) -> String {
        "cost_centre." + School.slug(costCentre).replacingOccurrences(of: "-", with: "_")
    }

    /// Measure rows: `group` is the cost centre's id (`all` for the total over cost centres).
    public func rows(urn: String, name: String, school: School?, context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        for (group, c) in costCentres.map({ (Self.groupID($0.costCentre), $0) }) + [("all", total)] {
            func row(_ id: MeasureID, _ value: Double?, _ n: Double? = nil, _ d: Double? = nil) -> MeasureRow {
                var r = context.measure(id, group: MeasureGroup(group), year: year, school: school, value: value, numerator: n, denominator: d)
                r.urn = urn
                r.school = name
                r.text = "\(c.costCentre), month \(month) (\(monthName))"
                return r
            }
            rows.append(row("finance.monitoring.spend_vs_profile_pct", c.spendVsProfilePct, c.actualToDate, c.profile))
            if let variance = c.forecastVariance {
                rows.append(row("finance.monitoring.forecast_vs_budget", variance, c.forecastOutturn, c.annualBudget))
                rows.append(row("finance.monitoring.forecast_pct_budget", c.forecastPctBudget, c.forecastOutturn, c.annualBudget))
            }
        }
        return rows
    }
}
