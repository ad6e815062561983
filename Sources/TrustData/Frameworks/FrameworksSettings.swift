import Yams

/// Settings of the `frameworks:` block of a pipeline file: the trust's school-improvement tiers and
/// intervention triggers as rules on measure ids (see the block in `pipelines/sample.yml`, which is
/// identical to the built-in defaults). Each key may be left out; the defaults then apply.
public struct FrameworksSettings: Decodable, Sendable, Hashable {
    /// Leave out figures flagged as small cohorts when testing rules.
    public var ignoreSmallCohorts: Bool
    /// Named thresholds ("close to", "well below", "widens") rules refer to.
    public var thresholds: [String: Double]
    /// Checked in order; the first rule that holds places the school (see `TierRules`).
    public var tiers: [TierRule]
    public var triggers: [InterventionTrigger]
    /// The education category the figures indicate, worst first (see `CategoryRules`).
    public var educationCategories: [CategoryRule] = []

    /// The measure whose `text` is the school's finance category (written by the finance slice).
    public var financeCategoryMeasure: String { "finance.category" }

    public init() { self = FrameworksSettings.builtIn }

    public init(ignoreSmallCohorts: Bool = true, thresholds: [String: Double] = [:], tiers: [TierRule], triggers: [InterventionTrigger]) {
        self.ignoreSmallCohorts = ignoreSmallCohorts
        self.thresholds = thresholds
        self.tiers = tiers
        self.triggers = triggers
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ignoreSmallCohorts = "ignore_small_cohorts"
        case thresholds, tiers, triggers
        case educationCategories = "education_categories"
    }

    public init(from decoder: Decoder) throws {
        try AnyKey.check(try decoder.container(keyedBy: AnyKey.self), allowed: CodingKeys.allCases.map(\.rawValue), what: "the frameworks block")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FrameworksSettings.builtIn
        ignoreSmallCohorts = try c.decodeIfPresent(Bool.self, forKey: .ignoreSmallCohorts) ?? d.ignoreSmallCohorts
        // A trust's thresholds override the defaults one by one: the built-in rules it does not replace
        // (education categories, say) keep the thresholds they name.
        let own = try c.decodeIfPresent([String: Double].self, forKey: .thresholds) ?? [:]
        thresholds = d.thresholds.merging(own) { _, trust in trust }
        tiers = try c.decodeIfPresent([TierRule].self, forKey: .tiers) ?? d.tiers
        triggers = try c.decodeIfPresent([InterventionTrigger].self, forKey: .triggers) ?? d.triggers
        educationCategories = try c.decodeIfPresent([CategoryRule].self, forKey: .educationCategories) ?? d.educationCategories
    }

    /// The defaults, read from the same YAML that `pipelines/sample.yml` ships (a test keeps them equal).
    public static let builtIn: FrameworksSettings = {
        struct Holder: Decodable { let frameworks: FrameworksSettings.Raw }
        do {
            let raw = try YAMLDecoder().decode(Holder.self, from: FrameworksDefaults.yaml).frameworks
            var settings = FrameworksSettings(ignoreSmallCohorts: raw.ignoreSmallCohorts, thresholds: raw.thresholds,
                                              tiers: raw.tiers, triggers: raw.triggers)
            settings.educationCategories = raw.educationCategories
            return settings
        } catch {
            fatalError("the built-in frameworks YAML does not parse: \(error)")
        }
    }()

    /// The defaults' shape without falling back to `builtIn` (which would recurse).
    struct Raw: Decodable {
        let ignoreSmallCohorts: Bool
        let thresholds: [String: Double]
        let tiers: [TierRule]
        let triggers: [InterventionTrigger]
        let educationCategories: [CategoryRule]
        enum CodingKeys: String, CodingKey {
            case ignoreSmallCohorts = "ignore_small_cohorts"
            case thresholds, tiers, triggers
            case educationCategories = "education_categories"
        }
    }

    /// Start-up check, before any import: every rule names real measures, groups and thresholds.
    /// Errors name the rule and the nearest measure ids.
    public func validate() throws {
        var problems: [String] = []
        var seen = Set<String>()
        let rules = tiers.map { ($0.label, $0.rule) } + triggers.map { ("trigger `\($0.rule.id)`", $0.rule) }
            + educationCategories.map { ("education category \($0.category.rawValue)", $0.rule) }
        for trigger in triggers where !seen.insert(trigger.rule.id).inserted {
            problems.append("trigger id `\(trigger.rule.id)` is used twice; ids must be unique")
        }
        for (name, rule) in rules {
            if rule.when.isEmpty { problems.append("\(name) has an empty `when:` list") }
            for test in rule.tests {
                for m in test.measures where !MeasureCatalog.isKnown(m) {
                    problems.append("\(name) refers to measure `\(m)`, which does not exist; nearest: \(MeasureCatalog.nearest(m).map { "`\($0)`" }.joined(separator: ", "))")
                }
                for g in test.groups where PupilGroup(rawValue: g) == nil {
                    let near = PupilGroup.allCases.map(\.rawValue).min { HeaderMap.editDistance($0, g) < HeaderMap.editDistance($1, g) } ?? "all"
                    problems.append("\(name) refers to group `\(g)`, which does not exist; nearest: `\(near)`")
                }
                if case .named(let t)? = test.op.threshold, thresholds[t] == nil {
                    let near = thresholds.keys.sorted().min { HeaderMap.editDistance($0, t) < HeaderMap.editDistance($1, t) }
                    problems.append("\(name) uses threshold `\(t)`, which is not under frameworks.thresholds\(near.map { "; nearest: `\($0)`" } ?? "")")
                }
                if case .widensByMoreThan = test.op, test.comparison == .vsLastYear {
                    problems.append("\(name): `widens_by_more_than` already compares with last year; use compare: value, vs_national, vs_la or vs_target")
                }
            }
        }
        guard problems.isEmpty else {
            throw PipelineError.configuration("The pipeline's frameworks block has \(problems.count == 1 ? "a problem" : "\(problems.count) problems"):\n  - "
                + problems.joined(separator: "\n  - "))
        }
    }
}
