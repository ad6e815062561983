/// The trust's attendance tallies indexed once for the per-school fan-out: each school's tallies (in
/// data order) and one roster index shared by every school. Filtering the trust's tallies and
/// indexing roster rows once per school showed in profiles of a 100-school trust.
public struct AttendanceEnrolments: Sendable {
    public let data: AttendanceData
    /// The whole roster by UPN. A join only reads the rows of the tally's own UPN, so this gives the
    /// same matches as an index of just the tallies' pupils.
    let index: EnrolmentIndex
    /// Each school's tallies as positions in `data.tallies`, in data order: a copy of every tally
    /// grouped by school doubled the largest array of the analysis (27 MB on a 100-school trust,
    /// heaptrack), where a school's copy is needed only while that school is analysed.
    private let bySchool: [String: [Int32]]

    public init(data: AttendanceData, context: AnalysisContext) {
        self.data = data
        index = EnrolmentIndex(context.roster)
        var bySchool: [String: [Int32]] = [:]
        for (i, t) in data.tallies.enumerated() { bySchool[t.urn, default: []].append(Int32(i)) }
        self.bySchool = bySchool
    }

    /// Every URN with tallies.
    var schoolURNs: [String] { Array(bySchool.keys) }

    /// One school's tallies, in data order.
    func tallies(at urn: String) -> [AttendanceTally] { (bySchool[urn] ?? []).map { data.tallies[Int($0)] } }
}
