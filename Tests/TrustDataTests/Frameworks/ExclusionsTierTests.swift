import Testing
@testable import TrustData

/// The default tier 4's "exclusions well above national" (domain.md: tier 4 Stabilise), boundary by
/// boundary. Default thresholds: exclusions well above = more than 2 suspensions per 100 pupils above
/// national; flat = a change on last year of at most 1 point. A 2024/25 rate is compared with the latest
/// published national (England state-funded primary 2023/24: 2.27 per 100), and the reason names the year.
@Suite struct ExclusionsTierTests {
    /// At national on attendance, KS2 RWM 2 points below national and flat on last year (+1.0): without
    /// the exclusions condition an isolated area below national (tier 2 Grow).
    static func flatResults() -> FrameworkFixture {
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 59.0, national: 61.0, last: 58.0)
        return f
    }

    /// The school's 2024/25 suspension rate against the 2023/24 national, as the exclusions slice writes it.
    static func suspensions(_ rate: Double, into f: inout FrameworkFixture) {
        var row = MeasureRow(year: "2024/25", urn: FrameworkFixture.urn, school: "Alder Primary", measure: "exclusions.suspension_rate",
                             numerator: rate * 2, denominator: 200, value: rate, national: 2.27)
        row.nationalYear = "2023/24"
        row.nationalBasis = "LA tables (England row, LAIT) of 2023/24, the latest published"
        f.rows.append(row)
    }

    @Test func justOverTheThresholdWithFlatResultsIsStabilise() {
        var f = Self.flatResults()
        // 8.6 suspensions in 200 pupils = 4.30 per 100: 4.30 − 2.27 = 2.03 above, more than 2.
        Self.suspensions(4.30, into: &f)
        let a = f.assess()
        #expect(a.tier?.tier == 4)
        #expect(a.tier?.evidence.map(\.test) == ["suspensions well above national", "KS2 RWM flat or declining on last year"])
        let e = try? #require(a.tier?.evidence.first)
        #expect(e?.comparisonValue == 2.27 && e?.difference.map { ($0 * 100).rounded() / 100 } == 2.03)
        // The year of the national figure is named in the reason, on the card and on the Support sheet.
        #expect(e?.brief == "Suspension rate 4.30 vs national 2023/24 2.27 (+2.03 per 100 pupils; n=200)")
        #expect(e?.summary.hasPrefix("Suspension rate (suspensions per 100 pupils on roll) (all pupils) 2024/25: 4.30 vs national 2023/24 2.27 (+2.03 per 100 pupils; 200 pupils)") == true)
        #expect(e?.nationalBasis == "LA tables (England row, LAIT) of 2023/24, the latest published")
    }

    @Test func justUnderTheThresholdIsNotStabilise() {
        var f = Self.flatResults()
        // 4.26 − 2.27 = 1.99 above: not more than 2, so tier 4 does not hold; RWM 2 below national → Grow.
        Self.suspensions(4.26, into: &f)
        let a = f.assess()
        #expect(a.tier?.tier == 2)
        #expect(a.tier?.evidence.map(\.measure) == ["ks2.rwm.expected"])
    }

    @Test func wellAboveButImprovingResultsIsNotStabilise() {
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 59.5, national: 61.0, last: 58.0)     // +1.5 on last year: improving
        Self.suspensions(4.30, into: &f)
        #expect(f.assess().tier?.tier == 2)
    }

    @Test func noExclusionsDataIsNotMetNotNotAssessed() {
        // No behaviour export in the run: the condition counts as not met (`if_missing: not_met`), so the
        // school is placed on its other figures rather than "Not assessed".
        let a = Self.flatResults().assess()
        #expect(a.tier?.tier == 2)
        #expect(a.tierLabel == "Tier 2 Grow")
        // Attendance well below still places it in tier 4 without exclusions figures.
        var f = Self.flatResults()
        f.set("attendance.attendance_rate", 92.0, national: 94.5)
        #expect(f.assess().tier?.evidence.map(\.test) == ["attendance well below national", "KS2 RWM flat or declining on last year"])
    }

    @Test func theThresholdIsTheTrustsToSet() throws {
        var settings = FrameworksSettings()
        #expect(settings.thresholds["exclusions_well_above"] == 2)
        settings.thresholds["exclusions_well_above"] = 1.5
        var f = Self.flatResults()
        Self.suspensions(3.8, into: &f)                                   // 1.53 above: well above at 1.5, not at 2
        #expect(f.assess(settings).tier?.tier == 4)
        #expect(f.assess().tier?.tier == 2)
    }
}
