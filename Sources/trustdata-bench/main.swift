import Foundation
import TrustData

/// The benchmark's measuring tool (Benchmarks/run.sh drives it under /usr/bin/time -v). Each mode prints
/// one JSON line:
///   trustdata-bench csv FILE...              CSVReader reads every row of every file, no-op (parse rate)
///   trustdata-bench marks PIPELINE           import schools + pupils, then time the attendance-marks
///                                            import alone (parse + validate + aggregate)
///   trustdata-bench tables PIPELINE [RUNS]   CPU seconds (median of RUNS, default 5) of each table
///                                            import that is not the marks: roster, attendance summary,
///                                            KS2, phonics (one thread, files read in full)
///   trustdata-bench pipeline PIPELINE THREADS OUTPUT
///                                            the whole run (import → analysis → workbooks) with THREADS
///                                            threads into OUTPUT; stage seconds from the run report, and
///                                            write_cpu: CPU seconds of the workbook and CSV tasks and of
///                                            the whole write stage
///   trustdata-bench xlsx FILE...             XLSXReader reads every row of each workbook's first sheet,
///                                            no-op (the workbook reader's rate; Benchmarks/bench_xlsx.py)
///   trustdata-bench roster SCHOOLS FILE      imports FILE (CSV or .xlsx) as the pupil roster against the
///                                            register SCHOOLS: the whole import path, parse to records
///   trustdata-bench write PIPELINE THREADS OUTPUT [REPS]
///                                            import and analyse once, then the write stage alone REPS
///                                            times (for profiling), one line per run
func now() -> Double { Date().timeIntervalSince1970 }

func json(_ object: [String: Any]) -> String {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write("usage: trustdata-bench csv FILE... | xlsx FILE... | roster SCHOOLS FILE | marks PIPELINE | tables PIPELINE [RUNS] | pipeline PIPELINE THREADS OUTPUT | write PIPELINE THREADS OUTPUT [REPS]\n".data(using: .utf8)!)
    exit(2)
}

do {
    switch args[1] {
    case "csv":
        var rows = 0, bytes = 0
        let start = now()
        for path in args[2...] {
            try CSVReader(path: path).forEachRow { _ in rows += 1 }
            bytes += fileSize(path)
        }
        print(json(["kind": "csv", "rows": rows, "bytes": bytes, "seconds": now() - start]))

    case "xlsx":
        var rows = 0, cells = 0, bytes = 0
        let start = now()
        for path in args[2...] {
            try XLSXReader(path: path).forEachRow { rows += 1; cells += $0.count }
            bytes += fileSize(path)
        }
        print(json(["kind": "xlsx", "rows": rows, "cells": cells, "bytes": bytes, "seconds": now() - start]))

    case "roster":
        let schools = try SchoolsImporter.read(path: args[2], displayName: args[2])
        let start = now()
        let outcome = try PupilsImporter.read(path: args[3], displayName: args[3], register: SchoolRegister(schools.records))
        print(json(["kind": "roster", "rows": outcome.stats.rowsRead, "accepted": outcome.stats.rowsAccepted,
                    "rejected": outcome.stats.rowsRejected, "bytes": fileSize(args[3]), "seconds": now() - start]))

    case "marks":
        let config = try PipelineConfig.load(path: args[2])
        let schools = try SchoolsImporter.read(path: config.resolve(config.inputs.schools), displayName: config.inputs.schools)
        let register = SchoolRegister(schools.records)
        var pupils: [Pupil] = []
        for path in config.inputs.pupils?.paths ?? [] {
            pupils += try PupilsImporter.read(path: config.resolve(path), displayName: path, register: register).records
        }
        let roster = PupilRoster(pupils)
        guard let reference = config.inputs.reference, let marks = config.inputs.attendanceMarks?.paths else {
            throw PipelineError.configuration("The pipeline names no attendance marks or reference folder.")
        }
        let codes = try AttendanceCodeTable.read(path: config.resolve((reference as NSString).appendingPathComponent("attendance-codes.csv")), displayName: "attendance-codes.csv").0
        var rows = 0, bytes = 0, tallies = 0
        let start = now()
        for path in marks {
            let outcome = try AttendanceMarksImporter.read(path: config.resolve(path), displayName: path,
                                                           register: register, roster: roster, codes: codes)
            rows += outcome.stats.rowsRead
            tallies += outcome.records.count
            bytes += fileSize(config.resolve(path))
        }
        print(json(["kind": "marks", "rows": rows, "bytes": bytes, "enrolments": tallies, "seconds": now() - start]))

    case "tables":
        let config = try PipelineConfig.load(path: args[2])
        let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5
        let schools = try SchoolsImporter.read(path: config.resolve(config.inputs.schools), displayName: config.inputs.schools)
        let register = SchoolRegister(schools.records)
        /// The calling thread's CPU seconds for `body`, median of `runs`.
        func cpu(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                var a = timespec(), b = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
                try body()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
                times.append(Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9)
            }
            return times.sorted()[times.count / 2]
        }
        var seconds: [String: Double] = [:]
        seconds["pupils"] = try cpu {
            for path in config.inputs.pupils?.paths ?? [] {
                _ = try PupilsImporter.read(path: config.resolve(path), displayName: path, register: register)
            }
        }
        seconds["attendance_summary"] = try cpu { _ = try AttendanceSlice.loadSummary(config.sliceInputs(AttendanceSlice.self, register: register)) }
        seconds["ks2"] = try cpu { var log = ImportLog(); _ = try KS2Slice.load(config, register: register, log: &log) }
        seconds["phonics"] = try cpu { var log = ImportLog(); _ = try PhonicsSlice.load(config, register: register, log: &log) }
        print(json(["kind": "tables", "runs": runs, "cpu_seconds": seconds]))

    case "pipeline":
        guard args.count == 5, let threads = Int(args[3]) else { throw PipelineError.configuration("pipeline PIPELINE THREADS OUTPUT") }
        var config = try PipelineConfig.load(path: args[2])
        config.output = args[4]
        let start = now()
        let report = try PipelineRunner(config: config, pipelinePath: args[2], threads: threads).run()
        let wall = now() - start
        var stages: [String: Double] = [:]
        for stage in report.stages { stages[stage.stage] = stage.seconds }
        let inputs = report.inputs.map { ["file": $0.file, "dataset": $0.dataset, "bytes": $0.bytes, "rows": $0.rowsRead] as [String: Any] }
        // CPU seconds of the write stage (thread CPU clocks around each output task; see WriteCPU).
        let cpu = report.writeCPU
        let writeCPU: [String: Any] = ["workbooks": cpu.workbookSeconds, "csv": cpu.csvSeconds, "stage": cpu.stageSeconds,
                                       "workbook_count": cpu.workbooks]
        print(json(["kind": "pipeline", "threads": threads, "seconds": wall, "stages": stages, "inputs": inputs,
                    "files": report.filesWritten, "measures": report.measures, "write_cpu": writeCPU]))

    case "write":
        // The write stage alone, REPS times over one import + analysis: for profiling it (perf, callgrind)
        // without the import's 3 s of CPU around it.
        guard args.count >= 5, let threads = Int(args[3]) else { throw PipelineError.configuration("write PIPELINE THREADS OUTPUT [REPS]") }
        let reps = args.count > 5 ? Int(args[5]) ?? 1 : 1
        var config = try PipelineConfig.load(path: args[2])
        config.output = args[4]
        let runner = PipelineRunner(config: config, pipelinePath: args[2], threads: threads)
        let dataset = try ImportStage(config: config, threads: threads).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try runner.analyse(dataset, context: context)
        for _ in 0..<reps {
            let start = now()
            let cpu = try OutputStage(config: config, threads: threads).writeTimed(trust, dataset: dataset, context: context,
                                                                                   progress: { _ in }).cpu
            print(json(["kind": "write", "threads": threads, "seconds": now() - start, "workbooks": cpu.workbookSeconds,
                        "csv": cpu.csvSeconds, "stage": cpu.stageSeconds]))
        }

    default:
        throw PipelineError.configuration("unknown mode \(args[1])")
    }
} catch {
    FileHandle.standardError.write("trustdata-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
