/// The trust's workbook: overview, support, one side-by-side sheet per slice, data quality.
public struct TrustWorkbook {
    public let report: TrustReport
    public let dataset: TrustDataset
    public let context: AnalysisContext

    public init(report: TrustReport, dataset: TrustDataset, context: AnalysisContext) {
        self.report = report
        self.dataset = dataset
        self.context = context
    }

    public func write(to path: String) throws {
        let workbook = try Workbook(path: path, title: "\(context.config.trust) — \(context.config.academicYear)")
        workbook.moneyFormat = context.config.settings.moneyUnit.numberFormat
        let periods = DataPeriods(trust: report, context: context)
        workbook.pageHeading = PageHeading(trust: context.config.trust, school: nil, asAt: periods.asAt)
        try workbook.withPeriod(periods.all) {
            try TrustOverviewSheet.write(into: workbook, trust: context.config.trust, schools: report.schools.map(\.school),
                                         measureParts: report.measureParts, year: context.config.academicYear, settings: context.config.settings)
            try SupportSheet.write(into: workbook, trust: context.config.trust, support: report.support, year: context.config.academicYear)
        }
        for slice in SliceRegistry.all {
            try workbook.withPeriod(periods.forSlice(slice.id)) { try slice.writeTrustSheets(report, workbook: workbook, context: context) }
        }
        try workbook.withPeriod(periods.all) {
            try TrustChartsSheet.write(into: workbook, report: report, context: context)
        }
        try DataQualitySheet.writeTrust(into: workbook, trust: context.config.trust, log: dataset.log,
                                         showPupils: context.config.settings.pupilLevelInTrust,
                                         listPerCode: context.config.attendance.maxIssuesPerCode)
        try MeasuresExplainedSheet.write(into: workbook, measureParts: report.measureParts, context: context)
        try AboutSheet.write(into: workbook, title: context.config.trust, context: context)
        try workbook.close()
    }
}
