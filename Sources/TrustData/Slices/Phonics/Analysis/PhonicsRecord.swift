/// One pupil's phonics screening check result in one year (`phonics.csv`).
public struct PhonicsRecord: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case met
        case notMet
        /// A, D, L or Q (or any code the table marks `excluded`): reported separately, out of the %.
        case excluded(code: String)
    }

    public let year: AcademicYear
    public let urn: String
    public let upn: String
    public let surname: String?
    public let forename: String?
    /// 1 for the check, 2 for the retake.
    public let yearGroup: Int
    public let mark: Int?
    public let outcome: Outcome
    public let characteristics: PupilCharacteristics

    public init(year: AcademicYear, urn: String, upn: String, surname: String?, forename: String?, yearGroup: Int,
                mark: Int?, outcome: Outcome, characteristics: PupilCharacteristics = PupilCharacteristics()) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.yearGroup = yearGroup
        self.mark = mark
        self.outcome = outcome
        self.characteristics = characteristics
    }

    public var met: Bool { outcome == .met }
}
