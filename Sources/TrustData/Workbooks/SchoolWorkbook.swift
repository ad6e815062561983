/// One school's workbook: the academy card first, then one sheet per slice, then data quality.
/// Only this school's pupils appear in it.
public struct SchoolWorkbook {
    public let report: SchoolReport
    public let trust: TrustReport
    public let context: AnalysisContext

    public init(report: SchoolReport, trust: TrustReport, context: AnalysisContext) {
        self.report = report
        self.trust = trust
        self.context = context
    }

    public func write(to path: String) throws {
        // Filled in once the libxlsxwriter wrapper lands (same session).
    }
}
