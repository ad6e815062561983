/// A published comparison figure (national or LA) from `inputs/benchmarks/`, with its source.
public struct BenchmarkFigure: Hashable, Sendable {
    public enum Level: String, Sendable, Codable { case national, la }

    public let year: AcademicYear
    public let level: Level
    /// `England` for national figures; the LA name as DfE writes it otherwise.
    public let area: String
    public let measure: String
    public let group: String
    public let value: Double
    public let source: String
    /// Which publication the figure comes from (nil when the file does not say).
    public let basis: BenchmarkBasis?
    /// `BenchmarkPeriod.fullYear` ("") or the part of the year it covers (`autumn_term`).
    public let period: String
    /// The file gave no year (no year column, none in its name or folder): the pipeline's year was
    /// assumed, so the figure never replaces one read from a file that does say its year.
    public var yearAssumed = false

    public init(year: AcademicYear, level: Level, area: String, measure: String, group: String, value: Double, source: String,
                basis: BenchmarkBasis? = nil, period: String = BenchmarkPeriod.fullYear) {
        self.year = year
        self.level = level
        self.area = area
        self.measure = measure
        self.group = group
        self.value = value
        self.source = source
        self.basis = basis
        self.period = period
    }

    /// "LA tables (England row, LAIT)", with the period when it is part of a year: what `national_basis` says.
    public var basisText: String {
        let what = basis?.label ?? "benchmark file (basis not stated)"
        return period == BenchmarkPeriod.fullYear ? what : "\(what), \(BenchmarkPeriod.label(period)) \(year)"
    }
}

/// A trust's own target for a measure (`targets.csv`).
public struct Target: Hashable, Sendable {
    public let year: AcademicYear
    public let urn: String
    public let measure: String
    public let group: String
    public let value: Double

    /// What makes two targets the same target.
    public struct Key: Hashable, Sendable {
        let year: AcademicYear, urn: String, measure: String, group: String
    }
    public var key: Key { Key(year: year, urn: urn, measure: measure, group: group) }

    public init(year: AcademicYear, urn: String, measure: String, group: String, value: Double) {
        self.year = year
        self.urn = urn
        self.measure = measure
        self.group = group
        self.value = value
    }
}
