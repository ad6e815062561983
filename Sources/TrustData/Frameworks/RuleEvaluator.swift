/// Evaluates conditions for one school against the measure table, in three-valued logic: a test on
/// figures the run does not have is "no data" — never silently true or false.
///
/// Within one test, `match: any` holds when any figure it has passes (figures the run lacks are
/// skipped; no figure at all is "no data"); `match: all` needs every figure named.
/// `all_of` (and a rule's `when:`) is false if any part is false, else "no data" if any part has no
/// data, else true; `any_of` is true if any part is true, else "no data" if any part has no data,
/// else false. A rule applies only when its conditions are true.
public struct RuleEvaluator: Sendable {
    public enum Truth: Sendable, Hashable { case met, notMet, noData }

    public struct Outcome: Sendable, Hashable {
        public var truth: Truth
        /// The figures that passed (for a met condition).
        public var evidence: [Evidence]
        /// The figures the condition wanted but the run does not have (`measure (group)`).
        public var missing: [String]
    }

    public let table: MeasureTable
    public let thresholds: [String: Double]
    /// Skip figures flagged as small cohorts (below `min_group_size`): one pupil must not trigger support.
    public let ignoreSmallCohorts: Bool

    public init(table: MeasureTable, thresholds: [String: Double], ignoreSmallCohorts: Bool) {
        self.table = table
        self.thresholds = thresholds
        self.ignoreSmallCohorts = ignoreSmallCohorts
    }

    public func evaluate(_ conditions: [RuleCondition], urn: String) -> Outcome {
        combine(conditions.map { evaluate($0, urn: urn) }, all: true)
    }

    public func evaluate(_ condition: RuleCondition, urn: String) -> Outcome {
        switch condition {
        case .test(let t): return evaluate(t, urn: urn)
        case .allOf(let list): return combine(list.map { evaluate($0, urn: urn) }, all: true)
        case .anyOf(let list): return combine(list.map { evaluate($0, urn: urn) }, all: false)
        }
    }

    func combine(_ parts: [Outcome], all: Bool) -> Outcome {
        let missing = parts.flatMap(\.missing)
        let truth: Truth
        if all {
            truth = parts.contains { $0.truth == .notMet } ? .notMet : parts.contains { $0.truth == .noData } ? .noData : .met
        } else {
            truth = parts.contains { $0.truth == .met } ? .met : parts.contains { $0.truth == .noData } ? .noData : .notMet
        }
        let evidence = truth == .met ? parts.filter { $0.truth == .met }.flatMap(\.evidence) : []
        return Outcome(truth: truth, evidence: evidence, missing: missing)
    }

    public func resolve(_ t: Threshold) -> Double {
        switch t {
        case .number(let n): return n
        case .named(let name): return thresholds[name] ?? .nan   // validated at start-up
        }
    }

    public func evaluate(_ test: MeasureTest, urn: String) -> Outcome {
        var passed: [Evidence] = [], evaluated = 0, missing: [String] = []
        for measure in test.measures {
            for group in test.groups {
                guard let result = cell(test, measure: measure, group: group, urn: urn) else {
                    missing.append("\(measure) (\(group))")
                    continue
                }
                evaluated += 1
                if let evidence = result { passed.append(evidence) }
            }
        }
        let truth: Truth
        if evaluated == 0 { truth = test.missingIsNotMet ? .notMet : .noData }
        else if test.match == .any { truth = passed.isEmpty ? .notMet : .met }
        // `all` means every figure named: one the run lacks makes it "no data" unless another fails.
        else { truth = passed.count < evaluated ? .notMet : missing.isEmpty ? .met : .noData }
        return Outcome(truth: truth, evidence: truth == .met ? passed : [], missing: test.missingIsNotMet ? [] : missing)
    }

    /// nil: no usable figure; .some(nil): tested and failed; .some(evidence): passed.
    func cell(_ test: MeasureTest, measure: String, group: String, urn: String) -> Evidence?? {
        // The rule names its measure and group as text (the pipeline file): typed once here.
        let key = (measure: MeasureID(measure), group: MeasureGroup(group))
        guard let now = table.current(urn, key.measure, group: key.group) else { return nil }
        if ignoreSmallCohorts && now.smallCohort { return nil }
        let higherIsBetter = MeasureCatalog.definition(measure)?.higherIsBetter ?? true
        let last = table.previous(urn, key.measure, group: key.group)
        var evidence = Evidence(measure: measure, group: group, year: now.year, value: now.value, text: now.text,
                                comparedWith: test.comparison.label, comparisonValue: nil, difference: nil,
                                n: now.denominator, smallCohort: now.smallCohort, test: "")
        evidence.leftOut = now.leftOut
        evidence.period = now.period
        if test.comparison == .vsNational { evidence.nationalBasis = now.nationalBasis }

        if case .isOneOf(let allowed) = test.op {
            guard let text = now.text, !text.isEmpty else { return nil }
            evidence.comparedWith = ""
            evidence.test = test.label ?? "category is \(test.op.describe(0, comparison: .value))"
            return allowed.contains { $0.caseInsensitiveCompare(text) == .orderedSame } ? .some(evidence) : .some(nil)
        }

        func difference(_ row: MeasureRow?, previous: MeasureRow?) -> (Double, Double?)? {
            guard let row, let v = row.value else { return nil }
            switch test.comparison {
            case .value: return (v, nil)
            case .vsNational: return row.national.map { (v - $0, $0) }
            case .vsLA: return row.la.map { (v - $0, $0) }
            case .vsTarget: return row.target.map { (v - $0, $0) }
            case .vsLastYear: return previous?.value.map { (v - $0, $0) }
            }
        }
        guard let (d, compared) = difference(now, previous: last) else { return nil }
        evidence.comparisonValue = compared
        evidence.difference = test.comparison == .value ? nil : d
        let threshold = test.op.threshold.map(resolve) ?? 0
        evidence.test = test.label ?? test.op.describe(threshold, comparison: test.comparison)
        let directed = higherIsBetter ? d : -d
        let pass: Bool
        switch test.op {
        case .belowByMoreThan: pass = d < -threshold
        case .aboveByMoreThan: pass = d > threshold
        case .within: pass = abs(d) <= threshold
        case .worseByMoreThan: pass = directed < -threshold
        case .betterByMoreThan: pass = directed > threshold
        case .below: pass = d < threshold
        case .above: pass = d > threshold
        case .atLeast: pass = d >= threshold
        case .atMost: pass = d <= threshold
        case .widensByMoreThan:
            // The gap this year against the same gap last year, in the measure's direction.
            let before = table.previous(urn, key.measure, group: key.group)
            guard let (dPrev, _) = difference(before, previous: nil) else { return nil }
            let change = d - dPrev
            evidence.difference = change
            pass = (higherIsBetter ? change : -change) < -threshold
        case .isOneOf: pass = false
        }
        return pass ? .some(evidence) : .some(nil)
    }
}
