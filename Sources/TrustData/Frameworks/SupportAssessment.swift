/// What the frameworks say about one school: its tier with the reasons, its finance category, and each
/// intervention trigger that fired with the figures behind it.
public struct SupportAssessment: Sendable, Hashable {
    public struct TierPlacement: Sendable, Hashable {
        public var tier: Int
        public var name: String
        public var description: String
        public var evidence: [Evidence]
        public var label: String { "Tier \(tier) \(name)" }
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

    /// The highest level among the triggers that fired; nil when none did.
    public var supportLevel: InterventionLevel? { triggers.map(\.level).max() }
    public var tierLabel: String { tier?.label ?? "Not assessed" }
}
