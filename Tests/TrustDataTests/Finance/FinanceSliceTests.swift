import Foundation
import Testing
@testable import TrustData

/// The five-academy fixture trust (Fixtures/finance), every figure worked by hand in the comments.
@Suite struct FinanceSliceTests {
    func analyse() throws -> (TrustReport, AnalysisContext) {
        var config = try PipelineConfig.load(path: fixturePath("finance/pipeline.yml"))
        config.output = "/unused"
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        return (try PipelineRunner(config: config, pipelinePath: "finance", threads: 2).analyse(dataset, context: context), context)
    }

    func value(_ rows: [MeasureRow], _ id: String, _ urn: String, year: String = "2024/25", group: String = "all") -> MeasureRow? {
        rows.first { $0.measure == id && $0.urn == urn && $0.year == year && $0.group == group }
    }

    @Test func categoriesPerAcademy() throws {
        let (trust, _) = try analyse()
        let finance = trust.schools.compactMap(\.finance)
        let categories = finance.map { $0.category?.category.rawValue ?? "-" }
        // Alder 5.00% (Universal), Birch 3.00% (Concerning), Cedar 2.99% after Poor (Unacceptable),
        // Damson 10% but Teaching 106.67% of profile (Concerning), Elm reserves −£20,000 (−3.33%) after an
        // uncovered deficit (Deficient: reserves below £0).
        #expect(categories == ["Universal", "Concerning", "Unacceptable", "Concerning", "Deficient"])
        #expect(finance[1].previousCategory == .concerning)
        let cedar = try #require(finance[2].category)
        #expect(cedar.basis == "forecast")   // the forecast wins over the budget row
        #expect(cedar.reasons == ["warning-notice targets missed: Poor at the previous review and still Poor",
                                  "reserves £29,900 are 2.99% of GAG, below the 3% warning level",
                                  "forecast in-year deficit £10,090 (covered by reserves of £39,990 at the start of the year)"])
        #expect(finance[4].category?.reasons.count == 3)
        #expect(finance[4].category?.reasons.first == "revenue reserves are in deficit: -£20,000 at the end of the year")
        let rows = trust.measures
        #expect(value(rows, "finance.category", "100003")?.text == "Unacceptable")
        #expect(value(rows, "finance.previous_category", "100003")?.text == "Poor")
    }

    @Test func academyMeasures() throws {
        let (trust, _) = try analyse()
        let rows = trust.measures
        // Alder 2024/25: reserves 50,000; GAG 1,000,000; income 1,200,000; expenditure 1,180,000; staff 900,000.
        #expect(value(rows, "finance.revenue_reserves", "100001")?.value == 50_000)
        #expect(value(rows, "finance.reserves_pct_gag", "100001")?.value == 5)
        #expect(abs(value(rows, "finance.reserves_pct_income", "100001")!.value! - 50_000.0 / 1_200_000 * 100) < 1e-9)
        #expect(value(rows, "finance.in_year_balance", "100001")?.value == 20_000)
        #expect(abs(value(rows, "finance.staff_costs_pct_expenditure", "100001")!.value! - 900_000.0 / 1_180_000 * 100) < 1e-9)
        #expect(value(rows, "finance.staff_costs_pct_income", "100001")?.value == 75)
        #expect(value(rows, "finance.income_beyond_gag_pct_gag", "100001")?.value == 20)
        // 2023/24 is there too (every year present), written as the academy financial year.
        #expect(value(rows, "finance.revenue_reserves", "100001", year: "2023/24")?.value == 30_000)
        // Elm's year was written `2025`: the same academy year 2024/25.
        #expect(abs(value(rows, "finance.reserves_pct_gag", "100005")!.value! - (-20_000.0 / 600_000 * 100)) < 1e-9)
        // Central reserve 100,000 over 800 pupils (200+150+250+100+100) = £125 per pupil; Alder's 200 → £25,000.
        #expect(value(rows, "finance.central_reserve_per_pupil", "CENTRAL")?.value == 125)
        #expect(value(rows, "finance.central_reserve_share", "100001")?.value == 25_000)
        #expect(value(rows, "finance.central_reserve_share", "100002")?.value == 18_750)
    }

    @Test func budgetMonitoringAgainstStraightLineProfile() throws {
        let (trust, _) = try analyse()
        let rows = trust.measures
        // Alder: the latest month (February = 6) is used: 250,000 of 500,000 × 6/12 = 100%.
        #expect(value(rows, "finance.monitoring.spend_vs_profile_pct", "100001", group: "cost_centre.teaching_staff")?.value == 100)
        #expect(value(rows, "finance.monitoring.spend_vs_profile_pct", "100001", group: "cost_centre.teaching_staff")?.text == "Teaching staff, month 6 (February)")
        // Damson: Premises exactly at the 5% margin (63,000 / 60,000) is not over; Teaching (160,000 / 150,000) is.
        #expect(value(rows, "finance.monitoring.spend_vs_profile_pct", "100004", group: "cost_centre.premises")?.value == 105)
        let damson = try #require(trust.schools[3].finance?.monitoring)
        #expect(damson.overProfile(marginPct: 5).map(\.costCentre) == ["Teaching staff"])
        // Total: 253,000 of (480,000 × 6/12 = 240,000); forecast 495,000 vs 480,000 = +15,000.
        #expect(abs(value(rows, "finance.monitoring.spend_vs_profile_pct", "100004")!.value! - 253_000.0 / 240_000 * 100) < 1e-9)
        #expect(value(rows, "finance.monitoring.forecast_vs_budget", "100004")?.value == 15_000)
        #expect(value(rows, "finance.monitoring.forecast_vs_budget", "100004", group: "cost_centre.supplies")?.value == -3_000)
        #expect(value(rows, "finance.monitoring.spend_vs_profile_pct", "CENTRAL", group: "cost_centre.central_team")?.value == 96)
    }

    @Test func trustConsolidation() throws {
        let (trust, _) = try analyse()
        let rows = trust.measures
        let f = try #require(trust.finance)
        let t = try #require(f.trustYears.first { $0.year == AcademicYear(startYear: 2024) })
        // Sum of the five academies' best figures and central services:
        // GAG 1,000,000 + 800,000 + 1,000,000 + 500,000 + 600,000 + 0 = 3,900,000
        // income 1,200,000 + 900,000 + 1,000,000 + 550,000 + 600,000 + 150,000 = 4,400,000
        // expenditure 1,180,000 + 890,000 + 1,010,090 + 540,000 + 700,000 + 140,000 = 4,460,090
        // reserves 50,000 + 24,000 + 29,900 + 50,000 − 20,000 + 100,000 = 233,900
        #expect(t.consolidated.figures.gag == 3_900_000)
        #expect(t.consolidated.figures.totalIncome == 4_400_000)
        #expect(t.consolidated.figures.totalExpenditure == 4_460_090)
        #expect(t.consolidated.figures.carriedForward == 233_900)
        #expect(t.consolidated.figures.staffCosts == 3_400_000)
        #expect(t.consolidated.basisText == "mixed (actual, forecast)")
        #expect(t.missing.isEmpty)
        #expect(value(rows, "finance.revenue_reserves", "TRUST")?.value == 233_900)
        #expect(value(rows, "finance.in_year_balance", "TRUST")?.value == -60_090)
        #expect(abs(value(rows, "finance.reserves_pct_gag", "TRUST")!.value! - 233_900.0 / 3_900_000 * 100) < 1e-9)
        // 233,900 / 4,400,000 = 5.32% of income: within DfE's 5–20% framing.
        let flag = try #require(value(rows, "finance.dfe_reserves_flag", "TRUST"))
        #expect(flag.text == "Within")
        #expect(abs(flag.value! - 5.315909090909) < 1e-9)
        // 2023/24: only Alder and Cedar have figures; the rest are listed as missing.
        let t23 = try #require(f.trustYears.first { $0.year == AcademicYear(startYear: 2023) })
        #expect(t23.consolidated.figures.carriedForward == 69_990)
        #expect(t23.missing == ["Birch Primary", "Damson Primary", "Elm Primary", "Central services"])
        // 69,990 / 2,080,000 income = 3.36%: below 5%.
        #expect(value(rows, "finance.dfe_reserves_flag", "TRUST", year: "2023/24")?.text == "Below")
        // Central rows are there under CENTRAL.
        #expect(value(rows, "finance.revenue_reserves", "CENTRAL")?.value == 100_000)
        #expect(value(rows, "finance.revenue_reserves", "CENTRAL")?.school == "Central services")
    }

    @Test func everyFinanceMeasureIsInTheCatalogue() throws {
        let (trust, _) = try analyse()
        let unknown = Set(trust.measures.map(\.measure).filter { !MeasureCatalog.isKnown($0) })
        #expect(unknown.isEmpty, "not in MeasureCatalog: \(unknown.sorted())")
    }
}
