import Foundation
import Testing
@testable import TrustData

/// The outputs do not depend on how many threads the per-school fan-out uses: a run of the sample trust
/// with one thread and with two writes byte-identical workbooks and CSVs (the run report differs only in
/// its timings and thread count).
@Suite struct DeterminismTests {
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }

    func run(threads: Int) throws -> String {
        var config = try PipelineConfig.load(path: Self.repositoryRoot.appendingPathComponent("pipelines/sample.yml").path)
        let out = try makeTemporaryFolder("determinism\(threads)")
        config.output = out
        try PipelineRunner(config: config, pipelinePath: "pipelines/sample.yml", threads: threads).run()
        return out
    }

    func files(_ output: String) throws -> [String] {
        // The output path is a link to the run's folder; a folder walk does not follow a link it starts at.
        let e = FileManager.default.enumerator(atPath: URL(fileURLWithPath: output).resolvingSymlinksInPath().path)!
        return (e.allObjects as! [String]).filter { !$0.hasPrefix(".") && ($0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") || $0.hasSuffix(".json")) }.sorted()
    }

    /// The run report without the parts that legitimately vary (stage timings, thread count).
    func stableReport(_ path: String) throws -> NSDictionary {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        json["stages"] = nil
        json["threads"] = nil
        return json as NSDictionary
    }

    @Test func oneAndTwoThreadsWriteIdenticalBytes() throws {
        let one = try run(threads: 1), two = try run(threads: 2)
        let names = try files(one)
        #expect(names == (try files(two)))
        #expect(names.contains("trust.xlsx"))
        #expect(names.filter { $0.hasPrefix("schools/") }.count == 4)
        for name in names where name != "run-report.json" {
            let a = try Data(contentsOf: URL(fileURLWithPath: one + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: two + "/" + name))
            #expect(a == b, "\(name) differs between 1 and 2 threads")
        }
        #expect(try stableReport(one + "/run-report.json") == stableReport(two + "/run-report.json"))
    }
}
