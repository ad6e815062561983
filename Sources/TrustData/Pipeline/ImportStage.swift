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

    /// What one group of slices read, with its own books.
    struct SliceLoad: Sendable {
        var ks2: KS2Data?
        var phonics: PhonicsData?
        var attendance: AttendanceData?
        var finance: FinanceData?
        var log = ImportLog()
    }

    /// The path as the user wrote it in the pipeline file, for messages.
    func display(_ path: String) -> String { path }

    /// The roster and everything read alongside it, each with its own books (see `run`).
    struct RosterSide: Sendable {
        var pupils: Result<(PupilRoster, ImportLog), Error>?
        var finance: Result<SliceLoad, Error>?
        var targets: Result<([Target], ImportLog), Error>?
        var benchmarks: Result<(BenchmarkLookup, ImportLog), Error>?
        /// KS2 joined to the roster here when the other side had read it by then (`joinKS2`).
        var joinedKS2: SliceLoad?
    }

    /// The KS2 read, passed from the reference side to the roster side so the join is done there while
    /// the other side is still reading; never waited for (if it is not there yet, the join is done
    /// after both sides, as before), so the two sides need not run at the same time.
    final class KS2Handoff: @unchecked Sendable {
        private let lock = NSLock()
        private var load: SliceLoad?

        func put(_ load: SliceLoad) {
            lock.lock()
            self.load = load
            lock.unlock()
        }

        func peek() -> SliceLoad? {
            lock.lock()
            defer { lock.unlock() }
            return load
        }
    }

    struct ReferenceSide: Sendable {
        /// Read without the roster; joined to it once both sides are done (`joinKS2`).
        var ks2: Result<SliceLoad, Error>?
        var phonics: Result<SliceLoad, Error>?
        /// The attendance summary files (the marks need the roster, so they are read afterwards).
        var attendanceSummary: Result<([AttendanceTally], ImportLog), Error>?
    }

    public func run(progress: @Sendable (ProgressEvent) -> Void = { _ in }) throws -> TrustDataset {
        try config.frameworks.validate()   // a rule naming an unknown measure stops the run before any import
        var log = ImportLog()

        let schools = log.take(try SchoolsImporter.read(
            path: config.resolve(config.inputs.schools), displayName: config.inputs.schools,
            overrides: config.columnMapping(for: "schools")))
        progress(.fileImported(log.stats[log.stats.count - 1]))
        let register = SchoolRegister(schools)
        guard !schools.isEmpty else {
            throw PipelineError.configuration("The school register \(config.inputs.schools) has no usable rows; every run needs at least one school.")
        }

        // Two sides read at once, keeping both cores busy without a third thread: the roster, finance,
        // targets and benchmarks on one; KS2 (joined to the roster afterwards), phonics and the attendance
        // summary on the other (split so the two sides take about as long; they need only the register).
        // The attendance marks need the roster and read their big file on both cores themselves, so they
        // come after. Every file keeps its own books, appended in the order the
        // files were once read one after another (pupils, targets, benchmarks, performance tables, KS2,
        // phonics, attendance, finance), and the first error in that order is the one thrown, so neither
        // the run report, data-quality.csv nor the error depends on scheduling.
        let stage = self
        let ks2Handoff = KS2Handoff()
        let sides = try fanOut(2, threads: min(threads, 2)) { side -> (RosterSide?, ReferenceSide?) in
            if side == 0 {
                var out = RosterSide()
                out.pupils = Result { try stage.readRoster(register: register) }
                out.finance = Result {
                    var load = SliceLoad()
                    load.finance = try FinanceSlice.load(stage.config, register: register, log: &load.log)
                    return load
                }
                out.targets = Result { try stage.readTargets() }
                guard case .success? = out.targets else { return (out, nil) }
                out.benchmarks = Result { try stage.readBenchmarks() }
                if case .success(let (roster, _))? = out.pupils, let ks2 = ks2Handoff.peek() {
                    out.joinedKS2 = stage.joinKS2(ks2, roster: roster)
                }
                return (out, nil)
            }
            var out = ReferenceSide()
            out.ks2 = Result {
                var load = SliceLoad()
                load.ks2 = try KS2Slice.load(stage.config, register: register, roster: PupilRoster([]), log: &load.log)
                return load
            }
            guard case .success(let ks2)? = out.ks2 else { return (nil, out) }
            ks2Handoff.put(ks2)
            out.phonics = Result {
                var load = SliceLoad()
                load.phonics = try PhonicsSlice.load(stage.config, register: register, log: &load.log)
                return load
            }
            out.attendanceSummary = Result { try AttendanceSlice.loadSummary(stage.config, register: register) }
            return (nil, out)
        }
        let rosterSide = sides[0].0!, referenceSide = sides[1].1!

        let (roster, rosterLog) = try rosterSide.pupils!.get()
        log.append(rosterLog)
        let (targets, targetsLog) = try rosterSide.targets!.get()
        log.append(targetsLog)
        let (benchmarks, benchmarksLog) = try rosterSide.benchmarks!.get()
        log.append(benchmarksLog)
        for stats in log.stats.dropFirst(1) { progress(.fileImported(stats)) }

        var dataset = TrustDataset(register: register, roster: roster, benchmarks: benchmarks,
                                   targets: TargetLookup(targets), log: log)
        let ks2Read = try referenceSide.ks2!.get()
        let ks2 = rosterSide.joinedKS2 ?? joinKS2(ks2Read, roster: roster)
        let phonics = try referenceSide.phonics!.get()
        var attendance = SliceLoad()
        attendance.attendance = try AttendanceSlice.load(config, register: register, roster: roster,
                                                         summary: referenceSide.attendanceSummary, log: &attendance.log)
        let finance = try rosterSide.finance!.get()

        dataset.ks2 = ks2.ks2
        dataset.phonics = phonics.phonics
        dataset.attendance = attendance.attendance
        dataset.finance = finance.finance
        for load in [ks2, phonics, attendance, finance] { dataset.log.append(load.log) }
        // The slices keep their own books; report their files once they are read.
        for stats in dataset.log.stats.dropFirst(log.stats.count) { progress(.fileImported(stats)) }
        return dataset
    }

    /// KS2 pupils read without the roster, joined to it with `KS2Slice.join`, as `KS2Slice.load(_:register:roster:log:)`
    /// does after reading: the join's issues follow the KS2 files' books.
    func joinKS2(_ load: SliceLoad, roster: PupilRoster) -> SliceLoad {
        guard var data = load.ks2 else { return load }
        var joined = load
        data.pupils = KS2Slice.join(data.pupils, roster: roster, log: &joined.log)
        joined.ks2 = data
        return joined
    }

    /// The pupil files and the roster built from them.
    func readRoster(register: SchoolRegister) throws -> (PupilRoster, ImportLog) {
        var log = ImportLog()
        var pupils: [Pupil] = []
        for path in config.inputs.pupils?.paths ?? [] {
            let read = log.take(try PupilsImporter.read(path: config.resolve(path), displayName: path,
                                                        overrides: config.columnMapping(for: "pupils"), register: register))
            // The usual single file is taken as it is: `+=` copied every pupil (5% of the roster's CPU).
            if pupils.isEmpty { pupils = read } else { pupils += read }
        }
        return (PupilRoster(pupils), log)
    }

    func readTargets() throws -> ([Target], ImportLog) {
        var log = ImportLog()
        var targets: [Target] = []
        for path in config.inputs.targets?.paths ?? [] {
            targets += log.take(try TargetsImporter.read(path: config.resolve(path), displayName: path,
                                                        overrides: config.columnMapping(for: "targets")))
        }
        return (targets, log)
    }

    /// The shipped benchmark files, then any DfE performance-tables downloads.
    func readBenchmarks() throws -> (BenchmarkLookup, ImportLog) {
        var log = ImportLog()
        var benchmarks = BenchmarkLookup()
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
        for path in config.inputs.performanceTables?.paths ?? [] {
            let outcome = try PerformanceTablesImporter.read(
                path: config.resolve(path), displayName: path, defaultYear: config.academicYear,
                overrides: config.columnMapping(for: "performance_tables"))
            for figure in log.take(outcome) { benchmarks.add(figure) }
        }
        return (benchmarks, log)
    }
}
