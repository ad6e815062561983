/// The trust's finance records indexed once for the per-school fan-out: each academy's records and
/// monitoring lines, central services' headline years, and every academy's headline years (for the
/// central reserve share). Working these out again for every school and year was quadratic in the
/// number of academies (profiled on a 100-school trust).
public struct FinanceAcademies: Sendable {
    public let data: FinanceData
    /// Central services' best-informed year, oldest first.
    let central: [FinanceYear]
    /// `FinanceData.academyYears(register:)` for the run's register.
    let academyYears: [FinanceYear]
    private let recordsBySchool: [String: [FinanceRecord]]
    private let monitoringBySchool: [String: [MonitoringLine]]
    /// The review before the one that stands for the pipeline's year, by URN (trust judgements file).
    private let previousReviews: [String: PreviousReview]

    public init(data: FinanceData, context: AnalysisContext, reviews: [TrustJudgement] = []) {
        self.data = data
        var records: [String: [FinanceRecord]] = [:]
        for r in data.records { records[r.urn, default: []].append(r) }
        var monitoring: [String: [MonitoringLine]] = [:]
        for line in data.monitoring { monitoring[line.urn, default: []].append(line) }
        recordsBySchool = records
        monitoringBySchool = monitoring
        central = FinanceYear.headline(data.records.filter(\.isCentral))
        academyYears = context.schools.flatMap { s in FinanceYear.headline(records[s.urn] ?? []) }
        previousReviews = Dictionary(grouping: reviews, by: \.urn).compactMapValues { PreviousReview.from($0, year: context.year) }
    }

    /// One academy's records, in data order.
    func records(at urn: String) -> [FinanceRecord] { recordsBySchool[urn] ?? [] }
    /// The academy's previous review in the trust judgements file, if it has one with a finance category.
    func previousReview(at urn: String) -> PreviousReview? { previousReviews[urn] }
    /// One academy's monitoring lines, in data order.
    func monitoring(at urn: String) -> [MonitoringLine] { monitoringBySchool[urn] ?? [] }
}
