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
        #expect(PerformanceTablesImporter.year(inFileName: "2018-850-ks2.csv") == nil)
        #expect(PerformanceTablesImporter.year(inFileName: "england_ks2final.csv") == nil)
    }
}
