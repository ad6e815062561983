import Foundation
import Testing
@testable import TrustData

/// The same inputs give byte-identical outputs: run twice, with different thread counts.
/// run-report.json differs only in what it is meant to record: timings and the thread count.
@Suite(.serialized) struct ByteIdenticalRunTests {
    static func files(_ output: String) throws -> [String: Data] {
        // The output path is a link to the run's folder; a folder walk does not follow a link it starts at.
        let folder = URL(fileURLWithPath: output).resolvingSymlinksInPath().path
        var out: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder)! {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { out[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)) }
        }
        return out
    }

    static func reportWithoutTimings(_ data: Data?) throws -> NSDictionary {
        guard let data, var json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        json["stages"] = nil
        json["threads"] = nil
        json["pipeline"] = nil
        return json as NSDictionary
    }

    func compare(pipeline: String, name: String) throws {
        let dir = try makeTemporaryFolder("identical-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReferenceRuns.run(pipeline, output: dir + "/one", threads: 1)
        try ReferenceRuns.run(pipeline, output: dir + "/four", threads: 4)
        try ReferenceRuns.run(pipeline, output: dir + "/four-again", threads: 4)
        let one = try Self.files(dir + "/one"), four = try Self.files(dir + "/four"), again = try Self.files(dir + "/four-again")
        #expect(Set(one.keys) == Set(four.keys) && Set(four.keys) == Set(again.keys))
        #expect(one.keys.contains("trust.xlsx"))
        for (file, bytes) in one where file != "run-report.json" {
            #expect(four[file] == bytes, "\(name): \(file) differs between 1 and 4 threads")
            #expect(again[file] == bytes, "\(name): \(file) differs between two runs")
        }
        #expect(try Self.reportWithoutTimings(one["run-report.json"]) == Self.reportWithoutTimings(four["run-report.json"]))
    }

    @Test(arguments: ReferenceRuns.pipelines().map(\.name))
    func referencePipeline(_ name: String) throws {
        try compare(pipeline: ReferenceRuns.pipelines().first { $0.name == name }!.path, name: name)
    }

    @Test func manySchoolsAcrossThreads() throws {
        let trial = try TrialTrust(schools: 12, pupilsPerSchool: 9)
        try compare(pipeline: trial.pipeline, name: "trial")
    }
}
