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
        let workbook = try Workbook(path: path, title: "\(report.school.name) — \(context.config.academicYear)")
        workbook.moneyFormat = context.config.settings.moneyUnit.numberFormat
        let periods = DataPeriods(trust: trust, context: context)
        workbook.pageHeading = PageHeading(trust: context.config.trust, school: report.school.name, asAt: periods.asAt)
        try workbook.withPeriod(periods.all) {
            try AcademyCardSheet.write(into: workbook, school: report.school, measureParts: report.measureParts,
                                       support: trust.support.first { $0.urn == report.school.urn },
                                       year: context.config.academicYear, settings: context.config.settings, periods: periods,
                                       finance: context.config.finance)
        }
        for slice in SliceRegistry.all {
            try workbook.withPeriod(periods.forSlice(slice.id)) { try slice.writeSchoolSheets(report, workbook: workbook, context: context) }
        }
        try DataQualitySheet.writeSchool(into: workbook, school: report.school, issues: report.issues,
                                          listPerCode: context.config.attendance.maxIssuesPerCode)
        try MeasuresExplainedSheet.write(into: workbook, measureParts: report.measureParts, context: context)
        try AboutSheet.write(into: workbook, title: "\(report.school.name) (URN \(report.school.urn))", context: context)
        try workbook.close()
    }
}
