import Foundation
import Testing
@testable import TrustData

/// A run that fails, however it fails, leaves the previous run's outputs byte for byte, no partial
/// file at a final path, and nothing that stops the next run.
@Suite(.serialized) struct CrashSafetyTests {
    /// SIGKILL while the workbooks are being written: the previous outputs survive untouched, and the
    /// next run clears the leftovers and succeeds.
    @Test(.timeLimit(.minutes(5))) func killedMidWrite() throws {
        let trial = try TrialTrust(schools: 120, pupilsPerSchool: 25)
        let first = try runTrustdata(["run", trial.pipeline, "--threads", "2"])
        try #require(first.status == 0, "first run failed: \(first.err.suffix(500))")
        let before = try trial.snapshot()
        #expect(before.count == 120 + 4) // schools, trust.xlsx, measures.csv, data-quality.csv, run-report.json

        try trial.write(variant: 1) // different figures, same file names
        let log = trial.folder + "/stderr.txt"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try trustdataBinary())
        process.arguments = ["run", trial.pipeline, "--threads", "1"]
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the first school workbook is written, then kill the run with no chance to tidy up.
        let deadline = Date().addingTimeInterval(120)
        var sawWrite = false
        while Date() < deadline && process.isRunning {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("wrote schools/") {
                sawWrite = true
                break
            }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(sawWrite && process.terminationReason == .uncaughtSignal, "the run finished before it could be killed mid-write")

        let afterKill = try trial.snapshot()
        let changed = Set(afterKill.keys).union(before.keys).filter { afterKill[$0] != before[$0] }.sorted()
        #expect(changed.isEmpty, "every final path still holds the previous run's bytes; changed: \(changed.prefix(5))")
        #expect(!trial.leftovers().isEmpty, "the killed run's staging folder is still there (hidden)")

        let again = try runTrustdata(["run", trial.pipeline, "--threads", "2"])
        #expect(again.status == 0, "re-running needs no clean-up: \(again.err.suffix(500))")
        #expect(trial.leftovers().isEmpty, "the re-run removed what the killed run left")
        let after = try trial.snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after["measures.csv"] != before["measures.csv"], "the re-run wrote the new figures")
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
        #expect(own.contains("disk not full") && own.contains("No output was replaced") && !own.contains(".staging-"),
                "the error says what to check, with the final path: \(own.prefix(300))")
        #expect(try trial.snapshot() == before, "nothing was replaced")
        #expect(trial.leftovers().isEmpty, "the failed run removed its staging folder")
    }

    @Test func staleTemporaryFilesAreRemovedByTheNextRun() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        try FileManager.default.createDirectory(atPath: trial.output + "/schools/", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: trial.output + "/.staging-1-2/schools", withIntermediateDirectories: true)
        for stale in [".trust.xlsx.tmp-1-2", "schools/.200000-trial-school-0.xlsx.tmp-9-9", ".staging-1-2/schools/x.xlsx"] {
            FileManager.default.createFile(atPath: trial.output + "/" + stale, contents: Data("partial".utf8))
        }
        FileManager.default.createFile(atPath: trial.output + "/.keep-me", contents: Data()) // not ours: kept
        try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
        #expect(trial.leftovers() == [".keep-me"])
        #expect(try trial.snapshot().count == 2 + 4)
    }

    /// Something in the way of the output (a file where the `schools` folder goes, or a read-only
    /// folder when not root — root ignores permissions): a clear error, earlier outputs untouched.
    @Test func unwritableOutputLeavesPreviousOutputs() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        let config = try PipelineConfig.load(path: trial.pipeline)
        try PipelineRunner(config: config, pipelinePath: trial.pipeline, threads: 1).run()
        let before = try trial.snapshot()
        try trial.write(variant: 2)

        try FileManager.default.removeItem(atPath: trial.output + "/schools")
        FileManager.default.createFile(atPath: trial.output + "/schools", contents: Data("not a folder".utf8))
        let expectedBefore = before.filter { !$0.key.hasPrefix("schools/") }.merging(["schools": Data("not a folder".utf8)]) { a, _ in a }
        #expect {
            try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
        } throws: { error in
            guard let error = error as? OutputError, case let .cannotCreateFolder(path, _) = error else { return false }
            return path.hasSuffix("/out/schools") && error.description.contains("in the way")
        }
        #expect(try trial.snapshot() == expectedBefore, "nothing was replaced")
        #expect(trial.leftovers().isEmpty, "the failed run tidied its staging folder")

        if getuid() != 0 {
            try FileManager.default.removeItem(atPath: trial.output + "/schools")
            chmod(trial.output, 0o555)
            defer { chmod(trial.output, 0o755) }
            #expect(throws: OutputError.self) {
                try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
            }
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
