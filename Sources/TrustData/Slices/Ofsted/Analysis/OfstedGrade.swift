/// An Ofsted grade as the management-information file writes it. Graded (OEIF) inspections to August
/// 2024 give 1–4 (the file writes the digit; older releases and reports the word); from September 2024
/// graded inspections give no overall grade (`Not judged`); from November 2025 report cards grade each
/// area on a five-point scale in words. `9` and `Not applicable` mean the area does not apply.
public enum OEIFGrade: Int, Sendable, Hashable, CaseIterable {
    case outstanding = 1, good = 2, requiresImprovement = 3, inadequate = 4

    public var word: String {
        switch self {
        case .outstanding: return "Outstanding"
        case .good: return "Good"
        case .requiresImprovement: return "Requires improvement"
        case .inadequate: return "Inadequate"
        }
    }

    /// nil for text that is neither a grade nor a known "no grade" word (the caller rejects it);
    /// `.some(nil)` for `Not judged`, `9`, `Not applicable`.
    static func parse(_ text: String) -> OEIFGrade?? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(t) {
            if n == 9 { return .some(nil) }
            return OEIFGrade(rawValue: n).map { .some($0) }
        }
        if ["not judged", "not applicable", "n/a", "9"].contains(t) { return .some(nil) }
        return allCases.first { $0.word.lowercased() == t }.map { .some($0) }
    }
}

/// A report-card grade (Ofsted's school inspection toolkit from November 2025), best first; safeguarding
/// is graded Met / Not met instead.
public enum ReportCardGrade: Int, Sendable, Hashable, CaseIterable {
    case exceptional = 1, strongStandard, expectedStandard, needsAttention, urgentImprovement

    public var word: String {
        switch self {
        case .exceptional: return "Exceptional"
        case .strongStandard: return "Strong standard"
        case .expectedStandard: return "Expected standard"
        case .needsAttention: return "Needs attention"
        case .urgentImprovement: return "Urgent improvement"
        }
    }

    static func parse(_ text: String) -> ReportCardGrade?? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["not applicable", "not judged", "n/a"].contains(t) { return .some(nil) }
        return allCases.first { $0.word.lowercased() == t }.map { .some($0) }
    }
}
