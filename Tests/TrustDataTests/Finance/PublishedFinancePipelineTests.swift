import Foundation
import Testing
@testable import TrustData

/// The fictional Oak Learning Trust from its published returns only: the AAR for 2023/24 (academies) and
/// the BFR with its three-year summary (trust level, current year 2024/25), run end to end.
@Suite struct PublishedFinancePipelineTests {
    func run() throws -> String {
        let out = try makeTemporaryFolder()
        var config = try PipelineConfig.load(path: fixturePath("finance/published/pipeline.yml"))
        config.output = out
        try PipelineRunner(config: config, pipelinePath: "finance-published", threads: 2).run()
        return out
    }

    /// Alder 65,000 of 1,000,000 GAG (6.5%, surplus): Universal. Birch 20,000 of 800,000 (2.5%) with a
    /// 30,000 deficit its opening 50,000 covers: Poor; set Poor at the previous review (Spring 2024 in the
    /// judgements file, the review before Summer 2024) with a warning notice due 31/07/2024, before the
    /// year's end 31/08/2024 → Unacceptable. Cedar −10,000: Deficient.
    @Test func categoriesFromTheAccountsReturn() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let s = try #require(book["Summary"])
        #expect(s.text("A5") == "Alder Primary" && s.text("C5") == "actual (AAR)")
        #expect(s.number("E5") == 0.065)
        #expect(s.text("H5") == "Universal")
        #expect(s.text("H6") == "Unacceptable")
        // The change compares the category that stands (set Poor by the CFO, judgements.csv) with the
        // previous review's Poor.
        #expect(s.text("J6") == "No change (Poor)")
        #expect(s.text("K6")?.hasPrefix("Unacceptable because warning-notice targets missed: Poor at the previous review (Spring 2024, 15/03/2024) with a warning notice issued 01/03/2024, targets by 31/07/2024, and still Poor on the 2023/24 actual (AAR) figures; reserves £20,000 are 2.50% of GAG, below the 3% warning level;") == true)
        #expect(s.text("H7") == "Deficient")
        #expect(s.text("K7")?.hasPrefix("Deficient because revenue reserves are in deficit: -£10,000 at the end of the year") == true)
        // Damson's row was rejected (BAE010-T `12,5OO`): no figures, and the trust total says so.
        #expect(s.text("C8") == "No finance figures for 2023/24")
        #expect(s.allText.contains { $0.hasPrefix("No figures for 2023/24: Damson Primary, Elm Primary, Central services.") })
        let checks = try #require(book["Checks"])
        #expect(checks.allText.contains { $0.hasPrefix("The AAR has no reserves brought forward") })
        #expect(checks.allText.contains { $0.contains("`12,5OO`") })
        // 2023/24 is in both the AAR (three academies) and the BFR: the academies' figures are used and
        // the return's shown beside: income 3,813,000 − 3,205,500, expenditure 3,810,000 − 3,230,000,
        // reserves 75,000 (65,000 + 20,000 − 10,000) against the return's 150,000.
        #expect(checks.allText.contains("+£607,500"))
        #expect(checks.allText.contains("+£580,000"))
        #expect(checks.allText.contains("£75,000 → £150,000 (+£75,000)"))
    }

    /// The trust judgements file's finance fields beside what the figures indicate: Alder set Universal as
    /// indicated; Birch set Poor where the figures indicate Unacceptable (flagged; no plan to reach 5%, FREP
    /// open, warning notice issued, the CEO letter's directives not met); Cedar set Deficient as indicated.
    @Test func categorySetBesideCategoryIndicated() throws {
        let out = try run()
        let s = try #require(try IndependentReader.read(out + "/reserves.xlsx")["Summary"])
        #expect(s.text("I5") == "Universal")
        #expect(s.text("I6") == "Poor — differs")
        #expect(s["I6"]?.fill?.hasSuffix("FFEB9C") == true)
        #expect(s.text("K6")?.hasSuffix("Set Poor, milder than the Unacceptable the figures indicate (and no plan to reach 5% is recorded).") == true)
        #expect(s.text("I7") == "Deficient")
        let text = s.allText
        #expect(text.contains("FREP: Open since 01/03/2024, review 30/09/2024"))
        #expect(text.contains("Warning notice: Issued 01/03/2024, targets by 31/07/2024"))
        #expect(!text.contains("No trust judgements file in this run: only the category the figures indicate is shown."))
    }

    /// The next two years after 2023/24 come from the BFR (trust level, no GAG): 2024/25 reserves 110,000
    /// of income 3,980,000 = 2.76%, in-year −40,000; 2025/26 59,000 of 4,089,000 = 1.44%, in-year −51,000.
    /// Years after those (2026/27, 2027/28) come from the three-year summary.
    @Test func forecastYearsOnTheTrendSheet() throws {
        let out = try run()
        let t = try #require(try IndependentReader.read(out + "/reserves.xlsx")["Trend"])
        #expect(t.text("A4") == "The next two years: 2024/25 and 2025/26")
        #expect(t.text("B5") == "2024/25 reserves % GAG" && t.text("E5") == "2025/26 reserves % GAG")
        #expect(t.text("A6") == "Trust (academies + central)")
        #expect(t.number("B6") == nil)   // the BFR has no GAG line
        #expect(abs(t.number("C6")! - 110_000.0 / 3_980_000) < 1e-12)
        #expect(t.number("D6") == -40_000)
        #expect(abs(t.number("F6")! - 59_000.0 / 4_089_000) < 1e-12)
        #expect(t.number("G6") == -51_000)
        #expect(t.allText.contains("2026/27 forecast") && t.allText.contains("2027/28 forecast"))
        #expect(t.allText.contains("forecast (BFR three-year)"))
        #expect(t.charts == 1)
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2026/27,TRUST,Oak Learning Trust,finance.in_year_balance,all,,,-10000,"))
    }
}

/// A three-year budget in finance.csv (budget rows for the next two years) gives reserves as % of GAG
/// for the forecast years, against the policy levels.
@Suite struct ThreeYearBudgetTests {
    /// Alder: 2025/26 budget reserves 40,000 of GAG 1,000,000 = 4.0% (amber, below 5%), in-year −10,000;
    /// 2026/27 25,000 of 1,000,000 = 2.5% (red, below 3%), in-year −15,000, 25,000 of 1,185,000 income.
    @Test func budgetRowsGiveTheForecastYearsAgainstThePolicyLevels() throws {
        let folder = try makeTemporaryFolder()
        try "urn,school_name,la_name,phase,capacity\n100001,Alder Primary,Essex,Primary,210\n"
            .write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try """
        financial_year,urn,status,gag_income,other_dfe_income,other_government_income,self_generated_income,total_income,staff_costs,total_expenditure,revenue_reserves_brought_forward,revenue_reserves_carried_forward
        2024/25,100001,actual,1000000,100000,50000,50000,1200000,900000,1150000,0,50000
        2025/26,100001,budget,1000000,100000,50000,40000,1190000,900000,1200000,50000,40000
        2026/27,100001,budget,1000000,100000,50000,35000,1185000,910000,1200000,40000,25000

        """.write(toFile: folder + "/finance.csv", atomically: true, encoding: .utf8)
        try "version: 1\nname: budget\ntrust: Oak Learning Trust\nacademic_year: 2024/25\ninputs:\n  schools: schools.csv\n  finance: finance.csv\n"
            .write(toFile: folder + "/pipeline.yml", atomically: true, encoding: .utf8)
        var config = try PipelineConfig.load(path: folder + "/pipeline.yml")
        config.output = folder + "/out"
        try PipelineRunner(config: config, pipelinePath: "budget", threads: 1).run()
        let t = try #require(try IndependentReader.read(folder + "/out/reserves.xlsx")["Trend"])
        #expect(t.text("A4") == "The next two years: 2025/26 and 2026/27")
        // Row 6 is the trust (academies + central; here Alder alone), row 7 Alder.
        #expect(t.text("A7") == "Alder Primary")
        #expect(t.number("B7") == 0.04)
        #expect(t["B7"]?.fill?.hasSuffix("FFEB9C") == true)
        #expect(abs(t.number("C7")! - 40_000.0 / 1_190_000) < 1e-12)
        #expect(t.number("D7") == -10_000)
        #expect(t.number("E7") == 0.025)
        #expect(t["E7"]?.fill?.hasSuffix("FFC7CE") == true)
        #expect(t.number("G7") == -15_000)
        #expect(t.number("E6") == 0.025)
    }
}

/// A run with the trust's budget forecast return and nothing else for finance: the BFR has no GAG line, so
/// every measure on GAG is said to be unavailable, and reserves as % of income are given.
@Suite struct BudgetForecastReturnOnlyTests {
    /// 2024/25 from bfr_2024-25.csv (£k): reserves 110,000 of income 3,980,000 = 2.7638%; in-year
    /// 3,980,000 − 4,020,000 = −40,000; 2025/26 reserves 59,000 of 4,089,000 = 1.4429%.
    @Test func saysWhichMeasuresItCannotGive() throws {
        let folder = try makeTemporaryFolder()
        let published = fixturePath("finance/published")
        try """
        version: 1
        name: bfr-only
        trust: Oak Learning Trust
        academic_year: 2024/25
        inputs:
          schools: \(fixturePath("finance/schools.csv"))
          reference: \(fixturePath("../../../inputs/reference"))
          bfr: \(published)/bfr_2024-25.csv

        """.write(toFile: folder + "/pipeline.yml", atomically: true, encoding: .utf8)
        var config = try PipelineConfig.load(path: folder + "/pipeline.yml")
        config.output = folder + "/out"
        config.settings.moneyUnit = .pounds
        try PipelineRunner(config: config, pipelinePath: "bfr-only", threads: 1).run()
        let book = try IndependentReader.read(folder + "/out/reserves.xlsx")
        let s = try #require(book["Summary"])
        // Five academies without figures (rows 5–9), then the trust from the BFR alone (row 10).
        #expect(s.text("C5") == "No finance figures for 2024/25")
        #expect(s.text("A10") == "Trust (academies + central)" && s.text("C10") == "forecast (BFR)")
        #expect(s.number("D10") == 110_000)
        #expect(s.number("E10") == nil)
        #expect(abs(s.number("F10")! - 110_000.0 / 3_980_000) < 1e-12)
        #expect(s.number("G10") == -40_000)
        #expect(s.allText.contains("Reserves as % of GAG, income beyond GAG and the 3% and 5% GAG levels cannot be given for the trust: the budget forecast return has no GAG line (it gives the trust's totals only). Reserves as % of total income are given (2.76%)."))
        let checks = try #require(book["Checks"])
        #expect(checks.allText.contains { $0.hasPrefix("The BFR has no GAG: reserves as % of GAG, income beyond GAG and the finance category's GAG tests (the 3% and 5% levels) cannot be given") })
        let t = try #require(book["Trend"])
        #expect(t.number("B6") == nil)
        #expect(abs(t.number("C6")! - 59_000.0 / 4_089_000) < 1e-12)
        // measures.csv: % of GAG is a row with no value (not £0, not left out) that says why in its text;
        // % of income has its value (2.7638, to four places).
        let csv = try String(contentsOfFile: folder + "/out/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,TRUST,Oak Learning Trust,finance.reserves_pct_gag,all,110000,,,,,,,,,,,no GAG,"))
        #expect(csv.contains("2024/25,TRUST,Oak Learning Trust,finance.reserves_pct_income,all,110000,3980000,2.7638,"))
    }
}
