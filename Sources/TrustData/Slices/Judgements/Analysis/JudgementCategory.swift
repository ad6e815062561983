/// A category the trust sets for an academy at its termly review, for education (the school-improvement
/// offer) and for finance (reviewed half-termly): Universal, Concerning, Poor, Unacceptable, Deficient,
/// best to worst. The same five words name what the figures indicate under the pipeline's rules, so
/// the card can set the two side by side. Deficient is the level beyond Unacceptable (the trust's
/// school-improvement offer: its ladder of categories ends there).
public enum JudgementCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case universal = "Universal"
    case concerning = "Concerning"
    case poor = "Poor"
    case unacceptable = "Unacceptable"
    case deficient = "Deficient"

    /// Case- and space-insensitive: `poor`, ` POOR ` → `.poor`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = JudgementCategory.allCases.first(where: { $0.rawValue.lowercased() == t }) else { return nil }
        self = match
    }

    var rank: Int { JudgementCategory.allCases.firstIndex(of: self)! }
    public static func < (a: JudgementCategory, b: JudgementCategory) -> Bool { a.rank < b.rank }

    public static let wordList = allCases.map(\.rawValue).joined(separator: ", ")
}

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
