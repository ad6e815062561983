/// The trust's attendance tallies indexed once for the per-school fan-out: each school's tallies (in
/// data order) and one roster index shared by every school. Filtering the trust's tallies and
/// indexing roster rows once per school showed in profiles of a 100-school trust.
public struct AttendanceEnrolments: Sendable {
    public let data: AttendanceData
    /// The whole roster by UPN. A join only reads the rows of the tally's own UPN, so this gives the
    /// same matches as an index of just the tallies' pupils.
    let index: EnrolmentIndex
    private let bySchool: [String: [AttendanceTally]]

    public init(data: AttendanceData, context: AnalysisContext) {
        self.data = data
        index = EnrolmentIndex(context.roster)
        var bySchool: [String: [AttendanceTally]] = [:]
        for t in data.tallies { bySchool[t.urn, default: []].append(t) }
        self.bySchool = bySchool
    }

    /// Every URN with tallies.
    var schoolURNs: [String] { Array(bySchool.keys) }

    /// One school's tallies, in data order.
    func tallies(at urn: String) -> [AttendanceTally] { bySchool[urn] ?? [] }
}
