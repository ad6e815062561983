import Foundation

/// Stage 1: reads every input the pipeline names, checks it, and stops with one clear error when a
/// file is unusable — before any output is written.
public struct ImportStage: Sendable {
    public let config: PipelineConfig

    public init(config: PipelineConfig) { self.config = config }

    /// The path as the user wrote it in the pipeline file, for messages.
    func display(_ path: String) -> String { path }

    public func run(progress: @Sendable (ProgressEvent) -> Void = { _ in }) throws -> TrustDataset {
        try config.frameworks.validate()   // a rule naming an unknown measure stops the run before any import
        var log = ImportLog()
        func note(_ stats: ImportStats?) { if let stats { progress(.fileImported(stats)) } }

        let schools = log.take(try SchoolsImporter.read(
            path: config.resolve(config.inputs.schools), displayName: config.inputs.schools,
            overrides: config.columnMapping(for: "schools")))
        note(log.stats.last)
        let register = SchoolRegister(schools)
        guard !schools.isEmpty else {
            throw PipelineError.configuration("The school register \(config.inputs.schools) has no usable rows; every run needs at least one school.")
        }

        var pupils: [Pupil] = []
        for path in config.inputs.pupils?.paths ?? [] {
            let outcome = try PupilsImporter.read(path: config.resolve(path), displayName: path,
                                                  overrides: config.columnMapping(for: "pupils"), register: register)
            pupils += log.take(outcome)
            note(log.stats.last)
        }
        let roster = PupilRoster(pupils)

        var targets: [Target] = []
        for path in config.inputs.targets?.paths ?? [] {
            targets += log.take(try TargetsImporter.read(path: config.resolve(path), displayName: path,
                                                        overrides: config.columnMapping(for: "targets")))
            note(log.stats.last)
        }

        var benchmarks = BenchmarkLookup()
        if let folder = config.inputs.benchmarks {
            for (file, level) in [("national.csv", BenchmarkFigure.Level.national), ("la.csv", .la)] {
                let display = (folder as NSString).appendingPathComponent(file)
                let path = config.resolve(display)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                for figure in log.take(try BenchmarkImporter.read(path: path, displayName: display, level: level)) {
                    benchmarks.add(figure)
                }
                note(log.stats.last)
            }
        }
        // A DfE performance-tables download adds national (state-funded) and LA KS2 rows. It is read
        // after the shipped benchmark files, so for the same (year, area, measure, group) its figure
        // replaces the shipped one: the pipeline named a specific DfE file on purpose.
        for path in config.inputs.performanceTables?.paths ?? [] {
            let outcome = try PerformanceTablesImporter.read(
                path: config.resolve(path), displayName: path, defaultYear: config.academicYear,
                overrides: config.columnMapping(for: "performance_tables"))
            for figure in log.take(outcome) { benchmarks.add(figure) }
            note(log.stats.last)
        }

        var dataset = TrustDataset(register: register, roster: roster, benchmarks: benchmarks,
                                   targets: TargetLookup(targets), log: log)
        dataset.ks2 = try KS2Slice.load(config, register: register, roster: roster, log: &dataset.log)
        dataset.phonics = try PhonicsSlice.load(config, register: register, log: &dataset.log)
        dataset.attendance = try AttendanceSlice.load(config, register: register, roster: roster, log: &dataset.log)
        dataset.finance = try FinanceSlice.load(config, register: register, log: &dataset.log)
        // The slices keep their own books; report their files once they are read.
        for stats in dataset.log.stats.dropFirst(log.stats.count) { progress(.fileImported(stats)) }
        return dataset
    }
}
