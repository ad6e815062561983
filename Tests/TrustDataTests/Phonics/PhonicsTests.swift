import Foundation
import Testing
@testable import TrustData

/// Hand-worked phonics fixtures (Fixtures/phonics): two years of files, Year 1 and by the end of Year 2.
@Suite struct PhonicsTests {
    static func run() throws -> (TrustDataset, TrustReport, PipelineConfig) {
        let config = try PipelineConfig.load(path: fixturePath("phonics/pipeline.yml"))
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        return (dataset, try PipelineRunner(config: config, pipelinePath: "fixture", threads: 1).analyse(dataset, context: context), config)
    }

    static func row(_ rows: [MeasureRow], _ id: String, _ group: String = "all", _ year: String = "2024/25") -> MeasureRow? {
        rows.first { $0.measure == "phonics.\(id)" && $0.group == group && $0.year == year }
    }

    @Test func importChecksCodesAndMarks() throws {
        let (dataset, _, _) = try Self.run()
        let second = try #require(dataset.log.stats.first { $0.file.hasSuffix("phonics-2025.csv") })
        #expect([second.rowsRead, second.rowsAccepted, second.rowsRejected] == ([11, 9, 2] as [Int]))
        let issues = dataset.log.issues.filter { $0.file.hasSuffix("phonics-2025.csv") }.map { "\($0.line ?? 0) \($0.code.rawValue)" }
        // Line 5: mark 32 with outcome Wt (the mark wins: met); line 11: code Z; line 12: neither.
        #expect(issues == ["5 inconsistent_values", "11 unknown_code", "12 missing_value"])
        let jo = try #require(dataset.phonics?.records.first { $0.upn == "F881200100010" })
        #expect(jo.met)
    }

    @Test func year1AndByYear2AcrossTwoYears() throws {
        let (_, trust, _) = try Self.run()
        let alder = try #require(trust.schools.first { $0.school.urn == "100001" }?.phonics)
        // 2023/24 Year 1: Amy 35 and Eve 32 (exactly the threshold) met; Ben 20, Dee 31 not; Cal absent,
        // in DfE's denominator as not met → 2 of 5.
        let y1Old = try #require(Self.row(alder.measures, "y1.expected", "all", "2023/24"))
        #expect([y1Old.numerator, y1Old.denominator, y1Old.value] == ([2, 5, 40] as [Double?]))
        #expect(Self.row(alder.measures, "y1.absent", "all", "2023/24")?.value == 1)
        #expect(Self.row(alder.measures, "by_y2.expected", "all", "2023/24") == nil)   // no 2022/23 data
        // 2024/25 Year 1: Gus 36 and Jo 32 met, Hal 12 not; Ida D (disapplied) counts as not met; Kit L
        // (left) is out of the denominator → 2 of 4 (DfE phonics methodology).
        let y1 = try #require(Self.row(alder.measures, "y1.expected"))
        #expect(y1.numerator == 2 && y1.denominator == 4)
        #expect(y1.value == 50)
        #expect(Self.row(alder.measures, "y1.expected", "girls").map { [$0.numerator, $0.denominator] as [Double?] } == [1, 2])
        if csvReaderHandlesQuotes { #expect(y1.national != nil) }
        #expect(Self.row(alder.measures, "y1.disapplied")?.value == 1)
        #expect(Self.row(alder.measures, "y1.left")?.value == 1)
        #expect(Self.row(alder.measures, "y1.expected", "disadvantaged").map { [$0.numerator, $0.denominator] as [Double?] } == [2, 2])
        #expect(Self.row(alder.measures, "y1.expected", "boys").map { [$0.numerator, $0.denominator] as [Double?] } == [1, 2])
        // By the end of Year 2 (cohort: last year's Year 1 here): Amy and Eve met in Year 1, Ben and Cal
        // (absent in Year 1) met at the retake, Dee 28 at the retake did not → 4 of 5.
        let byY2 = try #require(Self.row(alder.measures, "by_y2.expected"))
        #expect([byY2.numerator, byY2.denominator, byY2.value] == ([4, 5, 80] as [Double?]))
        // Birch: Fay met in Year 1 last year (1 of 1, in the trust's 5 of 6 below), but 2 of Birch's 3
        // 2024/25 rows (Max's code Z, Ned's blank) were rejected, more than half: its 2024/25 figures are
        // withheld, saying why (WithheldFigures); its 2023/24 figures stand.
        let birch = try #require(trust.schools.first { $0.school.urn == "100002" }?.phonics)
        let birchByY2 = try #require(Self.row(birch.measures, "by_y2.expected"))
        #expect(birchByY2.numerator == nil && birchByY2.value == nil && birchByY2.text == "Withheld: 2 of 3 phonics rows rejected (67%)")
        #expect(Self.row(birch.measures, "y1.expected", "all", "2023/24")?.value != nil)
        // Trust pooled: Year 1 2 of 5 (Ida D counted, Lee at Birch not met); by Year 2 5 of 6.
        let t = try #require(trust.phonics)
        #expect(Self.row(t.measures, "y1.expected").map { [$0.numerator, $0.denominator, $0.value] as [Double?] } == [2, 5, 40])
        #expect(Self.row(t.measures, "by_y2.expected").map { [$0.numerator, $0.denominator] as [Double?] } == [5, 6])
        #expect(Self.row(t.measures, "y1.expected")?.urn == "TRUST")
    }

    @Test func pupilsNotYetMetAreListedForTheMeeting() throws {
        let (_, trust, config) = try Self.run()
        let alder = try #require(trust.schools.first { $0.school.urn == "100001" }?.phonics?.lead(config.academicYear))
        #expect(alder.notYetMet.map(\.name) == ["Holly, Hal", "Ivy, Ida", "Kale, Kit", "Damson, Dee"])
        #expect(alder.notYetMet.map(\.status.label) == ["Not met", "D (not met)", "L", "Not met"])
        #expect(alder.notYetMet.last?.mark == 28)
        #expect(trust.phonics?.lead(config.academicYear)?.notYetMet.isEmpty == true)   // privacy: no names at trust level
    }

    /// DfE's phonics denominator, worked by hand: 3 Wa, 2 Wt, 1 A, 1 D, 1 Q, 2 L. Wa + Wt + A + D + Q = 8 in
    /// the denominator, 3 met → 37.5%; the two L are left out; A, D, Q and L are each counted beside it.
    @Test func denominatorCountsAbsentDisappliedAndMaladministration() {
        var f = PhonicsFigures()
        for s: PhonicsStatus in [.met, .met, .met, .notMet, .notMet, .notMetCounted("A"), .notMetCounted("D"),
                                 .notMetCounted("Q"), .excluded("L"), .excluded("L")] { f.add(s) }
        #expect(f.expected == Proportion(3, of: 8))
        #expect(f.expected.percent == 37.5)
        #expect(f.excluded == ["A": 1, "D": 1, "Q": 1, "L": 2])
        #expect([f.notMetCounted, f.leftOut, f.pupils] == ([3, 2, 10] as [Int]))
    }

    /// The shipped code table: A, D, Q in the denominator as not met, L out (DfE phonics methodology).
    @Test func shippedCodeTableFollowsDfE() throws {
        var log = ImportLog()
        let table = try PhonicsCodeTable.load(folder: fixturePath("../../../inputs/reference"), displayFolder: "inputs/reference", log: &log)
        #expect(["A", "D", "Q"].map { table.code($0)?.countsAs } == [.notMetCounted, .notMetCounted, .notMetCounted])
        #expect(table.code("L")?.countsAs == .excluded)
        #expect(table.excludedCodes.map(\.code) == ["A", "D", "L", "Q"])
    }

    /// Figures changed by rejected rows say so (issue 16 item 8): Birch's 2024/25 phonics file lines 11
    /// (Max, code Z) and 12 (Ned, no mark or outcome) are rejected, so Birch's 2024/25 phonics figures and
    /// the trust's carry 2 pupils left out; Alder's lose nobody; last year's figures are untouched.
    @Test func figuresSayWhenRejectedRowsLeftPupilsOut() throws {
        let (_, trust, _) = try Self.run()
        let birch = try #require(trust.schools.first { $0.school.urn == "100002" }?.phonics)
        let alder = try #require(trust.schools.first { $0.school.urn == "100001" }?.phonics)
        #expect(Self.row(birch.measures, "y1.expected")?.leftOut == 2)
        #expect(Self.row(alder.measures, "y1.expected")?.leftOut == nil)
        #expect(Self.row(trust.phonics!.measures, "y1.expected")?.leftOut == 2)
        #expect(Self.row(birch.measures, "y1.expected", "all", "2023/24")?.leftOut == nil)
        #expect(FigureNotes.leftOut([Self.row(birch.measures, "y1.expected")]) == "2 pupils left out: data problems, see Data quality")
        // A decision resting on the figure says so too.
        let row = try #require(Self.row(birch.measures, "y1.expected"))
        var e = Evidence(measure: row.measure, group: "all", year: row.year, value: row.value, text: nil, comparedWith: "national",
                         comparisonValue: 80, difference: row.value.map { $0 - 80 }, n: row.denominator, smallCohort: row.smallCohort,
                         test: "more than 0 points below national")
        e.leftOut = row.leftOut
        #expect(e.summary.hasSuffix("— more than 0 points below national (2 pupils left out: data problems, see Data quality)"))
    }
}
