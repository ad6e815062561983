/// One enrolment's sessions in one academic year: a pupil at two schools has a tally at each
/// (DfE absence statistics are enrolment-based).
public struct AttendanceTally: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable { case marks, summary }

    public let year: AcademicYear
    public let urn: String
    public let upn: String
    public var source: Source
    /// Possible sessions: present + approved activity + authorised + unauthorised absence.
    public var possible = 0
    /// Sessions attended, including approved educational activity (DfE: counts as present).
    public var attended = 0
    /// The approved-activity part of `attended`, where known.
    public var approvedActivity = 0
    public var authorised = 0
    public var unauthorised = 0
    /// Sessions marked "not a possible session" (X, Q, Y1–Y7, Z, #, D): outside the denominator.
    public var notPossible = 0
    /// Summary rows added up in this tally (0 for marks), for the withheld-figure rule.
    public var rows = 0
    public var firstDate: CalendarDate?
    public var lastDate: CalendarDate?

    public init(year: AcademicYear, urn: String, upn: String, source: Source) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.source = source
    }

    /// Sessions missed: authorised + unauthorised absence.
    public var absent: Int { authorised + unauthorised }

    /// The pupil's own absence rate 0–100, nil with no possible sessions.
    public var absenceRate: Double? { possible == 0 ? nil : Double(absent) * 100 / Double(possible) }

    /// At or above a threshold (percent), compared exactly in integers scaled by 100 so that 38 of 380
    /// sessions is exactly 10% — never lost to rounding (DfE: "10 per cent or more").
    public func missed(atLeast thresholdPercent: Double) -> Bool {
        possible > 0 && Double(absent) * 100 >= thresholdPercent * Double(possible)
    }

    mutating func widenWindow(_ date: CalendarDate?) {
        guard let date else { return }
        if firstDate.map({ date < $0 }) ?? true { firstDate = date }
        if lastDate.map({ date > $0 }) ?? true { lastDate = date }
    }
}
