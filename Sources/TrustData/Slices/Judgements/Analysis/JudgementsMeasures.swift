/// The judgements in force as rows of `measures.csv` (written under the pipeline's year, as set on the
/// review date): categories and statuses as text, so rules test them with `is_one_of`; the Y/N fields
/// and the worst curriculum tier also as numbers (1 = yes), so rules can compare them.
enum JudgementsMeasures {
    static let source = "The trust's own judgements file (judgements.csv), set by the CEO (education) and CFO (finance) at the termly review."

    static let definitions: [MeasureDefinition] = [
        MeasureDefinition("judgements.review_date", "Date of the review that set the judgements in force (text, dd/mm/yyyy)", unit: .category, source: source),
        MeasureDefinition("judgements.education_category", "Education category set by the CEO (Universal, Concerning, Poor, Unacceptable, Deficient)", unit: .category, source: source),
        MeasureDefinition("judgements.previous_education_category", "Education category set at the review before", unit: .category, source: source),
        MeasureDefinition("judgements.finance_category", "Finance category set by the CFO (Universal, Concerning, Poor, Unacceptable, Deficient)", unit: .category, source: source),
        MeasureDefinition("judgements.previous_finance_category", "Finance category set at the review before", unit: .category, source: source),
        MeasureDefinition("judgements.rep_status", "Education recovery plan (REP): None, Open or Closed, with its dates (text)", unit: .category, source: source),
        MeasureDefinition("judgements.frep_status", "Financial recovery plan (FREP): None, Open or Closed, with its dates (text)", unit: .category, source: source),
        MeasureDefinition("judgements.warning_notice", "Financial warning notice: None, Issued or Lifted, with its dates (text)", unit: .category, source: source),
        MeasureDefinition("judgements.plan_to_reach_5pct", "A realistic plan to reach 5% reserves is in place (1 yes, 0 no; text Yes/No)", unit: .count, source: source),
        MeasureDefinition("judgements.ceo_directives_met", "The directives of the CEO's letter were met (1 yes, 0 no; text Yes/No)", unit: .count, source: source),
        MeasureDefinition("judgements.health_check_date", "Date of the last health check (text, dd/mm/yyyy)", unit: .category, source: source),
        MeasureDefinition("judgements.next_steps", "Next steps from the health check (text)", unit: .category, source: source),
        MeasureDefinition("judgements.curriculum_tiers", "Curriculum-area tiers 1–5 (text `English 2; Maths 3`); value = the worst (highest) tier", unit: .count, source: source, higherIsBetter: false),
        MeasureDefinition("judgements.notes", "The trust's notes on the review (text)", unit: .category, source: source),
    ]

    static func rows(_ j: TrustJudgement, previous: TrustJudgement?, school: School, context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        func add(_ id: MeasureID, _ text: String?, value: Double? = nil) {
            guard let text else { return }
            var r = context.measure(id, year: context.year, school: school, value: value)
            r.text = text
            rows.append(r)
        }
        func yes(_ b: Bool?) -> (String?, Double?) { (b.map { $0 ? "Yes" : "No" }, b.map { $0 ? 1 : 0 }) }
        add("judgements.review_date", j.reviewDate.uk + (j.term.map { " (\($0))" } ?? ""))
        add("judgements.education_category", j.educationCategory?.rawValue)
        add("judgements.previous_education_category", previous?.educationCategory?.rawValue)
        add("judgements.finance_category", j.finance.category?.rawValue)
        add("judgements.previous_finance_category", previous?.finance.category?.rawValue)
        add("judgements.rep_status", j.rep.text)
        add("judgements.frep_status", j.finance.frep.text)
        add("judgements.warning_notice", j.finance.warningNoticeText)
        let plan = yes(j.finance.planToReach5Pct)
        add("judgements.plan_to_reach_5pct", plan.0, value: plan.1)
        let met = yes(j.finance.ceoLetterDirectivesMet)
        add("judgements.ceo_directives_met", met.0, value: met.1)
        add("judgements.health_check_date", j.healthCheckDate?.uk)
        add("judgements.next_steps", j.nextSteps)
        add("judgements.curriculum_tiers", j.curriculumTiersText, value: j.worstCurriculumTier.map(Double.init))
        add("judgements.notes", j.notes)
        return rows
    }
}
