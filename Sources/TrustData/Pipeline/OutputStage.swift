import Foundation

/// Stage 3: writes every output into a staging folder, then renames them all into place (`OutputStaging`).
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
        // Everything is written into a staging folder and renamed into place together at the end.
        let staging = try OutputStaging.begin(output: config.outputDirectory, subfolders: ["schools"])
        defer { staging.discard() } // on success commit has emptied it; on failure nothing is left
        do {
            let written = try writeAll(trust, dataset: dataset, context: context, into: staging.folder, progress: progress)
            try staging.commit(written)
            return written
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.writeFailed(staging.explain(error))
        }
    }

    func writeAll(_ trust: TrustReport, dataset: TrustDataset, context: AnalysisContext, into out: String,
                  progress: @escaping @Sendable (ProgressEvent) -> Void) throws -> [String] {
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
