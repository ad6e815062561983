/// The built-in `frameworks:` block: the same text as the end of `pipelines/sample.yml`.
enum FrameworksDefaults {
    static let yaml = #"""
# The trust's own frameworks (domain.md, "The trusts' own frameworks"): school-improvement tiers and
# intervention triggers, as rules on the figures in measures.csv — trust policy, not code. Edit the
# thresholds and rules here; `trustdata measures` lists every measure id a rule may name, and a rule
# naming an unknown measure, group or threshold stops the run before any import.
#
# A rule's `when:` is a list of conditions that must ALL hold. A condition is either
#   any_of: [conditions] / all_of: [conditions]
# or a test on figures:
#   measure: <id> (or measures: [ids])    group: <id> (or groups: [ids]; default all)
#   compare: value | vs_national | vs_la | vs_last_year | vs_target   (d = figure − comparison;
#            for `value`, d is the figure itself; for vs_last_year, this year − last year)
#   one operator: below_by_more_than N (d < −N) · above_by_more_than N (d > N) · within N (|d| ≤ N)
#            · worse_by_more_than N / better_by_more_than N (in the measure's own direction: for
#              absence, higher is worse) · below X · above X · at_least X · at_most X (plain, on d)
#            · widens_by_more_than K (the difference moved against the school by more than K points
#              since last year) · is_one_of [texts] (category results such as finance.category)
#   match: any (default: one figure passing is enough) | all (every figure with data must pass)
#   label: words shown as the reason on the card
# N, X and K are numbers or names from `thresholds:` below. A figure the run does not have is "no
# data": it never makes a rule hold. Groups smaller than settings.min_group_size are left out when
# ignore_small_cohorts is true (one pupil in a group of four must not trigger support).
frameworks:
  ignore_small_cohorts: true
  thresholds:
    results_close_to: 5            # KS2 / phonics within 5 points of national is "close to national"
    results_well_below: 10         # more than 10 points below national is "well below"
    attendance_close_to: 1         # attendance rate within 1 point of national is "close to"
    attendance_well_below: 2       # more than 2 points below national is "well below"
    persistent_absence_close_to: 2 # persistent absence up to 2 points above national is "close to"
    persistent_absence_well_above: 5
    severe_absence_above: 1        # severe absence more than 1 point above national breaches a threshold
    flat: 1                        # a change on last year of at most 1 point is "flat" (or declining)
    gap_widens: 3                  # a disadvantaged gap "widens" when it grows by more than 3 points
    reserves_warning_pct_gag: 3    # reserves below 3% of GAG: warning-notice level (trust policy)
    falling_roll_pct: 5            # a roll more than 5% below last year's is a falling roll (business plan trigger)
    exclusions_well_above: 2       # suspensions per 100 pupils more than 2 above national are "well above" (national
                                   # primary 2023/24: 2.27); DfE publishes a year behind, so the latest national is used

  # Tiers are checked in this order and the FIRST whose conditions all hold places the school, so a
  # school lands in the most supportive tier it qualifies for. A tier that can be neither confirmed
  # nor ruled out because figures are missing stops the check: the school is "Not assessed" and the
  # card names the missing figures (never placed in a lighter tier for lack of data). A condition with
  # `if_missing: not_met` (safeguarding from the Ofsted file, exclusions from the behaviour export) counts
  # as not met when the run has no figure, so a trust without that file is placed on the other figures.
  # `support:` is the least support a tier gets (trust business plan: core is the universal offer every
  # school has; a school below national gets additional support; tier 4 intensive), so the card never
  # shows a tier beside a lighter support level.
  tiers:
    - tier: 4
      name: Stabilise
      support: intensive
      description: Attendance well below national or exclusions well above it, and results flat or declining; or safeguarding not effective at the last inspection.
      when:
        - any_of:
            - all_of:
                - any_of:
                    - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_well_below, label: attendance well below national}
                    - {measure: attendance.persistent_absence, compare: vs_national, above_by_more_than: persistent_absence_well_above, label: persistent absence well above national}
                    # A 2024/25 rate has no national yet: vs_national uses the latest published (2023/24), named in the reason.
                    - {measure: exclusions.suspension_rate, compare: vs_national, above_by_more_than: exclusions_well_above, if_missing: not_met, label: suspensions well above national}
                - {measure: ks2.rwm.expected, compare: vs_last_year, at_most: flat, label: KS2 RWM flat or declining on last year}
            - {measure: ofsted.safeguarding, is_one_of: [Not met, Not effective], if_missing: not_met, label: safeguarding not effective at the last inspection}
    - tier: 3
      name: Reinvent
      support: additional
      description: Attendance or results below national beyond "close to" (improving, not yet consistently).
      when:
        - any_of:
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_close_to, label: attendance below national}
            - {measure: attendance.persistent_absence, compare: vs_national, above_by_more_than: persistent_absence_close_to, label: persistent absence above national}
            - {measure: ks2.rwm.expected, compare: vs_national, below_by_more_than: results_close_to, label: KS2 RWM below national}
    - tier: 2
      name: Grow
      support: core
      description: Attendance, persistent absence and results close to national, with isolated areas below.
      when:
        - measures: [ks2.rwm.expected, ks2.reading.expected, ks2.writing.expected, ks2.maths.expected,
                     phonics.y1.expected, phonics.by_y2.expected, attendance.attendance_rate, attendance.persistent_absence]
          compare: vs_national
          worse_by_more_than: 0
          label: an area below national
    - tier: 1
      name: Lead
      support: core
      description: KS2 RWM and attendance at or above national, no area below national.
      when:
        - measures: [ks2.rwm.expected, attendance.attendance_rate]
          compare: vs_national
          at_least: 0
          match: all
          label: at or above national

  # Every trigger whose conditions hold is listed on the card and the Support sheet with its figures;
  # the school's support level is the highest level among them and its tier's `support:` (core <
  # additional < intensive). In the trust business plan a subject or pupil group below national is an
  # ADDITIONAL support trigger; core support is the universal offer, not a trigger.
  triggers:
    - id: below_national
      name: A subject or pupil group below national
      level: additional
      when:
        - measures: [ks2.reading.expected, ks2.writing.expected, ks2.maths.expected, ks2.rwm.expected,
                     phonics.y1.expected, phonics.by_y2.expected]
          groups: [all, disadvantaged, girls, boys, sen_support, eal]
          compare: vs_national
          below_by_more_than: 0
    - id: disadvantaged_gap_widens
      name: The disadvantaged gap widens
      level: additional
      when:
        - measures: [ks2.rwm.disadvantaged_gap_vs_national_other, ks2.reading.disadvantaged_gap_vs_national_other,
                     ks2.writing.disadvantaged_gap_vs_national_other, ks2.maths.disadvantaged_gap_vs_national_other]
          compare: value
          widens_by_more_than: gap_widens
    - id: attendance_threshold
      name: Attendance thresholds breached
      level: additional
      when:
        - any_of:
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_close_to}
            - {measure: attendance.persistent_absence, compare: vs_national, above_by_more_than: persistent_absence_close_to}
            - {measure: attendance.severe_absence, compare: vs_national, above_by_more_than: severe_absence_above}
    - id: deficit_budget
      name: A deficit budget is forecast
      level: additional
      when:
        - {measure: finance.in_year_balance, compare: value, below: 0, label: in-year deficit}
    - id: finance_poor
      name: Finance category Poor or Unacceptable, or reserves below the warning level
      level: intensive
      when:
        - any_of:
            - {measure: finance.category, is_one_of: [Poor, Unacceptable]}
            - {measure: finance.reserves_pct_gag, compare: value, below: reserves_warning_pct_gag, label: reserves below the warning level (% of GAG)}
    - id: falling_roll
      name: A falling roll
      level: additional
      when:
        - {measure: context.roll_change_pct, compare: value, below_by_more_than: falling_roll_pct, label: number on roll down on last year}
    - id: ofsted_requires_improvement
      name: Ofsted requires improvement (or a report card needs attention)
      level: intensive
      when:
        - any_of:
            - {measure: ofsted.overall_effectiveness, is_one_of: [Requires improvement, Inadequate]}
            - measures: [ofsted.report_card.inclusion, ofsted.report_card.curriculum_and_teaching, ofsted.report_card.achievement,
                         ofsted.report_card.attendance_and_behaviour, ofsted.report_card.personal_development_and_wellbeing,
                         ofsted.report_card.early_years, ofsted.report_card.leadership_and_governance]
              is_one_of: [Needs attention, Urgent improvement]
    - id: significantly_below_national
      name: Significantly below national in a key measure
      level: intensive
      when:
        - any_of:
            - measures: [ks2.rwm.expected, ks2.reading.expected, ks2.writing.expected, ks2.maths.expected, phonics.y1.expected]
              compare: vs_national
              below_by_more_than: results_well_below
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_well_below}

  # The education category the figures indicate (the school-improvement offer: Universal, Concerning,
  # Poor, Unacceptable, Deficient), shown on the card beside the category the CEO set in the judgements
  # file, with any difference flagged. Checked in this order; the first rule that holds gives the
  # category, and a school no rule holds for is Universal. A rule the run lacks figures for does not
  # stop the check: the card names the worse category that could not be ruled out, and the figures.
  education_categories:
    - category: Deficient
      name: Inadequate or unsafe
      description: Ofsted inadequate, a category of concern, or safeguarding not effective at the last inspection.
      when:
        - any_of:
            - {measure: ofsted.overall_effectiveness, is_one_of: [Inadequate], label: Ofsted inadequate}
            - {measure: ofsted.category_of_concern, is_one_of: [SM, SWK, Special measures, Serious weaknesses], label: in an Ofsted category of concern}
            - {measure: ofsted.safeguarding, is_one_of: [Not met, Not effective], label: safeguarding not effective}
            - {measure: ofsted.report_card.leadership_and_governance, is_one_of: [Urgent improvement], label: leadership needs urgent improvement}
    - category: Unacceptable
      name: Poor at the last review and still Poor
      description: Poor or worse at the previous review and results or attendance still well below national (recovery-plan targets missed).
      when:
        - {measure: judgements.previous_education_category, is_one_of: [Poor, Unacceptable, Deficient], label: Poor or worse at the previous review}
        - any_of:
            - {measures: [ks2.rwm.expected, phonics.y1.expected], compare: vs_national, below_by_more_than: results_well_below, label: results well below national}
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_well_below, label: attendance well below national}
    - category: Poor
      name: Well below national
      description: KS2 RWM or Year 1 phonics, or attendance, well below national; or Ofsted requires improvement.
      when:
        - any_of:
            - {measure: ofsted.overall_effectiveness, is_one_of: [Requires improvement], label: Ofsted requires improvement}
            - {measures: [ks2.rwm.expected, phonics.y1.expected], compare: vs_national, below_by_more_than: results_well_below, label: results well below national}
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_well_below, label: attendance well below national}
    - category: Concerning
      name: Below national
      description: KS2 RWM or Year 1 phonics below national beyond "close to", or attendance or persistent absence beyond "close to".
      when:
        - any_of:
            - {measures: [ks2.rwm.expected, phonics.y1.expected], compare: vs_national, below_by_more_than: results_close_to, label: results below national}
            - {measure: attendance.attendance_rate, compare: vs_national, below_by_more_than: attendance_close_to, label: attendance below national}
            - {measure: attendance.persistent_absence, compare: vs_national, above_by_more_than: persistent_absence_close_to, label: persistent absence above national}
"""#
}
