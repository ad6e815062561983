/// The trust's finance category for an academy, reviewed half-termly (domain.md, "The trusts' own
/// frameworks"). Ordered from best to worst.
public enum FinanceCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case universal = "Universal"
    case concerning = "Concerning"
    case poor = "Poor"
    case unacceptable = "Unacceptable"
    /// Revenue reserves in deficit (below `deficient_reserves_below`, default £0): the academy has spent
    /// more than it has. The last level of the trust's ladder, beyond Unacceptable (the same order as the
    /// trust judgements file's categories); a CEO/CFO may also set it.
    case deficient = "Deficient"

    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = FinanceCategory.allCases.first(where: { $0.rawValue.lowercased() == t }) else { return nil }
        self = match
    }

    var rank: Int { FinanceCategory.allCases.firstIndex(of: self)! }
    public static func < (a: FinanceCategory, b: FinanceCategory) -> Bool { a.rank < b.rank }

    public var rag: RAG {
        switch self {
        case .universal: return .green
        case .concerning: return .amber
        case .poor, .deficient, .unacceptable: return .red
        }
    }
}

/// A category with every reason that produced it, and the previous category beside it.
public struct FinanceCategoryResult: Sendable, Hashable {
    public var year: AcademicYear
    public var category: FinanceCategory
    public var reasons: [String]
    public var previous: FinanceCategory?
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
    /// - Unacceptable: Poor now and Poor or worse at the previous review — the warning-notice targets
    ///   were missed. It can only be decided when the previous category is supplied.
    /// - Deficient: revenue reserves below `deficient_reserves_below` (default £0, a cumulative deficit),
    ///   whatever the previous category: the last level.
    /// Without GAG (a file that gives none) the GAG tests are left out and the reasons say so.
    public static func assess(_ y: FinanceYear, overProfile: [CostCentreResult], previous: FinanceCategory?,
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

        var category: FinanceCategory
        var reasons: [String]
        if !deficient.isEmpty {
            category = .deficient
            reasons = deficient + poor + concerning
        } else if !poor.isEmpty {
            category = .poor
            reasons = poor + concerning
            if let previous, previous >= .poor {
                reasons.insert("warning-notice targets missed: \(previous.rawValue) at the previous review and still Poor", at: 0)
                category = .unacceptable
            }
        } else if !concerning.isEmpty {
            category = .concerning
            reasons = concerning
        } else {
            category = .universal
            reasons = good
        }
        return FinanceCategoryResult(year: y.year, category: category, reasons: reasons, previous: previous, basis: basis)
    }
}
