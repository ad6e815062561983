import Foundation

/// Stage 3: writes every output. Workbooks go to temporary files renamed into place only when whole.
public struct OutputStage: Sendable {
    public let config: PipelineConfig
    public let threads: Int

    public init(config: PipelineConfig, threads: Int) {
        self.config = config
        self.threads = threads
    }

    public static func schoolWorkbookName(_ school: School) -> String { "\(school.urn)-\(school.slug).xlsx" }

    /// Returns the written paths relative to the output folder, in a fixed order.
    public func write(_ trust: TrustReport, dataset: TrustDataset, context: AnalysisContext,
                      progress: @escaping @Sendable (ProgressEvent) -> Void) throws -> [String] {
        let out = config.outputDirectory
        let schoolsDir = (out as NSString).appendingPathComponent("schools")
        do {
            try FileManager.default.createDirectory(atPath: schoolsDir, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateFolder(path: schoolsDir, reason: error.localizedDescription)
        }
        var written: [String] = []
        let schoolFiles = try fanOut(trust.schools.count, threads: threads) { i -> String in
            let report = trust.schools[i]
            let name = "schools/" + OutputStage.schoolWorkbookName(report.school)
            try SchoolWorkbook(report: report, trust: trust, context: context)
                .write(to: (out as NSString).appendingPathComponent(name))
            progress(.fileWritten(name))
            return name
        }
        written += schoolFiles
        try TrustWorkbook(report: trust, dataset: dataset, context: context)
            .write(to: (out as NSString).appendingPathComponent("trust.xlsx"))
        written.append("trust.xlsx")
        progress(.fileWritten("trust.xlsx"))
        if let finance = trust.finance, FinanceSheets.hasReservesWorkbook(finance) {
            try FinanceSheets.writeReservesWorkbook(finance, trust: trust, context: context,
                                                    to: (out as NSString).appendingPathComponent("reserves.xlsx"))
            written.append("reserves.xlsx")
            progress(.fileWritten("reserves.xlsx"))
        }
        try AtomicFile.write(MeasuresCSV.render(trust.measures), to: (out as NSString).appendingPathComponent("measures.csv"))
        written.append("measures.csv")
        try AtomicFile.write(DataQualityCSV.render(dataset.log.issues), to: (out as NSString).appendingPathComponent("data-quality.csv"))
        written.append("data-quality.csv")
        return written
    }
}
