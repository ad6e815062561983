import Foundation
import Testing
@testable import TrustData

/// The optional Years 3–5 assessments (Fixtures/ks2/assessments.csv, headings as an MIS export writes
/// them): every row accounted for, the latest term per school, each pupil against the FFT estimate,
/// and the "Outcomes Y3-5" sheet — all worked by hand in the comments.
@Suite struct AssessmentsTests {
    static func config(output: String = "/unused") throws -> PipelineConfig {
        var config = try KS2Fixture.config(output: output)
        config.inputs.assessments = FileList(["assessments.csv"])
        return config
    }

    @Test func everyRowIsAccountedFor() throws {
        let config = try Self.config()
        let dataset = try ImportStage(config: config).run()
        let records = try #require(dataset.assessments?.records)
        let stats = try #require(dataset.log.stats.first { $0.file == "assessments.csv" })
        // 15 rows: 10 accepted; rejected Rowan (Year 6), Sloe (science), Teak (band and score), Oak's second
        // spring reading row (duplicate), Umber (a score with a band estimate).
        #expect(stats.rowsRead == 15 && stats.rowsAccepted == 10 && stats.rowsRejected == 5)
        #expect(records.count == 10)
        let rejected = dataset.log.issues.filter { $0.file == "assessments.csv" && $0.severity == .rejected }
        #expect(rejected.map(\.line) == [11, 12, 13, 14, 15])
        // Each named by the heading the export uses.
        #expect(rejected.map(\.column) == ["Year", "Subject", "Standardised Score", "UPN", "FFT Estimate"])
        #expect(rejected[0].message.contains("Years 3 to 5"))
        #expect(rejected[1].value == "Science")
    }

    @Test func latestTermAgainstTheEstimate() throws {
        let config = try Self.config()
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "ks2", threads: 2).analyse(dataset, context: context)
        let alder = try #require(trust.schools.first { $0.school.urn == "100001" }?.assessments)
        // Alder has autumn and spring rows: spring is the latest, so Oak's autumn reading (95) is not shown.
        #expect(alder.term == .spring && alder.entries.count == 8)
        func entry(_ surname: String, _ subject: AssessmentRecord.Subject) -> AssessmentEntry? {
            alder.entries.first { $0.surname == surname && $0.record.subject == subject }
        }
        // Oak reading 93 vs 101.6: −8.6 → Below (tolerance 1).  Oak maths 104 vs 103.5: +0.5 → In line.
        #expect(abs((entry("Oak", .reading)?.comparison?.gap ?? 0) - -8.6) < 1e-9 && entry("Oak", .reading)?.comparison?.status == .below)
        #expect(entry("Oak", .maths)?.comparison?.status == .inLine)
        // Pine maths 99 vs 100.0: −1.0, at the tolerance → In line; reading 112 vs 108.0: +4 → Ahead; writing WTS vs EXS → Below.
        #expect(entry("Pine", .maths)?.comparison?.gap == -1 && entry("Pine", .maths)?.comparison?.status == .inLine)
        #expect(entry("Pine", .reading)?.comparison?.status == .ahead)
        #expect(entry("Pine", .writing)?.comparison?.gap == nil && entry("Pine", .writing)?.comparison?.status == .below)
        // Quince maths has no estimate: no comparison; reading GDS vs EXS → Ahead.
        #expect(entry("Quince", .maths)?.comparison == nil)
        #expect(entry("Quince", .reading)?.comparison?.status == .ahead)
        // Birch has autumn only; Vale maths 101 vs 100.5 → In line.
        let birch = try #require(trust.schools.first { $0.school.urn == "100002" }?.assessments)
        #expect(birch.term == .autumn && birch.entries.map(\.comparison?.status) == [.inLine])
    }

    @Test func outcomesSheetForYearsThreeToFive() throws {
        let out = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try PipelineRunner(config: try Self.config(output: out), pipelinePath: "ks2", threads: 2).run()
        let book = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let s = try #require(book["Outcomes Y3-5"])
        #expect(s.text("A1") == "Outcomes meeting — Alder Primary — Years 3 to 5, spring 2024/25")
        #expect(s.text("D3") == "Year" && s.text("E3") == "Disadv." && s.text("L3") == "Gap" && s.text("M3") == "Status"
                && s.text("O3") == "Actions agreed" && s.text("P3") == "Notes")
        // Furthest below first: Oak reading −8.6, then Pine writing (Below, a band: no gap).
        #expect(s.text("A4") == "Oak" && s.number("D4") == 4 && s.text("E4") == "Yes" && s.text("I4") == "Reading"
                && s.number("J4") == 93 && s.number("K4") == 101.6 && s.text("M4") == "Below")
        #expect(abs((s.number("L4") ?? 0) - -8.6) < 1e-9)
        #expect(s.text("A5") == "Pine" && s.text("I5") == "Writing" && s.text("J5") == "WTS" && s.text("K5") == "EXS" && s.text("M5") == "Below")
        // In line by gap: Pine maths −1.0, Oak writing (band, no gap), Oak maths +0.5; then Ahead: Quince
        // reading (band), Pine reading +4; last Quince maths with no estimate.
        #expect([6, 7, 8, 9, 10, 11].map { s.text("A\($0)") ?? "" } == ["Pine", "Oak", "Oak", "Quince", "Pine", "Quince"])
        #expect([6, 7, 8, 9, 10, 11].map { s.text("I\($0)") ?? "" } == ["Maths", "Writing", "Maths", "Reading", "Reading", "Maths"])
        #expect(s.text("M11") == nil && s.maxRow == 11)
        #expect(s.autofilter == "A3:P11" && s.freeze == "C4" && s.landscape && s.conditionalFormats == 5)
        // Privacy: Birch's pupil is only in Birch's workbook.
        #expect(!s.allText.contains("Vale"))
        #expect(try IndependentReader.read(out + "/schools/100002-birch-primary.xlsx")["Outcomes Y3-5"]?.text("A4") == "Vale")
    }
}
