/// One figure of the run: a row of `measures.csv`, the tidy machine-readable twin of every workbook cell.
///
/// The first thirteen columns (`year,urn,school,measure,group,numerator,denominator,value,national,la,
/// diff_national,diff_la,target`) are a contract with users' BI tools: extend after them, never rename.
public struct MeasureRow: Hashable, Sendable {
    /// Academic year (`2024/25`) or financial year (`2024-25`) the figure belongs to.
    public var year: String
    /// The school URN, `TRUST` for the trust as one pooled cohort, `CENTRAL` for central services.
    public var urn: String
    public var school: String
    /// A dotted, stable measure id such as `ks2.rwm.expected` (see `MeasureCatalog`).
    public var measure: String
    public var group: String
    public var numerator: Double?
    public var denominator: Double?
    /// A percentage 0–100, or the measure's own unit (scaled score, pounds, pupils).
    public var value: Double?
    public var national: Double?
    public var la: Double?
    public var target: Double?
    /// The LA the `la` figure is for (schools of one trust can sit in different LAs).
    public var laName: String?
    /// A category-type result (`finance.category`: `Universal`), written in the `text` column.
    public var text: String?
    /// True when the group is smaller than the pipeline's minimum group size: read with care.
    public var smallCohort: Bool
    /// Which DfE figure `national` is (`BenchmarkFigure.basisText`), or why there is none for a part-year
    /// figure; nil when no national figure was looked for or found.
    public var nationalBasis: String?
    /// The year `national` and `la` are for when it is not the figure's own: DfE publishes suspensions
    /// and exclusions a year behind, so a 2024/25 rate is compared with the latest published (2023/24).
    /// Said in `nationalBasis` (measures.csv) and in the reasons of the rules that use it.
    public var nationalYear: String?
    /// The period the figure covers when it can be part of a year (attendance): "full year" or
    /// "year to date to 20/12/2024".
    public var period: String?
    /// Pupils at this school (the trust: at any school) left out of the figure's cohort because rows of
    /// its dataset were rejected (see Data quality); nil when none were.
    public var leftOut: Int?

    public init(year: String, urn: String, school: String, measure: String, group: String = "all",
                numerator: Double? = nil, denominator: Double? = nil, value: Double?,
                national: Double? = nil, la: Double? = nil, target: Double? = nil,
                laName: String? = nil, text: String? = nil, smallCohort: Bool = false) {
        self.year = year
        self.urn = urn
        self.school = school
        self.measure = measure
        self.group = group
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.national = national
        self.la = la
        self.target = target
        self.laName = laName
        self.text = text
        self.smallCohort = smallCohort
    }

    public var diffNational: Double? { difference(value, national) }
    public var diffLA: Double? { difference(value, la) }
    public var diffTarget: Double? { difference(value, target) }

    private func difference(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a - b
    }

    public static let trustURN = "TRUST"
    public static let centralURN = "CENTRAL"
}

/// A percentage with the counts behind it, so no figure is ever shown without its n.
public struct Proportion: Hashable, Sendable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// 0–100, or nil for an empty cohort (never 0% of nobody).
    public var percent: Double? { denominator == 0 ? nil : Double(numerator) * 100 / Double(denominator) }
    /// 0–1 for percentage-formatted cells.
    public var fraction: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    public static func + (a: Proportion, b: Proportion) -> Proportion {
        Proportion(a.numerator + b.numerator, of: a.denominator + b.denominator)
    }
}
