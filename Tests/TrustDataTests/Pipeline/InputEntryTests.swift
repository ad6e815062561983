import Foundation
import Testing
@testable import TrustData

/// #17 item 2: a dataset's input may be a list of files, each with fixed values for what the file lacks
/// (`- path: …, urn: 138031, academic_year: 2024/25`), and a school may be named by its DfE number
/// (LAESTAB) through the register's `laestab` column. Fixture: Fixtures/exports (fictional pupils).
@Suite struct InputEntryTests {
    static func run() throws -> (TrustDataset, TrustReport) {
        var config = try PipelineConfig.load(path: fixturePath("exports/pipeline.yml"))
        config.output = "/unused"
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "exports", threads: 1).analyse(dataset, context: context)
        return (dataset, trust)
    }

    @Test func theEntryFormIsReadWithItsFixedValues() throws {
        let config = try PipelineConfig.load(path: fixturePath("exports/pipeline.yml"))
        let entries = try #require(config.inputs.ks2?.entries)
        #expect(entries.map(\.path) == ["Ashcombe KS2 2025.csv", "brookfield-ks2.csv"])
        // `urn: 138031` is a number to YAML; it is kept as the text the file would have held.
        #expect(entries[0].fixed == ["urn": "138031", "academic_year": "2024/25"])
        #expect(entries[1].fixed == [:])
    }

    @Test func aFileWithoutURNOrYearTakesThemFromItsEntry() throws {
        let (dataset, trust) = try Self.run()
        let ashcombe = try #require(dataset.log.stats.first { $0.file == "Ashcombe KS2 2025.csv" })
        #expect(ashcombe.rowsRead == 4 && ashcombe.rowsAccepted == 4 && ashcombe.rowsRejected == 0)
        let pupils = try #require(dataset.ks2?.pupils.filter { $0.urn == "138031" })
        #expect(pupils.count == 4)
        #expect(pupils.allSatisfy { $0.year == AcademicYear(startYear: 2024) })
        // Hand-worked: reading 104, 96, A (absent: in the denominator, not met), 112 → 2 of 4 at 100+.
        // Maths 108, 101, 97, 111 → 3 of 4. RWM: Alfie (104, 108, EXS) and Daisy (112, 111, GDS) → 2 of 4.
        // Average reading scaled score over the three scores: (104 + 96 + 112) / 3 = 104.
        let rows = trust.measures
        #expect(rows.row("ks2.reading.expected", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (2, 4))
        #expect(rows.row("ks2.maths.expected", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (3, 4))
        #expect(rows.row("ks2.rwm.expected", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (2, 4))
        #expect(close(rows.row("ks2.reading.average_scaled_score", urn: "138031")?.value, 104))
    }

    @Test func aFileNamingSchoolsByLAESTABFindsTheirURNs() throws {
        let (dataset, trust) = try Self.run()
        let brookfield = try #require(dataset.log.stats.first { $0.file == "brookfield-ks2.csv" })
        // 4 rows read = 2 accepted (881/2346 and 8812346 are both Brookfield, URN 138032) + 2 rejected.
        #expect(brookfield.rowsRead == 4 && brookfield.rowsAccepted == 2 && brookfield.rowsRejected == 2)
        let rejected = dataset.log.issues.filter { $0.file == "brookfield-ks2.csv" && $0.severity == .rejected }
            .map { "\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "") \($0.code.rawValue)" }
        #expect(rejected == ["4 LAESTAB 881/9999 unknown_school", "5 LAESTAB  missing_value"])
        let pupils = try #require(dataset.ks2?.pupils.filter { $0.urn == "138032" })
        #expect(pupils.map(\.surname).sorted() == ["Ellery", "Farrow"])
        // Reading 101 and 99 → 1 of 2; RWM: Evie (101, 103, EXS) only → 1 of 2.
        #expect(trust.measures.row("ks2.reading.expected", urn: "138032").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (1, 2))
        #expect(trust.measures.row("ks2.rwm.expected", urn: "138032").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (1, 2))
    }

    @Test func theRegisterReadsLAESTABInBothForms() throws {
        let (dataset, _) = try Self.run()
        #expect(dataset.register.urnsByLAESTAB == ["8812345": "138031", "8812346": "138032"])
        #expect(LAESTAB.digits("881/2345") == "8812345")
        #expect(LAESTAB.digits("881-2345") == "8812345")
        #expect(LAESTAB.digits("8812345") == "8812345")
        #expect(LAESTAB.digits("88/12345") == nil)
        #expect(LAESTAB.digits("881234") == nil)
    }

    /// A small trust folder with one marks file, for the fixed-value cases below.
    func folder(marks: String, entry: String) throws -> PipelineConfig {
        let dir = try makeTemporaryFolder()
        let fixtures = fixturePath("exports")
        for file in ["schools.csv", "pupils.csv"] {
            try FileManager.default.copyItem(atPath: fixtures + "/" + file, toPath: dir + "/" + file)
        }
        try marks.write(toFile: dir + "/marks.csv", atomically: true, encoding: .utf8)
        let reference = fixturePath("../../../inputs/reference")
        try """
        version: 1
        name: entries
        trust: T
        academic_year: 2024/25
        inputs:
          schools: schools.csv
          pupils: pupils.csv
          attendance_marks:
        \(entry)
          reference: \(reference)

        """.write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        var config = try PipelineConfig.load(path: dir + "/p.yml")
        config.output = dir + "/out"
        return config
    }

    @Test func anyDatasetTakesFixedValuesAndAFixedLAESTABStandsForTheURN() throws {
        let config = try folder(marks: "UPN,Date,Session,Mark\nR881234500001,02/09/2024,AM,/\nR881234500001,02/09/2024,PM,N\n",
                                entry: "    - {path: marks.csv, laestab: 881/2345}")
        let dataset = try ImportStage(config: config).run()
        let marks = try #require(dataset.log.stats.first { $0.file == "marks.csv" })
        #expect(marks.rowsRead == 2 && marks.rowsAccepted == 2)
        let tally = try #require(dataset.attendance?.tallies.first { $0.upn == "R881234500001" })
        #expect(tally.urn == "138031" && tally.possible == 2 && tally.attended == 1 && tally.unauthorised == 1)
    }

    @Test func aFixedValueForAColumnTheFileHasFillsOnlyItsBlanks() throws {
        let config = try folder(marks: "URN,UPN,Date,Session,Mark\n138031,R881234500001,02/09/2024,AM,/\n,R881234500001,02/09/2024,PM,/\n",
                                entry: "    - {path: marks.csv, urn: 138032}")
        let dataset = try ImportStage(config: config).run()
        let tallies = try #require(dataset.attendance?.tallies)
        // The file's own 138031 wins on line 2; the blank on line 3 takes the fixed 138032 (and the pupil is
        // on Ashcombe's roll, so that mark is refused as another school's pupil: nothing is lost).
        #expect(tallies.map(\.urn) == ["138031"])
        let notice = try #require(dataset.log.issues.first { $0.code == .fixedValueInFile })
        #expect(notice.column == "URN" && notice.value == "138032" && notice.line == 1)
        let marks = try #require(dataset.log.stats.first { $0.file == "marks.csv" })
        #expect(marks.rowsRead == 2 && marks.rowsAccepted == 1 && marks.rowsRejected == 1)
    }

    @Test func anUnknownFixedLAESTABStopsTheRunNamingTheEntry() throws {
        let config = try folder(marks: "UPN,Date,Session,Mark\n", entry: "    - {path: marks.csv, laestab: 881/9999}")
        #expect(throws: ImportError.invalidFixedValue(dataset: "attendance_marks", path: "marks.csv", column: "laestab", value: "881/9999",
                                                      reason: "no school in the register (schools.csv) has that LAESTAB; check the number or give `urn:` instead")) {
            try ImportStage(config: config).run()
        }
    }

    @Test func anEntryKeyThatIsNotAColumnNamesItsLine() {
        let yaml = """
        version: 1
        name: x
        trust: X
        academic_year: 2024/25
        inputs:
          schools: schools.csv
          ks2:
            - path: a.csv
              urm: 138031
        """
        do {
            _ = try PipelineConfig.parse(yaml: yaml, path: "p.yml")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("line 9, column 7: `urm` is not a key of a `ks2:` file entry (`path:`, or a column of ks2 files to fix for every row); did you mean `urn`?"))
        }
    }
}

/// #17 item 2: the STA's own headings and outcome codes, and a CTF given where a CSV is expected.
@Suite struct STAResultsTests {
    @Test func theSTAHeadingsAreRecognised() throws {
        let codes = KS2CodeTable(try KS2CodeTable.read(path: fixturePath("../../../inputs/reference/ks2-codes.csv"), displayName: "ks2-codes.csv").records)
        let register = SchoolRegister(try SchoolsImporter.read(path: fixturePath("exports/schools.csv"), displayName: "schools.csv").records)
        var seen: Set<String> = []
        let outcome = try KS2Importer.read(path: fixturePath("exports/Ashcombe KS2 2025.csv"), displayName: "Ashcombe KS2 2025.csv",
                                           options: FileOptions(fixed: ["urn": "138031", "academic_year": "2024/25"]),
                                           register: register, codes: codes, seen: &seen)
        #expect(outcome.stats.rowsRead == 4 && outcome.stats.rowsAccepted == 4)
        let callum = try #require(outcome.records.first { $0.surname == "Carver" })
        // `-` in the scaled-score column and `A` in the outcome column: absent, in the denominator, not met.
        #expect(callum.result(.reading).inDenominator && !callum.result(.reading).expected && callum.result(.reading).scaledScore == nil)
        #expect(callum.result(.maths).scaledScore == 97 && callum.result(.gps).scaledScore == 94)
        #expect(callum.result(.writing).writingOutcome == "WTS")
        // No warnings: every heading was placed, every value read.
        #expect(outcome.issues.filter { $0.severity != .info }.isEmpty)
    }

    @Test func aCTFGivenAsCSVIsNamedAsSuch() throws {
        let codes = KS2CodeTable([])
        let register = SchoolRegister([])
        var seen: Set<String> = []
        let name = "KS2 results 2025 (from PAG).csv"
        do {
            _ = try KS2Importer.read(path: fixturePath("exports/" + name), displayName: name, register: register, codes: codes, seen: &seen)
            Issue.record("read a CTF as CSV")
        } catch let error as ImportError {
            #expect("\(error)" == "The ks2 file \(name) is not a CSV file: this is an XML file (a Common Transfer File, CTF), not CSV. Export the same data from the MIS as a CSV report. Nothing was read from it.")
        }
    }
}

/// #17 item 3: FFT Aspire estimates as their own input (`fft:`), joined to the results by UPN and year.
@Suite struct FFTInputTests {
    @Test func estimatesAreJoinedAndTheFiguresUseThem() throws {
        let (dataset, trust) = try InputEntryTests.run()
        let file = "FFT Aspire KS2 estimates 2025.csv"
        let stats = try #require(dataset.log.stats.first { $0.file == file })
        #expect(stats.rowsRead == 7 && stats.rowsAccepted == 7 && stats.rowsRejected == 0)
        // FFT20 and FFT50 rows: the pipeline's benchmark (FFT20 by default) is used; the FFT50 rows and
        // the Year 5 pupil's estimate (no KS2 result) are said not to be.
        #expect(dataset.ks2?.fftBenchmark == "FFT20")
        let note = try #require(dataset.log.issues.first { $0.file == file && $0.code == .layoutRead })
        #expect(note.message == "4 pupils' KS2 results have FFT estimates (FFT20) from this file. 2 rows at FFT50 not used: the estimates used are FFT20. Set ks2.fft_benchmark to FFT50 to use them instead. 1 estimate has no KS2 result for the same pupil and year (pupils taking KS2 in a later year, or missing from the results files); not used.")
        let alfie = try #require(dataset.ks2?.pupils.first { $0.upn == "R881234500001" })
        #expect(alfie.estimates.reading == 106 && alfie.estimates.bands[.reading] == "EXS" && alfie.estimates.chances[.maths] == 75)
        #expect(alfie.estimates.writing == "EXS" && alfie.estimates.rwmChance == 55 && alfie.estimates.benchmark == "FFT20")
        // Hand-worked (Ashcombe, FFT20). Reading: Alfie 104 vs 106.0 (−2), Bella 96 vs 99.5 (−3.5), Callum
        // absent (no result), Daisy 112 vs 110.5 (+1.5): 1 of 4 at or above; mean gap −4/3 over 3 scores;
        // estimated % expected from the chances (70 + 45 + 35 + 90) / 4 = 60.
        let rows = trust.measures
        #expect(rows.row("fft.reading.at_or_above_estimate", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (1, 4))
        #expect(close(rows.row("fft.reading.mean_gap", urn: "138031")?.value, -4.0 / 3, 1e-9))
        #expect(close(rows.row("fft.reading.estimated_expected", urn: "138031")?.value, 60, 1e-9))
        // Maths: +0.5, +0.5, −1.5, +2 → 3 of 4; mean 0.375; chances (75 + 52 + 40 + 88) / 4 = 63.75.
        #expect(rows.row("fft.maths.at_or_above_estimate", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (3, 4))
        #expect(close(rows.row("fft.maths.mean_gap", urn: "138031")?.value, 0.375, 1e-9))
        #expect(close(rows.row("fft.maths.estimated_expected", urn: "138031")?.value, 63.75, 1e-9))
        // Writing: FFT bands N, W, W, A = EXS, WTS, WTS, GDS, each met exactly: 4 of 4; chances average 50.
        #expect(rows.row("fft.writing.at_or_above_estimate", urn: "138031").map { ($0.numerator, $0.denominator) } ?? (0, 0) == (4, 4))
        #expect(close(rows.row("fft.writing.estimated_expected", urn: "138031")?.value, 50, 1e-9))
        // RWM: FFT's chances (55 + 25 + 15 + 80) / 4 = 43.75.
        #expect(close(rows.row("fft.rwm.estimated_expected", urn: "138031")?.value, 43.75, 1e-9))
    }

    @Test func FFTBandsReadInTrustdatasWords() {
        #expect(FFTBand.normalise("N", subject: .reading) == "EXS")
        #expect(FFTBand.normalise("a", subject: .maths) == "GDS")
        #expect(FFTBand.normalise("W+", subject: .writing) == "WTS")
        #expect(FFTBand.normalise("B", subject: .writing) == "BLW")
        #expect(FFTBand.normalise("HS", subject: .gps) == "GDS")
        #expect(FFTBand.normalise("PK4", subject: .writing) == "PK4")
        #expect(FFTBand.normalise("PK4", subject: .reading) == nil)
        #expect(FFTImporter.benchmark("FFT 20") == "FFT20" && FFTImporter.benchmark("Very high") == "FFT5" && FFTImporter.benchmark("40") == nil)
    }

    @Test func aFileWithOneBenchmarkSetsItUnlessThePipelineNamesAnother() throws {
        var config = try PipelineConfig.load(path: fixturePath("exports/pipeline.yml"))
        let dir = try makeTemporaryFolder()
        let only50 = try String(contentsOfFile: fixturePath("exports/FFT Aspire KS2 estimates 2025.csv"), encoding: .utf8)
            .split(separator: "\n").enumerated().filter { $0.offset == 0 || $0.element.contains("FFT50") }.map { String($0.element) }
        try (only50.joined(separator: "\n") + "\n").write(toFile: dir + "/fft50.csv", atomically: true, encoding: .utf8)
        config.inputs["fft"] = FileList(entries: [InputEntry(path: dir + "/fft50.csv", fixed: ["academic_year": "2024/25"])])
        let dataset = try ImportStage(config: config).run()
        #expect(dataset.ks2?.fftBenchmark == "FFT50")
        #expect(dataset.ks2?.pupils.first { $0.upn == "R881234500001" }?.estimates.reading == 103.5)
        var ks2 = config.sliceSettings(KS2Slice.self)
        ks2.fftBenchmarkGiven = true   // the pipeline said FFT20
        config.setSliceSettings(ks2, for: KS2Slice.self)
        let again = try ImportStage(config: config).run()
        #expect(again.ks2?.fftBenchmark == "FFT20")
        #expect(again.ks2?.pupils.first { $0.upn == "R881234500001" }?.estimates.reading == nil)
        #expect(again.log.issues.contains { $0.code == .layoutRead && $0.severity == .warning && $0.message.contains("2 rows at FFT50 not used") })
    }
}
