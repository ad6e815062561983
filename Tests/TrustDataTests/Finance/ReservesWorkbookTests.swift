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
        #expect(try IndependentReader.read(out + "/reserves.xlsx")["Figures"]?.text("D4") == "Income £k")
        #expect(try IndependentReader.read(out + "/reserves.xlsx")["Summary"]?.text("D4") == "Revenue reserves £k")

        let poundsOut = try makeTemporaryFolder()
        var config = try PipelineConfig.load(path: fixturePath("finance/pipeline.yml"))
        config.output = poundsOut
        config.settings.moneyUnit = .pounds
        try PipelineRunner(config: config, pipelinePath: "finance", threads: 2).run()
        let pounds = try IndependentReader.read(poundsOut + "/reserves.xlsx")
        let summary = try #require(pounds["Summary"])
        let figures = try #require(pounds["Figures"])
        #expect(figures.text("D4") == "Income £" && figures.number("D5") == 1_200_000 && figures["D5"]?.numberFormat == "£#,##0;-£#,##0")
        #expect(summary.text("D4") == "Revenue reserves £" && summary["D5"]?.numberFormat == "£#,##0;-£#,##0")
        // The Trend sheet's money is in the same unit.
        #expect(pounds["Trend"]?.allText.contains("Revenue reserves £") == true)
        #expect(summary.text("B2")?.contains("£ in whole pounds") == true || summary.text("A2")?.contains("£ in whole pounds") == true)
        let poundsCard = try #require(try IndependentReader.read(poundsOut + "/schools/100001-alder-primary.xlsx")["Academy card"])
        #expect(poundsCard["O\(balance)"]?.numberFormat == "£#,##0;-£#,##0")
    }

    @Test func summarySheetForTheCFO() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        #expect(book.sheetNames == ["Summary", "Trend", "Figures", "Monitoring", "Checks", "Definitions", "Measures explained"])
        let s = try #require(book["Summary"])
        #expect(s.text("A4") == "Academy")
        #expect(s.text("H4") == "Indicated by the figures")
        #expect(s.text("I4") == "Set by CEO/CFO")
        #expect(s.text("J4") == "Change since last year")
        // Alder (row 5): reserves £50,000 shown in £k with a thousands separator; 5% of GAG.
        #expect(s.text("A5") == "Alder Primary")
        #expect(s.number("D5") == 50_000)
        #expect(s["D5"]?.numberFormat == #"£#,##0,"k";-£#,##0,"k""#)
        #expect(s.number("E5") == 0.05)
        #expect(s["E5"]?.numberFormat == "0.0%")
        #expect(s.text("H5") == "Universal")
        #expect(s["H5"]?.fill?.hasSuffix("C6EFCE") == true)
        #expect(s.text("I5") == "not recorded")
        // Alder's 2023/24 figures (30,000 of 950,000 GAG = 3.16%, a surplus) indicate Concerning: better now.
        #expect(s.text("J5") == "Better: Concerning (last year's figures) → Universal")
        #expect(s["J5"]?.fill?.hasSuffix("C6EFCE") == true)
        // Birch exactly 3%: Concerning (amber), the same as at the previous review.
        #expect(s.number("E6") == 0.03)
        #expect(s.text("H6") == "Concerning")
        #expect(s["H6"]?.fill?.hasSuffix("FFEB9C") == true)
        #expect(s.text("J6") == "No change (Concerning)")
        // Cedar: Unacceptable, red, worse than Poor at the previous review, with its reasons in words.
        #expect(s.text("H7") == "Unacceptable")
        #expect(s["H7"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(s.text("J7") == "Worse: Poor → Unacceptable")
        #expect(s["J7"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(s.text("K7")?.hasPrefix("Unacceptable because warning-notice targets missed") == true)
        #expect(s.text("H9") == "Deficient")
        #expect(s.text("A10") == "Central services")
        #expect(s.text("B10") == "CENTRAL")
        // Trust: reserves £233,900 of income £4,400,000; in-year −£60,090 in red.
        #expect(s.text("A11") == "Trust (academies + central)")
        #expect(s.number("D11") == 233_900)
        #expect(abs(s.number("F11")! - 233_900.0 / 4_400_000) < 1e-12)
        #expect(s.number("G11") == -60_090)
        #expect(s["G11"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(s.allText.contains { $0.hasPrefix("Trust reserves are 5.32% of total income: Within 5–20%") })
        #expect(s.allText.contains("No trust judgements file in this run: only the category the figures indicate is shown."))
        #expect(s.freeze == "B5")
        #expect(s.landscape)
        let f = try #require(book["Figures"])
        #expect(f.number("D11") == 4_400_000 && f.number("H11") == 233_900)
    }

    @Test func trendSheetHasTheChart() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let t = try #require(book["Trend"])
        #expect(t.charts == 1)
        // No forecast years in this fixture: the sheet says how to give them.
        #expect(t.text("A5")?.hasPrefix("No forecast for 2025/26 or 2026/27") == true)
        #expect(t.text("A7") == "Revenue reserves as % of GAG")
        #expect(t.text("B8") == "2023/24")
        #expect(t.text("C8") == "2024/25")
        #expect(t.text("A9") == "Alder Primary")
        // Alder 30,000 / 950,000 then 50,000 / 1,000,000.
        #expect(abs(t.number("B9")! - 30_000.0 / 950_000) < 1e-12)
        #expect(t.number("C9") == 0.05)
        #expect(t.number("B10") == nil)   // Birch has no 2023/24 figures
        // The policy levels as rows under the entities (5 academies, central, trust): rows 16 and 17.
        #expect(t.text("A16") == "Universal level (5% of GAG)" && t.number("B16") == 0.05 && t.number("C16") == 0.05)
        #expect(t.text("A17") == "Warning-notice level (3% of GAG)" && t.number("C17") == 0.03)
    }

    @Test func monitoringChecksAndNotes() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let m = try #require(book["Monitoring"])
        #expect(m.allText.contains("Over profile by more than 5%"))
        #expect(m.allText.contains { $0.hasPrefix("Damson Primary — 2024/25, month 6 (February)") })
        let checks = try #require(book["Checks"])
        #expect(checks.allText.contains("Every row reconciles."))
        let notes = try #require(book["Definitions"])
        #expect(notes.allText.contains("Deficient"))
        #expect(notes.allText.contains("Indicated and set"))
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
