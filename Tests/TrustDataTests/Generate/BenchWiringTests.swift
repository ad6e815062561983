import Foundation
import Testing
@testable import TrustData

/// The benchmark reads every dataset the generator writes: a 3-academy trust generated as the large one
/// is, put through Benchmarks/bench_pipeline.py (what bench.py runs trustdata on), and run; the new
/// datasets' figures in measures.csv equal tallies made here straight from the generated files.
@Suite struct BenchWiringTests {
    static func csv(_ path: String) throws -> [[String: String]] {
        let rows = parseCSV(try String(contentsOfFile: path, encoding: .utf8))
        let header = rows[0]
        return rows.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func aGeneratedTrustRunsWithEveryDatasetThroughTheBenchmarkPipeline() throws {
        let folder = try makeTemporaryFolder()
        let data = folder + "/trust", output = folder + "/out"
        var options = GeneratorOptions()
        options.schools = 3
        options.pupils = 300
        options.years = 2
        options.marksThrough = CalendarDate(year: 2024, month: 10, day: 4)
        let written = try TrustGenerator(options: options).write(to: data).map(\.name)
        for name in ["eyfs.csv", "mtc.csv", "exclusions.csv", "judgements.csv", "ofsted.csv", "bfr_2024-25.csv", "bfr_3y_2024-25.csv"] {
            #expect(written.contains(name), "generate wrote no \(name)")
        }

        // The pipeline bench.py builds: large.yml's inputs plus every generated file that is an input.
        let script = packageRoot() + "/Benchmarks/bench_pipeline.py"
        let listed = try ReferenceRuns.python("import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                                              [script, data, folder + "/bench.yml", try trustdataBinary(), output])
        let inputs = Dictionary(uniqueKeysWithValues: String(decoding: listed, as: UTF8.self).split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        })
        #expect(inputs["eyfs"] == "eyfs.csv" && inputs["mtc"] == "mtc.csv" && inputs["exclusions"] == "exclusions.csv")
        #expect(inputs["judgements"] == "judgements.csv" && inputs["ofsted"] == "ofsted.csv")
        #expect(inputs["bfr"] == "bfr_2024-25.csv" && inputs["bfr_3y"] == "bfr_3y_2024-25.csv")
        #expect(inputs["assessments"] == "assessments.csv")

        try ReferenceRuns.run(folder + "/bench.yml", output: output, threads: 1)
        let measures = try Self.csv(output + "/measures.csv")
        func trust(_ id: String, _ year: String = "2024/25") -> [String: String]? {
            measures.first { $0["urn"] == "TRUST" && $0["measure"] == id && $0["group"] == "all" && $0["year"] == year }
        }

        // EYFS: the trust's good level of development = children with GLD `Y` of all children in 2024/25.
        let eyfs = try Self.csv(data + "/eyfs.csv").filter { $0["Academic Year"] == "2024/25" }
        let gldColumn = try #require(eyfs.first?.keys.first { $0.hasPrefix("GLD") || $0.lowercased().contains("good level") })
        let gld = try #require(trust("eyfs.gld"))
        #expect(gld["numerator"] == String(eyfs.filter { $0[gldColumn] == "Y" }.count) && gld["denominator"] == String(eyfs.count))
        #expect(eyfs.count > 0 && Double(gld["value"] ?? "") != nil)

        // Multiplication check: average over pupils with a score; full marks = scores of 25.
        let mtc = try Self.csv(data + "/mtc.csv").filter { $0["Academic Year"] == "2024/25" }
        let scores = mtc.compactMap { Int($0["Score"] ?? "") }
        let average = try #require(trust("mtc.average_score"))
        #expect(average["numerator"] == String(scores.reduce(0, +)) && average["denominator"] == String(scores.count))
        #expect(trust("mtc.full_marks")?["numerator"] == String(scores.filter { $0 == 25 }.count))

        // Exclusions: suspensions (FIXD, LNCH) and permanent exclusions (PERM) starting in 2024/25.
        let exclusions = try Self.csv(data + "/exclusions.csv").filter { row in
            guard let date = row["Start Date"], date.count == 10, let month = Int(date.dropFirst(3).prefix(2)), let year = Int(date.suffix(4)) else { return false }
            return (year == 2024 && month >= 9) || (year == 2025 && month <= 8)
        }
        let suspensions = exclusions.filter { $0["Exclusion Type"] != "PERM" }.count
        #expect(trust("exclusions.suspensions")?["value"] == String(suspensions) && suspensions > 0)
        #expect(trust("exclusions.permanent_exclusions")?["value"] == String(exclusions.count - suspensions))
        // Against the latest published national (2023/24: DfE publishes a year behind), said in the basis.
        #expect(trust("exclusions.suspension_rate")?["national"] == "2.2709")   // 2.27093, written to 4 places
        #expect(trust("exclusions.suspension_rate")?["national_basis"] == "LA tables (England row, LAIT) of 2023/24, the latest published")

        // Judgements and Ofsted: each school's set category and latest inspection are in measures.csv.
        let schools = try Self.csv(data + "/schools.csv").compactMap { $0["urn"] ?? $0["URN"] }
        #expect(schools.count == 3)
        let judgements = try Self.csv(data + "/judgements.csv")
        for urn in schools {
            let latest = try #require(judgements.filter { $0["urn"] == urn }.max { CalendarDate.ukOrder($0["review_date"]!, $1["review_date"]!) })
            let set = measures.first { $0["urn"] == urn && $0["measure"] == "judgements.education_category" && $0["year"] == "2024/25" }
            #expect(set?["text"] == latest["education_category"], "\(urn)")
            #expect(measures.contains { $0["urn"] == urn && $0["measure"].map { $0.hasPrefix("ofsted.") } == true && !($0["text"] ?? "").isEmpty }, "\(urn)")
        }

        // The budget forecast return's three-year summary: reserves (line 4300, £ thousands) for 2026/27.
        let bfr3y = try Self.csv(data + "/bfr_3y_2024-25.csv")
        let reserve = try #require(bfr3y.first { $0["EFALineNo"] == "4300" }?["Y3"].flatMap(Double.init))
        #expect(Double(trust("finance.revenue_reserves", "2026/27")?["value"] ?? "") == reserve * 1000)
    }
}

extension CalendarDate {
    /// Orders two dd/mm/yyyy dates (test helper).
    static func ukOrder(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> String { let p = s.split(separator: "/"); return p.count == 3 ? "\(p[2])\(p[1])\(p[0])" : s }
        return key(a) < key(b)
    }
}
