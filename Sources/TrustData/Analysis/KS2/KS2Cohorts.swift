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
    private let positions: [String: [Int]]

    public init(data: KS2Data) {
        self.data = data
        years = data.years
        facts = data.pupils.map(KS2PupilFacts.init)
        var positions: [String: [Int]] = [:]
        for (i, p) in data.pupils.enumerated() { positions[p.urn, default: []].append(i) }
        self.positions = positions
    }

    /// One school's pupils and their facts, in file order.
    func school(_ urn: String) -> (pupils: [KS2Pupil], facts: [KS2PupilFacts]) {
        let at = positions[urn] ?? []
        return (at.map { data.pupils[$0] }, at.map { facts[$0] })
    }

    /// The pupils of these schools and their facts, in file order.
    func pupils(in urns: Set<String>) -> (pupils: [KS2Pupil], facts: [KS2PupilFacts]) {
        var pupils: [KS2Pupil] = [], facts: [KS2PupilFacts] = []
        for (i, p) in data.pupils.enumerated() where urns.contains(p.urn) {
            pupils.append(p)
            facts.append(self.facts[i])
        }
        return (pupils, facts)
    }
}
