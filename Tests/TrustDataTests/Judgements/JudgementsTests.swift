import Testing
@testable import TrustData

/// `judgements/judgements.csv`: thirteen rows in the trust's layout (headings as a trust writes them),
/// worked by hand — five kept (one with two warnings' worth of problems is rejected instead), eight rejected.
@Suite struct JudgementsTests {
    static let register = SchoolRegister([
        School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100002", name: "Birch Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100003", name: "Cedar Academy", laName: "Suffolk", phase: "Primary", capacity: nil),
    ])

    func read() throws -> ImportOutcome<TrustJudgement> {
        var seen: Set<String> = []
        return try JudgementsImporter.read(path: fixturePath("judgements/judgements.csv"), displayName: "judgements.csv",
                                           register: Self.register, seen: &seen)
    }

    @Test func everyRowIsAccountedFor() throws {
        let o = try read()
        #expect(o.stats.rowsRead == 12)
        #expect(o.stats.rowsAccepted == 4)
        #expect(o.stats.rowsRejected == 8)
        let rejected = o.issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        #expect(rejected == [
            "6 Education Category unknown_code",   // "Requires improvement" is an Ofsted grade, not a category
            "7 REP Status unknown_code",           // "Paused"
            "8 Curriculum Tiers out_of_range",     // tier 6
            "9 Review Date invalid_date",          // 31 February
            "10 URN unknown_school",
            "11 Review Date duplicate_key",        // Alder's 11/12/2024 review again
            "12 Review Date missing_value",
            "13 Curriculum Tiers invalid_number",  // "Maths" with no tier
        ])
        #expect(o.issues.first { $0.line == 6 }?.message == "`Requires improvement` is not a category; use Universal, Concerning, Poor, Unacceptable, Deficient.")
        // Birch: a warning notice in force beside a Universal finance category is kept, with a warning.
        let warnings = o.issues.filter { $0.severity == .warning }
        #expect(warnings.map { "\($0.line ?? 0) \($0.code.rawValue)" } == ["4 inconsistent_values"])
    }

    @Test func fieldsAreReadByName() throws {
        let alder = try #require(try read().records.first { $0.urn == "100001" && $0.term == "Autumn 2024" })
        #expect(alder.reviewDate == CalendarDate(year: 2024, month: 12, day: 11))
        #expect(alder.educationCategory == .poor)   // "poor": case-insensitive
        #expect(alder.rep == TrustJudgement.Plan(status: .open, start: CalendarDate(year: 2024, month: 6, day: 3),
                                                 review: CalendarDate(year: 2025, month: 2, day: 5)))
        #expect(alder.finance.category == .poor)
        #expect(alder.finance.frep.status == .open)
        #expect(alder.finance.warningNotice == .issued)
        #expect(alder.finance.warningNoticeText == "Issued 06/12/2024, targets by 30/05/2025")
        #expect(alder.finance.planToReach5Pct == false)
        #expect(alder.finance.ceoLetterDirectivesMet == false)
        #expect(alder.curriculumTiers.map { "\($0.area)=\($0.tier)" } == ["English=2", "Maths=5", "Science=1"])
        #expect(alder.worstCurriculumTier == 5)
        #expect(alder.nextSteps == "Attendance first-day calling")
        #expect(alder.notes == "Set with the head")
    }

    /// The review in force is the latest dated in or before the pipeline's year; Birch's September 2025
    /// review belongs to 2025/26 and is not used for 2024/25.
    @Test func currentAndPreviousReviews() throws {
        let records = try read().records
        let byURN = Dictionary(grouping: records, by: \.urn).mapValues { $0.sorted { $0.reviewDate < $1.reviewDate } }
        let year = AcademicYear(startYear: 2024)
        let alder = JudgementsSchoolReport(reviews: byURN["100001"]!, year: year)
        #expect(alder.current?.term == "Autumn 2024")
        #expect(alder.previous?.educationCategory == .poor)
        #expect(alder.previous?.finance.category == .concerning)
        let birch = JudgementsSchoolReport(reviews: byURN["100002"]!, year: year)
        #expect(birch.current?.educationCategory == .universal)
        #expect(birch.previous == nil)
        #expect(JudgementsSchoolReport(reviews: byURN["100002"]!, year: AcademicYear(startYear: 2025)).current?.educationCategory == .concerning)
    }

    @Test func measuresCarryTheSetJudgements() throws {
        let records = try read().records.filter { $0.urn == "100001" }.sorted { $0.reviewDate < $1.reviewDate }
        let school = Self.register.schools[0]
        let rows = JudgementsMeasures.rows(records[1], previous: records[0], school: school, context: FrameworkTestContext.empty)
        func text(_ id: String) -> String? { rows.first { $0.measure == id }?.text }
        #expect(text("judgements.education_category") == "Poor")
        #expect(text("judgements.previous_education_category") == "Poor")
        #expect(text("judgements.finance_category") == "Poor")
        #expect(text("judgements.previous_finance_category") == "Concerning")
        #expect(text("judgements.review_date") == "11/12/2024 (Autumn 2024)")
        #expect(text("judgements.frep_status") == "Open since 21/11/2024, review 19/02/2025")
        #expect(text("judgements.rep_status") == "Open since 03/06/2024, review 05/02/2025")
        #expect(rows.first { $0.measure == "judgements.plan_to_reach_5pct" }?.value == 0)
        #expect(rows.first { $0.measure == "judgements.curriculum_tiers" }?.value == 5)
        #expect(rows.allSatisfy { $0.year == "2024/25" && MeasureCatalog.isKnown($0.measure) })
    }
}
