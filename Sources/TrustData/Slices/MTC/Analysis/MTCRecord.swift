/// One Year 4 pupil's multiplication tables check in one year (`mtc.csv`): a score out of 25, or the
/// reason the pupil did not take the check (`mtc-codes.csv`).
public struct MTCRecord: PupilResult, Hashable {
    /// Why a pupil did not take the check, as DfE's statistics group the reasons (MTC attainment data
    /// guidance: absent, working below the expectation, just arrived, unable to participate, missing
    /// reason), plus annulled results, and `notEligible` for pupils who left or were wrongly registered
    /// (out of the eligible cohort).
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case absent
        case workingBelow = "working_below"
        case justArrived = "just_arrived"
        case unableToParticipate = "unable_to_participate"
        case annulled
        case missingReason = "missing_reason"
        case notEligible = "not_eligible"

        public var label: String {
            switch self {
            case .absent: return "absent"
            case .workingBelow: return "working below the expectation"
            case .justArrived: return "just arrived"
            case .unableToParticipate: return "unable to participate"
            case .annulled: return "results annulled"
            case .missingReason: return "no reason given"
            case .notEligible: return "not eligible (left or wrongly registered)"
            }
        }

        /// `mtc.absent` etc.: the count beside the figures.
        public var measure: MeasureID { MeasureID("mtc", rawValue) }
    }

    public let year: AcademicYear
    public let urn: String
    public let upn: String
    public let surname: String?
    public let forename: String?
    /// 0–25 when the pupil took the check.
    public let score: Int?
    /// Why not, when the pupil did not take it (and the code as the export wrote it).
    public let reason: Reason?
    public let code: String?
    public let characteristics: PupilCharacteristics
    public let fsm: Bool?
    public var file = ""
    public var line = 0

    public init(year: AcademicYear, urn: String, upn: String, surname: String? = nil, forename: String? = nil, score: Int?,
                reason: Reason? = nil, code: String? = nil, characteristics: PupilCharacteristics = PupilCharacteristics(), fsm: Bool? = nil) {
        self.year = year
        self.urn = urn
        self.upn = upn
        self.surname = surname
        self.forename = forename
        self.score = score
        self.reason = reason
        self.code = code
        self.characteristics = characteristics
        self.fsm = fsm
    }

    /// In DfE's eligible cohort: took the check, or did not for a reason other than not being eligible.
    public var eligible: Bool { score != nil || (reason != nil && reason != .notEligible) }
}
