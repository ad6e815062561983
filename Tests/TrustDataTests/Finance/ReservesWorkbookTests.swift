import Foundation
import Testing
@testable import TrustData

/// Runs the fixture trust end to end and reads `reserves.xlsx` and a school workbook back with openpyxl.
@Suite struct ReservesWorkbookTests {
    func run() throws -> String {
        let out = try makeTemporaryFolder()
        var config = try PipelineConfig.load(path: fixturePath("finance/pipeline.yml"))
        config.output = out
        try PipelineRunner(config: config, pipelinePath: "finance", threads: 2).run()
        return out
    }

    /// One money unit per workbook (settings.money_unit): £k by default on the card as on reserves.xlsx;
    /// whole pounds everywhere when the pipeline asks; amounts per pupil always in pounds.
    @Test func moneyInOneUnitPerWorkbook() throws {
        let out = try run()
        let thousands = #"£#,##0,"k";-£#,##0,"k""#
        let school = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let card = try #require(school["Academy card"])
        // Finance is in the card's right-hand panel (labels in column L, the year's figure in column O).
        let balance = try #require(card.cells.first { $0.key.hasPrefix("L") && $0.value.value?.string?.hasPrefix("In-year balance") == true }?.key.dropFirst())
        #expect(card["O\(balance)"]?.numberFormat == thousands)
        #expect(try IndependentReader.read(out + "/reserves.xlsx")["Summary"]?.text("D4") == "Income £k")

        let poundsOut = try makeTemporaryFolder()
        var config = try PipelineConfig.load(path: fixturePath("finance/pipeline.yml"))
        config.output = poundsOut
        config.settings.moneyUnit = .pounds
        try PipelineRunner(config: config, pipelinePath: "finance", threads: 2).run()
        let summary = try #require(try IndependentReader.read(poundsOut + "/reserves.xlsx")["Summary"])
        #expect(summary.text("D4") == "Income £" && summary.number("D5") == 1_200_000 && summary["D5"]?.numberFormat == "£#,##0;-£#,##0")
        #expect(summary.text("B2")?.contains("£ in whole pounds") == true || summary.text("A2")?.contains("£ in whole pounds") == true)
        let poundsCard = try #require(try IndependentReader.read(poundsOut + "/schools/100001-alder-primary.xlsx")["Academy card"])
        #expect(poundsCard["O\(balance)"]?.numberFormat == "£#,##0;-£#,##0")
    }

    @Test func summarySheetForTheCFO() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        #expect(book.sheetNames == ["Summary", "Trend", "Monitoring", "Checks", "Notes", "Measures explained"])
        let s = try #require(book["Summary"])
        #expect(s.text("A4") == "Academy")
        #expect(s.text("N4") == "Category")
        // Alder (row 5): income £1,200,000 shown in £k with a thousands separator; reserves 5% of GAG.
        #expect(s.text("A5") == "Alder Primary")
        #expect(s.number("D5") == 1_200_000)
        #expect(s["D5"]?.numberFormat == #"£#,##0,"k";-£#,##0,"k""#)
        #expect(s.number("H5") == 50_000)
        #expect(s.number("I5") == 0.05)
        #expect(s["I5"]?.numberFormat == "0.0%")
        #expect(s.text("N5") == "Universal")
        #expect(s["N5"]?.fill?.hasSuffix("C6EFCE") == true)
        // Birch exactly 3%: Concerning (amber), previous category beside it.
        #expect(s.number("I6") == 0.03)
        #expect(s.text("N6") == "Concerning")
        #expect(s["N6"]?.fill?.hasSuffix("FFEB9C") == true)
        #expect(s.text("O6") == "Concerning")
        // Cedar: Unacceptable, red, with its reasons.
        #expect(s.text("N7") == "Unacceptable")
        #expect(s["N7"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(s.text("P7")?.hasPrefix("warning-notice targets missed") == true)
        #expect(s.text("N9") == "Poor")
        #expect(s.text("A10") == "Central services")
        #expect(s.text("B10") == "CENTRAL")
        // Trust: reserves £233,900 of income £4,400,000.
        #expect(s.text("A11") == "Trust (academies + central)")
        #expect(s.number("H11") == 233_900)
        #expect(s.number("D11") == 4_400_000)
        #expect(s.number("F11") == -60_090)
        #expect(s["F11"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(s.allText.contains { $0.hasPrefix("Trust reserves are 5.32% of total income: Within 5–20%") })
        #expect(s.freeze == "B5")
        #expect(s.landscape)
    }

    @Test func trendSheetHasTheChart() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let t = try #require(book["Trend"])
        #expect(t.charts == 1)
        #expect(t.text("B5") == "2023/24")
        #expect(t.text("C5") == "2024/25")
        #expect(t.text("A6") == "Alder Primary")
        // Alder 30,000 / 950,000 then 50,000 / 1,000,000.
        #expect(abs(t.number("B6")! - 30_000.0 / 950_000) < 1e-12)
        #expect(t.number("C6") == 0.05)
        #expect(t.number("B7") == nil)   // Birch has no 2023/24 figures
    }

    @Test func monitoringChecksAndNotes() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let m = try #require(book["Monitoring"])
        #expect(m.allText.contains("Over profile by more than 5%"))
        #expect(m.allText.contains { $0.hasPrefix("Damson Primary — 2024/25, month 6 (February)") })
        let checks = try #require(book["Checks"])
        #expect(checks.allText.contains("Every row reconciles."))
        let notes = try #require(book["Notes"])
        #expect(notes.allText.contains("finance.reserves_pct_gag"))
        #expect(notes.allText.contains("finance.category"))
        #expect(notes.allText.contains { $0.contains("written 2024/25 here and in measures.csv") })
    }

    @Test func schoolFinanceSheetShowsThatSchoolOnly() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/schools/100004-damson-primary.xlsx")
        let f = try #require(book["Finance"])
        #expect(f.text("A1") == "Damson Primary — finance")
        #expect(f.text("B4") == "Concerning")
        #expect(f.allText.contains { $0.hasPrefix("cost centre Teaching staff spent £160,000 by month 6") })
        #expect(!f.allText.contains { $0.contains("Alder") || $0.contains("Cedar") || $0.contains("Birch") || $0.contains("Elm") })
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,100003,Cedar Academy,finance.category,all,,,,,,,,,,Suffolk,,Unacceptable"))
        #expect(csv.contains("2024/25,TRUST,Oak Learning Trust,finance.revenue_reserves,all,,,233900,"))
    }
}
