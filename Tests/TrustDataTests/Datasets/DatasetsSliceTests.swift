import Foundation
import Testing
@testable import TrustData

/// Hand-worked figures for the EYFS, multiplication check and exclusions slices (Fixtures/datasets):
/// Alder (Essex) and Birch (Suffolk), 2024/25, pupils on the roster with FSM.
@Suite struct DatasetsSliceTests {
    static func run() throws -> (TrustDataset, TrustReport) {
        let config = try PipelineConfig.load(path: fixturePath("datasets/pipeline.yml"))
        let dataset = try ImportStage(config: config, threads: 1).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        return (dataset, try PipelineRunner(config: config, pipelinePath: "fixture", threads: 1).analyse(dataset, context: context))
    }

    static func row(_ rows: [MeasureRow]?, _ id: String, _ group: String = "all", _ year: String = "2024/25") -> MeasureRow? {
        rows?.first { $0.measure == id && $0.group == group && $0.year == year }
    }

    static func counts(_ r: MeasureRow?) -> [Double?] { [r?.numerator, r?.denominator] }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    static func issues(_ dataset: TrustDataset, _ file: String) -> [String] {
        dataset.log.issues.filter { $0.file.hasSuffix(file) }.map { "\($0.line ?? 0) \($0.code.rawValue)" }
    }

    // MARK: EYFS

    @Test func eyfsImportRejectsBadRowsAndKeepsTheBooks() throws {
        let (dataset, _) = try Self.run()
        let stats = try #require(dataset.log.stats.first { $0.file.hasSuffix("eyfs.csv") })
        #expect([stats.rowsRead, stats.rowsAccepted, stats.rowsRejected] == ([10, 6, 4] as [Int]))
        // Line 5: GLD Y beside goals that say no (the goals win); 8: ELG03 `Z`; 9: ELG05 empty; 10: E1
        // again; 11: URN 999999.
        #expect(Self.issues(dataset, "eyfs.csv") == ["5 inconsistent_values", "8 unknown_code", "9 missing_value", "10 duplicate_row", "11 unknown_school"])
        #expect(dataset.eyfs?.records.count == 6)
    }

    @Test func eyfsGoodLevelOfDevelopmentAreasAndGroups() throws {
        let (_, trust) = try Self.run()
        let alder = trust.schools.first { $0.school.urn == "100001" }?.eyfs?.measures
        // Amy all 17 expected (GLD); Ben emerging in word reading (no GLD, 16); Cara emerging in past and
        // present only (GLD, 16); Dev expected only in gross and fine motor skills (no GLD, 2) → 2 of 4.
        let gld = Self.row(alder, "eyfs.gld")
        #expect(Self.counts(gld) == [2, 4] && gld?.value == 50)
        // National: the EYFS profile release, 2024/25, unrounded; LA: Essex from LAIT (1 dp).
        #expect(gld?.national == 68.296998 && gld?.la == 70.7)
        #expect(gld?.nationalBasis == "EYFS profile national release (unrounded)")
        #expect(Self.counts(Self.row(alder, "eyfs.all_elgs.expected")) == [1, 4])
        // (17 + 16 + 16 + 2) ÷ 4 = 12.75 ELGs at the expected level per child.
        let average = Self.row(alder, "eyfs.average_elgs")
        #expect(average?.value == 12.75 && Self.counts(average) == [51, 4])
        #expect(Self.counts(Self.row(alder, "eyfs.comm_lang_lit.expected")) == [2, 4])
        let areas = ["communication_language": 3.0, "psed": 3, "physical": 4, "literacy": 2, "maths": 3, "understanding_world": 2, "expressive_arts": 3]
        for (area, n) in areas { #expect(Self.row(alder, "eyfs.\(area).expected")?.numerator == n, "\(area)") }
        // Groups from the roster: girls Amy and Cara both GLD; boys neither; FSM Amy 1 of 1; not FSM 1 of
        // 3; disadvantaged Amy and Dev 1 of 2; SEN support Ben 0 of 1; EAL Ben 0 of 1.
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "girls")) == [2, 2])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "boys")) == [0, 2])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "fsm")) == [1, 1])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "not_fsm")) == [1, 3])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "disadvantaged")) == [1, 2])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "sen_support")) == [0, 1])
        #expect(Self.counts(Self.row(alder, "eyfs.gld", "eal")) == [0, 1])
        // Groups under the minimum (5) are flagged; national by group from the release (FSM 51.257143).
        #expect(Self.row(alder, "eyfs.gld", "fsm")?.smallCohort == true)
        #expect(Self.row(alder, "eyfs.gld", "fsm")?.national == 51.257143)
        #expect(Self.row(alder, "eyfs.gld", "girls")?.national == 75.309074)
        // The trust pools the children: Alder 2 of 4 and Birch 1 of 2 (Uri: GLD flag N, no goals) → 3 of 6;
        // the ELG figures are over the 5 children with goals: all 17 Amy and Tia → 2 of 5; (51 + 17) ÷ 5 = 13.6.
        let pooled = trust.eyfs?.measures
        #expect(Self.counts(Self.row(pooled, "eyfs.gld")) == [3, 6])
        #expect(Self.counts(Self.row(pooled, "eyfs.all_elgs.expected")) == [2, 5])
        #expect(Self.close(Self.row(pooled, "eyfs.average_elgs")?.value, 13.6))
        #expect(Self.row(pooled, "eyfs.gld")?.la == nil)
    }

    // MARK: Multiplication tables check

    @Test func mtcImportRejectsBadRowsAndKeepsTheBooks() throws {
        let (dataset, _) = try Self.run()
        let stats = try #require(dataset.log.stats.first { $0.file.hasSuffix("mtc.csv") })
        #expect([stats.rowsRead, stats.rowsAccepted, stats.rowsRejected] == ([13, 9, 4] as [Int]))
        // Line 8: a score beside reason U (the reason wins); 11: score 26; 12: reason `Z`; 13: Year 5; 14: Mia again.
        #expect(Self.issues(dataset, "mtc.csv") == ["8 inconsistent_values", "11 out_of_range", "12 unknown_code", "13 out_of_range", "14 duplicate_row"])
    }

    @Test func mtcAverageScoreAndFullMarks() throws {
        let (_, trust) = try Self.run()
        let alder = trust.schools.first { $0.school.urn == "100001" }?.mtc?.measures
        // Took the check: Mia 25, Nat 20, Ola 25 → (25 + 20 + 25) ÷ 3 = 23.33. Eligible: those three, Pat
        // (A, absent), Queenie (B, working below) and Sam (U, his score ignored) = 6; Rob (L, left) is not
        // eligible. Full marks 2 of 6 (DfE: % of eligible pupils); took it 3 of 6.
        let average = Self.row(alder, "mtc.average_score")
        #expect(Self.counts(average) == [70, 3])
        #expect(Self.close(average?.value, 70.0 / 3))
        #expect(Self.counts(Self.row(alder, "mtc.full_marks")) == [2, 6])
        #expect(Self.counts(Self.row(alder, "mtc.took_check")) == [3, 6])
        for (id, n) in [("absent", 1.0), ("working_below", 1), ("unable_to_participate", 1), ("not_eligible", 1), ("just_arrived", 0)] {
            #expect(Self.row(alder, "mtc.\(id)")?.value == n, "\(id)")
        }
        // National and Essex 2024/25 (LAIT `Multiplication_Total` 37 and 35, `_APS` 21 and 20.8).
        #expect(Self.row(alder, "mtc.full_marks")?.national == 37 && Self.row(alder, "mtc.full_marks")?.la == 35)
        #expect(average?.national == 21 && average?.la == 20.8)
        // Girls Mia, Ola, Queenie: 2 took, both 25; boys Nat, Pat, Sam: Nat 20 of 3 eligible, no full marks.
        #expect(Self.row(alder, "mtc.average_score", "girls")?.value == 25)
        #expect(Self.counts(Self.row(alder, "mtc.full_marks", "girls")) == [2, 3])
        #expect(Self.counts(Self.row(alder, "mtc.full_marks", "boys")) == [0, 3])
        #expect(Self.counts(Self.row(alder, "mtc.full_marks", "fsm")) == [1, 2])
        // SEN support (Ola): national % full marks for SEN support 2024/25 is 19 (LAIT).
        #expect(Self.row(alder, "mtc.full_marks", "sen_support")?.national == 19)
        // Trust: Birch Vic 24, Wen 25 → 5 took, (70 + 49) ÷ 5 = 23.8; full marks 3 of 8 eligible.
        let pooled = trust.mtc?.measures
        #expect(Self.close(Self.row(pooled, "mtc.average_score")?.value, 23.8))
        #expect(Self.counts(Self.row(pooled, "mtc.full_marks")) == [3, 8])
    }

    // MARK: Suspensions and permanent exclusions

    @Test func exclusionsImportRejectsBadRowsAndKeepsTheBooks() throws {
        let (dataset, _) = try Self.run()
        let stats = try #require(dataset.log.stats.first { $0.file.hasSuffix("exclusions.csv") })
        #expect([stats.rowsRead, stats.rowsAccepted, stats.rowsRejected] == ([11, 8, 3] as [Int]))
        // 6: Mia's June 2024 suspension (2023/24) — not on that year's roster (after the import); 7: reason
        // `XX` (counted); 8: category EXPEL; 9: no start date; 10: Nat's first suspension again; 12: 200 sessions.
        let issues = Self.issues(dataset, "exclusions.csv")
        #expect(issues == ["7 unknown_code", "8 unknown_code", "9 missing_value", "10 duplicate_row", "12 out_of_range", "6 not_on_roster"])
    }

    @Test func exclusionRatesPer100PupilsOnRoll() throws {
        let (_, trust) = try Self.run()
        let alder = trust.schools.first { $0.school.urn == "100001" }?.exclusions?.measures
        // Alder 2024/25: 10 pupils on roll. Suspensions: Nat ×2, Pat (lunchtime), Sam (reason XX), Ola (no
        // category, Permanent N) = 5 → 5 ÷ 10 × 100 = 50 per 100 pupils; Queenie permanently excluded → 10.
        let suspensions = Self.row(alder, "exclusions.suspension_rate")
        #expect(Self.counts(suspensions) == [5, 10] && suspensions?.value == 50)
        #expect(Self.row(alder, "exclusions.permanent_exclusion_rate")?.value == 10)
        // Pupils with one or more: Nat, Pat, Sam, Ola = 4 of 10; two or more: Nat = 1 of 10.
        #expect(Self.counts(Self.row(alder, "exclusions.one_or_more_suspensions")) == [4, 10])
        #expect(Self.counts(Self.row(alder, "exclusions.two_or_more_suspensions")) == [1, 10])
        // Sessions: 2 + 3 (1.5 days) + 1 + 2 + 2 = 10 (the permanent exclusion gives none).
        #expect(Self.row(alder, "exclusions.sessions_lost")?.value == 10)
        #expect(Self.row(alder, "exclusions.suspensions")?.value == 5 && Self.row(alder, "exclusions.permanent_exclusions")?.value == 1)
        // By group: disadvantaged on roll Amy, Dev, Mia, Nat (4): Nat's 2 → 50; FSM Amy, Mia, Nat (3):
        // 2 → 66.7; not FSM (6): Ola and Pat → 33.3 (Sam's FSM unknown: in neither).
        #expect(Self.counts(Self.row(alder, "exclusions.suspension_rate", "disadvantaged")) == [2, 4])
        #expect(Self.counts(Self.row(alder, "exclusions.suspension_rate", "fsm")) == [2, 3])
        #expect(Self.counts(Self.row(alder, "exclusions.suspension_rate", "not_fsm")) == [2, 6])
        #expect(Self.counts(Self.row(alder, "exclusions.one_or_more_suspensions", "boys")) == [3, 5])
        // LAIT's rates stop at 2023/24: none for 2024/25, so the 2024/25 rates are compared with the latest
        // published, England's state-funded primary 2.27093 and Essex's 3.0337 of 2023/24, and say so.
        #expect(suspensions?.national == 2.27093 && suspensions?.la == 3.0337 && suspensions?.nationalYear == "2023/24")
        #expect(suspensions?.nationalBasis == "LA tables (England row, LAIT) of 2023/24, the latest published")
        #expect(Self.close(suspensions?.diffNational, 50 - 2.27093))
        #expect(Self.row(alder, "exclusions.one_or_more_suspensions")?.national == 0.99422)
        // DfE publishes no rate by group and no national count: those stay without a comparison.
        #expect(Self.row(alder, "exclusions.suspension_rate", "fsm")?.national == nil)
        #expect(Self.row(alder, "exclusions.suspensions")?.national == nil)
        // The 2023/24 row (Mia's June suspension; no 2023/24 roster, so no rate) has its own year's figures.
        let old = Self.row(alder, "exclusions.suspension_rate", "all", "2023/24")
        #expect(old?.value == nil && old?.numerator == 1)
        #expect(old?.national == 2.27093 && old?.la == 3.0337 && old?.nationalYear == nil)
        #expect(Self.row(alder, "exclusions.one_or_more_suspensions", "all", "2023/24")?.national == 0.99422)
        // Trust: 6 suspensions (Birch: Vic) over 14 pupils on roll; 1 permanent exclusion.
        let pooled = trust.exclusions?.measures
        #expect(Self.counts(Self.row(pooled, "exclusions.suspension_rate")) == [6, 14])
        #expect(Self.close(Self.row(pooled, "exclusions.permanent_exclusion_rate")?.value, 100.0 / 14))
        #expect(Self.counts(Self.row(pooled, "exclusions.one_or_more_suspensions")) == [5, 14])
        // The trust's row has the latest national too, and no LA (its schools are in two LAs).
        #expect(Self.row(pooled, "exclusions.suspension_rate")?.national == 2.27093 && Self.row(pooled, "exclusions.suspension_rate")?.la == nil)
    }

    @Test func exclusionBenchmarksOnlyForPrimarySchools() {
        #expect(ExclusionsSlice.isPrimary(School(urn: "1", name: "A", laName: "Essex", phase: "Primary", capacity: nil)))
        #expect(ExclusionsSlice.isPrimary(School(urn: "1", name: "A", laName: "Essex", phase: "Infant", capacity: nil)))
        #expect(!ExclusionsSlice.isPrimary(School(urn: "1", name: "A", laName: "Essex", phase: "Secondary", capacity: nil)))
    }

    // MARK: Benchmarks, read from the shipped files

    @Test func benchmarkLookupAgainstRealDfEFigures() throws {
        let folder = fixturePath("../../../inputs/benchmarks")
        let national = try BenchmarkImporter.read(path: folder + "/national.csv", displayName: "national.csv", level: .national)
        let la = try BenchmarkImporter.read(path: folder + "/la.csv", displayName: "la.csv", level: .la)
        #expect(national.issues.isEmpty && la.issues.isEmpty)
        let lookup = BenchmarkLookup(figures: national.records + la.records)
        let y2425 = try #require(AcademicYear(parsing: "2024/25")), y2324 = try #require(AcademicYear(parsing: "2023/24"))
        // EYFS profile release 2024/25: GLD 402,591 of 589,471 children = 68.296998% (the file's own figure).
        #expect(lookup.national(y2425, "eyfs.gld")?.value == 68.296998)
        #expect(lookup.national(y2425, "eyfs.gld", "ehcp")?.value == 3.976947)
        #expect(lookup.national(y2425, "eyfs.average_elgs")?.value == 14.108663)
        // LAIT: Essex GLD 70.7; England 2021/22 GLD 65.2 (before the release's years, so from LAIT).
        #expect(lookup.la(y2425, "Essex", "eyfs.gld")?.value == 70.7)
        #expect(lookup.national(try #require(AcademicYear(parsing: "2021/22")), "eyfs.gld")?.value == 65.2)
        // MTC 2023/24: England 34% full marks, average 20.6; suspensions 2023/24 per 100 (primary).
        #expect(lookup.national(y2324, "mtc.full_marks")?.value == 34)
        #expect(lookup.national(y2324, "mtc.average_score")?.value == 20.6)
        #expect(lookup.national(y2324, "exclusions.permanent_exclusion_rate")?.value == 0.03168)
        #expect(lookup.la(y2324, "Suffolk", "exclusions.suspension_rate") != nil)
    }
}
