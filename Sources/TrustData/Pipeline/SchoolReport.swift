/// Everything computed for one school: what its workbook shows and what `measures.csv` lists.
public struct SchoolReport: Sendable {
    public let school: School
    public var context: [MeasureRow] = []
    /// Each slice's part of the report, by slice (`part(_:)`).
    var slices = SliceValues<any SliceReport>()
    /// The data-quality issues about this school's rows only (privacy: never another school's).
    public var issues: [DataQualityIssue] = []

    public init(school: School) { self.school = school }

    public func part<S: Slice>(_ slice: S.Type) -> S.SchoolPart? { slices.get(S.self, as: S.SchoolPart.self) }

    public mutating func setPart<S: Slice>(_ part: S.SchoolPart?, for slice: S.Type) { slices.set(S.self, part) }

    public var measures: [MeasureRow] { Array(measureParts.joined()) }

    /// Changes every slice's figures in place (each part's `measures`), whichever slices ran.
    public mutating func updateSliceMeasures(_ body: (inout [MeasureRow]) -> Void) {
        slices.updateEach { body(&$0.measures) }
    }

    /// The arrays `measures` joins, in its order: the context figures, then each slice's in registry
    /// order. For readers that only scan the figures: no copy of every row into one new array.
    public var measureParts: [[MeasureRow]] { slices.measureParts(after: context) }
}

/// The trust as one pooled cohort, plus every school's report.
public struct TrustReport: Sendable {
    public var schools: [SchoolReport]
    public var context: [MeasureRow] = []
    /// Each slice's trust part, by slice (`part(_:)`).
    var slices = SliceValues<any SliceReport>()
    /// Each school's tier, finance category and triggered interventions (the frameworks), register order.
    public var support: [SupportAssessment] = []

    public init(schools: [SchoolReport]) { self.schools = schools }

    public func part<S: Slice>(_ slice: S.Type) -> S.TrustPart? { slices.get(S.self, as: S.TrustPart.self) }

    public mutating func setPart<S: Slice>(_ part: S.TrustPart?, for slice: S.Type) { slices.set(S.self, part) }

    /// Changes every slice's trust figures in place (each trust part's `measures`).
    public mutating func updateSliceMeasures(_ body: (inout [MeasureRow]) -> Void) {
        slices.updateEach { body(&$0.measures) }
    }

    /// Every figure of the run, schools first in register order, then the trust rows.
    /// Built in one array, each row copied once: chained `+` copied the 150k rows of a large trust
    /// several times over (profiled).
    public var measures: [MeasureRow] {
        let parts = measureParts
        var all: [MeasureRow] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part) }
        return all
    }

    /// The arrays `measures` joins, in its order. 150,000 figures on a large trust: the writers scan
    /// these rather than copy every row into one array.
    public var measureParts: [[MeasureRow]] { schools.flatMap(\.measureParts) + trustMeasureParts }

    /// The trust's own figures (not the schools'): the context, then each slice's in registry order.
    public var trustMeasureParts: [[MeasureRow]] { slices.measureParts(after: context) }
}

extension SliceValues where Value == any SliceReport {
    /// The context figures, then each slice's in registry order: the order of a school's figures and of
    /// the trust's own alike.
    func measureParts(after context: [MeasureRow]) -> [[MeasureRow]] {
        [context] + SliceRegistry.all.map { self[id: $0.id]?.measures ?? [] }
    }
}
