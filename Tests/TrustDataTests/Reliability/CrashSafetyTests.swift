import Foundation
import Testing
@testable import TrustData

/// A run that fails, however it fails, leaves the previous run's outputs byte for byte, no partial
/// file at a final path, and nothing that stops the next run.
@Suite(.serialized) struct CrashSafetyTests {
    /// SIGKILL at many moments of a rerun — before the write stage, after the k-th file, at points spread
    /// through the write stage, just after the switch — and every time the output path holds the whole
    /// previous run or the whole new run, byte for byte, with a run report listing exactly its files.
    /// The next run after each kill needs no clean-up, and old run folders do not pile up.
    @Test(.timeLimit(.minutes(10))) func killedAtManyPointsOfARerun() throws {
        let trial = try TrialTrust(schools: 40, pupilsPerSchool: 20)
        try #require(try runTrustdata(["run", trial.pipeline, "--threads", "1"]).status == 0)
        let a = try trial.snapshot()
        #expect(a.count == 40 + 4) // schools, trust.xlsx, measures.csv, data-quality.csv, run-report.json
        try trial.write(variant: 1) // different figures, same file names
        try #require(try runTrustdata(["run", trial.pipeline, "--threads", "1"]).status == 0)
        let b = try trial.snapshot()
        try #require(Self.withoutReport(a) != Self.withoutReport(b), "the two variants differ")

        /// Which run the output holds: "a", "b", or a description of the mix.
        func whichRun() throws -> String {
            let now = try trial.snapshot()
            let report = try JSONSerialization.jsonObject(with: now["run-report.json"] ?? Data("{}".utf8)) as? [String: Any]
            let listed = Set((report?["files_written"] as? [String]) ?? [])
            guard listed == Set(now.keys) else { return "a run report listing \(listed.count) files beside \(now.count) files" }
            if Self.withoutReport(now) == Self.withoutReport(a) { return "a" }
            if Self.withoutReport(now) == Self.withoutReport(b) { return "b" }
            let mixed = now.keys.filter { now[$0] != a[$0] && now[$0] != b[$0] }.sorted()
            return "a mix: \(mixed.prefix(3)) match neither run"
        }

        // Kill points: after the k-th "wrote" line (0 = as soon as the write stage starts), then at fixed
        // delays after it starts, then once the write stage has finished (after the switch).
        var points: [KillPoint] = [.files(0), .files(1), .files(5), .files(20), .files(39), .files(40), .files(41), .files(42)]
        points += [200, 1_000, 3_000, 6_000, 10_000, 20_000, 40_000, 80_000, 150_000].map { .microsecondsIntoWrite($0) }
        points += [.afterWriteStage, .immediately]
        var current = "b", outcomes: [String] = []
        for (i, point) in points.enumerated() {
            let next = current == "a" ? "b" : "a"
            try trial.write(variant: next == "a" ? 0 : 1)
            let killed = try Self.runAndKill(trial, at: point, log: trial.folder + "/stderr-\(i).txt")
            let now = try whichRun()
            #expect(now == "a" || now == "b", "killed \(point): the output holds \(now)")
            outcomes.append("\(point): \(killed ? "killed" : "finished") → \(now == current ? "previous" : now == next ? "new" : now)")
            current = now
        }
        // Both outcomes were seen, so the kills did land on both sides of the switch.
        #expect(outcomes.contains { $0.hasSuffix("previous") } && outcomes.contains { $0.hasSuffix("new") }, "\(outcomes)")
        let again = try runTrustdata(["run", trial.pipeline, "--threads", "2"])
        #expect(again.status == 0, "re-running needs no clean-up: \(again.err.suffix(500))")
        #expect(trial.leftovers().isEmpty, "the re-run removed what the killed runs left: \(trial.leftovers())")
        let runs = try FileManager.default.contentsOfDirectory(atPath: trial.folder + "/.out.runs")
        #expect(runs.count == 1, "one run folder is kept, the current one: \(runs)")
    }

    enum KillPoint: CustomStringConvertible {
        case immediately, files(Int), microsecondsIntoWrite(Int), afterWriteStage
        var description: String {
            switch self {
            case .immediately: return "at start"
            case .files(let n): return "after \(n) files"
            case .microsecondsIntoWrite(let us): return "\(us) µs into the write stage"
            case .afterWriteStage: return "after the write stage"
            }
        }
    }

    static func withoutReport(_ files: [String: Data]) -> [String: Data] { files.filter { $0.key != "run-report.json" } }

    /// Starts a run and SIGKILLs it at `point`; true when it was killed (not already finished).
    static func runAndKill(_ trial: TrialTrust, at point: KillPoint, log: String) throws -> Bool {
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try trustdataBinary())
        process.arguments = ["run", trial.pipeline, "--threads", "1"]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        func text() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        func wait(until done: (String) -> Bool) {
            while Date() < deadline && process.isRunning && !done(text()) { usleep(200) }
        }
        switch point {
        case .immediately: break
        case .files(let n):
            wait { $0.contains("→ write") && $0.components(separatedBy: "  wrote ").count - 1 >= n }
        case .microsecondsIntoWrite(let us):
            wait { $0.contains("→ write") }
            usleep(useconds_t(us))
        case .afterWriteStage:
            wait { $0.contains("✓ write") }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// A rerun after a school is renamed and another leaves: the output holds exactly the new run's
    /// files — no workbook of the school that left, none under the old name.
    @Test func theOutputHoldsExactlyThisRunsFiles() throws {
        let trial = try TrialTrust(schools: 3, pupilsPerSchool: 4)
        try #require(try runTrustdata(["run", trial.pipeline, "-q"]).status == 0)
        #expect(Set(try trial.snapshot().keys.filter { $0.hasPrefix("schools/") })
                == ["schools/200000-trial-school-0.xlsx", "schools/200001-trial-school-1.xlsx", "schools/200002-trial-school-2.xlsx"])
        let register = try String(contentsOfFile: trial.folder + "/schools.csv", encoding: .utf8)
            .replacingOccurrences(of: "Trial School 0,", with: "Renamed Academy,")
            .split(separator: "\n").filter { !$0.hasPrefix("200002,") }.joined(separator: "\n") + "\n"
        try register.write(toFile: trial.folder + "/schools.csv", atomically: true, encoding: .utf8)
        let pupils = try String(contentsOfFile: trial.folder + "/pupils.csv", encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains(",200002,") }.joined(separator: "\n") + "\n"
        try pupils.write(toFile: trial.folder + "/pupils.csv", atomically: true, encoding: .utf8)
        try #require(try runTrustdata(["run", trial.pipeline, "-q"]).status == 0)
        let after = try trial.snapshot()
        #expect(Set(after.keys) == ["schools/200000-renamed-academy.xlsx", "schools/200001-trial-school-1.xlsx",
                                    "trust.xlsx", "measures.csv", "data-quality.csv", "run-report.json"])
        #expect(trial.leftovers().isEmpty)
    }

    /// "Disk full": the run may write at most 6 KB per file (RLIMIT_FSIZE, with SIGXFSZ ignored so
    /// writes fail with EFBIG the way they fail with ENOSPC). It stops with a clear error, replaces
    /// nothing, and leaves nothing behind.
    @Test func diskFullLeavesPreviousOutputs() throws {
        let trial = try TrialTrust(schools: 20, pupilsPerSchool: 20)
        try #require(try runTrustdata(["run", trial.pipeline]).status == 0)
        let before = try trial.snapshot()
        try trial.write(variant: 3)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 6; exec \"$0\" run \"$1\" -q", try trustdataBinary(), trial.pipeline]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        // libxlsxwriter prints its own [ERROR] lines; the run's own message is the `Error:` line.
        let own = message.split(separator: "\n").last { $0.hasPrefix("Error:") }.map(String.init) ?? ""
        #expect(own.contains("disk not full") && own.contains("No output was replaced") && !own.contains(".out.runs"),
                "the error says what to check, with the final path: \(own.prefix(300))")
        #expect(try trial.snapshot() == before, "nothing was replaced")
        #expect(trial.leftovers().isEmpty, "the failed run removed its staging folder")
    }

    /// An output folder from before run folders, holding only files trustdata writes (and a failed
    /// run's temporary files), becomes a link to the new run's folder; the old files go.
    @Test func anOldStyleOutputFolderIsTakenOver() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        try FileManager.default.createDirectory(atPath: trial.output + "/schools/", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: trial.output + "/.staging-1-2/schools", withIntermediateDirectories: true)
        for stale in ["trust.xlsx", "schools/100000-gone-school.xlsx", ".trust.xlsx.tmp-1-2", "schools/.200000-trial-school-0.xlsx.tmp-9-9", ".staging-1-2/schools/x.xlsx"] {
            FileManager.default.createFile(atPath: trial.output + "/" + stale, contents: Data("old".utf8))
        }
        try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
        #expect(OutputStaging.isLink(trial.output))
        #expect(trial.leftovers().isEmpty)
        #expect(try trial.snapshot().count == 2 + 4)
        #expect(try trial.snapshot()["schools/100000-gone-school.xlsx"] == nil)
    }

    /// Something at the output path trustdata did not make — a file, a link elsewhere, a folder holding
    /// other files — is refused with the reason, and left exactly as it was.
    @Test func somethingElseAtTheOutputPathIsRefusedAndKept() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        let fm = FileManager.default
        func refused(_ expected: String) throws {
            let run = try runTrustdata(["run", trial.pipeline, "-q"])
            #expect(run.status != 0)
            #expect(run.err.contains("Will not write outputs to \(trial.output)") && run.err.contains(expected), "\(run.err.suffix(400))")
        }
        fm.createFile(atPath: trial.output, contents: Data("a file".utf8))
        try refused("a file with that name is in the way")
        #expect(fm.contents(atPath: trial.output) == Data("a file".utf8))
        try fm.removeItem(atPath: trial.output)

        try fm.createDirectory(atPath: trial.folder + "/elsewhere", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: trial.output, withDestinationPath: "elsewhere")
        try refused("it is a link to elsewhere, which trustdata did not make")
        try fm.removeItem(atPath: trial.output)

        try fm.createDirectory(atPath: trial.output + "/schools", withIntermediateDirectories: true)
        fm.createFile(atPath: trial.output + "/notes.docx", contents: Data("mine".utf8))
        fm.createFile(atPath: trial.output + "/schools/plan.pdf", contents: Data("mine".utf8))
        try refused("the folder holds files trustdata did not write (notes.docx, schools/plan.pdf)")
        #expect(fm.contents(atPath: trial.output + "/notes.docx") == Data("mine".utf8))
        #expect(trial.leftovers().isEmpty)
    }

    /// A folder the run cannot write (when not root — root ignores permissions): a clear error,
    /// earlier outputs untouched.
    @Test func unwritableOutputLeavesPreviousOutputs() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
        let before = try trial.snapshot()
        try trial.write(variant: 2)
        if getuid() != 0 {
            chmod(trial.folder + "/.out.runs", 0o555)
            defer { chmod(trial.folder + "/.out.runs", 0o755) }
            #expect(throws: OutputError.self) {
                try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
            }
            #expect(try trial.snapshot() == before, "nothing was replaced")
        }
    }

    /// A broken pipeline file or a broken input: a clear message, a failing exit status, nothing written.
    @Test func badPipelineOrInputLeavesPreviousOutputs() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        try #require(try runTrustdata(["run", trial.pipeline]).status == 0)
        let before = try trial.snapshot()

        let good = try String(contentsOfFile: trial.pipeline, encoding: .utf8)
        try good.replacingOccurrences(of: "academic_year: 2024/25", with: "academic_year: [").write(toFile: trial.pipeline, atomically: true, encoding: .utf8)
        let badYAML = try runTrustdata(["run", trial.pipeline])
        #expect(badYAML.status != 0)
        #expect(badYAML.err.contains("pipeline.yml is not valid"))
        #expect(try trial.snapshot() == before)

        try good.write(toFile: trial.pipeline, atomically: true, encoding: .utf8)
        try "urn,name\n200000,x\n".write(toFile: trial.folder + "/schools.csv", atomically: true, encoding: .utf8)
        let badInput = try runTrustdata(["run", trial.pipeline])
        #expect(badInput.status != 0)
        #expect(badInput.err.contains("schools.csv has no column for"))
        #expect(try trial.snapshot() == before)
        #expect(trial.leftovers().isEmpty)
    }
}
