import Testing
@testable import TrustData

@Suite struct InterventionTriggerTests {
    func fired(_ f: FrameworkFixture) -> [String] { f.assess().triggers.map(\.id) }

    @Test func atNationalFiresNothing() {
        let a = FrameworkFixture.atNational().assess()
        #expect(a.triggers.isEmpty)
        #expect(a.supportLevel == .core)   // tier 1's own level: the universal offer
    }

    /// Trust business plan: a subject or pupil group below national is an additional support trigger.
    @Test func aGroupBelowNationalIsAdditionalWithEvidence() {
        var f = FrameworkFixture.atNational()
        f.add("ks2.maths.expected", 50.0, national: 60.0, group: "disadvantaged", n: 12)
        f.add("ks2.maths.expected", 75.0, national: 73.0)                 // all pupils above: not evidence
        let a = f.assess()
        #expect(a.triggers.map(\.id) == ["below_national"])
        #expect(a.supportLevel == .additional)
        let e = try! #require(a.triggers.first?.evidence.first)
        #expect(e.group == "disadvantaged")
        #expect(e.difference == -10)
        #expect(e.summary == "Maths: % at the expected standard (disadvantaged) 2024/25: 50.0% vs national 60.0% (-10.0 points; 12 pupils) — more than 0 points below national")
    }

    @Test func disadvantagedGapWidensByMoreThanThreePoints() {
        var f = FrameworkFixture.atNational()
        f.add("ks2.rwm.disadvantaged_gap_vs_national_other", -20.0, last: -17.0)   // 3.0 wider: not more than 3
        #expect(!fired(f).contains("disadvantaged_gap_widens"))
        f.set("ks2.rwm.disadvantaged_gap_vs_national_other", -20.5, last: -17.0)   // 3.5 wider
        let a = f.assess()
        #expect(a.triggers.map(\.id) == ["disadvantaged_gap_widens"])
        #expect(a.supportLevel == .additional)
        #expect(a.triggers[0].evidence[0].difference == -3.5)
        f.set("ks2.rwm.disadvantaged_gap_vs_national_other", -12.0, last: -17.0)   // narrowing
        #expect(fired(f).isEmpty)
    }

    @Test func attendanceThresholds() {
        var f = FrameworkFixture.atNational()
        f.add("attendance.severe_absence", 2.0, national: 1.0)                     // 1 above: not more than 1
        #expect(fired(f).isEmpty)
        f.set("attendance.severe_absence", 2.2, national: 1.0)
        #expect(fired(f) == ["attendance_threshold"])
        f.set("attendance.severe_absence", 1.0, national: 1.0)
        f.set("attendance.persistent_absence", 16.1, national: 14.0)             // 2.1 above
        #expect(fired(f) == ["attendance_threshold"])
    }

    @Test func deficitBudgetForecast() {
        var f = FrameworkFixture.atNational()
        f.add("finance.in_year_balance", 0)
        #expect(fired(f).isEmpty)                                                 // balanced is not a deficit
        f.set("finance.in_year_balance", -12_000)
        let a = f.assess()
        #expect(a.triggers.map(\.id) == ["deficit_budget"])
        #expect(a.triggers[0].evidence[0].summary == "In-year balance (£) 2024/25: -£12,000 — in-year deficit")
    }

    @Test func poorFinanceCategoryOrLowReservesIsIntensive() {
        var f = FrameworkFixture.atNational()
        f.add("finance.category", nil, text: "Concerning")
        f.add("finance.reserves_pct_gag", 3.0)                                    // exactly 3: not below
        var a = f.assess()
        #expect(a.triggers.isEmpty)
        #expect(a.financeCategory == "Concerning")
        f.set("finance.reserves_pct_gag", 2.9)
        #expect(fired(f) == ["finance_poor"])
        f.set("finance.reserves_pct_gag", 8)
        f.rows.removeAll { $0.measure == "finance.category" }
        f.add("finance.category", nil, text: "poor")                                // case-insensitive
        a = f.assess()
        #expect(a.triggers.map(\.id) == ["finance_poor"])
        #expect(a.supportLevel == .intensive)
    }

    @Test func significantlyBelowNationalInAKeyMeasure() {
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 51.0, national: 61.0, last: 45.0)              // exactly 10 below
        #expect(!fired(f).contains("significantly_below_national"))
        f.set("ks2.rwm.expected", 50.5, national: 61.0, last: 45.0)
        let a = f.assess()
        #expect(a.triggers.map(\.id) == ["below_national", "significantly_below_national"])
        #expect(a.supportLevel == .intensive)
        #expect(a.tier?.tier == 3)
    }
}
