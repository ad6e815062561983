/// Settings of the `finance:` block of a pipeline file: the trust's finance-category rules and DfE's
/// reserve framings. Every field has a default so the block may be left out. Thresholds are trust
/// policy (domain.md: "express them in the pipeline file, never as literals in code").
public struct FinanceSettings: SliceSettings, Hashable {
    /// Universal needs reserves at or above this % of GAG (seed trust: "reserves at 5% or more").
    public var universalReservesPctGAG: Double = 5
    /// Poor when reserves are below this % of GAG (seed trust: "below 3% of GAG" → warning notice).
    public var poorReservesPctGAG: Double = 3
    /// A cost centre is "over profile" (Concerning) when spend to date exceeds its straight-line
    /// profile by more than this % of the profile.
    public var overProfileMarginPct: Double = 5
    /// Trust-level flags at DfE's framing of reserves as % of total income (most trusts hold 5–20%).
    public var dfeLowPctIncome: Double = 5
    public var dfeHighPctIncome: Double = 20
    /// Differences up to this many pounds are rounding, not reconciliation failures.
    public var reconciliationTolerance: Double = 1
    /// Each academy's category at the last review, by URN (`{"100001": Poor}`); used when finance.csv
    /// has no `previous_category` for the academy. Needed to decide Unacceptable.
    public var previousCategories: [String: String] = [:]

    public init() {}

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case universalReservesPctGAG = "universal_reserves_pct_gag"
        case poorReservesPctGAG = "poor_reserves_pct_gag"
        case overProfileMarginPct = "over_profile_margin_pct"
        case dfeLowPctIncome = "dfe_low_pct_income"
        case dfeHighPctIncome = "dfe_high_pct_income"
        case reconciliationTolerance = "reconciliation_tolerance"
        case previousCategories = "previous_categories"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FinanceSettings() // the defaults, written once (above)
        universalReservesPctGAG = try c.decodeIfPresent(Double.self, forKey: .universalReservesPctGAG) ?? d.universalReservesPctGAG
        poorReservesPctGAG = try c.decodeIfPresent(Double.self, forKey: .poorReservesPctGAG) ?? d.poorReservesPctGAG
        overProfileMarginPct = try c.decodeIfPresent(Double.self, forKey: .overProfileMarginPct) ?? d.overProfileMarginPct
        dfeLowPctIncome = try c.decodeIfPresent(Double.self, forKey: .dfeLowPctIncome) ?? d.dfeLowPctIncome
        dfeHighPctIncome = try c.decodeIfPresent(Double.self, forKey: .dfeHighPctIncome) ?? d.dfeHighPctIncome
        reconciliationTolerance = try c.decodeIfPresent(Double.self, forKey: .reconciliationTolerance) ?? d.reconciliationTolerance
        previousCategories = try c.decodeIfPresent([String: String].self, forKey: .previousCategories) ?? d.previousCategories
        guard poorReservesPctGAG <= universalReservesPctGAG else {
            throw DecodingError.dataCorruptedError(forKey: .poorReservesPctGAG, in: c,
                debugDescription: "poor_reserves_pct_gag (\(poorReservesPctGAG)) must not exceed universal_reserves_pct_gag (\(universalReservesPctGAG))")
        }
        guard dfeLowPctIncome <= dfeHighPctIncome else {
            throw DecodingError.dataCorruptedError(forKey: .dfeLowPctIncome, in: c,
                debugDescription: "dfe_low_pct_income (\(dfeLowPctIncome)) must not exceed dfe_high_pct_income (\(dfeHighPctIncome))")
        }
    }
}
