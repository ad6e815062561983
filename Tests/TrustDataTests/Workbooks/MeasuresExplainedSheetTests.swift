import Foundation
import Testing
@testable import TrustData

/// The "Measures explained" sheet read back with openpyxl: each measure's scope and national basis is
/// the text of the README measures reference's "scope and national basis" column (issue #20).
@Suite struct MeasuresExplainedSheetTests {
    @Test func showsEachMeasuresScopeAndNationalBasis() throws {
        var config = try PipelineConfig.parse(yaml: "version: 1\nname: t\ntrust: T\nacademic_year: 2024/25\ninputs:\n  schools: s.csv\n", path: "t.yml")
        config.settings = PipelineSettings()
        let context = AnalysisContext(config: config, schools: [], roster: PupilRoster([]), benchmarks: BenchmarkLookup(figures: []),
                                      targets: TargetLookup())
        let path = try makeTemporaryFolder() + "/explained.xlsx"
        let wb = try Workbook(path: path)
        // Given out of catalogue order, with a repeat: listed once each, in catalogue order (KS2 first).
        try MeasuresExplainedSheet.write(into: wb, measures: ["attendance.attendance_rate", "ks2.rwm.expected", "ks2.rwm.expected"],
                                         context: context)
        try wb.close()
        let ws = try #require(try IndependentReader.read(path)["Measures explained"])
        #expect(ws.text("G4") == "Scope and national basis")
        #expect(ws.text("A5") == "ks2.rwm.expected" && ws.text("A6") == "attendance.attendance_rate" && ws.text("A7") == nil)
        let ks2 = try #require(ws.text("G5"))
        #expect(ks2.hasPrefix("eligible KS2 cohort; national: headline (state-funded, RECTYPE 5) where a DfE file gives it"))
        #expect(ks2.hasSuffix("`settings.national_basis` prefers la_table instead"))
        let attendance = try #require(ws.text("G6"))
        #expect(attendance.hasPrefix("compulsory school age (Year 1 and above; Reception its own row, nursery out); full year: absence statistics"))
        #expect(attendance.hasSuffix("part year: only the attendance collection for the same period (autumn term, or a year-to-date snapshot), else not rated"))
        // Word for word the README's column.
        let readme = MeasureCatalog.markdownReference()
        #expect(readme.contains("| `ks2.rwm.expected` |") && readme.contains("| \(ks2) |"))
        #expect(readme.contains("| \(attendance) |"))
        #expect(ws.autofilter == "A4:G6")
    }
}
