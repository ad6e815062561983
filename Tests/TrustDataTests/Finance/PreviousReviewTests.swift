import Testing
@testable import TrustData

/// Unacceptable ("warning-notice targets missed") from the trust judgements file's previous review. The
/// 2024/25 figures are Poor throughout: reserves £29,900 of GAG £1,000,000 = 2.99% (below 3%), a surplus
/// of £0 (balanced), so the only question is the previous review.
@Suite struct PreviousReviewTests {
    let year = AcademicYear(startYear: 2024)

    func poor2024() -> FinanceYear {
        FinanceYear(year: year, basis: .forecast, figures: FinanceFigures(
            gag: 1_000_000, otherDfE: 100_000, otherGovernment: 50_000, selfGenerated: 50_000, totalIncome: 1_200_000,
            staffCosts: 900_000, totalExpenditure: 1_200_000, broughtForward: 29_900, carriedForward: 29_900))
    }

    func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    func review(_ date: String, _ term: String, _ category: TrustCategory?, notice: WarningNoticeStatus? = nil,
                issued: String? = nil, due: String? = nil) -> TrustJudgement {
        TrustJudgement(urn: "100001", reviewDate: self.date(date), term: term, educationCategory: nil, rep: .init(),
                       finance: FinanceJudgement(category: category, warningNotice: notice,
                                                 warningNoticeIssued: issued.map(self.date), warningNoticeDeadline: due.map(self.date)),
                       healthCheckDate: nil, nextSteps: nil, curriculumTiers: [], notes: nil)
    }

    func assess(_ previous: PreviousReview?) -> FinanceCategoryResult {
        FinanceCategoryResult.assess(poor2024(), overProfile: [], previousReview: previous, settings: FinanceSettings())
    }

    /// One row per review date: with a review in 2024/25 (Autumn 2024) the previous is the one before it
    /// (Summer 2024); with none in 2024/25 yet, the latest (Summer 2024) is the previous. A review with no
    /// finance category is passed over; a review after the pipeline's year is not read.
    @Test func thePreviousReviewIsTheOneBeforeThisYears() throws {
        let summer = review("10/07/2024", "Summer 2024", .poor, notice: .issued, issued: "01/03/2024", due: "31/07/2024")
        let autumn = review("11/12/2024", "Autumn 2024", .poor)
        let later = review("01/10/2025", "Autumn 2025", .universal)
        let p = try #require(PreviousReview.from([autumn, later, summer], year: year))
        #expect(p.date == date("10/07/2024") && p.category == .poor && p.warningNotice == .issued)
        #expect(p.warningNoticeDeadline == date("31/07/2024") && p.source == .judgements)
        #expect(PreviousReview.from([summer], year: year)?.date == date("10/07/2024"))
        #expect(PreviousReview.from([autumn], year: year) == nil)
        let blank = review("01/04/2024", "Spring 2024", nil)
        #expect(PreviousReview.from([summer, blank, autumn], year: year)?.date == date("10/07/2024"))
        #expect(PreviousReview.from([blank, autumn], year: year) == nil)
    }

    /// Poor at Summer 2024 with a notice whose targets were due 31/07/2025, on or before the end of 2024/25
    /// (31/08/2025), and still Poor on the 2024/25 figures: the targets were missed.
    @Test func poorLastReviewAndTargetsMissedIsUnacceptable() throws {
        let p = try #require(PreviousReview.from([review("10/07/2024", "Summer 2024", .poor, notice: .issued, issued: "01/03/2024", due: "31/07/2025")], year: year))
        let r = assess(p)
        #expect(r.category == .unacceptable)
        #expect(r.reasons == ["warning-notice targets missed: Poor at the previous review (Summer 2024, 10/07/2024) with a warning notice issued 01/03/2024, targets by 31/07/2025, and still Poor on the 2024/25 forecast figures",
                              "reserves £29,900 are 2.99% of GAG, below the 3% warning level"])
        #expect(r.previous == .poor)
        // Due on the last day of the year itself: the year-end figures are the test, still missed.
        var lastDay = p
        lastDay.warningNoticeDeadline = date("31/08/2025")
        #expect(assess(lastDay).category == .unacceptable)
        // Unacceptable at the previous review (targets missed then too) and still Poor: Unacceptable.
        var again = p
        again.category = .unacceptable
        #expect(assess(again).category == .unacceptable)
    }

    /// Each way the previous review leaves the academy Poor, said in plain words.
    @Test func poorStaysPoorWhenNoTargetsWereMissed() {
        let base = PreviousReview(category: .poor, source: .judgements, date: date("10/07/2024"), term: "Summer 2024",
                                  warningNotice: .issued, warningNoticeIssued: date("01/03/2024"), warningNoticeDeadline: date("01/09/2025"))
        // Targets due a day after the year's end (31/08/2025): not missed yet.
        let notYet = assess(base)
        #expect(notYet.category == .poor)
        #expect(notYet.reasons.last == "not Unacceptable yet: the warning notice's targets are due by 01/09/2025, after the end of 2024/25")
        var none = base
        none.warningNotice = WarningNoticeStatus.none
        #expect(assess(none).category == .poor)
        #expect(assess(none).reasons.last == "not Unacceptable: Poor at the previous review (Summer 2024, 10/07/2024) but no warning notice was issued, so no targets were missed")
        var lifted = base
        lifted.warningNotice = .lifted
        lifted.warningNoticeDeadline = date("30/06/2024")
        #expect(assess(lifted).category == .poor)
        #expect(assess(lifted).reasons.last == "not Unacceptable: the warning notice of the previous review (Summer 2024, 10/07/2024) was lifted (30/06/2024)")
        let concerning = PreviousReview(category: .concerning, source: .judgements, date: date("10/07/2024"), term: "Summer 2024")
        #expect(assess(concerning).category == .poor)
        #expect(assess(concerning).reasons.last == "not Unacceptable: Concerning at the previous review (Summer 2024, 10/07/2024), so no warning-notice targets were due")
        let nothing = assess(nil)
        #expect(nothing.category == .poor)
        #expect(nothing.reasons.last == "whether the warning-notice targets were missed (Unacceptable) cannot be assessed: no finance category from a previous review")
    }

    /// Reserves −£1 are Deficient whatever the previous review: the last level, beyond Unacceptable.
    @Test func deficientWhateverThePreviousReview() {
        var y = poor2024()
        y.figures.carriedForward = -1
        let p = PreviousReview(category: .poor, source: .judgements, warningNotice: .issued, warningNoticeDeadline: date("31/07/2025"))
        let r = FinanceCategoryResult.assess(FinanceYear(year: year, basis: .forecast, figures: y.figures), overProfile: [], previousReview: p, settings: FinanceSettings())
        #expect(r.category == .deficient)
        #expect(r.reasons.first == "revenue reserves are in deficit: -£1 at the end of the year")
    }
}
