import Foundation
import Testing
@testable import TrustData

/// The DfE KS2 performance-tables importer on the real Hampshire 2018/19 extract (figures from
/// Fixtures/dfe/README.md, checked against the file) and on a hand-made suppression file.
@Suite struct PerformanceTablesImporterTests {
    static let extract = "ks2_performance_tables_850_extract.csv"

    func read(_ name: String, year: AcademicYear = AcademicYear(startYear: 2018)) throws -> ImportOutcome<BenchmarkFigure> {
        try PerformanceTablesImporter.read(path: fixturePath("dfe/" + name), displayName: name, defaultYear: year)
    }

    func value(_ figures: [BenchmarkFigure], _ level: BenchmarkFigure.Level, _ measure: String, _ group: String = "all",
               area: String? = nil) -> Double? {
        let matches = figures.filter { $0.level == level && $0.measure == measure && $0.group == group && (area == nil || $0.area == area) }
        return matches.count == 1 ? matches[0].value : nil
    }

    /// Runs once main has the libcsv reader (the extract is CRLF; verified with a CRLF-splitting reader).
    @Test(.enabled(if: ImportFixtures.readsCRLF, "needs a CSV reader that splits CRLF"))
    func realExtractGivesLAAndNationalStateFundedRows() throws {
        let outcome = try read(Self.extract)
        // 14 records: 11 schools (two short rows), LA, national all, national state-funded; none rejected.
        #expect(outcome.stats.rowsRead == 14 && outcome.stats.rowsAccepted == 14 && outcome.stats.rowsRejected == 0)
        // 54 mapped columns present with numbers in each of the two rows used; no suppression there.
        #expect(outcome.records.count == 108)
        #expect(Set(outcome.records.filter { $0.level == .la }.map(\.area)) == ["Hampshire"])
        #expect(Set(outcome.records.filter { $0.level == .national }.map(\.area)) == ["England"])
        #expect(Set(outcome.records.map(\.year)) == [AcademicYear(startYear: 2018)])
        let f = outcome.records
        #expect(value(f, .la, "ks2.rwm.expected") == 68)
        #expect(value(f, .la, "ks2.rwm.higher") == 13)
        #expect(value(f, .la, "ks2.reading.expected") == 76)
        #expect(value(f, .la, "ks2.reading.average_scaled_score") == 105)
        #expect(value(f, .la, "ks2.writing.higher") == 25)
        #expect(value(f, .la, "ks2.maths.expected") == 80)
        #expect(value(f, .la, "ks2.gps.average_scaled_score") == 106)
        #expect(value(f, .la, "ks2.rwm.expected", "disadvantaged") == 49)
        #expect(value(f, .la, "ks2.rwm.expected", "not_disadvantaged") == 73)
        #expect(value(f, .la, "ks2.rwm.expected", "boys") == 64)
        #expect(value(f, .la, "ks2.rwm.expected", "girls") == 72)
        #expect(value(f, .la, "ks2.rwm.expected", "eal") == 72)
        #expect(value(f, .national, "ks2.rwm.expected") == 65)
        #expect(value(f, .national, "ks2.rwm.higher") == 11)
        #expect(value(f, .national, "ks2.reading.expected") == 73)
        #expect(value(f, .national, "ks2.reading.average_scaled_score") == 104)
        #expect(value(f, .national, "ks2.maths.average_scaled_score") == 105)
        #expect(value(f, .national, "ks2.writing.expected") == 78)
        #expect(value(f, .national, "ks2.writing.higher") == 20)
        #expect(value(f, .national, "ks2.gps.expected") == 78)
        #expect(value(f, .national, "ks2.rwm.expected", "disadvantaged") == 51)
        #expect(value(f, .national, "ks2.rwm.higher", "disadvantaged") == 5)
        #expect(value(f, .national, "ks2.writing.higher", "disadvantaged") == 11)
        #expect(value(f, .national, "ks2.gps.average_scaled_score", "eal") == 108)
        let source = f.first { $0.level == .national && $0.measure == "ks2.rwm.expected" && $0.group == "all" }?.source
        #expect(source == "DfE KS2 performance tables \(Self.extract), national state-funded row (RECTYPE 5), column PTRWM_EXP")
        // No year column, none in the name: the pipeline's year is used, and said so.
        #expect(outcome.issues.map(\.code) == [.assumedYear])
        #expect(outcome.issues[0].severity == .warning && outcome.issues[0].value == "2018/19")
    }

    @Test func suppressionTokensAreNotAvailableAndReportedOncePerFile() throws {
        let name = "england_ks2final_2023-24_suppressed.csv"
        let outcome = try read(name, year: AcademicYear(startYear: 2030))
        #expect(outcome.stats.rowsRead == 6 && outcome.stats.rowsAccepted == 4 && outcome.stats.rowsRejected == 2)
        #expect(outcome.stats.warnings == 1)
        let f = outcome.records
        #expect(Set(f.map(\.year)) == [AcademicYear(startYear: 2023)])  // from the file name
        #expect(Set(f.filter { $0.level == .la }.map(\.area)) == ["Essex", "Suffolk"])  // 881 named from the LA table
        #expect(value(f, .la, "ks2.rwm.expected", area: "Essex") == 61)
        #expect(value(f, .la, "ks2.rwm.expected", "disadvantaged", area: "Essex") == 45)
        #expect(f.filter { $0.area == "Essex" && $0.measure == "ks2.rwm.higher" }.isEmpty)  // SUPP: not available, not zero
        #expect(f.filter { $0.area == "Essex" && $0.measure == "ks2.reading.average_scaled_score" }.isEmpty)  // NE
        #expect(value(f, .national, "ks2.rwm.expected") == 61)  // `61 %`
        #expect(value(f, .national, "ks2.reading.average_scaled_score") == nil)  // NP
        #expect(f.filter { $0.area == "Suffolk" }.map(\.measure).sorted() == ["ks2.reading.average_scaled_score", "ks2.rwm.expected"])
        #expect(!f.contains { $0.value == 0 })
        #expect(ImportFixtures.summary(outcome.issues) == [
            "rejected 4 LEA unknown_code", "rejected 6 RECTYPE unknown_code", "warning 7 PTRWM_HIGH invalid_number",
            "info 7 - suppressed_value", "info 3 - suppressed_value", "info 5 - suppressed_value", "info 3 - suppressed_value",
        ])
        #expect(outcome.issues.filter { $0.code == .suppressedValue }.map(\.value) == ["LOWCOV", "NE", "SUPP", "NP"].sorted())
    }

    @Test func yearInFileName() {
        #expect(PerformanceTablesImporter.year(inFileName: "england_ks2final_2018-2019.csv") == AcademicYear(startYear: 2018))
        #expect(PerformanceTablesImporter.year(inFileName: "dfe/ks2_201819.csv") == AcademicYear(startYear: 2018))
        #expect(PerformanceTablesImporter.year(inFileName: "2023_24/england_ks2revised_2023_24.csv") == AcademicYear(startYear: 2023))
        // A one-LA download, `<year>-<LA>-ks2.csv`: 2018-850-ks2.csv holds the 2018/19 tables (dfe/README.md).
        #expect(PerformanceTablesImporter.year(inFileName: "2018-850-ks2.csv") == AcademicYear(startYear: 2018))
        #expect(PerformanceTablesImporter.year(inFileName: "2023-881-ks2final.csv") == AcademicYear(startYear: 2023))
        #expect(PerformanceTablesImporter.year(inFileName: "2018-85-ks2.csv") == nil)
        #expect(PerformanceTablesImporter.year(inFileName: "england_ks2final.csv") == nil)
    }

    @Test func yearInFolder() {
        // DfE's download unpacks into a folder per year.
        #expect(PerformanceTablesImporter.year(inPath: "dfe/2022-2023/england_ks2final.csv") == AcademicYear(startYear: 2022))
        #expect(PerformanceTablesImporter.year(inPath: "/data/2021-2022/performance/england_ks2final.csv") == AcademicYear(startYear: 2021))
        // The name wins over the folder.
        #expect(PerformanceTablesImporter.year(inPath: "2022-2023/england_ks2final_2019-2020.csv") == AcademicYear(startYear: 2019))
        #expect(PerformanceTablesImporter.year(inPath: "tables/england_ks2final.csv") == nil)
    }

    /// A trust folder with a shipped national figure (RWM 61% in 2023/24) and a performance-tables file
    /// saying 70% (and reading 80%, not shipped) at `tables` (a path relative to the folder).
    func benchmarks(tables: String) throws -> (BenchmarkLookup, ImportLog) {
        let dir = try makeTemporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/benchmarks", withIntermediateDirectories: true)
        try "year,area,measure,group,value,basis,period,source\n2023/24,England,ks2.rwm.expected,all,61,headline,,shipped test figure\n"
            .write(toFile: dir + "/benchmarks/national.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/" + (tables as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "RECTYPE,LEA,SCHNAME,PTRWM_EXP,PTREAD_EXP\n5,,England,70%,80%\n".write(toFile: dir + "/" + tables, atomically: true, encoding: .utf8)
        try "urn,school_name,la_name\n100001,Alder,Essex\n".write(toFile: dir + "/schools.csv", atomically: true, encoding: .utf8)
        try "version: 1\nname: x\ntrust: X\nacademic_year: 2023/24\ninputs:\n  schools: schools.csv\n  benchmarks: benchmarks\n  performance_tables: \(tables)\n"
            .write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        return try ImportStage(config: try PipelineConfig.load(path: dir + "/p.yml")).readBenchmarks()
    }

    @Test func aFileWhoseYearIsOnlyAssumedNeverReplacesShippedFigures() throws {
        let (lookup, log) = try benchmarks(tables: "england_ks2final.csv")
        let year = AcademicYear(startYear: 2023)
        #expect(lookup.national(year, "ks2.rwm.expected")?.value == 61)   // shipped, kept
        #expect(lookup.national(year, "ks2.reading.expected")?.value == 80)   // a gap, filled
        let notes = log.issues.filter { $0.code == .assumedYear }.map { "\($0.severity.rawValue) \($0.message.prefix(40))" }
        #expect(notes == ["warning The file has no year column and neither ", "info 1 figure of this file, whose year is onl"])
    }

    @Test func aFileDatedByItsFolderReplacesShippedFigures() throws {
        let (lookup, log) = try benchmarks(tables: "2023-2024/england_ks2final.csv")
        #expect(lookup.national(AcademicYear(startYear: 2023), "ks2.rwm.expected")?.value == 70)
        #expect(lookup.national(AcademicYear(startYear: 2023), "ks2.reading.expected")?.value == 80)
        #expect(!log.issues.contains { $0.code == .assumedYear })
    }

    @Test func aFileDatedByItsLADownloadNameReplacesShippedFigures() throws {
        let (lookup, _) = try benchmarks(tables: "2023-881-ks2.csv")
        #expect(lookup.national(AcademicYear(startYear: 2023), "ks2.rwm.expected")?.value == 70)
    }
}
