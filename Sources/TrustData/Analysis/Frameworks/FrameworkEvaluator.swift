/// Applies the pipeline's frameworks (tiers and intervention triggers) to every school's figures.
/// Works only on the measure table, so it covers whichever slices the run has.
public struct FrameworkEvaluator: Sendable {
    public let settings: FrameworksSettings
    public let table: MeasureTable

    public init(settings: FrameworksSettings, table: MeasureTable) {
        self.settings = settings
        self.table = table
    }

    var evaluator: RuleEvaluator {
        RuleEvaluator(table: table, thresholds: settings.thresholds, ignoreSmallCohorts: settings.ignoreSmallCohorts)
    }

    /// Assessments in the order given (the register's order).
    public func assess(_ schools: [School]) -> [SupportAssessment] {
        schools.map { assess(urn: $0.urn, school: $0.name) }
    }

    public func assess(urn: String, school: String) -> SupportAssessment {
        let evaluator = self.evaluator
        let (tier, note) = TierRules(settings.tiers).place(urn: urn, evaluator: evaluator)
        var fired: [SupportAssessment.FiredTrigger] = []
        for trigger in settings.triggers {
            let outcome = evaluator.evaluate(trigger.rule.when, urn: urn)
            guard outcome.truth == .met else { continue }
            fired.append(.init(id: trigger.rule.id, name: trigger.rule.name, level: trigger.level,
                               description: trigger.rule.description, evidence: outcome.evidence))
        }
        return SupportAssessment(urn: urn, school: school, tier: tier, tierNote: note,
                                 financeCategory: table.current(urn, settings.financeCategoryMeasure)?.text,
                                 triggers: fired)
    }
}
