/// The CFO's reserves workbook and each school's Finance sheet.
public enum FinanceSheets {
    public static func hasReservesWorkbook(_ report: FinanceTrustReport) -> Bool { false }

    public static func writeReservesWorkbook(_ report: FinanceTrustReport, trust: TrustReport, context: AnalysisContext, to path: String) throws {}
}
