/// A category with every reason that produced it, and the previous category beside it.
public struct FinanceCategoryResult: Sendable, Hashable {
    public var year: AcademicYear
    public var category: TrustCategory
    public var reasons: [String]
    public var previous: TrustCategory? { previousReview?.category }
    /// The review before this one (its category and warning notice), when any source gives it.
    public var previousReview: PreviousReview?
    /// What the figures were (actual / forecast / budget).
    public var basis: String

    public var reasonText: String { reasons.joined(separator: "; ") }

    /// Applies the trust's rules (thresholds from `FinanceSettings`):
    /// - Poor: reserves below `poor_reserves_pct_gag` of GAG ("below 3% of GAG triggers a warning
    ///   notice"), or an in-year deficit that the reserves at the start of the year cannot cover.
    /// - Concerning: an in-year deficit (forecast or budget: "a deficit looks possible"), a cost centre
    ///   over its straight-line profile by more than `over_profile_margin_pct`, or reserves between the
    ///   Poor and Universal levels.
    /// - Universal: balanced in-year (surplus or nil deficit) and reserves at or above
    ///   `universal_reserves_pct_gag` of GAG, with no cost centre over profile.
    /// - Unacceptable: Poor now, Poor or worse at the previous review, and that review's warning-notice
    ///   targets missed (`PreviousReview.decide`). Without a previous review it cannot be decided, and
    ///   the reasons say so.
    /// - Deficient: revenue reserves below `deficient_reserves_below` (default £0, a cumulative deficit),
    ///   whatever the previous category: the last level.
    /// Without GAG (a file that gives none) the GAG tests are left out and the reasons say so.
    public static func assess(_ y: FinanceYear, overProfile: [CostCentreResult], previous: TrustCategory?,
                              settings: FinanceSettings) -> FinanceCategoryResult {
        assess(y, overProfile: overProfile, previousReview: previous.map { PreviousReview(category: $0, source: .setting) }, settings: settings)
    }

    public static func assess(_ y: FinanceYear, overProfile: [CostCentreResult], previousReview previous: PreviousReview?,
                              settings: FinanceSettings) -> FinanceCategoryResult {
        let f = y.figures
        var deficient: [String] = [], poor: [String] = [], concerning: [String] = [], good: [String] = []
        let pct = y.measure.reservesPctGAG
        let pctText = pct.map { FinanceText.pct($0) } ?? "not computable (no GAG)"
        let basis = y.basisText

        if f.carriedForward < settings.deficientReservesBelow {
            deficient.append("revenue reserves are in deficit: \(FinanceText.money(f.carriedForward)) at the end of the year")
        }
        if let gag = f.gag, gag > 0 {
            if !ReservesMeasure.percent(f.carriedForward, of: gag, atLeast: settings.poorReservesPctGAG) {
                poor.append("reserves \(FinanceText.money(f.carriedForward)) are \(pctText) of GAG, below the \(FinanceText.number(settings.poorReservesPctGAG))% warning level")
            } else if !ReservesMeasure.percent(f.carriedForward, of: gag, atLeast: settings.universalReservesPctGAG) {
            concerning.append("reserves \(FinanceText.money(f.carriedForward)) are \(pctText) of GAG, below the \(FinanceText.number(settings.universalReservesPctGAG))% Universal level")
            } else {
                good.append("reserves \(pctText) of GAG (at least \(FinanceText.number(settings.universalReservesPctGAG))%)")
            }
        } else {
            concerning.append(f.gag == nil ? "reserves as % of GAG cannot be given: the figures have no GAG line"
                                           : "reserves as % of GAG cannot be computed: GAG is \(FinanceText.money(f.gag ?? 0))")
        }

        let balance = f.inYearBalance
        if balance < 0 {
            let deficit = -balance
            let opening = f.openingReserves
            if opening < deficit {
                poor.append("\(basis) in-year deficit \(FinanceText.money(deficit)) exceeds the reserves of \(FinanceText.money(opening)) at the start of the year")
            } else {
                concerning.append("\(basis) in-year deficit \(FinanceText.money(deficit)) (covered by reserves of \(FinanceText.money(opening)) at the start of the year)")
            }
        } else {
            good.append("balanced in-year (\(basis) surplus \(FinanceText.money(balance)))")
        }

        for c in overProfile {
            concerning.append("cost centre \(c.costCentre) spent \(FinanceText.money(c.actualToDate)) by month \(c.month), \(FinanceText.pct(c.spendVsProfilePct ?? 0)) of its straight-line profile \(FinanceText.money(c.profile)) (margin \(FinanceText.number(settings.overProfileMarginPct))%)")
        }

        var category: TrustCategory
        var reasons: [String]
        if !deficient.isEmpty {
            category = .deficient
            reasons = deficient + poor + concerning
        } else if !poor.isEmpty {
            category = .poor
            reasons = poor + concerning
            if let previous {
                let decision = previous.decide(year: y.year, basis: basis)
                if decision.unacceptable {
                    reasons.insert(decision.reason, at: 0)
                    category = .unacceptable
                } else {
                    reasons.append(decision.reason)
                }
            } else {
                reasons.append("whether the warning-notice targets were missed (Unacceptable) cannot be assessed: no finance category from a previous review")
            }
        } else if !concerning.isEmpty {
            category = .concerning
            reasons = concerning
        } else {
            category = .universal
            reasons = good
        }
        return FinanceCategoryResult(year: y.year, category: category, reasons: reasons, previousReview: previous, basis: basis)
    }
}
