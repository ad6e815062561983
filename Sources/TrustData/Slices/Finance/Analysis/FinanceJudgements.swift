/// The finance fields of the trust judgements file (the judgements slice), by URN, for the reserves
/// workbook: the review in force for the pipeline's year, and the one before it.
enum FinanceJudgements {
    static func from(_ trust: TrustReport) -> [String: FinanceJudgement] {
        trust.judgements?.current.mapValues(\.finance) ?? [:]
    }

    /// The finance category set at the previous review, by URN.
    static func previous(_ trust: TrustReport) -> [String: FinanceCategory] {
        (trust.judgements?.previous ?? [:]).compactMapValues { $0.finance.category.flatMap { FinanceCategory(rawValue: $0.rawValue) } }
    }
}
