/// One suspension or permanent exclusion from the MIS behaviour export (`exclusions.csv`): one row per
/// exclusion, as the school census collects them (pupil, category, start date, sessions, reason).
public struct ExclusionRecord: PupilResult, Hashable {
    /// How a category or reason code counts (`exclusion-codes.csv`).
    public enum Kind: String, Sendable, Hashable {
        /// A suspension (census `FIXD`; a lunchtime suspension, `LNCH`, is a suspension too: DfE statutory
        /// guidance counts it as half a school day).
        case suspension
        /// A permanent exclusion (census `PERM`).
        case permanent
        /// A reason for the exclusion (census reason codes, e.g. `PD` persistent disruptive behaviour).
        case reason
    }

    /// The academic year of the start date (September to August).
    public let year: AcademicYear
    public let urn: String
    public let upn: String
    public let surname: String?
    public let forename: String?
    public let permanent: Bool
    public let startDate: CalendarDate
    /// Sessions (half days) missed, when the export gives them (or days × 2).
    public let sessions: Double?
    /// The reason code as the table writes it, and its meaning.
    public let reason: String
    public let reasonMeaning: String
    public let characteristics: PupilCharacteristics
    public let fsm: Bool?
    public var file = ""
    public var line = 0

    public init(year: AcademicYear, urn: String, upn: String, surname: String? = nil, forename: String? = nil, permanent: Bool,
                startDate: CalendarDate, sessions: Double?, reason: String, reasonMeaning: String,
                characteristics: PupilCharacteristics = PupilCharacteristics(), fsm: Bool? = nil) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.permanent = permanent
        self.startDate = startDate
        self.sessions = sessions
        self.reason = reason
        self.reasonMeaning = reasonMeaning
        self.characteristics = characteristics
        self.fsm = fsm
    }

    /// The academic year a date falls in: September onwards starts a year.
    public static func academicYear(of date: CalendarDate) -> AcademicYear {
        AcademicYear(startYear: date.month >= 9 ? date.year : date.year - 1)
    }
}
