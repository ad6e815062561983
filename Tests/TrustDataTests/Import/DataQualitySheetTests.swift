import Foundation
import Testing
@testable import TrustData

/// The "Data quality" sheet read back with openpyxl, and the import stage end to end (performance
/// tables wired in, every file's accounting, data-quality.csv columns).
@Suite struct DataQualitySheetTests {
    static func log() throws -> ImportLog {
        var log = ImportLog()
        let schools = try SchoolsImporter.read(path: ImportFixtures.path("schools.csv"), displayName: "schools.csv")
        _ = log.take(schools)
        for name in ["bad/bad-upn-check-letter.csv", "bad/upn-two-schools.csv"] { _ = log.take(try ImportFixtures.pupils(name)) }
        return log
    }

    @Test func trustSheetShowsUPNsOnlyWhenThePipelineAsks() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/trust.xlsx"
        let wb = try Workbook(path: path)
        try DataQualitySheet.writeTrust(into: wb, trust: "Oak Trust", log: try Self.log(), showPupils: true)
        try wb.close()
        let ws = try #require(try IndependentReader.read(path)["Data quality"])
        #expect(ws.text("D5") == "A881200001002" && ws.text("H5") == "A881200001002")
    }

    @Test func trustSheetHasFileCountsCodeCountsAndEveryIssue() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/trust.xlsx"
        let wb = try Workbook(path: path)
        try DataQualitySheet.writeTrust(into: wb, trust: "Oak Trust", log: try Self.log())
        try wb.close()
        let ws = try #require(try IndependentReader.read(path)["Data quality"])
        #expect(ws.text("A1") == "Oak Trust — data quality")
        #expect((0..<9).map { ws.text("\(["A","B","C","D","E","F","G","H","I"][$0])4") } ==
                ["File", "Line", "Column", "Value", "Code", "Message", "URN", "UPN", "Severity"])
        #expect(ws.freeze == "A5")
        #expect(ws.autofilter == "A4:I6")
        // Issue rows: the rejected check letter (line 3), then the UPN at two schools (warning, line 3).
        #expect(ws.text("A5") == "bad/bad-upn-check-letter.csv" && ws.number("B5") == 3 && ws.text("C5") == "upn")
        // Trust-level: the UPN is hidden (pupil_level_in_trust is off); file and line still find the row.
        #expect(ws.text("D5") == "[UPN hidden]" && ws.text("E5") == "invalid_upn" && ws.text("G5") == "137001")
        #expect(ws.text("H5") == "[UPN hidden]" && ws.text("I5") == "rejected")
        #expect(!ws.allText.contains { $0.contains("A881200001002") })
        #expect(ws.text("A6") == "bad/upn-two-schools.csv" && ws.text("E6") == "upn_at_two_schools" && ws.text("G6") == "137002")
        // Rows by file below the list, a blank row after it (A8:F12): read = accepted + rejected.
        #expect(ws.text("A7") == nil && ws.text("A8") == "Rows by file" && ws.text("A9") == "File" && ws.text("B9") == "Rows read")
        #expect(ws.text("F9") == "Dataset" && ws.text("F10") == "schools" && ws.text("F11") == "pupils")
        #expect(ws.text("A10") == "schools.csv" && ws.number("B10") == 2 && ws.number("C10") == 2 && ws.number("D10") == 0)
        #expect(ws.text("A11") == "bad/bad-upn-check-letter.csv" && ws.number("B11") == 2 && ws.number("C11") == 1 && ws.number("D11") == 1)
        #expect(ws.text("A12") == "bad/upn-two-schools.csv" && ws.number("B12") == 2 && ws.number("C12") == 2 && ws.number("E12") == 1)
        // Issues by code (A14 on), sorted by code.
        #expect(ws.text("A14") == "Issues by code" && ws.text("A15") == "Code")
        #expect(ws.text("A16") == "invalid_upn" && ws.number("B16") == 1 && ws.number("E16") == 1)
        #expect(ws.text("A17") == "upn_at_two_schools" && ws.number("C17") == 1 && ws.number("E17") == 1)
        // Nothing beside the list: the sheet is nine columns, one A4 landscape width.
        #expect(ws.maxColumn == 9)
    }

    /// Privacy: a school's sheet holds only issues with its URN — no other school's UPNs.
    @Test func schoolSheetOnlyHasThatSchoolsIssues() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/school.xlsx"
        let school = try #require(try ImportFixtures.register().school("137002"))
        let wb = try Workbook(path: path)
        try DataQualitySheet.writeSchool(into: wb, school: school, issues: try Self.log().issues)
        try wb.close()
        let ws = try #require(try IndependentReader.read(path)["Data quality"])
        #expect(ws.text("A1") == "Elm Primary (URN 137002) — data quality")
        #expect(ws.text("E5") == "upn_at_two_schools" && ws.text("G5") == "137002")
        #expect(ws.text("A6") == nil)
        #expect(!ws.allText.contains("A881200001002"))  // school 137001's rejected UPN
        #expect(ws.text("A7") == "Rows by file" && ws.text("B8") == "Rejected rows")
        #expect(ws.text("A9") == "bad/upn-two-schools.csv" && ws.number("B9") == 0 && ws.number("C9") == 1)
    }

    @Test func emptyLogStillWritesTheSheet() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/empty.xlsx"
        let wb = try Workbook(path: path)
        try DataQualitySheet.writeTrust(into: wb, trust: "T", log: ImportLog())
        try wb.close()
        let ws = try #require(try IndependentReader.read(path)["Data quality"])
        #expect(ws.text("A5") == "No issues found" && ws.text("A9") == "No input files" && ws.text("A13") == "No issues")
    }

    @Test func dataQualityCSVKeepsTheIssueColumnsFirst() throws {
        #expect(Array(DataQualityCSV.columns.prefix(8)) == ["file", "line", "column", "value", "code", "message", "urn", "upn"])
        let csv = DataQualityCSV.render(try Self.log().issues)
        #expect(csv.split(separator: "\n").count == 3)
    }

    /// The import stage reads `performance_tables` after the shipped benchmarks, so its figures win
    /// for the same key; its stats and issues join the log like any other file.
    @Test func importStageReadsPerformanceTablesAndTheyOverrideShippedFigures() throws {
        let folder = try makeTemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/benchmarks", withIntermediateDirectories: true)
        try """
        year,area,measure,group,value,source
        2023/24,England,ks2.rwm.expected,all,60,shipped
        2023/24,England,ks2.rwm.higher,all,8,shipped
        """.write(toFile: folder + "/benchmarks/national.csv", atomically: true, encoding: .utf8)
        let yaml = """
        version: 1
        name: t
        trust: Oak Trust
        academic_year: 2023/24
        root: \(fixturePath(""))
        inputs:
          schools: import/schools.csv
          pupils: import/roster-sims.csv
          benchmarks: \(folder)/benchmarks
          performance_tables: dfe/england_ks2final_2023-24_suppressed.csv
        """
        let config = try PipelineConfig.parse(yaml: yaml, path: folder + "/t.yml")
        let dataset = try ImportStage(config: config).run()
        let year = AcademicYear(startYear: 2023)
        #expect(dataset.benchmarks.national(year, "ks2.rwm.expected")?.value == 61)   // performance tables win
        #expect(dataset.benchmarks.national(year, "ks2.rwm.expected")?.source.contains("column PTRWM_EXP") == true)
        #expect(dataset.benchmarks.national(year, "ks2.rwm.higher")?.value == 8)      // PT 8% too
        #expect(dataset.benchmarks.la(year, "Essex", "ks2.rwm.expected")?.value == 61)
        #expect(dataset.benchmarks.la(year, "Essex", "ks2.rwm.higher") == nil)        // SUPP, and nothing shipped
        #expect(dataset.log.stats.map(\.dataset) == ["schools", "pupils", "benchmarks", "performance_tables"])
        #expect(dataset.log.stats.allSatisfy { $0.reconciles })
        #expect(dataset.log.issues.filter { $0.file.hasSuffix("suppressed.csv") }.count == 7)
        #expect(ImportSummary.table(dataset.log).contains("performance_tables") == false)
        #expect(ImportSummary.table(dataset.log).contains("dfe/england_ks2final_2023-24_suppressed.csv"))
    }
}
