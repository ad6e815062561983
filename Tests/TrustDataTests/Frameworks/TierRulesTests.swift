import Testing
@testable import TrustData

/// The default tiers (pipelines/sample.yml), boundary by boundary. Thresholds: attendance close to =
/// 1 point, well below = 2; persistent absence close to = 2 above, well above = 5; results close to =
/// 5 points; flat = a change of at most 1 point.
@Suite struct TierRulesTests {
    @Test func atNationalEverywhereIsLead() {
        let a = FrameworkFixture.atNational().assess()
        #expect(a.tier?.tier == 1)
        #expect(a.tierLabel == "Tier 1 Lead")
        #expect(a.tier?.evidence.count == 2)   // RWM and attendance, both at or above national
    }

    @Test func anyAreaJustBelowNationalIsGrow() {
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 60.9, national: 61.0, last: 58.0)   // 0.1 below: isolated area below
        let a = f.assess()
        #expect(a.tier?.tier == 2)
        #expect(a.tier?.evidence.map(\.measure) == ["ks2.rwm.expected"])
    }

    @Test func persistentAbsenceAboveNationalIsAnAreaBelowForGrow() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.persistent_absence", 15.0, national: 14.0)   // 1 point worse: close to, but below
        #expect(f.assess().tier?.tier == 2)
    }

    @Test func resultsFivePointsBelowAreStillCloseToNational() {
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 56.0, national: 61.0, last: 50.0)
        #expect(f.assess().tier?.tier == 2)
        f.set("ks2.rwm.expected", 55.9, national: 61.0, last: 50.0)     // 5.1 below: beyond close to
        let a = f.assess()
        #expect(a.tier?.tier == 3)
        #expect(a.tier?.evidence.first?.test == "KS2 RWM below national")
        #expect(a.tier?.evidence.first?.difference.map { ($0 * 10).rounded() / 10 } == -5.1)
    }

    @Test func attendanceOnePointBelowIsCloseButMoreIsReinvent() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.attendance_rate", 93.5, national: 94.5)         // exactly 1 below: close to
        #expect(f.assess().tier?.tier == 2)
        f.set("attendance.attendance_rate", 93.4, national: 94.5)         // 1.1 below
        #expect(f.assess().tier?.tier == 3)
    }

    @Test func persistentAbsenceBoundaryForReinvent() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.persistent_absence", 16.0, national: 14.0)      // 2 above: close to
        #expect(f.assess().tier?.tier == 2)
        f.set("attendance.persistent_absence", 16.5, national: 14.0)
        #expect(f.assess().tier?.tier == 3)
    }

    @Test func attendanceWellBelowWithFlatResultsIsStabilise() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.attendance_rate", 92.0, national: 94.5)         // 2.5 below: well below
        f.set("ks2.rwm.expected", 59.0, national: 61.0, last: 58.0)       // +1.0 on last year: flat
        let a = f.assess()
        #expect(a.tier?.tier == 4)
        #expect(a.tier?.name == "Stabilise")
        #expect(a.tier?.evidence.map(\.test) == ["attendance well below national", "KS2 RWM flat or declining on last year"])
    }

    @Test func improvingResultsKeepAttendanceWellBelowInReinvent() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.attendance_rate", 92.0, national: 94.5)
        f.set("ks2.rwm.expected", 59.5, national: 61.0, last: 58.0)       // +1.5: improving
        #expect(f.assess().tier?.tier == 3)
    }

    @Test func attendanceExactlyTwoBelowIsNotWellBelow() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.attendance_rate", 92.5, national: 94.5)         // 2.0 below: not more than 2
        f.set("ks2.rwm.expected", 50.0, national: 61.0, last: 55.0)       // declining
        #expect(f.assess().tier?.tier == 3)
    }

    @Test func persistentAbsenceWellAboveWithDecliningResultsIsStabilise() {
        var f = FrameworkFixture.atNational()
        f.set("attendance.persistent_absence", 19.5, national: 14.0)      // 5.5 above
        f.set("ks2.rwm.expected", 55.0, national: 61.0, last: 57.0)
        #expect(f.assess().tier?.tier == 4)
    }

    @Test func missingFiguresLeaveTheSchoolNotAssessed() {
        var f = FrameworkFixture()
        f.add("ks2.rwm.expected", 70.0, national: 61.0)                   // no attendance in this run
        let a = f.assess()
        #expect(a.tier == nil)
        #expect(a.tierLabel == "Not assessed")
        #expect(a.tierNote.contains("attendance.attendance_rate (all)"))
    }

    @Test func smallCohortsAreLeftOut() {
        var f = FrameworkFixture.atNational()
        f.rows.removeAll { $0.measure == "ks2.rwm.expected" }
        f.add("ks2.rwm.expected", 25.0, national: 61.0, n: 4, last: 50.0, small: true)
        // RWM for 4 pupils is ignored: Lead needs RWM, so the school cannot be placed on attendance alone.
        #expect(f.assess().tier == nil)
        var keep = FrameworksSettings()
        keep.ignoreSmallCohorts = false
        #expect(f.assess(keep).tier?.tier == 3)
    }
}

@Suite struct TierNoDataTests {
    @Test func missingAttendanceNeverFallsThroughToALighterTier() {
        var f = FrameworkFixture()
        f.add("ks2.rwm.expected", 60.0, national: 61.0, last: 59.0)   // 1 below: would be Grow
        let a = f.assess()
        #expect(a.tier == nil)
        #expect(a.tierNote == "Not assessed: Tier 4 Stabilise cannot be ruled out without figures this run does not have: attendance.attendance_rate (all), attendance.persistent_absence (all)")
    }
}
