/// One test in a framework rule, read from the pipeline file. Either a test on figures
/// (`measure`/`measures`, `group`/`groups`, `compare`, one operator) or a combination of tests
/// (`any_of: [...]`, `all_of: [...]`). A rule's `when:` list is an implicit `all_of`.
public indirect enum RuleCondition: Decodable, Sendable, Hashable {
    case test(MeasureTest)
    case anyOf([RuleCondition])
    case allOf([RuleCondition])

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        if c.contains(AnyKey("any_of")) {
            try AnyKey.check(c, allowed: ["any_of", "label"], what: "an `any_of` condition")
            self = .anyOf(try c.decode([RuleCondition].self, forKey: AnyKey("any_of")))
        } else if c.contains(AnyKey("all_of")) {
            try AnyKey.check(c, allowed: ["all_of", "label"], what: "an `all_of` condition")
            self = .allOf(try c.decode([RuleCondition].self, forKey: AnyKey("all_of")))
        } else {
            self = .test(try MeasureTest(from: decoder))
        }
    }

    /// Every figure test inside, for validation.
    public var tests: [MeasureTest] {
        switch self {
        case .test(let t): return [t]
        case .anyOf(let list), .allOf(let list): return list.flatMap(\.tests)
        }
    }
}

/// What a figure is compared with. `value` tests the figure itself (reserves below 3% of GAG).
public enum Comparison: String, Decodable, Sendable, Hashable, CaseIterable {
    case value
    case vsNational = "vs_national"
    case vsLA = "vs_la"
    case vsLastYear = "vs_last_year"
    case vsTarget = "vs_target"

    /// How evidence names the comparison.
    public var label: String {
        switch self {
        case .value: return ""
        case .vsNational: return "national"
        case .vsLA: return "LA"
        case .vsLastYear: return "last year"
        case .vsTarget: return "target"
        }
    }
}

/// A threshold written as a number or as the name of one of the block's `thresholds:`.
public enum Threshold: Decodable, Sendable, Hashable {
    case number(Double)
    case named(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .named(try c.decode(String.self)) }
    }
}

/// The operators a figure test can use. `d` is the difference the comparison gives (the figure itself
/// for `value`, figure − national for `vs_national`, this year − last year for `vs_last_year`).
public enum RuleOperator: Sendable, Hashable {
    /// d < −N: "more than N points below" ("well below" national).
    case belowByMoreThan(Threshold)
    /// d > N: "more than N points above".
    case aboveByMoreThan(Threshold)
    /// |d| ≤ N: "close to" (within N points, either side).
    case within(Threshold)
    /// Worse by more than N, in the measure's own direction (for absence, higher is worse).
    case worseByMoreThan(Threshold)
    /// Better by more than N, in the measure's own direction ("improving").
    case betterByMoreThan(Threshold)
    /// d < X, d > X, d ≥ X, d ≤ X: plain comparisons (with `compare: value`, on the figure itself).
    case below(Threshold), above(Threshold), atLeast(Threshold), atMost(Threshold)
    /// The difference moved against the school since last year by more than K points: the gap widens.
    case widensByMoreThan(Threshold)
    /// A category result (`finance.category`) is one of these (case-insensitive).
    case isOneOf([String])

    static let keys = ["below_by_more_than", "above_by_more_than", "within", "worse_by_more_than",
                       "better_by_more_than", "below", "above", "at_least", "at_most", "widens_by_more_than", "is_one_of"]

    public var threshold: Threshold? {
        switch self {
        case .belowByMoreThan(let t), .aboveByMoreThan(let t), .within(let t), .worseByMoreThan(let t),
             .betterByMoreThan(let t), .below(let t), .above(let t), .atLeast(let t), .atMost(let t),
             .widensByMoreThan(let t):
            return t
        case .isOneOf: return nil
        }
    }

    /// Words for reasons: "more than 2 points below national".
    func describe(_ n: Double, comparison: Comparison) -> String {
        let against = comparison == .value ? "" : " \(comparison.label)"
        let k = MeasureFormat.plain(n)
        switch self {
        case .belowByMoreThan: return "more than \(k) points below\(against)"
        case .aboveByMoreThan: return "more than \(k) points above\(against)"
        case .within: return "within \(k) points of\(against)"
        case .worseByMoreThan: return "worse than\(against) by more than \(k) points"
        case .betterByMoreThan: return "better than\(against) by more than \(k) points"
        case .below: return comparison == .value ? "below \(k)" : "difference from\(against) below \(k)"
        case .above: return comparison == .value ? "above \(k)" : "difference from\(against) above \(k)"
        case .atLeast: return comparison == .value ? "at least \(k)" : "at least \(k) points vs\(against)"
        case .atMost: return comparison == .value ? "at most \(k)" : "at most \(k) points vs\(against)"
        case .widensByMoreThan: return "gap\(against.isEmpty ? "" : " to" + against) widened by more than \(k) points since last year"
        case .isOneOf(let list): return "one of \(list.joined(separator: ", "))"
        }
    }
}

/// A test on one or more figures of a school: `measures` × `groups`, each compared the same way;
/// `match: any` (the default) holds when any figure passes, `match: all` when every figure with data does.
public struct MeasureTest: Decodable, Sendable, Hashable {
    public enum Match: String, Decodable, Sendable, Hashable { case any, all }

    public var measures: [String]
    public var groups: [String]
    public var comparison: Comparison
    public var op: RuleOperator
    public var match: Match
    /// Optional words for the reason shown on the card ("attendance well below national").
    public var label: String?
    /// `if_missing: not_met`: a test on figures the run does not have counts as not met instead of "no
    /// data" (for optional datasets such as Ofsted's safeguarding judgement, which must not leave a school
    /// "Not assessed" when the trust supplies no Ofsted file).
    public var missingIsNotMet: Bool = false

    public init(measures: [String], groups: [String] = ["all"], comparison: Comparison, op: RuleOperator,
                match: Match = .any, label: String? = nil) {
        self.measures = measures
        self.groups = groups
        self.comparison = comparison
        self.op = op
        self.match = match
        self.label = label
    }

    static let allowedKeys = ["measure", "measures", "group", "groups", "compare", "match", "label", "if_missing"] + RuleOperator.keys

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.check(c, allowed: MeasureTest.allowedKeys, what: "a condition")
        if let one = try c.decodeIfPresent(String.self, forKey: AnyKey("measure")) {
            measures = [one]
        } else if let many = try c.decodeIfPresent([String].self, forKey: AnyKey("measures")) {
            measures = many
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a condition needs `measure:` (or `measures:`), `compare:` and one operator"))
        }
        if let one = try c.decodeIfPresent(String.self, forKey: AnyKey("group")) {
            groups = [one]
        } else {
            groups = try c.decodeIfPresent([String].self, forKey: AnyKey("groups")) ?? ["all"]
        }
        comparison = try c.decodeIfPresent(Comparison.self, forKey: AnyKey("compare")) ?? .value
        match = try c.decodeIfPresent(Match.self, forKey: AnyKey("match")) ?? .any
        label = try c.decodeIfPresent(String.self, forKey: AnyKey("label"))
        if let missing = try c.decodeIfPresent(String.self, forKey: AnyKey("if_missing")) {
            guard ["not_met", "no_data"].contains(missing) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                    debugDescription: "`if_missing: \(missing)` is not allowed; use not_met or no_data (the default)"))
            }
            missingIsNotMet = missing == "not_met"
        }
        let present = RuleOperator.keys.filter { c.contains(AnyKey($0)) }
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a condition needs exactly one operator (\(RuleOperator.keys.joined(separator: ", "))); found \(present.isEmpty ? "none" : present.joined(separator: ", "))"))
        }
        func t() throws -> Threshold { try c.decode(Threshold.self, forKey: AnyKey(key)) }
        switch key {
        case "below_by_more_than": op = .belowByMoreThan(try t())
        case "above_by_more_than": op = .aboveByMoreThan(try t())
        case "within": op = .within(try t())
        case "worse_by_more_than": op = .worseByMoreThan(try t())
        case "better_by_more_than": op = .betterByMoreThan(try t())
        case "below": op = .below(try t())
        case "above": op = .above(try t())
        case "at_least": op = .atLeast(try t())
        case "at_most": op = .atMost(try t())
        case "widens_by_more_than": op = .widensByMoreThan(try t())
        default: op = .isOneOf(try c.decode([String].self, forKey: AnyKey(key)))
        }
    }
}

/// A coding key for any string, so rule blocks can reject misspelt keys instead of ignoring them.
struct AnyKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func check(_ c: KeyedDecodingContainer<AnyKey>, allowed: [String], what: String) throws {
        for key in c.allKeys where !allowed.contains(key.stringValue) {
            let near = allowed.map { ($0, HeaderMap.editDistance($0, key.stringValue)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0 ?? ""
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [key],
                debugDescription: "`\(key.stringValue)` is not a key of \(what); did you mean `\(near)`? (allowed: \(allowed.joined(separator: ", ")))"))
        }
    }
}
