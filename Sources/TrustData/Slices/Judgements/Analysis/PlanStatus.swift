/// Where a recovery plan stands: the education recovery plan (REP) or the financial recovery plan
/// (FREP) a school in a Poor or worse category works to.
public enum PlanStatus: String, Sendable, Hashable, CaseIterable {
    case none = "None"
    case open = "Open"
    case closed = "Closed"

    /// `Open` also reads `Active`/`In place`; `Closed` also reads `Completed`/`Ended`; `None` also reads `No`/`N/A`.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "none", "no", "n/a", "na", "not applicable": self = .none
        case "open", "active", "in place", "live": self = .open
        case "closed", "completed", "complete", "ended": self = .closed
        default: return nil
        }
    }
}

/// Where a financial warning notice stands (a warning notice is issued when reserves fall below the
/// warning level; its targets missed make the category Unacceptable).
public enum WarningNoticeStatus: String, Sendable, Hashable, CaseIterable {
    case none = "None"
    case issued = "Issued"
    case lifted = "Lifted"

    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "none", "no", "n/a", "na", "not applicable": self = .none
        case "issued", "open", "in force", "active": self = .issued
        case "lifted", "closed", "removed", "complied": self = .lifted
        default: return nil
        }
    }
}
