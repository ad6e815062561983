/// One rule of the education category the figures indicate (the school-improvement offer's Universal /
/// Concerning / Poor / Unacceptable / Deficient): the category and the conditions that put a school in it.
public struct CategoryRule: Decodable, Sendable, Hashable {
    public var category: TrustCategory
    public var rule: FrameworkRule

    public init(category: TrustCategory, rule: FrameworkRule) {
        self.category = category
        self.rule = rule
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let text = try c.decode(String.self, forKey: AnyKey("category"))
        guard let category = TrustCategory(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyKey("category")],
                debugDescription: "`\(text)` is not a category; use \(TrustCategory.wordList)"))
        }
        self.category = category
        rule = try FrameworkRule(from: c, defaultID: "education_\(category.rawValue.lowercased())", extra: ["category"], what: "an education category rule")
    }
}

/// The education category the figures indicate: the rules are checked in the order written (worst
/// first by default) and the first that holds sets the category; when none holds the school is
/// Universal. Unlike the tiers, a rule the run lacks figures for does not stop the check (a category is
/// always given, to set beside the CEO's): it is named in `unresolved`, so the card says which worse
/// category could not be ruled out and on which missing figures.
public struct CategoryRules: Sendable {
    public let rules: [CategoryRule]

    public init(_ rules: [CategoryRule]) { self.rules = rules }

    public func place(urn: String, evaluator: RuleEvaluator) -> SupportAssessment.CategoryPlacement {
        var unresolved: [String] = []
        for rule in rules {
            let outcome = evaluator.evaluate(rule.rule.when, urn: urn)
            if outcome.truth == .met {
                return .init(category: rule.category, description: rule.rule.description, evidence: outcome.evidence, unresolved: unresolved)
            }
            if outcome.truth == .noData {
                let missing = outcome.missing.prefix(4).joined(separator: ", ") + (outcome.missing.count > 4 ? " and \(outcome.missing.count - 4) more" : "")
                unresolved.append("\(rule.category.rawValue) not ruled out (no \(missing))")
            }
        }
        return .init(category: .universal, description: "No rule for a worse category holds.", evidence: [], unresolved: unresolved)
    }
}
