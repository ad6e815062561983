/// What tier rules and intervention triggers share: an id, words for people, and the conditions
/// (`when:`, all of which must hold).
public struct FrameworkRule: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    public var when: [RuleCondition]

    public init(id: String, name: String, description: String = "", when: [RuleCondition]) {
        self.id = id
        self.name = name
        self.description = description
        self.when = when
    }

    /// Reads the shared keys; `extra` are the keys the enclosing rule kind adds (`tier`, `level`).
    init(from c: KeyedDecodingContainer<AnyKey>, defaultID: String?, extra: [String], what: String) throws {
        try AnyKey.check(c, allowed: ["id", "name", "description", "when"] + extra, what: what)
        name = try c.decode(String.self, forKey: AnyKey("name"))
        id = try c.decodeIfPresent(String.self, forKey: AnyKey("id")) ?? defaultID ?? name
        description = try c.decodeIfPresent(String.self, forKey: AnyKey("description")) ?? ""
        when = try c.decode([RuleCondition].self, forKey: AnyKey("when"))
    }

    public var tests: [MeasureTest] { when.flatMap(\.tests) }
}

/// One school-improvement tier (1 Lead … 4 Stabilise) and the conditions that place a school in it.
public struct TierRule: Decodable, Sendable, Hashable {
    public var tier: Int
    public var rule: FrameworkRule
    /// The least support a school in this tier gets (`support:`; nil = none implied by the tier), so the
    /// support level never reads lighter than the tier (trust business plan).
    public var support: InterventionLevel?

    public init(tier: Int, rule: FrameworkRule, support: InterventionLevel? = nil) {
        self.tier = tier
        self.rule = rule
        self.support = support
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        tier = try c.decode(Int.self, forKey: AnyKey("tier"))
        support = try c.decodeIfPresent(InterventionLevel.self, forKey: AnyKey("support"))
        rule = try FrameworkRule(from: c, defaultID: "tier_\(tier)", extra: ["tier", "support"], what: "a tier rule")
    }

    public var label: String { "Tier \(tier) \(rule.name)" }
}

/// A reason to give a school support, at a level (core, additional, intensive).
public struct InterventionTrigger: Decodable, Sendable, Hashable {
    public var level: InterventionLevel
    public var rule: FrameworkRule

    public init(level: InterventionLevel, rule: FrameworkRule) {
        self.level = level
        self.rule = rule
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        level = try c.decode(InterventionLevel.self, forKey: AnyKey("level"))
        rule = try FrameworkRule(from: c, defaultID: nil, extra: ["level"], what: "an intervention trigger")
    }
}
