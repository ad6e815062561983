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
        #expect(a?.unresolved.first == "Unacceptable not ruled out (no judgements.previous_education_category (all), ks2.rwm.expected (all), phonics.y1.expected (all), attendance.attendance_rate (all))")
    }
}
