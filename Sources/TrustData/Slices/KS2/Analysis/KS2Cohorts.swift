/// The trust's KS2 results indexed once for the per-school fan-out: each school's pupils (file order),
/// every pupil's facts and the years present. Filtering and classifying the whole trust's results
/// once per school was most of the KS2 analysis on a large trust (profiled).
public struct KS2Cohorts: Sendable {
    public let data: KS2Data
    /// Every academic year present, oldest first (`KS2Data.years`).
    public let years: [AcademicYear]
    /// Parallel to `data.pupils`.
    let facts: [KS2PupilFacts]
    /// Positions in `data.pupils` by URN, in file order.
    private let bySchool: [String: [Int]]

    public init(data: KS2Data) {
        self.data = data
        years = data.years
        facts = data.pupils.map(KS2PupilFacts.init)
        var bySchool: [String: [Int]] = [:]
        for i in data.pupils.indices { bySchool[data.pupils[i].urn, default: []].append(i) }
        self.bySchool = bySchool
    }

    /// One school's positions in `data.pupils` (and `facts`), in file order.
    func positions(at urn: String) -> [Int] { bySchool[urn] ?? [] }

    /// The positions of these schools' pupils, in file order.
    func positions(in urns: Set<String>) -> [Int] {
        data.pupils.indices.filter { urns.contains(data.pupils[$0].urn) }
    }

    func pupils(at positions: [Int]) -> [KS2Pupil] { positions.map { data.pupils[$0] } }
}
