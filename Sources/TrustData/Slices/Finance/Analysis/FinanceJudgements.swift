/// The finance fields of the trust judgements file (the judgements slice), by URN, for the reserves
/// workbook. Empty until that slice is in the run.
enum FinanceJudgements {
    static func from(_ trust: TrustReport) -> [String: FinanceJudgement] { [:] }
}
