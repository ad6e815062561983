import Foundation
import Testing
@testable import TrustData

/// End to end on a tiny hand-made trust: two schools, eight roster rows of which three are bad.
@Suite struct PipelineRunTests {
    func config(output: String) throws -> PipelineConfig {
        var config = try PipelineConfig.load(path: fixturePath("minitrust/pipeline.yml"))
        config.output = output
        return config
    }

    @Test func importAccountsForEveryRow() throws {
        let dataset = try ImportStage(config: try config(output: "/unused")).run()
        let pupils = try #require(dataset.log.stats.first { $0.dataset == "pupils" })
        #expect(pupils.rowsRead == 8)
        #expect(pupils.rowsAccepted == 5)
        #expect(pupils.rowsRejected == 3)
        let rejected = dataset.log.issues.filter { $0.severity == .rejected }
            .map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        // Line 7: A935300100002 fails the check letter (E is right); line 8: URN not in the register;
        // line 9: 31 February.
        #expect(rejected == ["7 upn invalid_upn", "8 urn unknown_school", "9 date_of_birth invalid_date"])
    }

    @Test func contextMeasuresArePooledForTheTrust() throws {
        let out = try makeTemporaryFolder()
        try PipelineRunner(config: try config(output: out), pipelinePath: "minitrust", threads: 2).run()
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("year,urn,school,measure,group,numerator,denominator,value,national,la,diff_national,diff_la,target"))
        // Alder: 4 pupils in a school of capacity 10; 2 disadvantaged; 1 EAL; 1 SEN support; 1 EHCP.
        #expect(lines.contains("2024/25,100001,Alder Primary,context.number_on_roll,all,,,4,,,,,,,Essex,true,,,,"))
        #expect(lines.contains("2024/25,100001,Alder Primary,context.capacity_used,all,4,10,40,,,,,,,Essex,,,,,"))
        #expect(lines.contains("2024/25,100001,Alder Primary,context.disadvantaged,all,2,4,50,,,,,,,Essex,true,,,,"))
        // Trust: 5 pupils pooled across both schools; 3 disadvantaged = 60% (not the 75% an average of 50% and 100% gives).
        #expect(lines.contains("2024/25,TRUST,Mini Trust,context.disadvantaged,all,3,5,60,,,,,,,,,,,,"))
        // Birch has no capacity, so the trust has no capacity figure either.
        #expect(!lines.contains { $0.contains("TRUST") && $0.contains("capacity_used") })
    }

    @Test func runReportAndOutputsAreWritten() throws {
        let out = try makeTemporaryFolder()
        let report = try PipelineRunner(config: try config(output: out), pipelinePath: "minitrust", threads: 1).run()
        #expect(report.inputs.allSatisfy { $0.reconciles })
        #expect(report.schools == 2)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out + "/schools"))
        #expect(files == ["100001-alder-primary.xlsx", "100002-birch-primary.xlsx"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run-report.json"))) as? [String: Any]
        let inputs = try #require(json?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["rows_read"] as? Int } == [2, 8])
        #expect(inputs.map { $0["rows_rejected"] as? Int } == [0, 3])
        let dq = try String(contentsOfFile: out + "/data-quality.csv", encoding: .utf8)
        #expect(dq.hasPrefix("file,line,column,value,code,message,urn,upn,severity\n"))
        #expect(dq.contains("pupils.csv,9,date_of_birth,31/02/2014,invalid_date,"))
    }

    @Test func aMissingRequiredColumnStopsBeforeAnyOutput() throws {
        let dir = try makeTemporaryFolder()
        try "urn,name_of_school,la_name\n100001,Alder,Essex\n".write(toFile: dir + "/schools.csv", atomically: true, encoding: .utf8)
        try "version: 1\nname: x\ntrust: X\nacademic_year: 2024/25\ninputs:\n  schools: schools.csv\n"
            .write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        var config = try PipelineConfig.load(path: dir + "/p.yml")
        config.output = dir + "/out"
        #expect(throws: ImportError.missingColumns(dataset: "schools", path: "schools.csv", missing: ["school_name"],
                                                   found: ["urn", "name_of_school", "la_name"],
                                                   closest: ["school_name": "name_of_school"])) {
            try PipelineRunner(config: config, pipelinePath: "p.yml").run()
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}

@Suite struct DataQualityCSVTests {
    @Test func formulaLookingValuesAreNeutralisedButNumbersKept() {
        func issue(_ value: String) -> DataQualityIssue {
            DataQualityIssue(file: "f.csv", line: 2, column: "mark", value: value, code: .invalidNumber,
                             message: "m", severity: .rejected)
        }
        let text = DataQualityCSV.render([issue("=HYPERLINK(\"x\")"), issue("+cmd"), issue("@SUM(A1)"), issue("-12.5"), issue("-x"), issue("ok")])
        let values = text.split(separator: "\n").dropFirst().map { line -> String in
            // The value is the fourth field; the quoted one keeps its inner comma-free text.
            String(line.split(separator: ",", omittingEmptySubsequences: false)[3])
        }
        #expect(values == ["\"'=HYPERLINK(\"\"x\"\")\"", "'+cmd", "'@SUM(A1)", "-12.5", "'-x", "ok"])
    }
}
