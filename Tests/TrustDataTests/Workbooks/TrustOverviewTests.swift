import Foundation
import Testing
@testable import TrustData

/// The trust overview (schools as columns, trust pooled, LA, national) and the Support sheet, read back.
@Suite struct TrustOverviewTests {
    let schools = [School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: 210),
                   School(urn: "100002", name: "Birch Primary", laName: "Suffolk", phase: "Primary", capacity: nil)]
    let year = AcademicYear(startYear: 2024)

    var measures: [MeasureRow] {
        [
            MeasureRow(year: "2024/25", urn: "100001", school: "Alder Primary", measure: "ks2.rwm.expected", denominator: 30, value: 60, national: 62, la: 61),
            MeasureRow(year: "2024/25", urn: "100002", school: "Birch Primary", measure: "ks2.rwm.expected", denominator: 10, value: 40, national: 62, la: 58),
            // Trust pooled: 18 + 4 of 40 = 55%, not the 50% an average of 60 and 40 gives.
            MeasureRow(year: "2024/25", urn: "TRUST", school: "Mini Trust", measure: "ks2.rwm.expected", numerator: 22, denominator: 40, value: 55, national: 62),
            MeasureRow(year: "2024/25", urn: "100002", school: "Birch Primary", measure: "finance.in_year_balance", value: -5000),
        ]
    }

    /// The finance block with the next two years: the trust's from its BFR (2025/26 reserves 59,000 of income
    /// 4,089,000 = 1.44%, in-year −51,000; no GAG), Birch's from a three-year budget (2025/26 4.0% of GAG);
    /// a line shows where any column has a figure, labelled with its year.
    @Test func financeForecastLines() throws {
        let path = try makeTemporaryFolder() + "/trust.xlsx"
        let forecast = measures + [
            MeasureRow(year: "2025/26", urn: "TRUST", school: "Mini Trust", measure: "finance.reserves_pct_income", value: 59_000.0 * 100 / 4_089_000),
            MeasureRow(year: "2025/26", urn: "TRUST", school: "Mini Trust", measure: "finance.in_year_balance", value: -51_000),
            MeasureRow(year: "2025/26", urn: "100002", school: "Birch Primary", measure: "finance.reserves_pct_gag", value: 4),
            MeasureRow(year: "2026/27", urn: "100002", school: "Birch Primary", measure: "finance.in_year_balance", value: -15_000),
        ]
        let wb = try Workbook(path: path)
        try TrustOverviewSheet.write(into: wb, trust: "Mini Trust", schools: schools, measures: forecast, year: year, settings: PipelineSettings())
        try wb.close()
        let o = try #require(try IndependentReader.read(path)["Overview"])
        func row(_ label: String) -> String? { o.cells.first { $0.key.hasPrefix("A") && $0.value.value?.string == label }.map { String($0.key.dropFirst()) } }
        let gag = try #require(row("2025/26 forecast: reserves % GAG"))
        #expect(o.number("D\(gag)") == 0.04 && o.number("F\(gag)") == nil)
        let income = try #require(row("2025/26 forecast: reserves % income"))
        #expect(abs(o.number("F\(income)")! - 59_000.0 / 4_089_000) < 1e-12)
        let balance = try #require(row("2025/26 forecast: in-year balance"))
        #expect(o.number("F\(balance)") == -51_000)
        let later = try #require(row("2026/27 forecast: in-year balance"))
        #expect(o.number("D\(later)") == -15_000)
        // No figure for 2026/27 reserves in any column: no line.
        #expect(row("2026/27 forecast: reserves % GAG") == nil)
        let now = try #require(row("In-year balance"))
        #expect(o.number("D\(now)") == -5_000)
    }

    @Test func overviewAndSupportSheets() throws {
        let path = try makeTemporaryFolder() + "/trust.xlsx"
        let support = FrameworkEvaluator(settings: FrameworksSettings(), table: MeasureTable(measures, currentYear: year)).assess(schools)
        let wb = try Workbook(path: path)
        try TrustOverviewSheet.write(into: wb, trust: "Mini Trust", schools: schools, measures: measures, year: year, settings: PipelineSettings())
        try SupportSheet.write(into: wb, trust: "Mini Trust", support: support, year: year)
        try wb.close()
        let book = try IndependentReader.read(path)
        #expect(book.sheetNames == ["Overview", "Support"])
        let o = try #require(book["Overview"])
        #expect(o.text("A4") == "Measure")
        #expect([o.text("B4"), o.text("C4"), o.text("D4"), o.text("F4"), o.text("H4"), o.text("I4"), o.text("J4")]
                == ["Alder Primary", "n", "Birch Primary", "Mini Trust (pooled)", "LA: Essex", "LA: Suffolk", "National"])
        let ks2 = try #require(o.cells.first { $0.key.hasPrefix("A") && $0.value.value?.string == "RWM: % expected" }?.key.dropFirst()).description
        #expect(o.number("B\(ks2)") == 0.6)
        #expect(o.number("C\(ks2)") == 30)
        #expect(o.number("D\(ks2)") == 0.4)
        #expect(o["D\(ks2)"]?.fill == "FFFFC7CE")    // 22 below national: red
        #expect(o.number("F\(ks2)") == 0.55)
        #expect(o.number("G\(ks2)") == 40)
        #expect(o.number("H\(ks2)") == 0.61)
        #expect(o.number("I\(ks2)") == 0.58)
        #expect(o.number("J\(ks2)") == 0.62)
        #expect(o.allText.contains("no data in this run"))   // phonics, attendance
        #expect(o.freeze == "B5")

        let s = try #require(book["Support"])
        #expect(s.text("A4") == "School")
        #expect(s.text("A5") == "Alder Primary")
        #expect(s.text("C5") == "Not assessed")                 // no attendance in this run
        #expect(s.text("E5") == "Additional support")            // RWM 2 below national: an additional trigger
        #expect(s.text("A6") == "Birch Primary")
        #expect(s.text("E6") == "Intensive support")                     // 22 below: significantly below national
        #expect(s.text("G6") == "A subject or pupil group below national; A deficit budget is forecast; Significantly below national in a key measure")
        #expect(s.autofilter != nil)
        let evidence = s.cells.filter { $0.key.hasPrefix("C") && $0.value.value?.string == "A deficit budget is forecast" }
        #expect(evidence.count == 1)
        let r = try #require(evidence.first?.key.dropFirst()).description
        // The evidence in words, the measure id beside it for filtering.
        #expect(s.text("F\(r)") == "In-year balance (£) 2024/25: -£5,000 — in-year deficit")
        #expect(s.text("G\(r)") == "finance.in_year_balance")
    }
}
