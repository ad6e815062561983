/// Everything computed for one school: what its workbook shows and what `measures.csv` lists.
public struct SchoolReport: Sendable {
    public let school: School
    public var context: [MeasureRow] = []
    public var ks2: KS2SchoolReport?
    public var phonics: PhonicsSchoolReport?
    public var attendance: AttendanceSchoolReport?
    public var finance: FinanceSchoolReport?
    /// The data-quality issues about this school's rows only (privacy: never another school's).
    public var issues: [DataQualityIssue] = []

    public init(school: School) { self.school = school }

    public var measures: [MeasureRow] { Array(measureLists.joined()) }

    /// The arrays `measures` is made of, in its order (no row copied).
    var measureLists: [[MeasureRow]] {
        [context, ks2?.measures ?? [], phonics?.measures ?? [], attendance?.measures ?? [], finance?.measures ?? []]
    }

    /// The arrays `measures` joins, in its order (keep the two in step), for readers that only scan the
    /// figures: no copy of every row into one new array.
    public var measureParts: [[MeasureRow]] {
        [context, ks2?.measures ?? [], phonics?.measures ?? [], attendance?.measures ?? [], finance?.measures ?? []]
    }
}

/// The trust as one pooled cohort, plus every school's report.
public struct TrustReport: Sendable {
    public var schools: [SchoolReport]
    public var context: [MeasureRow] = []
    public var ks2: KS2TrustReport?
    public var phonics: PhonicsTrustReport?
    public var attendance: AttendanceTrustReport?
    public var finance: FinanceTrustReport?
    /// Each school's tier, finance category and triggered interventions (the frameworks), register order.
    public var support: [SupportAssessment] = []

    public init(schools: [SchoolReport]) { self.schools = schools }

    /// Every figure of the run, schools first in register order, then the trust rows.
    /// Built in one array, each row copied once: chained `+` copied the 150k rows of a large trust
    /// several times over (profiled).
    public var measures: [MeasureRow] {
        let lists = measureLists
        var all: [MeasureRow] = []
        all.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { all.append(contentsOf: list) }
        return all
    }

    /// The arrays `measures` is made of, in its order (no row copied): for readers that need only some.
    public var measureLists: [[MeasureRow]] {
        schools.flatMap(\.measureLists)
            + [context, ks2?.measures ?? [], phonics?.measures ?? [], attendance?.measures ?? [], finance?.measures ?? []]
    }

    /// The arrays `measures` joins, in its order (keep the two in step). 150,000 figures on a large
    /// trust: the writers scan these rather than copy every row into one array.
    public var measureParts: [[MeasureRow]] {
        schools.flatMap(\.measureParts) + [context, ks2?.measures ?? [], phonics?.measures ?? [],
                                           attendance?.measures ?? [], finance?.measures ?? []]
    }
}
