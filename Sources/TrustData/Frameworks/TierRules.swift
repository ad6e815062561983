/// The school-improvement tiers as an ordered list: rules are checked in the order the pipeline file
/// writes them and the FIRST whose conditions all hold places the school. The defaults go from most
/// support (4 Stabilise) to least (1 Lead), so a school lands in the most supportive tier it qualifies
/// for. When a rule can be neither confirmed nor ruled out because the run lacks figures, the check
/// stops and the school is "Not assessed", with the missing figures named.
public struct TierRules: Sendable {
    public let rules: [TierRule]

    public init(_ rules: [TierRule]) { self.rules = rules }

    public func place(urn: String, evaluator: RuleEvaluator) -> (SupportAssessment.TierPlacement?, String) {
        var missing: [String] = []
        for rule in rules {
            let outcome = evaluator.evaluate(rule.rule.when, urn: urn)
            if outcome.truth == .met {
                let placement = SupportAssessment.TierPlacement(tier: rule.tier, name: rule.rule.name,
                                                                description: rule.rule.description, evidence: outcome.evidence,
                                                                support: rule.support)
                return (placement, rule.rule.description)
            }
            for m in outcome.missing where !missing.contains(m) { missing.append(m) }
            // A tier that cannot be ruled out for lack of figures stops the check: a school is never
            // placed in a lighter tier because the figures for a heavier one are missing.
            if outcome.truth == .noData {
                return (nil, "Not assessed: \(rule.label) cannot be ruled out without " + list(missing))
            }
        }
        return (nil, "Not assessed: no tier rule applied")
    }

    func list(_ missing: [String]) -> String {
        "figures this run does not have: " + missing.prefix(6).joined(separator: ", ") + (missing.count > 6 ? " and \(missing.count - 6) more" : "")
    }
}
