/// One child's EYFS profile in one year (`eyfs.csv`): the 17 ELG outcomes when the export gives them,
/// and whether the child reached a good level of development.
public struct EYFSRecord: PupilResult, Hashable {
    /// How an ELG outcome counts (`eyfs-outcomes.csv`).
    public enum Outcome: String, Sendable, Hashable {
        case expected
        case emerging
        /// Not assessed (e.g. long absence): in the denominator as not at the expected level, counted
        /// separately, as DfE's percentages are "of all children".
        case notAssessed = "not_assessed"
    }

    public let year: AcademicYear
    public let urn: String
    public let upn: String
    public let surname: String?
    public let forename: String?
    /// ELG01–ELG17 in order; empty when the export gives only the GLD flag.
    public let goals: [Outcome]
    public let gld: Bool
    public let characteristics: PupilCharacteristics
    public let fsm: Bool?
    public var file = ""
    public var line = 0

    public init(year: AcademicYear, urn: String, upn: String, surname: String? = nil, forename: String? = nil,
                goals: [Outcome] = [], gld: Bool, characteristics: PupilCharacteristics = PupilCharacteristics(), fsm: Bool? = nil) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.goals = goals
        self.gld = gld
        self.characteristics = characteristics
        self.fsm = fsm
    }

    public var hasGoals: Bool { goals.count == EYFSGoals.all.count }
    /// ELGs at the expected level (0–17).
    public var expectedCount: Int { goals.filter { $0 == .expected }.count }
    public var notAssessed: Bool { goals.contains(.notAssessed) }

    public func expected(in goalIndices: [Int]) -> Bool { hasGoals && goalIndices.allSatisfy { goals[$0] == .expected } }

    /// GLD worked out from the ELGs (DfE: expected in all 12 ELGs of the five GLD areas).
    public static func gld(_ goals: [Outcome]) -> Bool { EYFSGoals.gldGoals.allSatisfy { goals[$0] == .expected } }
}
