/// What a register code means for the rates (DfE school attendance guidance, August 2024).
public enum AttendanceCategory: UInt8, Sendable, Hashable, CaseIterable {
    case present = 0
    /// Approved educational activity: counts as present (DfE: attendance = present incl. approved activity).
    case approvedActivity = 1
    case authorisedAbsence = 2
    case unauthorisedAbsence = 3
    /// Not a possible session: left out of the denominator altogether.
    case notPossible = 4

    public init?(tableName: String) {
        switch tableName.trimmingCharacters(in: .whitespaces).lowercased() {
        case "present": self = .present
        case "approved_activity": self = .approvedActivity
        case "authorised_absence": self = .authorisedAbsence
        case "unauthorised_absence": self = .unauthorisedAbsence
        case "not_possible": self = .notPossible
        default: return nil
        }
    }
}
