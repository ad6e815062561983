import Foundation
@testable import TrustData

/// The pipelines whose outputs the real-client, golden and determinism checks cover: the sample
/// (once `inputs/sample/` is on main) and the hand-made mini trust.
enum ReferenceRuns {
    static func pipelines() -> [(name: String, path: String)] {
        var list = [(name: "minitrust", path: fixturePath("minitrust/pipeline.yml"))]
        let root = packageRoot()
        if FileManager.default.fileExists(atPath: root + "/inputs/sample/schools.csv") {
            list.append((name: "sample", path: root + "/pipelines/sample.yml"))
        }
        return list
    }

    /// Runs a pipeline into `output`; returns every workbook written, relative to `output`.
    @discardableResult
    static func run(_ pipeline: String, output: String, threads: Int = 2) throws -> [String] {
        var config = try PipelineConfig.load(path: pipeline)
        config.output = output
        let report = try PipelineRunner(config: config, pipelinePath: (pipeline as NSString).lastPathComponent, threads: threads).run()
        return report.filesWritten.filter { $0.hasSuffix(".xlsx") }
    }

    /// Runs `python3 -c script args…`, returning stdout; fails with stderr.
    static func python(_ script: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        struct Failed: Error, CustomStringConvertible { var description: String }
        guard process.terminationStatus == 0 else { throw Failed(description: errors) }
        return data
    }
}

/// A small RFC 4180 reader for LibreOffice's CSV output (independent of the app's CSV code).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" { inQuotes = true
        } else if c == "," { row.append(field); field = ""
        } else if c == "\n" || c == "\r" {
            if c == "\r" && chars.first == "\n" { chars.removeFirst() }
            row.append(field); rows.append(row); row = []; field = ""
        } else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
