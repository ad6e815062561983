/// Applies the pipeline's frameworks (tiers and intervention triggers) to every school's figures.
/// Works only on the measure table, so it covers whichever slices the run has.
public struct FrameworkEvaluator: Sendable {
    public let settings: FrameworksSettings
    public let table: MeasureTable

    public init(settings: FrameworksSettings, table: MeasureTable) {
        self.settings = settings
        self.table = table
    }

    /// An evaluator over just the rows the frameworks read (`measuresRead`): the same assessments as a
    /// table of every row, without indexing the 150k rows of a large trust (profiled).
    public init(settings: FrameworksSettings, measures: [MeasureRow], currentYear: AcademicYear) {
        self.init(settings: settings, measureParts: [measures], currentYear: currentYear)
    }

    /// As above, from the run's rows as the arrays they are made of (`TrustReport.measureParts`), in order.
    public init(settings: FrameworksSettings, measureParts: [[MeasureRow]], currentYear: AcademicYear) {
        let read = FrameworkEvaluator.measuresRead(by: settings)
        var rows: [MeasureRow] = []
        // By index: `for row in list` copies every row (retaining its strings) just to test its id.
        for list in measureParts { for i in list.indices where read.contains(list[i].measure) { rows.append(list[i]) } }
        self.init(settings: settings, table: MeasureTable(rows, currentYear: currentYear))
    }

    /// Every measure id a tier rule or trigger tests, and the finance category: all the table is asked.
    static func measuresRead(by settings: FrameworksSettings) -> Set<String> {
        let rules = settings.tiers.map(\.rule) + settings.triggers.map(\.rule) + settings.educationCategories.map(\.rule)
        var ids: Set<String> = [settings.financeCategoryMeasure, "finance.category_reasons", "judgements.review_date",
                                "judgements.education_category", "judgements.finance_category"]
        for rule in rules { for test in rule.tests { ids.formUnion(test.measures) } }
        return ids
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
        var assessment = SupportAssessment(urn: urn, school: school, tier: tier, tierNote: note,
                                           financeCategory: table.current(urn, MeasureID(settings.financeCategoryMeasure))?.text,
                                           triggers: fired)
        if !settings.educationCategories.isEmpty {
            assessment.educationCategory = CategoryRules(settings.educationCategories).place(urn: urn, evaluator: evaluator)
        }
        assessment.categories = categoryChecks(urn: urn, education: assessment.educationCategory)
        return assessment
    }

    /// The set categories (judgements file) beside what the figures indicate: education from the category
    /// rules, finance from the finance slice's category and its reasons.
    func categoryChecks(urn: String, education: SupportAssessment.CategoryPlacement?) -> [CategoryCheck] {
        let setOn = table.current(urn, "judgements.review_date")?.text
        let financeSet = table.current(urn, "judgements.finance_category")?.text
        let educationSet = table.current(urn, "judgements.education_category")?.text
        return [
            CategoryCheck(area: "Education", set: educationSet, setOn: educationSet == nil ? nil : setOn,
                          indicated: education?.category.rawValue, reasons: education?.reasons ?? "no education category rules in the frameworks"),
            CategoryCheck(area: "Finance", set: financeSet, setOn: financeSet == nil ? nil : setOn,
                          indicated: table.current(urn, MeasureID(settings.financeCategoryMeasure))?.text,
                          reasons: table.current(urn, "finance.category_reasons")?.text ?? "no finance figures for this year in the run"),
        ]
    }
}
