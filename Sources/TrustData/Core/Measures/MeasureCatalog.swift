/// Every measure id trustdata writes. The ids are a contract with users' BI tools: add, never rename.
public enum MeasureCatalog {
    static let ks2Source = "DfE KS2 school performance tables technical guidance: expected standard is a scaled score of 100+ (tests) or EXS/GDS (writing TA); higher standard is 110+ or GDS; the denominator is the eligible cohort including pupils with codes A, B, H, J, Q, U and excluding L, M, F, P."

    static func ks2Measures() -> [MeasureDefinition] {
        var list: [MeasureDefinition] = []
        let subjects = [("reading", "Reading"), ("writing", "Writing (TA)"), ("maths", "Maths"), ("gps", "Grammar, punctuation and spelling"), ("rwm", "Reading, writing and maths combined")]
        for (id, name) in subjects {
            let expectedRule = id == "writing" ? "pupils assessed EXS or GDS"
                : id == "rwm" ? "pupils with reading ≥ 100, maths ≥ 100 and writing EXS/GDS"
                : "pupils with a scaled score ≥ 100"
            let higherRule = id == "writing" ? "pupils assessed GDS (greater depth)"
                : id == "rwm" ? "pupils with reading ≥ 110, maths ≥ 110 and writing GDS"
                : "pupils with a scaled score ≥ 110"
            list.append(MeasureDefinition("ks2.\(id).expected", "\(name): % at the expected standard", unit: .percent,
                                          numerator: expectedRule, denominator: "eligible KS2 cohort", source: ks2Source))
            list.append(MeasureDefinition("ks2.\(id).higher", "\(name): % at the higher standard\(id == "writing" ? " (greater depth)" : "")", unit: .percent,
                                          numerator: higherRule, denominator: "eligible KS2 cohort", source: ks2Source))
            if ["reading", "maths", "gps"].contains(id) {
                list.append(MeasureDefinition("ks2.\(id).average_scaled_score", "\(name): average scaled score", unit: .scaledScore,
                                              numerator: "sum of scaled scores", denominator: "pupils awarded a scaled score (80–120)", source: "DfE: mean over pupils who were awarded a scaled score only."))
            }
        }
        for subject in ["reading", "writing", "maths", "gps", "rwm"] {
            list.append(MeasureDefinition("ks2.\(subject).disadvantaged_gap_vs_national_other", "\(subject): school disadvantaged % expected minus national other (non-disadvantaged) pupils", unit: .points,
                                          source: "DfE and Ofsted basis for the disadvantaged gap: compare with national non-disadvantaged pupils."))
            list.append(MeasureDefinition("ks2.\(subject).disadvantaged_gap_in_school", "\(subject): school disadvantaged minus school other pupils (% expected)", unit: .points,
                                          source: "In-school gap; noisy for small groups."))
            list.append(MeasureDefinition("ks2.\(subject).disadvantaged_gap_vs_national_disadvantaged", "\(subject): school disadvantaged minus national disadvantaged (% expected)", unit: .points,
                                          source: "Comparison with national disadvantaged pupils."))
        }
        for subject in ["reading", "writing", "maths", "gps"] {
            list.append(MeasureDefinition("fft.\(subject).at_or_above_estimate", "\(subject): % of pupils at or above their FFT estimate", unit: .percent,
                                          numerator: "pupils whose result is at or above the estimate", denominator: "pupils with both a result and an estimate", source: "FFT Aspire estimates (benchmark named by the pipeline, FFT20 by default); estimates are not targets."))
            if subject != "writing" {
                list.append(MeasureDefinition("fft.\(subject).mean_gap", "\(subject): mean scaled-score gap to estimate", unit: .points,
                                              numerator: "sum of (actual − estimated scaled score)", denominator: "pupils with a score and an estimate", source: "FFT-style gap; 95% interval = mean ± 1.96·sd/√n."))
            }
            list.append(MeasureDefinition("fft.\(subject).estimated_expected", "\(subject): estimated % expected", unit: .percent,
                                          numerator: "pupils whose estimate reaches the standard, or sum of chances ÷ 100", denominator: "pupils with an estimate", source: "FFT Aspire estimates."))
        }
        list.append(MeasureDefinition("fft.rwm.estimated_expected", "RWM: estimated % expected (mean chance where FFT gives chances)", unit: .percent,
                                      numerator: "sum of chances ÷ 100 (pupils expected to reach the standard); without chances, pupils whose R, W and M estimates all reach it", denominator: "pupils in the RWM cohort with a chance or all three estimates", source: "FFT Aspire estimates."))
        // Added by the KS2 slice: the 95% interval of the mean gap, and actual vs estimated % expected.
        for subject in ["reading", "maths", "gps"] {
            list.append(MeasureDefinition("fft.\(subject).mean_gap_ci_low", "\(subject): lower end of the 95% interval of the mean gap to estimate", unit: .points,
                                          denominator: "pupils with a score and an estimate", source: "mean − z·sd/√n, z = 1.96 by default (pipeline ks2.interval_z); sample standard deviation; not given for n < 2."))
            list.append(MeasureDefinition("fft.\(subject).mean_gap_ci_high", "\(subject): upper end of the 95% interval of the mean gap to estimate", unit: .points,
                                          denominator: "pupils with a score and an estimate", source: "mean + z·sd/√n, z = 1.96 by default (pipeline ks2.interval_z); sample standard deviation; not given for n < 2."))
        }
        for subject in ["reading", "writing", "maths", "gps", "rwm"] {
            list.append(MeasureDefinition("fft.\(subject).actual_vs_estimated_expected", "\(subject): actual % expected minus FFT-estimated % expected (percentage points)", unit: .points,
                                          numerator: "pupils at the expected standard (of those with an estimate)", denominator: "pupils with an estimate", source: "FFT-style comparison over the same pupils; estimates are not targets."))
        }
        return list
    }

    static let phonicsSource = "DfE phonics screening check: mark out of 40, threshold 32 (configurable per year); the denominator is every pupil with a valid outcome (Wa, Wt, A, D, Q; A absent, D disapplied and Q maladministration count as not met), L (left) and pupils with no outcome are left out (DfE phonics methodology); A, D, L, Q are also counted separately."
    static let attendanceSource = "DfE pupil absence statistics methodology: rates over possible sessions; persistent absence = missing 10% or more of own possible sessions, severe = 50% or more; enrolment-based."
    static let financeSource = "DfE academy trust financial returns: revenue reserves = unrestricted funds plus unspent GAG; DfE expresses reserves as % of total income, trust policy as % of GAG."

    static let phonicsMeasures: [MeasureDefinition] = [
        MeasureDefinition("phonics.y1.expected", "Phonics: % of Year 1 meeting the expected standard", unit: .percent,
                          numerator: "Year 1 pupils with mark ≥ threshold (Wa)", denominator: "Year 1 pupils with a valid outcome (Wa + Wt + A + D + Q; L and no outcome left out)", source: phonicsSource),
        MeasureDefinition("phonics.by_y2.expected", "Phonics: % meeting the standard by the end of Year 2", unit: .percent,
                          numerator: "Year 2 pupils who met it in Year 1 or at the Year 2 retake", denominator: "Year 2 cohort with a valid outcome (A/D/Q count as not met; L and pupils with no result in either year left out)", source: phonicsSource),
    ] + ["y1", "by_y2"].flatMap { stage in
        [("absent", "A"), ("disapplied", "D"), ("left", "L"), ("maladministration", "Q")].map { name, code in
            MeasureDefinition("phonics.\(stage).\(name)", "Phonics \(stage == "y1" ? "Year 1" : "by the end of Year 2"): pupils coded \(code) (\(name)), \(code == "L" ? "left out of the percentage" : "in the percentage as not met")", unit: .pupils,
                              numerator: "pupils with outcome \(code)", source: phonicsSource)
        }
    }

    static let attendanceMeasures: [MeasureDefinition] = [
        MeasureDefinition("attendance.attendance_rate", "Attendance rate", unit: .percent,
                          numerator: "sessions present (including approved educational activity)", denominator: "possible sessions", source: attendanceSource),
        MeasureDefinition("attendance.overall_absence", "Overall absence rate", unit: .percent,
                          numerator: "authorised + unauthorised absence sessions", denominator: "possible sessions", source: attendanceSource, higherIsBetter: false),
        MeasureDefinition("attendance.authorised_absence", "Authorised absence rate", unit: .percent,
                          numerator: "authorised absence sessions", denominator: "possible sessions", source: attendanceSource, higherIsBetter: false),
        MeasureDefinition("attendance.unauthorised_absence", "Unauthorised absence rate", unit: .percent,
                          numerator: "unauthorised absence sessions", denominator: "possible sessions", source: attendanceSource, higherIsBetter: false),
        MeasureDefinition("attendance.persistent_absence", "% of pupils persistently absent (10%+ of sessions missed)", unit: .percent,
                          numerator: "enrolments missing ≥ 10% of their possible sessions", denominator: "enrolments", source: attendanceSource, higherIsBetter: false),
        MeasureDefinition("attendance.severe_absence", "% of pupils severely absent (50%+ of sessions missed)", unit: .percent,
                          numerator: "enrolments missing ≥ 50% of their possible sessions", denominator: "enrolments", source: attendanceSource, higherIsBetter: false),
    ]

    static let financeMeasures: [MeasureDefinition] = [
        MeasureDefinition("finance.revenue_reserves", "Revenue reserves carried forward (£)", unit: .pounds, source: financeSource),
        MeasureDefinition("finance.reserves_pct_gag", "Revenue reserves as % of GAG", unit: .percent,
                          numerator: "revenue reserves carried forward", denominator: "GAG income", source: financeSource + " Trust policy: 5%+ healthy, below 3% triggers a warning notice."),
        MeasureDefinition("finance.reserves_pct_income", "Revenue reserves as % of total income", unit: .percent,
                          numerator: "revenue reserves carried forward", denominator: "total income", source: financeSource + " DfE asks questions above 20%; most trusts hold 5–20%."),
        MeasureDefinition("finance.in_year_balance", "In-year balance (£)", unit: .pounds,
                          numerator: "total income − total expenditure", source: financeSource),
        MeasureDefinition("finance.in_year_balance_pct_income", "In-year balance as % of total income", unit: .percent,
                          numerator: "total income − total expenditure", denominator: "total income", source: financeSource),
        MeasureDefinition("finance.staff_costs_pct_expenditure", "Staff costs as % of total expenditure", unit: .percent,
                          numerator: "staff costs", denominator: "total expenditure", source: financeSource, higherIsBetter: false),
        MeasureDefinition("finance.staff_costs_pct_income", "Staff costs as % of total income", unit: .percent,
                          numerator: "staff costs", denominator: "total income", source: financeSource, higherIsBetter: false),
        MeasureDefinition("finance.income_beyond_gag_pct_gag", "Income beyond GAG as % of GAG", unit: .percent,
                          numerator: "total income − GAG", denominator: "GAG income", source: financeSource + " Self-generated and other income is a trust growth measure."),
        MeasureDefinition("finance.central_reserve_per_pupil", "Central reserve shared to academies per pupil (£)", unit: .pounds,
                          numerator: "central revenue reserves", denominator: "trust pupils (FTE)", source: "Trust framework: the central reserve can be shared to academies per pupil."),
        MeasureDefinition("finance.central_reserve_share", "Academy's share of the central reserve (£)", unit: .pounds,
                          numerator: "central reserve per pupil", denominator: "the academy's pupils (FTE) — value is their product", source: "Trust framework: the central reserve can be shared to academies per pupil."),
        MeasureDefinition("finance.basis", "Which figures a year's finance measures use (text: actual, forecast, budget or mixed; a published return adds its name, e.g. `actual (AAR)`, `forecast (BFR)`); forecast years after the pipeline's year have rows too", unit: .category,
                          source: "trustdata: per academy and year the best-informed row is used — actual, else forecast, else budget. Years are academy financial years (September–August), written 2024/25."),
        MeasureDefinition("finance.category", "Finance category (text: Universal, Concerning, Poor, Unacceptable)", unit: .category,
                          source: "Trust framework, thresholds in the pipeline's finance block. Universal: balanced in-year and reserves ≥ 5% of GAG; Concerning: in-year deficit covered by reserves, reserves 3–5% of GAG, or a cost centre over its straight-line profile by more than the margin; Poor: reserves < 3% of GAG or an in-year deficit larger than the opening reserves; Unacceptable: Poor now and Poor/Unacceptable at the previous review (warning-notice targets missed).", higherIsBetter: false),
        MeasureDefinition("finance.category_reasons", "Reasons for the finance category (text)", unit: .category, source: "Every rule that produced the category, with the amounts."),
        MeasureDefinition("finance.previous_category", "Finance category at the previous review (text, as supplied)", unit: .category,
                          source: "finance.csv `previous_category` column, else the pipeline's finance.previous_categories."),
        MeasureDefinition("finance.dfe_reserves_flag", "Trust reserves against DfE's framing (text: Below, Within, Above; value: reserves % of total income)", unit: .percent,
                          numerator: "trust revenue reserves (academies + central)", denominator: "trust total income", source: financeSource + " Most trusts hold 5–20% of income; above 20% DfE asks extra questions (bounds: dfe_low_pct_income, dfe_high_pct_income)."),
        MeasureDefinition("finance.monitoring.spend_vs_profile_pct", "Cost centre spend to date as % of its straight-line profile (group = cost_centre.<name>, e.g. cost_centre.teaching_staff; all = every cost centre)", unit: .percent,
                          numerator: "actual to date", denominator: "annual budget × month ÷ 12 (month 1 = September)", source: "Management accounts, latest month of the year; over profile when above 100% + over_profile_margin_pct.", higherIsBetter: false),
        MeasureDefinition("finance.monitoring.forecast_vs_budget", "Forecast outturn minus annual budget (£; positive = forecast overspend; group = cost_centre.<name>)", unit: .pounds,
                          numerator: "forecast outturn", denominator: "annual budget", source: "Management accounts, latest month of the year.", higherIsBetter: false),
        MeasureDefinition("finance.monitoring.forecast_pct_budget", "Forecast outturn as % of annual budget (group = cost_centre.<name>)", unit: .percent,
                          numerator: "forecast outturn", denominator: "annual budget", source: "Management accounts, latest month of the year.", higherIsBetter: false),
    ]

    /// The roster's context figures, shared by every school (not a slice's).
    static let contextMeasures: [MeasureDefinition] = [
        MeasureDefinition("context.number_on_roll", "Number on roll", unit: .pupils, source: "Pupil roster as at census."),
        MeasureDefinition("context.capacity_used", "Number on roll as % of capacity", unit: .percent, numerator: "pupils on roll", denominator: "school capacity (the register's, for every year)", source: "School register."),
        MeasureDefinition("context.roll_change", "Change in the number on roll on last year (pupils)", unit: .pupils, numerator: "pupils on roll this year", denominator: "pupils on roll last year (value = this year − last year)", source: "Pupil roster as at census, this year and last."),
        MeasureDefinition("context.roll_change_pct", "Change in the number on roll on last year (% of last year's roll)", unit: .points, numerator: "this year's roll − last year's", denominator: "last year's roll", source: "Pupil roster as at census; the falling-roll trigger (frameworks threshold falling_roll_pct) tests it."),
        MeasureDefinition("context.disadvantaged", "% of pupils disadvantaged", unit: .percent, numerator: "disadvantaged pupils", denominator: "pupils on roll", source: "DfE disadvantaged definition (FSM6, looked after, previously looked after)."),
        MeasureDefinition("context.eal", "% of pupils with English as an additional language", unit: .percent, numerator: "EAL pupils", denominator: "pupils on roll", source: "School census."),
        MeasureDefinition("context.sen_support", "% of pupils on SEN support", unit: .percent, numerator: "pupils with SEN status K", denominator: "pupils on roll", source: "School census."),
        MeasureDefinition("context.ehcp", "% of pupils with an EHC plan", unit: .percent, numerator: "pupils with SEN status E", denominator: "pupils on roll", source: "School census."),
    ]


    /// Every measure: each slice's, in registry order, then the context figures.
    public static let all: [MeasureDefinition] = SliceRegistry.all.flatMap { $0.measureDefinitions } + contextMeasures

    private static let byID: [String: MeasureDefinition] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    public static func definition(_ id: String) -> MeasureDefinition? { byID[id] }
    public static func definition(_ id: MeasureID) -> MeasureDefinition? { byID[id.text] }
    public static func isKnown(_ id: String) -> Bool { byID[id] != nil }

    /// The nearest known ids, for messages about a mistyped measure.
    public static func nearest(_ id: String, count: Int = 3) -> [String] {
        all.map { ($0.id, HeaderMap.editDistance($0.id, id)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }

    public static func suggestion(for id: String) -> String {
        "did you mean \(nearest(id).map { "`\($0)`" }.joined(separator: " or "))?"
    }
}
