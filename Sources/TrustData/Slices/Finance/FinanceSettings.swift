/// Settings of the `finance:` block of a pipeline file: the trust's finance-category rules and DfE's
/// reserve framings. Every field has a default so the block may be left out. Thresholds are trust
/// policy (domain.md: "express them in the pipeline file, never as literals in code").
public struct FinanceSettings: SliceSettings, FieldDecodable, Hashable {
    /// Universal needs reserves at or above this % of GAG (seed trust: "reserves at 5% or more").
    public var universalReservesPctGAG: Double = 5
    /// Poor when reserves are below this % of GAG (seed trust: "below 3% of GAG" → warning notice).
    public var poorReservesPctGAG: Double = 3
    /// Deficient when revenue reserves at the end of the year are below this many pounds (default £0: a
    /// cumulative deficit).
    public var deficientReservesBelow: Double = 0
    /// Budget forecast return extracts give money in £ thousands (DfE's benchmarking pipeline multiplies
    /// every BFR line but pupil numbers by 1,000); set false for a BFR written in pounds.
    public var bfrInThousands: Bool = true
    /// The year each published return is for, by file path as the pipeline names it (`{"inputs/aar.csv":
    /// "2023/24"}`), when neither the file nor its name says (DfE's extracts carry no year column).
    public var fileYears: [String: String] = [:]
    /// A cost centre is "over profile" (Concerning) when spend to date exceeds its straight-line
    /// profile by more than this % of the profile.
    public var overProfileMarginPct: Double = 5
    /// Trust-level flags at DfE's framing of reserves as % of total income (most trusts hold 5–20%).
    public var dfeLowPctIncome: Double = 5
    public var dfeHighPctIncome: Double = 20
    /// Differences up to this many pounds are rounding, not reconciliation failures.
    public var reconciliationTolerance: Double = 1
    /// Each academy's category at the last review, by URN (`{"100001": Poor}`); used when neither the
    /// trust judgements file (an earlier review) nor finance.csv (`previous_category`) gives it. Needed
    /// to decide Unacceptable.
    public var previousCategories: [String: String] = [:]

    public init() {}

    /// The `finance:` keys, each once.
    public static var fields: [SettingField<FinanceSettings>] {
        [
            .value("universal_reserves_pct_gag", \.universalReservesPctGAG),
            .value("poor_reserves_pct_gag", \.poorReservesPctGAG),
            .value("over_profile_margin_pct", \.overProfileMarginPct),
            .value("dfe_low_pct_income", \.dfeLowPctIncome),
            .value("dfe_high_pct_income", \.dfeHighPctIncome),
            .value("reconciliation_tolerance", \.reconciliationTolerance),
            .value("previous_categories", \.previousCategories),
            .value("deficient_reserves_below", \.deficientReservesBelow),
            .value("bfr_in_thousands", \.bfrInThousands),
            .value("file_years", \.fileYears),
        ]
    }

    public func check(_ c: KeyedDecodingContainer<SettingKey>) throws {
        guard poorReservesPctGAG <= universalReservesPctGAG else {
            throw DecodingError.dataCorruptedError(forKey: SettingKey("poor_reserves_pct_gag"), in: c,
                debugDescription: "poor_reserves_pct_gag (\(poorReservesPctGAG)) must not exceed universal_reserves_pct_gag (\(universalReservesPctGAG))")
        }
        guard dfeLowPctIncome <= dfeHighPctIncome else {
            throw DecodingError.dataCorruptedError(forKey: SettingKey("dfe_low_pct_income"), in: c,
                debugDescription: "dfe_low_pct_income (\(dfeLowPctIncome)) must not exceed dfe_high_pct_income (\(dfeHighPctIncome))")
        }
    }
}
