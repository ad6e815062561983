/// What the frameworks say about one school: its tier with the reasons, its finance category, and each
/// intervention trigger that fired with the figures behind it.
public struct SupportAssessment: Sendable, Hashable {
    public struct TierPlacement: Sendable, Hashable {
        public var tier: Int
        public var name: String
        public var description: String
        public var evidence: [Evidence]
        /// The least support the tier implies (`support:` on the tier rule).
        public var support: InterventionLevel? = nil
        public var label: String { "Tier \(tier) \(name)" }
    }

    /// The education category the figures indicate (`CategoryRules`), with the figures behind it.
    public struct CategoryPlacement: Sendable, Hashable {
        public var category: TrustCategory
        public var description: String
        public var evidence: [Evidence]
        /// Worse categories that could not be ruled out for lack of figures, in words.
        public var unresolved: [String]

        /// The reasons in words: the figures that met the rule, then what could not be checked.
        public var reasons: String {
            var parts = evidence.isEmpty ? [description] : evidence.map(\.summary)
            parts += unresolved
            return parts.joined(separator: "; ")
        }
    }

    public struct FiredTrigger: Sendable, Hashable {
        public var id: String
        public var name: String
        public var level: InterventionLevel
        public var description: String
        public var evidence: [Evidence]
    }

    public var urn: String
    public var school: String
    /// nil when no tier rule applied (usually because the run lacks the figures: see `tierNote`).
    public var tier: TierPlacement?
    /// Why: the tier's description, or which figures were missing.
    public var tierNote: String
    public var financeCategory: String?
    public var triggers: [FiredTrigger]
    /// The education category the figures indicate (nil when the frameworks have no category rules).
    public var educationCategory: CategoryPlacement? = nil
    /// Education and finance: the category set (judgements file) beside the one the figures indicate.
    public var categories: [CategoryCheck] = []

    /// The highest level among the triggers that fired and the tier's own `support:`; nil when neither
    /// gives one.
    public var supportLevel: InterventionLevel? { (triggers.map(\.level) + [tier?.support].compactMap { $0 }).max() }

    /// Why the support level is what it is: "Additional support (tier 3 Reinvent)" when the tier set it,
    /// else "Additional support" (a trigger set it), for the card and the Support sheet.
    public var supportLabel: String {
        guard let level = supportLevel else { return "No support level" }
        let fromTriggers = triggers.map(\.level).max()
        if let tier, tier.support == level, fromTriggers.map({ $0 < level }) ?? true {
            return "\(level.label) support (\(tier.label))"
        }
        return "\(level.label) support"
    }
    public var tierLabel: String { tier?.label ?? "Not assessed" }
}
