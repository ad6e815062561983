import Testing
@testable import TrustData

/// Which England figure (issue 16 items 4 and 5). Figures from the shipped inputs/benchmarks files, as
/// DfE published them: 2018/19 reading expected is 73 in the national headline release and 74 in the LA
/// tables (LAIT); 2024/25 KS2 has only the LA-table figure in these files (RWM 63); LAIT's RWM by pupil
/// group 2024/25: disadvantaged 48, not disadvantaged 70, SEN support 29, EHCP 9, no SEN 74.
@Suite struct NationalBasisTests {
    static let y1819 = AcademicYear(startYear: 2018), y2425 = AcademicYear(startYear: 2024)

    static func shipped(_ basis: BenchmarkBasis) throws -> BenchmarkLookup {
        var lookup = BenchmarkLookup(preferredBasis: basis)
        let path = fixturePath("../../../inputs/benchmarks/national.csv")
        for f in try BenchmarkImporter.read(path: path, displayName: "national.csv", level: .national).records { lookup.add(f) }
        return lookup
    }

    @Test func preferredBasisWinsWhicheverIsReadFirst() {
        let la = BenchmarkFigure(year: Self.y1819, level: .national, area: "England", measure: "ks2.reading.expected", group: "all",
                                 value: 74, source: "LAIT", basis: .laTable)
        let headline = BenchmarkFigure(year: Self.y1819, level: .national, area: "England", measure: "ks2.reading.expected", group: "all",
                                       value: 73, source: "EES", basis: .headline)
        #expect(BenchmarkLookup(figures: [la, headline], preferredBasis: .headline).national(Self.y1819, "ks2.reading.expected")?.value == 73)
        #expect(BenchmarkLookup(figures: [headline, la], preferredBasis: .headline).national(Self.y1819, "ks2.reading.expected")?.value == 73)
        #expect(BenchmarkLookup(figures: [headline, la], preferredBasis: .laTable).national(Self.y1819, "ks2.reading.expected")?.value == 74)
        #expect(BenchmarkLookup(figures: [la, headline], preferredBasis: .laTable).national(Self.y1819, "ks2.reading.expected")?.value == 74)
    }

    @Test(.enabled(if: csvReaderHandlesQuotes, "needs the libcsv reader")) func shippedFilesGiveBothBasesAndFallBack() throws {
        let headline = try Self.shipped(.headline), laTable = try Self.shipped(.laTable)
        let h = try #require(headline.national(Self.y1819, "ks2.reading.expected"))
        #expect(h.value == 73 && h.basis == .headline)
        #expect(laTable.national(Self.y1819, "ks2.reading.expected")?.value == 74)
        // 2024/25: no headline figure in a DfE file here, so the LA-table figure, labelled as such.
        let rwm = try #require(headline.national(Self.y2425, "ks2.rwm.expected"))
        #expect(rwm.value == 63 && rwm.basis == .laTable && rwm.basisText == "LA tables (England row, LAIT)")
        // Pupil groups 2024/25 (LAIT, LA-table basis); reading by group is not published for 2024/25.
        #expect(["disadvantaged", "not_disadvantaged", "sen_support", "ehcp", "no_sen"].map { headline.national(Self.y2425, "ks2.rwm.expected", $0)?.value }
                == [48, 70, 29, 9, 74])
        #expect(headline.national(AcademicYear(startYear: 2023), "ks2.rwm.expected", "disadvantaged")?.value == 46)
        #expect(headline.national(AcademicYear(startYear: 2022), "ks2.rwm.expected", "not_disadvantaged")?.value == 67)
        #expect(headline.national(Self.y2425, "ks2.reading.expected", "disadvantaged") == nil)
        // Attendance: full year from the census-based absence statistics, the autumn term from the
        // attendance collection (2024/25 primary: 94.8% attendance, 15.8% persistent absence in the term).
        #expect(headline.national(Self.y2425, "attendance.persistent_absence")?.basis == .absenceCensus)
        let autumn = try #require(headline.national(Self.y2425, "attendance.persistent_absence", period: BenchmarkPeriod.autumnTerm))
        #expect(autumn.value == 15.8 && autumn.basis == .attendanceCollection)
        #expect(headline.national(Self.y2425, "attendance.severe_absence", period: BenchmarkPeriod.autumnTerm) == nil)
    }

    @Test func pipelineSettingChoosesTheBasis() throws {
        func parse(_ basis: String) throws -> PipelineConfig {
            try PipelineConfig.parse(yaml: "version: 1\nname: t\ntrust: T\nacademic_year: 2024/25\ninputs:\n  schools: s.csv\nsettings:\n  national_basis: \(basis)\n", path: "t.yml")
        }
        #expect(try parse("la_table").settings.nationalBasis == .laTable)
        #expect(try parse("headline").settings.nationalBasis == .headline)
        #expect(throws: PipelineError.self) { try parse("census") }
    }

    /// The disadvantaged gap vs national other pupils now exists for 2024/25 RWM: a school's 50% of
    /// disadvantaged pupils against LAIT's 70% of other pupils is −20 points; for reading no national
    /// figure is published, so there is no gap and the row says "not published".
    @Test func gapToNationalOtherUsesTheGroupFigure() {
        let lookup = BenchmarkLookup(figures: [
            BenchmarkFigure(year: Self.y2425, level: .national, area: "England", measure: "ks2.rwm.expected", group: "not_disadvantaged",
                            value: 70, source: "LAIT", basis: .laTable)])
        let rwm = DisadvantagedGap(subject: .rwm, year: Self.y2425, disadvantaged: Proportion(5, of: 10), other: Proportion(15, of: 20), benchmarks: lookup)
        #expect(rwm.gap(.vsNationalOther) == -20)
        let reading = DisadvantagedGap(subject: .reading, year: Self.y2425, disadvantaged: Proportion(5, of: 10), other: Proportion(15, of: 20), benchmarks: lookup)
        #expect(reading.gap(.vsNationalOther) == nil)
    }

    @Test func measuresCSVEndsWithTheNewColumns() {
        #expect(MeasuresCSV.columns.suffix(3) == ["national_basis", "period", "left_out"])
        #expect(MeasuresCSV.columns.prefix(13) == ["year", "urn", "school", "measure", "group", "numerator", "denominator", "value",
                                                   "national", "la", "diff_national", "diff_la", "target"])
    }
}
