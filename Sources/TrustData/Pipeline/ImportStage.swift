import Foundation

/// Stage 1: reads every input the pipeline names, checks it, and stops with one clear error when a
/// file is unusable — before any output is written.
public struct ImportStage: Sendable {
    public let config: PipelineConfig
    /// Threads for reading the slices' files side by side (1: one after another).
    public let threads: Int

    public init(config: PipelineConfig, threads: Int? = nil) {
        self.config = config
        let configured = threads ?? config.settings.threads
        self.threads = configured > 0 ? configured : ProcessInfo.processInfo.activeProcessorCount
    }

    /// The path as the user wrote it in the pipeline file, for messages.
    func display(_ path: String) -> String { path }

    /// One piece of the first round of reading, which needs only the register.
    enum FirstRound: Sendable {
        case roster(Result<(PupilRoster, ImportLog), Error>)
        case targets(Result<([Target], ImportLog), Error>)
        case benchmarks(Result<(BenchmarkLookup, ImportLog), Error>)
        case slice(Result<PendingSlice?, Error>)
    }

    public func run(progress: @Sendable (ProgressEvent) -> Void = { _ in }) throws -> TrustDataset {
        try config.frameworks.validate()   // a rule naming an unknown measure stops the run before any import
        var log = ImportLog()

        let schools = log.take(try SchoolsImporter.read(
            path: config.resolve(config.inputs.schools), displayName: config.inputs.schools,
            options: FileOptions(overrides: config.columnMapping(for: "schools"))))
        progress(.fileImported(log.stats[log.stats.count - 1]))
        let register = SchoolRegister(schools)
        guard !schools.isEmpty else {
            throw PipelineError.configuration("The school register \(config.inputs.schools) has no usable rows; every run needs at least one school.")
        }

        // The schedule follows from what each piece needs. First round, needing only the register: the
        // roster, each slice's first read (`Slice.read`), the targets and the benchmarks, taken from one
        // queue by as many threads as allowed (the roster first: the second round waits for it). Second
        // round, needing the roster: each slice's `finish` in registry order (the attendance marks read
        // their big file on every core themselves). Every file keeps its own books, appended in the
        // order the files were once read one after another (pupils, targets, benchmarks, performance
        // tables, then each slice in registry order), and the first error in that order is the one
        // thrown, so neither the run report, data-quality.csv nor the error depends on scheduling.
        let stage = self
        let slices = SliceRegistry.all
        let shared = 3
        let firstRound = fanOutQueued(shared + slices.count, threads: threads) { i -> FirstRound in
            switch i {
            case 0: return .roster(Result { try stage.readRoster(register: register) })
            case 1 ... slices.count: return .slice(Result { try slices[i - 1].firstRead(stage.config, register: register) })
            case slices.count + 1: return .targets(Result { try stage.readTargets() })
            default: return .benchmarks(Result { try stage.readBenchmarks() })
            }
        }
        guard case .roster(let rosterRead) = firstRound[0], case .targets(let targetsRead) = firstRound[slices.count + 1],
              case .benchmarks(let benchmarksRead) = firstRound[slices.count + 2] else { preconditionFailure("fanOutQueued keeps index order") }

        let (roster, rosterLog) = try rosterRead.get()
        log.append(rosterLog)
        let (targets, targetsLog) = try targetsRead.get()
        log.append(targetsLog)
        let (benchmarks, benchmarksLog) = try benchmarksRead.get()
        log.append(benchmarksLog)
        for stats in log.stats.dropFirst(1) { progress(.fileImported(stats)) }

        var dataset = TrustDataset(register: register, roster: roster, benchmarks: benchmarks,
                                   targets: TargetLookup(targets), log: log)
        for i in slices.indices {
            guard case .slice(let read) = firstRound[i + 1] else { preconditionFailure("fanOutQueued keeps index order") }
            guard let pending = try read.get() else { continue }
            let finished = try pending.finish(roster)
            finished.store(&dataset)
            dataset.log.append(finished.log)
        }
        // The slices keep their own books; report their files once they are read.
        for stats in dataset.log.stats.dropFirst(log.stats.count) { progress(.fileImported(stats)) }
        dataset.log.placeWorkbookIssues()
        // A file with every row rejected, or results with nothing for the year, stops the run here.
        if let unusable = dataset.log.unusableInput() { throw unusable }
        return dataset
    }

    /// The pupil files and the roster built from them.
    func readRoster(register: SchoolRegister) throws -> (PupilRoster, ImportLog) {
        var log = ImportLog()
        var pupils: [Pupil] = []
        for entry in config.inputs.pupils?.entries ?? [] {
            let path = entry.path
            let read = log.take(try PupilsImporter.read(path: config.resolve(path), displayName: path,
                                                        options: config.options(for: "pupils", entry: entry, register: register), register: register))
            log.add(YearGroupCheck.issues(read, file: path))
            // The usual single file is taken as it is: `+=` copied every pupil (5% of the roster's CPU).
            if pupils.isEmpty { pupils = read } else { pupils += read }
        }
        return (PupilRoster(pupils), log)
    }

    func readTargets() throws -> ([Target], ImportLog) {
        var log = ImportLog()
        var targets: [Target] = []
        var seen: [Target.Key: (value: Double, line: Int)] = [:]
        for entry in config.inputs.targets?.entries ?? [] {
            targets += log.take(try TargetsImporter.read(path: config.resolve(entry.path), displayName: entry.path,
                                                        options: config.options(for: "targets", entry: entry, register: nil), seen: &seen))
        }
        return (targets, log)
    }

    /// The shipped benchmark files, then any DfE performance-tables downloads.
    func readBenchmarks() throws -> (BenchmarkLookup, ImportLog) {
        var log = ImportLog()
        var benchmarks = BenchmarkLookup(preferredBasis: config.settings.nationalBasis)
        if let folder = config.inputs.benchmarks {
            for (file, level) in [("national.csv", BenchmarkFigure.Level.national), ("la.csv", .la)] {
                let display = (folder as NSString).appendingPathComponent(file)
                let path = config.resolve(display)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                for figure in log.take(try BenchmarkImporter.read(path: path, displayName: display, level: level)) {
                    benchmarks.add(figure)
                }
            }
        }
        // A DfE performance-tables download adds national (state-funded) and LA KS2 rows. It is read
        // after the shipped benchmark files, so for the same (year, area, measure, group) its figure
        // replaces the shipped one: the pipeline named a specific DfE file on purpose.
        for entry in config.inputs.performanceTables?.entries ?? [] {
            let outcome = try PerformanceTablesImporter.read(
                path: config.resolve(entry.path), displayName: entry.path, defaultYear: config.academicYear,
                options: config.options(for: "performance_tables", entry: entry, register: nil))
            for figure in log.take(outcome) { benchmarks.add(figure) }
        }
        return (benchmarks, log)
    }
}
