import Testing
@testable import TrustData

/// The default education category rules on hand-built figures (national KS2 RWM 61%, attendance 94.5%;
/// thresholds: results close to = 5, well below = 10; attendance close to = 1, well below = 2).
@Suite struct EducationCategoryTests {
    func category(rwm: Double, attendance: Double = 94.5, previous: String? = nil, set: String? = nil) -> SupportAssessment {
        var f = FrameworkFixture()
        f.add("ks2.rwm.expected", rwm, national: 61)
        f.add("attendance.attendance_rate", attendance, national: 94.5)
        f.add("attendance.persistent_absence", 14, national: 14)
        if let previous { f.add("judgements.previous_education_category", nil, text: previous) }
        if let set { f.add("judgements.education_category", nil, text: set) }
        return f.assess()
    }

    @Test func resultsBoundaries() {
        // 56 − 61 = −5: within "close to" (below by MORE than 5 is needed) → Universal.
        #expect(category(rwm: 56).educationCategory?.category == .universal)
        // 55 − 61 = −6 → Concerning.
        #expect(category(rwm: 55).educationCategory?.category == .concerning)
        // 51 − 61 = −10: not more than 10 below → still Concerning.
        #expect(category(rwm: 51).educationCategory?.category == .concerning)
        // 50 − 61 = −11 → Poor.
        let poor = category(rwm: 50).educationCategory
        #expect(poor?.category == .poor)
        #expect(poor?.reasons.hasPrefix("Reading, writing and maths combined: % at the expected standard (all pupils) 2024/25: 50.0% vs national 61.0% (-11.0 points; 30 pupils)") == true)
    }

    @Test func attendanceBoundaries() {
        // 93.5 − 94.5 = −1.0: close to → Universal; 93.4: −1.1 → Concerning; 92.4: −2.1 → Poor.
        #expect(category(rwm: 61, attendance: 93.5).educationCategory?.category == .universal)
        #expect(category(rwm: 61, attendance: 93.4).educationCategory?.category == .concerning)
        #expect(category(rwm: 61, attendance: 92.4).educationCategory?.category == .poor)
    }

    /// Unacceptable: Poor (or worse) at the previous review and a Poor condition still holds.
    @Test func unacceptableNeedsThePreviousReview() {
        #expect(category(rwm: 50, previous: "Poor").educationCategory?.category == .unacceptable)
        #expect(category(rwm: 50, previous: "Concerning").educationCategory?.category == .poor)
        #expect(category(rwm: 55, previous: "Poor").educationCategory?.category == .concerning)
    }

    @Test func setBesideIndicatedIsFlagged() {
        let a = category(rwm: 50, set: "Concerning")
        let education = a.categories.first { $0.area == "Education" }
        #expect(education?.set == "Concerning")
        #expect(education?.indicated == "Poor")
        #expect(education?.differs == true)
        #expect(education?.summary == "set Concerning; figures indicate Poor — differs: review")
        let agree = category(rwm: 55, set: "concerning").categories.first { $0.area == "Education" }
        #expect(agree?.differs == false)
        // No finance figures and no set finance category: neither side known, no flag.
        let finance = a.categories.first { $0.area == "Finance" }
        #expect(finance?.differs == nil)
        #expect(finance?.summary == "no category set in the judgements file; figures indicate nothing (not in this run)")
    }

    /// The finance category the CFO set against `finance.category` from the finance slice.
    @Test func financeSetBesideFigures() {
        var f = FrameworkFixture.atNational()
        f.add("finance.category", nil, text: "Concerning")
        f.add("finance.category_reasons", nil, text: "reserves 3.21% of GAG, below the 5% Universal level")
        f.add("judgements.finance_category", nil, text: "Universal")
        f.add("judgements.review_date", nil, text: "11/12/2024 (Autumn 2024)")
        let finance = f.assess().categories.first { $0.area == "Finance" }
        #expect(finance?.summary == "set Universal on 11/12/2024 (Autumn 2024); figures indicate Concerning — differs: review")
        #expect(finance?.reasons == "reserves 3.21% of GAG, below the 5% Universal level")
    }

    /// A school with no results or attendance: Universal, with the worse categories it could not rule out named.
    @Test func missingFiguresAreNamed() {
        let a = FrameworkFixture().assess().educationCategory
        #expect(a?.category == .universal)
        #expect(a?.unresolved.first == "Deficient not ruled out (no ofsted.overall_effectiveness (all), ofsted.category_of_concern (all), ofsted.safeguarding (all), ofsted.report_card.leadership_and_governance (all))")
        #expect(a?.unresolved.dropFirst().first == "Unacceptable not ruled out (no judgements.previous_education_category (all), ks2.rwm.expected (all), phonics.y1.expected (all), attendance.attendance_rate (all))")
    }
}

/// The roll trend and the falling-roll trigger (threshold falling_roll_pct = 5).
@Suite struct RollTrendTests {
    /// 200 pupils last year, 189 this year: −11 pupils, −5.5% → a falling roll; 190 (−5.0%) is not.
    @Test func fallingRollBoundary() {
        func fired(_ now: Double) -> Bool {
            var f = FrameworkFixture.atNational()
            f.add("context.roll_change_pct", (now - 200) * 100 / 200)
            return f.assess().triggers.contains { $0.id == "falling_roll" }
        }
        #expect(fired(189))
        #expect(!fired(190))
        #expect(!fired(230))
    }

    /// Rolls of 5, 4 and 6 pupils over three roster years at a school of capacity 10.
    @Test func rollByYearWithChangeAndCapacity() throws {
        let school = School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: 10)
        var pupils: [Pupil] = []
        for (year, count) in [(2022, 5), (2023, 4), (2024, 6)] {
            for k in 0..<count {
                let rest = String(format: "881200%02d%04d", year % 100, k)
                let upn = String(UPN.checkLetter(for: Array(rest))) + rest
                pupils.append(Pupil(academicYear: AcademicYear(startYear: year), urn: school.urn, upn: upn, surname: "S", forename: "F",
                                    dateOfBirth: nil, yearGroup: 3, characteristics: PupilCharacteristics(gender: nil, disadvantaged: k == 0, sen: nil, eal: nil)))
            }
        }
        let context = FrameworkTestContext.make(schools: [school], roster: PupilRoster(pupils))
        let rows = ContextMeasures.school(school, context: context)
        func value(_ id: String, _ year: String) -> Double? { rows.first { $0.measure == id && $0.year == year }?.value }
        #expect(value("context.number_on_roll", "2022/23") == 5)
        #expect(value("context.number_on_roll", "2023/24") == 4)
        #expect(value("context.number_on_roll", "2024/25") == 6)
        #expect(value("context.roll_change", "2022/23") == nil)        // no roster the year before
        #expect(value("context.roll_change", "2023/24") == -1)
        #expect(value("context.roll_change_pct", "2023/24") == -20)    // −1 of 5
        #expect(value("context.roll_change", "2024/25") == 2)
        #expect(value("context.roll_change_pct", "2024/25") == 50)     // +2 of 4
        #expect(value("context.capacity_used", "2023/24") == 40)       // 4 of 10
        #expect(value("context.capacity_used", "2024/25") == 60)
        #expect(value("context.disadvantaged", "2024/25").map { ($0 * 100).rounded() / 100 } == 16.67)   // 1 of 6
    }
}
