/// Sex as recorded in the school census (`F`/`M`); exports also write `Female`/`Male`.
public enum Gender: String, Sendable, Codable, Hashable {
    case female = "F"
    case male = "M"
}

/// SEN provision as recorded in the census: `N` none, `K` SEN support, `E` education, health and care plan.
public enum SENStatus: String, Sendable, Codable, Hashable {
    case none = "N"
    case support = "K"
    case ehcp = "E"
}

/// A pupil's characteristics that drive the group breakdowns.
///
/// Each is optional: a results file may not carry them and the roster may not list the pupil; an
/// unknown characteristic keeps the pupil out of that pair of groups rather than guessing.
public struct PupilCharacteristics: Hashable, Sendable, Codable {
    public var gender: Gender?
    /// DfE "disadvantaged": FSM at any point in the last six years, looked after, or left care (domain.md).
    public var disadvantaged: Bool?
    public var sen: SENStatus?
    public var eal: Bool?

    public init(gender: Gender? = nil, disadvantaged: Bool? = nil, sen: SENStatus? = nil, eal: Bool? = nil) {
        self.gender = gender
        self.disadvantaged = disadvantaged
        self.sen = sen
        self.eal = eal
    }

    /// Fills whatever is unknown here from `other` (the roster usually), keeping what this file says.
    public func filled(from other: PupilCharacteristics?) -> PupilCharacteristics {
        guard let other else { return self }
        return PupilCharacteristics(
            gender: gender ?? other.gender,
            disadvantaged: disadvantaged ?? other.disadvantaged,
            sen: sen ?? other.sen,
            eal: eal ?? other.eal)
    }
}

/// One row of the pupil roster (`pupils.csv`), as at the census.
public struct Pupil: Hashable, Sendable {
    public let academicYear: AcademicYear
    public let urn: String
    public let upn: String
    public let surname: String
    public let forename: String
    public let dateOfBirth: CalendarDate?
    public let yearGroup: Int?
    public let characteristics: PupilCharacteristics
    public let fsm: Bool?
    public let lookedAfter: Bool?
    public let admissionDate: CalendarDate?
    public let leavingDate: CalendarDate?
    public let temporaryUPN: Bool

    public init(academicYear: AcademicYear, urn: String, upn: String, surname: String, forename: String,
                dateOfBirth: CalendarDate?, yearGroup: Int?, characteristics: PupilCharacteristics,
                fsm: Bool? = nil, lookedAfter: Bool? = nil, admissionDate: CalendarDate? = nil,
                leavingDate: CalendarDate? = nil, temporaryUPN: Bool = false) {
        self.academicYear = academicYear
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.dateOfBirth = dateOfBirth
        self.yearGroup = yearGroup
        self.characteristics = characteristics
        self.fsm = fsm
        self.lookedAfter = lookedAfter
        self.admissionDate = admissionDate
        self.leavingDate = leavingDate
        self.temporaryUPN = temporaryUPN
    }

    public var displayName: String { "\(surname), \(forename)" }
}
