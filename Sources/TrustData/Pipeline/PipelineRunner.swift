import Dispatch
import Foundation

/// Runs a pipeline: import → analysis (per school, concurrently) → workbooks and tidy outputs.
public struct PipelineRunner: Sendable {
    public let config: PipelineConfig
    /// Where the pipeline file was read from, for the report.
    public let pipelinePath: String
    public var threads: Int

    public init(config: PipelineConfig, pipelinePath: String, threads: Int? = nil) {
        self.config = config
        self.pipelinePath = pipelinePath
        let configured = threads ?? config.settings.threads
        self.threads = configured > 0 ? configured : ProcessInfo.processInfo.activeProcessorCount
    }

    @discardableResult
    public func run(progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in }) throws -> RunReport {
        MemoryPolicy.apply()
        var report = RunReport(pipeline: pipelinePath, academicYear: config.academicYear.description)
        report.threads = threads
        var clock = StageClock(progress: progress)

        // The output path and the key are checked before any input is read, so a mistake fails fast.
        try OutputSafety.check(config)
        let pseudonymiser = config.settings.pseudonymise ? try Pseudonymiser.fromSettings(config.settings) : nil
        var dataset = try clock.time("import") { try ImportStage(config: config, threads: threads).run(progress: progress) }
        if let pseudonymiser { dataset = pseudonymiser.apply(to: dataset) }
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        // The slices' imported rows are let go once indexed: the write stage reads only the log and the
        // roster (through the context).
        let trust = try clock.time("analysis") { try analyse(releasing: &dataset, context: context, progress: progress) }
        report.inputs = dataset.log.stats
        report.issueCounts = Dictionary(dataset.log.issues.map { ($0.code.rawValue, 1) }, uniquingKeysWith: +)
        report.schools = trust.schools.count
        report.measures = trust.measures.count
        let writeStart = DispatchTime.now().uptimeNanoseconds
        let timingsBefore = clock.timings
        // The run report is written into the run's folder with the rest, so it always describes the
        // workbooks beside it (its write time is up to the switch of the output folder).
        let (written, _) = try clock.time("write") { try OutputStage(config: config, threads: threads)
            .writeTimed(trust, dataset: dataset, context: context, progress: progress) { files, cpu in
                report.stages = timingsBefore + [RunReport.StageTiming(stage: "write", seconds: Double(DispatchTime.now().uptimeNanoseconds - writeStart) / 1e9)]
                report.writeCPU = cpu
                report.filesWritten = files + ["run-report.json"]
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                return [("run-report.json", try encoder.encode(report))]
            } }
        report.stages = clock.timings
        report.filesWritten = written
        return report
    }

    /// Every school's figures, computed concurrently (Dispatch), then the trust pooled over all pupils.
    public func analyse(_ dataset: TrustDataset, context: AnalysisContext,
                        progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in }) throws -> TrustReport {
        var dataset = dataset
        return try analyse(releasing: &dataset, context: context, progress: progress)
    }

    /// `analyse`, emptying `dataset`'s slice rows once every slice is indexed (its register, roster and log
    /// stay). Where an index keeps what it needs in its own shape (a school's rows, this year's rows),
    /// the imported rows are freed before the schools' reports are built, so the two are not both held
    /// at the run's peak (heaptrack on a 100-school trust: the peak is the end of the analysis).
    func analyse(releasing dataset: inout TrustDataset, context: AnalysisContext,
                 progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in }) throws -> TrustReport {
        let schools = dataset.register.schools
        // Pupils whose rows were rejected: every figure of their dataset says how many are missing.
        // Each slice's books of rejected rows, made once for both rules (they count the rows, so first).
        let books = SliceRegistry.rowBooks(dataset, inputs: config.inputs, year: config.academicYear)
        // Each slice's rows indexed once for all schools, not filtered again per school (profiled); the
        // slices are indexed side by side.
        let slices = SliceRegistry.all
        let indexed = { (imported: TrustDataset) in
            fanOutQueued(slices.count, threads: threads) { i in slices[i].indexed(imported, context: context) }.compactMap { $0 }
        }(dataset)
        dataset.releaseSliceRows()
        let rejected = RejectedPupils(issues: dataset.log.issues, books: books, year: config.academicYear)
        let issues = SchoolIssues(issues: dataset.log.issues, roster: dataset.roster)
        let withholding = WithheldFigures(books: books)
        let reports = try fanOut(schools.count, threads: threads) { i -> SchoolReport in
            let school = schools[i]
            var r = SchoolReport(school: school)
            r.context = ContextMeasures.school(school, context: context)
            for slice in indexed { slice.school(school, &r) }
            // `mark` touches only the figures of the datasets it counts (by measure id), so every slice's.
            if !rejected.isEmpty { r.updateSliceMeasures { rejected.mark(&$0, urn: school.urn) } }
            // Each figure array copied to its own length: grown by doubling, they kept a third more room
            // than rows, on average, for the rest of the run (the figures are the run's largest data).
            r.updateSliceMeasures { $0 = $0.withUnsafeBufferPointer { Array($0) } }
            r.issues = issues.issues(for: school.urn)
            // Most of a dataset's rows rejected: its figures say why instead (after the left-out marks).
            withholding.apply(to: &r, issues: r.issues)
            progress(.schoolAnalysed(urn: school.urn, done: i + 1, of: schools.count))
            return r
        }
        var trust = TrustReport(schools: reports)
        trust.context = ContextMeasures.trust(context: context)
        for store in fanOutQueued(indexed.count, threads: threads, { i in indexed[i].trust(reports) }) { store(&trust) }
        if !rejected.isEmpty { trust.updateSliceMeasures { rejected.mark(&$0, urn: nil) } }
        trust.support = try SchoolAssessments.assess(schools, trust: trust, settings: config.frameworks,
                                                     currentYear: config.academicYear, threads: threads)
        return trust
    }
}

/// Times stages for the run report and tells the CLI when each starts and ends.
struct StageClock {
    let progress: @Sendable (ProgressEvent) -> Void
    private(set) var timings: [RunReport.StageTiming] = []

    init(progress: @escaping @Sendable (ProgressEvent) -> Void) { self.progress = progress }

    mutating func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        progress(.stageStarted(stage))
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        timings.append(RunReport.StageTiming(stage: stage, seconds: seconds))
        progress(.stageFinished(stage, seconds: seconds))
        return value
    }
}
