import Testing
@testable import TrustData

/// The category rules at their boundaries, on figures worked by hand (GAG £1,000,000 throughout, so
/// 1% of GAG is £10,000).
@Suite struct TrustCategoryTests {
    let settings = FinanceSettings()
    let year = AcademicYear(startYear: 2024)

    /// Reserves carried forward `cf`, in-year balance `balance` (income £1,200,000), opening = cf − balance.
    func year(cf: Double, balance: Double = 0, basis: FinanceStatus = .actual) -> FinanceYear {
        let income = 1_200_000.0
        return FinanceYear(year: year, basis: basis, figures: FinanceFigures(
            gag: 1_000_000, otherDfE: 100_000, otherGovernment: 50_000, selfGenerated: 50_000, totalIncome: income,
            staffCosts: 900_000, totalExpenditure: income - balance, broughtForward: cf - balance, carriedForward: cf))
    }

    func assess(_ y: FinanceYear, over: [CostCentreResult] = [], previous: TrustCategory? = nil) -> FinanceCategoryResult {
        FinanceCategoryResult.assess(y, overProfile: over, previous: previous, settings: settings)
    }

    @Test func exactlyFivePercentOfGAGIsUniversal() {
        let r = assess(year(cf: 50_000, balance: 20_000))
        #expect(r.category == .universal)
        #expect(r.reasons == ["reserves 5.00% of GAG (at least 5%)", "balanced in-year (actual surplus £20,000)"])
    }

    @Test func justBelowFivePercentIsConcerning() {
        let r = assess(year(cf: 49_999))
        #expect(r.category == .concerning)
        #expect(r.reasons == ["reserves £49,999 are 5.00% of GAG, below the 5% Universal level"])
    }

    @Test func exactlyThreePercentIsNotPoor() {
        let r = assess(year(cf: 30_000))
        #expect(r.category == .concerning)
        #expect(r.reasons == ["reserves £30,000 are 3.00% of GAG, below the 5% Universal level"])
    }

    @Test func belowThreePercentIsPoor() {
        let r = assess(year(cf: 29_900))
        #expect(r.category == .poor)
        #expect(r.reasons == ["reserves £29,900 are 2.99% of GAG, below the 3% warning level",
                              "whether the warning-notice targets were missed (Unacceptable) cannot be assessed: no finance category from a previous review"])
    }

    @Test func aBalancedBudgetIsAZeroBalance() {
        // In-year balance exactly £0 counts as balanced.
        #expect(assess(year(cf: 60_000, balance: 0)).category == .universal)
    }

    @Test func aDeficitCoveredByReservesIsConcerning() {
        // Opening reserves £110,000, forecast deficit £10,000 → carried forward £100,000 (10% of GAG).
        let r = assess(year(cf: 100_000, balance: -10_000, basis: .forecast))
        #expect(r.category == .concerning)
        #expect(r.reasons == ["forecast in-year deficit £10,000 (covered by reserves of £110,000 at the start of the year)"])
    }

    @Test func aDeficitReservesCannotCoverIsPoor() {
        // Opening £80,000, deficit £100,000, a £30,000 transfer in → carried forward £10,000 (1% of GAG):
        // both Poor rules, not Deficient (the reserves are not below £0).
        var y = year(cf: 10_000, balance: -100_000, basis: .forecast)
        y.figures.broughtForward = 80_000
        y.figures.transfers = 30_000
        let r = assess(FinanceYear(year: year, basis: .forecast, figures: y.figures))
        #expect(r.category == .poor)
        #expect(r.reasons == ["reserves £10,000 are 1.00% of GAG, below the 3% warning level",
                              "forecast in-year deficit £100,000 exceeds the reserves of £80,000 at the start of the year",
                              "whether the warning-notice targets were missed (Unacceptable) cannot be assessed: no finance category from a previous review"])
    }

    /// Deficient at its boundary: carried forward −£1 is a deficit, £0 is not (deficient_reserves_below: 0).
    @Test func reservesInDeficitAreDeficient() {
        let r = assess(year(cf: -20_000, balance: -100_000, basis: .forecast))
        #expect(r.category == .deficient)
        #expect(r.reasons == ["revenue reserves are in deficit: -£20,000 at the end of the year",
                              "reserves -£20,000 are -2.00% of GAG, below the 3% warning level",
                              "forecast in-year deficit £100,000 exceeds the reserves of £80,000 at the start of the year"])
        #expect(assess(year(cf: -1)).category == .deficient)
        #expect(assess(year(cf: 0)).category == .poor)
        // Deficient is the last level, beyond Unacceptable, whatever the previous review said.
        #expect(assess(year(cf: -1), previous: .poor).category == .deficient)
        #expect(TrustCategory.deficient > .unacceptable && TrustCategory.unacceptable > .poor)
        #expect(TrustCategory(parsing: "deficient") == .deficient)
    }

    @Test func poorAfterPoorIsUnacceptable() {
        let r = assess(year(cf: 29_900), previous: .poor)
        #expect(r.category == .unacceptable)
        #expect(r.previous == .poor)
        #expect(r.reasons.first == "warning-notice targets missed: Poor at the previous review and still Poor")
        // Poor after Concerning stays Poor; a recovered academy is not Unacceptable.
        #expect(assess(year(cf: 29_900), previous: .concerning).category == .poor)
        #expect(assess(year(cf: 60_000, balance: 1), previous: .poor).category == .universal)
    }

    @Test func costCentreOverProfileByMoreThanTheMarginIsConcerning() {
        // Month 6: profile = 300,000 × 6/12 = 150,000; margin 5% → limit 157,500.
        let atMargin = CostCentreResult(costCentre: "Teaching", month: 6, annualBudget: 300_000, actualToDate: 157_500, forecastOutturn: nil)
        let over = CostCentreResult(costCentre: "Teaching", month: 6, annualBudget: 300_000, actualToDate: 160_000, forecastOutturn: 318_000)
        #expect(!atMargin.isOverProfile(marginPct: 5))
        #expect(over.isOverProfile(marginPct: 5))
        #expect(abs(over.spendVsProfilePct! - 160_000.0 / 150_000 * 100) < 1e-9)
        #expect(over.forecastVariance == 18_000)
        let r = assess(year(cf: 60_000, balance: 5_000), over: [over])
        #expect(r.category == .concerning)
        #expect(r.reasons == ["cost centre Teaching spent £160,000 by month 6, 106.67% of its straight-line profile £150,000 (margin 5%)"])
    }

    @Test func thresholdsComeFromTheSettings() throws {
        let yaml = """
        version: 1
        name: t
        trust: T
        academic_year: 2024/25
        inputs: {schools: s.csv}
        finance: {universal_reserves_pct_gag: 8, poor_reserves_pct_gag: 4, previous_categories: {"100001": poor}}
        """
        let config = try PipelineConfig.parse(yaml: yaml, path: "t.yml")
        #expect(config.finance.universalReservesPctGAG == 8)
        #expect(config.finance.overProfileMarginPct == 5)
        let r = FinanceCategoryResult.assess(year(cf: 35_000), overProfile: [], previous: nil, settings: config.finance)
        #expect(r.category == .poor)   // 3.5% < 4%
        let bad = yaml.replacingOccurrences(of: "poor_reserves_pct_gag: 4", with: "poor_reserves_pct_gag: 9")
        #expect(throws: PipelineError.self) { try PipelineConfig.parse(yaml: bad, path: "t.yml") }
    }

    @Test func monthsAreMonthsOfTheAcademyYear() {
        #expect(MonitoringLine.month(parsing: "1") == 1)
        #expect(MonitoringLine.month(parsing: "September") == 1)
        #expect(MonitoringLine.month(parsing: "Sept") == 1)
        #expect(MonitoringLine.month(parsing: "feb") == 6)
        #expect(MonitoringLine.month(parsing: "August") == 12)
        #expect(MonitoringLine.month(parsing: "13") == nil)
        #expect(MonitoringLine.month(parsing: "Ju") == nil)
    }
}
