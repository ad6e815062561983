/// Which kind of figure a finance row holds. When a year has several, the best-informed is used:
/// actuals, then the latest forecast, then the budget (`precedence`).
public enum FinanceStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    case actual, forecast, budget

    /// Lower is better-informed.
    public var precedence: Int {
        switch self {
        case .actual: return 0
        case .forecast: return 1
        case .budget: return 2
        }
    }

    public static func < (a: FinanceStatus, b: FinanceStatus) -> Bool { a.precedence < b.precedence }
}

/// The money of one academy (or central services, or the trust) for one financial year, in pounds.
/// Parts that the export left blank are nil; checks and measures that need them are skipped.
public struct FinanceFigures: Sendable, Hashable {
    /// nil when the file gives no GAG line (the benchmarking file, a BFR): every GAG-based measure is then
    /// left blank and the import says so, rather than reading a missing GAG as £0.
    public var gag: Double?
    public var otherDfE: Double?
    public var otherGovernment: Double?
    public var selfGenerated: Double?
    public var totalIncome: Double
    public var staffCosts: Double?
    public var totalExpenditure: Double
    public var broughtForward: Double?
    public var carriedForward: Double
    public var transfers: Double?
    public var capitalIncome: Double?
    public var pupilsFTE: Double?
    /// Cash at the end of the year, where the file gives it.
    public var cash: Double?

    public init(gag: Double?, otherDfE: Double? = nil, otherGovernment: Double? = nil, selfGenerated: Double? = nil,
                totalIncome: Double, staffCosts: Double? = nil, totalExpenditure: Double,
                broughtForward: Double? = nil, carriedForward: Double, transfers: Double? = nil,
                capitalIncome: Double? = nil, pupilsFTE: Double? = nil, cash: Double? = nil) {
        self.gag = gag
        self.otherDfE = otherDfE
        self.otherGovernment = otherGovernment
        self.selfGenerated = selfGenerated
        self.totalIncome = totalIncome
        self.staffCosts = staffCosts
        self.totalExpenditure = totalExpenditure
        self.broughtForward = broughtForward
        self.carriedForward = carriedForward
        self.transfers = transfers
        self.capitalIncome = capitalIncome
        self.pupilsFTE = pupilsFTE
        self.cash = cash
    }

    /// Domain.md: in-year balance = total income − total expenditure (revenue; capital excluded).
    public var inYearBalance: Double { totalIncome - totalExpenditure }

    /// Reserves available at the start of the year: brought forward, or carried forward less this
    /// year's movement when the export has no brought-forward figure.
    public var openingReserves: Double { broughtForward ?? (carriedForward - inYearBalance - (transfers ?? 0)) }

    /// The sum of the income parts, when every part is given.
    public var incomeParts: Double? {
        guard let g = gag, let a = otherDfE, let b = otherGovernment, let c = selfGenerated else { return nil }
        return g + a + b + c
    }

    /// Adds two sets of figures (trust consolidation). An optional part stays known only when it is
    /// known on both sides, so a total is never silently short.
    public static func + (a: FinanceFigures, b: FinanceFigures) -> FinanceFigures {
        func add(_ x: Double?, _ y: Double?) -> Double? { x.flatMap { x in y.map { x + $0 } } }
        func addLenient(_ x: Double?, _ y: Double?) -> Double? {
            x == nil && y == nil ? nil : (x ?? 0) + (y ?? 0)
        }
        return FinanceFigures(
            gag: add(a.gag, b.gag), otherDfE: add(a.otherDfE, b.otherDfE), otherGovernment: add(a.otherGovernment, b.otherGovernment),
            selfGenerated: add(a.selfGenerated, b.selfGenerated), totalIncome: a.totalIncome + b.totalIncome,
            staffCosts: add(a.staffCosts, b.staffCosts), totalExpenditure: a.totalExpenditure + b.totalExpenditure,
            broughtForward: add(a.broughtForward, b.broughtForward), carriedForward: a.carriedForward + b.carriedForward,
            transfers: addLenient(a.transfers, b.transfers), capitalIncome: addLenient(a.capitalIncome, b.capitalIncome),
            pupilsFTE: add(a.pupilsFTE, b.pupilsFTE), cash: add(a.cash, b.cash))
    }
}

/// One row of `finance.csv`: an academy (or `CENTRAL`) in one financial year, with one status.
public struct FinanceRecord: Sendable, Hashable {
    /// The academy financial year (September–August, the same as the academic year).
    public var year: AcademicYear
    /// A school URN, or `CENTRAL` for the trust's central services.
    public var urn: String
    public var status: FinanceStatus
    public var figures: FinanceFigures
    /// The academy's category at the last review (optional `previous_category` column).
    public var previousCategory: TrustCategory?
    public var file: String
    public var line: Int
    /// The layout the figures came from: `finance.csv`, or a published return (`AAR`, `BFR`, …).
    public var source: String

    public init(year: AcademicYear, urn: String, status: FinanceStatus, figures: FinanceFigures,
                previousCategory: TrustCategory? = nil, file: String = "", line: Int = 0, source: String = "finance.csv") {
        self.source = source
        self.year = year
        self.urn = urn
        self.status = status
        self.figures = figures
        self.previousCategory = previousCategory
        self.file = file
        self.line = line
    }

    public var isCentral: Bool { urn == MeasureRow.centralURN }
}

/// One year of one entity as reported: the best-informed figures and what they are (the basis).
public struct FinanceYear: Sendable, Hashable {
    public var year: AcademicYear
    /// `actual`, `forecast`, `budget`, or nil for a consolidation of mixed bases.
    public var basis: FinanceStatus?
    public var basisText: String
    public var figures: FinanceFigures
    public var measure: ReservesMeasure

    public init(year: AcademicYear, basis: FinanceStatus?, basisText: String? = nil, figures: FinanceFigures) {
        self.year = year
        self.basis = basis
        self.basisText = basisText ?? basis?.rawValue ?? "mixed"
        self.figures = figures
        self.measure = ReservesMeasure(figures)
    }

    /// The best-informed record per year for one entity, oldest year first.
    public static func headline(_ records: [FinanceRecord]) -> [FinanceYear] {
        let byYear = Dictionary(grouping: records, by: \.year)
        return byYear.keys.sorted().map { year in
            let best = byYear[year]!.min { $0.status < $1.status }!
            // A published return names itself in the basis: "actual (AAR)", "forecast (BFR)".
            let text = best.source == "finance.csv" ? nil : "\(best.status.rawValue) (\(best.source))"
            return FinanceYear(year: year, basis: best.status, basisText: text, figures: best.figures)
        }
    }
}
