/// The finance fields of the trust judgements file (the judgements slice), by URN, for the reserves
/// workbook: the review in force for the pipeline's year (the previous review reaches the category
/// through `FinanceAcademies`).
enum FinanceJudgements {
    static func from(_ trust: TrustReport) -> [String: FinanceJudgement] {
        trust.judgements?.current.mapValues(\.finance) ?? [:]
    }
}
