/// The trust's category ladder (domain.md, "The trusts' own frameworks"), best to worst: Universal,
/// Concerning, Poor, Unacceptable, Deficient. One set of words serves the education category (the
/// school-improvement offer) and the finance category (reviewed half-termly), both as the CEO/CFO set
/// them (the trust judgements file) and as the figures indicate them under the pipeline's rules, so the
/// two stand side by side without converting. Deficient is the last level, beyond Unacceptable (for
/// finance: revenue reserves in deficit).
public enum TrustCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case universal = "Universal"
    case concerning = "Concerning"
    case poor = "Poor"
    case unacceptable = "Unacceptable"
    case deficient = "Deficient"

    /// Case- and space-insensitive: `poor`, ` POOR ` → `.poor`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = TrustCategory.allCases.first(where: { $0.rawValue.lowercased() == t }) else { return nil }
        self = match
    }

    var rank: Int { TrustCategory.allCases.firstIndex(of: self)! }
    public static func < (a: TrustCategory, b: TrustCategory) -> Bool { a.rank < b.rank }

    /// "Universal, Concerning, Poor, Unacceptable, Deficient": what a file or a setting may say.
    public static let wordList = allCases.map(\.rawValue).joined(separator: ", ")

    /// Green for Universal, amber for Concerning, red for Poor and worse.
    public var rag: RAG {
        switch self {
        case .universal: return .green
        case .concerning: return .amber
        case .poor, .deficient, .unacceptable: return .red
        }
    }
}
