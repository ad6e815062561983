/// The roster indexed by UPN for enrolment joins: which roster row describes this pupil at this school
/// in this year. The roster is a census snapshot, usually of one year, while a marks file may span two
/// (the August 2024 boundary): a pupil found at the school in another year is matched with their year
/// group moved on or back by the difference.
public struct EnrolmentIndex: Sendable {
    public struct Match: Sendable {
        public let pupil: Pupil
        /// The year group in the asked-for year.
        public let yearGroup: Int?
    }

    private let byUPN: [String: [Pupil]]

    public init(_ pupils: [Pupil]) {
        byUPN = Dictionary(grouping: pupils, by: \.upn)
    }

    public init(_ roster: PupilRoster) { self.init(roster.pupils) }

    public var isEmpty: Bool { byUPN.isEmpty }

    public func match(urn: String, upn: String, year: AcademicYear) -> Match? {
        guard let rows = byUPN[upn] else { return nil }
        if let exact = rows.first(where: { $0.urn == urn && $0.academicYear == year }) {
            return Match(pupil: exact, yearGroup: exact.yearGroup)
        }
        let candidates = rows.filter { $0.urn == urn }
        let pool = candidates.isEmpty ? rows.filter { $0.academicYear == year } : candidates
        guard let nearest = pool.min(by: { abs($0.academicYear.startYear - year.startYear) < abs($1.academicYear.startYear - year.startYear) }) else {
            return nil
        }
        let shift = year.startYear - nearest.academicYear.startYear
        return Match(pupil: nearest, yearGroup: nearest.yearGroup.map { $0 + shift })
    }

    /// The enrolment at `urn` as day numbers (open ends are unbounded); nil when not on this school's roll.
    public func enrolment(urn: String, upn: String, year: AcademicYear) -> ClosedRange<Int>? {
        guard let rows = byUPN[upn]?.filter({ $0.urn == urn }), !rows.isEmpty else { return nil }
        let row = rows.first { $0.academicYear == year } ?? rows[0]
        let from = row.admissionDate?.dayNumber ?? Int.min
        let to = row.leavingDate?.dayNumber ?? Int.max
        return from...max(from, to)
    }
}
