import Foundation

/// Stage 3: writes every output into the run's own folder, then switches the output path to it (`OutputStaging`).
public struct OutputStage: Sendable {
    public let config: PipelineConfig
    public let threads: Int

    public init(config: PipelineConfig, threads: Int) {
        self.config = config
        self.threads = threads
    }

    public static func schoolWorkbookName(_ school: School) -> String { SchoolFileName.workbook(urn: school.urn, name: school.name) }

    /// Returns the written paths relative to the output folder, in a fixed order.
    public func write(_ trust: TrustReport, dataset: TrustDataset, context: AnalysisContext,
                      progress: @escaping @Sendable (ProgressEvent) -> Void) throws -> [String] {
        try writeTimed(trust, dataset: dataset, context: context, progress: progress).files
    }

    /// `write`, also returning the CPU time its tasks took (see `WriteCPU`). `finish` is called when
    /// every output is written, before the switch, with the files so far and their CPU time; the files
    /// it returns (name → bytes: the run report) are written into the run's folder too, so they change
    /// together with the rest (see `OutputStaging`).
    public func writeTimed(_ trust: TrustReport, dataset: TrustDataset, context: AnalysisContext,
                           progress: @escaping @Sendable (ProgressEvent) -> Void,
                           finish: ([String], WriteCPU) throws -> [(name: String, bytes: Data)] = { _, _ in [] }) throws -> (files: [String], cpu: WriteCPU) {
        let start = WriteCPU.processNow()
        // Everything is written into this run's own folder; one rename then makes it the output.
        let staging = try OutputStaging.begin(output: config.outputDirectory, subfolders: ["schools"])
        defer { staging.discard() } // nothing once the run's folder is the output; on failure its folder goes
        do {
            var (written, cpu) = try writeAll(trust, dataset: dataset, context: context, into: staging.folder, progress: progress)
            cpu.stageSeconds = WriteCPU.processNow() - start
            for extra in try finish(written, cpu) {
                try AtomicFile.write(extra.bytes, to: staging.path(extra.name))
                written.append(extra.name)
            }
            try staging.commit(written)
            return (written, cpu)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.writeFailed(staging.explain(error))
        }
    }

    /// The trust-level outputs are written in the same fan-out as the school workbooks (they come first so
    /// the largest, the trust workbook and measures.csv, start straight away and the school workbooks fill
    /// in around them on a work queue); the returned list keeps the fixed order:
    /// school workbooks, trust.xlsx, the slices' own files (reserves.xlsx when there is one), measures.csv,
    /// data-quality.csv.
    func writeAll(_ trust: TrustReport, dataset: TrustDataset, context: AnalysisContext, into out: String,
                  progress: @escaping @Sendable (ProgressEvent) -> Void) throws -> ([String], WriteCPU) {
        // The slices' own files (reserves.xlsx) come after trust.xlsx, in registry order.
        let sliceOutputs = SliceRegistry.all.flatMap { $0.trustOutputs(trust, context: context) }
        let extras = ["trust.xlsx"] + sliceOutputs.map(\.name) + ["measures.csv", "data-quality.csv"]
        // Started longest first (measures.csv has a row per figure of the run); reported in the fixed order.
        let longestFirst = ["trust.xlsx", "measures.csv"]
        let trustFiles = extras.filter(longestFirst.contains) + extras.filter { !longestFirst.contains($0) }
        let results = fanOutQueued(trustFiles.count + trust.schools.count, threads: threads) { i -> (Result<String, Error>, Double) in
            let start = WriteCPU.threadNow()
            let result = Result {
                if i < trustFiles.count {
                    let name = trustFiles[i]
                    let path = (out as NSString).appendingPathComponent(name)
                    switch name {
                    case "trust.xlsx":
                        try TrustWorkbook(report: trust, dataset: dataset, context: context).write(to: path)
                    case "measures.csv":
                        // Written in pieces as it is rendered (17 MB on a large trust), never whole in memory.
                        try MeasuresCSV.write(parts: trust.measureParts, to: path)
                    case "data-quality.csv":
                        try DataQualityCSV.write(dataset.log.issues, to: path)
                    default:
                        try sliceOutputs.first { $0.name == name }!.write(path)
                    }
                    if name.hasSuffix(".xlsx") { progress(.fileWritten(name)) }
                    return name
                }
                let report = trust.schools[i - trustFiles.count]
                let name = "schools/" + OutputStage.schoolWorkbookName(report.school)
                try SchoolWorkbook(report: report, trust: trust, context: context)
                    .write(to: (out as NSString).appendingPathComponent(name))
                progress(.fileWritten(name))
                return name
            }
            return (result, WriteCPU.threadNow() - start)
        }
        var cpu = WriteCPU()
        for (i, (_, seconds)) in results.enumerated() {
            if i >= trustFiles.count || trustFiles[i].hasSuffix(".xlsx") {
                cpu.workbookSeconds += seconds
                cpu.workbooks += 1
            } else {
                cpu.csvSeconds += seconds
            }
        }
        // Rethrow the error the serial order would have met first: school workbooks, then the trust files.
        let ordered = Array(results[trustFiles.count...]) + extras.map { results[trustFiles.firstIndex(of: $0)!] }
        return (try ordered.map { try $0.0.get() }, cpu)
    }
}
