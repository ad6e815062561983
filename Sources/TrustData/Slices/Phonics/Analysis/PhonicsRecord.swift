/// One pupil's phonics screening check result in one year (`phonics.csv`).
public struct PhonicsRecord: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case met
        case notMet
        /// L (or any code the table marks `excluded`): reported separately, out of the denominator.
        case excluded(code: String)
        /// A, D or Q (`not_met_counted`): in DfE's denominator as not meeting the standard, and reported
        /// separately.
        case notMetCounted(code: String)
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
    /// Where the row was read (the file as the pipeline names it; line 0 when made in code), so a row
    /// refused after the import (`PhonicsSlice.finish`) is reported where the user can find it.
    public var file = ""
    public var line = 0

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
