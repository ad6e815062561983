/// The finance category set at the review before this one, with the warning notice then in force: what
/// decides Unacceptable ("warning-notice targets missed — needs the previous category as input",
/// domain.md). From the trust judgements file when it holds an earlier review with a finance category,
/// else finance.csv's `previous_category`, else the pipeline's `finance.previous_categories`.
public struct PreviousReview: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case judgements = "the trust judgements file"
        case financeFile = "finance.csv (previous_category)"
        case setting = "the pipeline (finance.previous_categories)"
    }

    public var category: TrustCategory
    public var source: Source
    /// The review's date and term (judgements file only).
    public var date: CalendarDate?
    public var term: String?
    /// The warning notice as the review recorded it: nil when not stated (or the source has no such field).
    public var warningNotice: WarningNoticeStatus?
    public var warningNoticeIssued: CalendarDate?
    /// The date the notice's targets were to be met by.
    public var warningNoticeDeadline: CalendarDate?

    public init(category: TrustCategory, source: Source, date: CalendarDate? = nil, term: String? = nil,
                warningNotice: WarningNoticeStatus? = nil, warningNoticeIssued: CalendarDate? = nil,
                warningNoticeDeadline: CalendarDate? = nil) {
        self.category = category
        self.source = source
        self.date = date
        self.term = term
        self.warningNotice = warningNotice
        self.warningNoticeIssued = warningNoticeIssued
        self.warningNoticeDeadline = warningNoticeDeadline
    }

    /// The review before the one that stands for `year`, from one academy's reviews (any order). When the
    /// latest review dated in or before `year` is in `year`, it is this year's review and the one before
    /// it is the previous; when no review is dated in `year` yet, this year's assessment is the new one
    /// and the latest review is the previous. Reviews with no finance category are passed over.
    public static func from(_ reviews: [TrustJudgement], year: AcademicYear) -> PreviousReview? {
        let upTo = reviews.filter { $0.reviewDate.academicYear <= year }.sorted { $0.reviewDate < $1.reviewDate }
        guard let latest = upTo.last else { return nil }
        let earlier = latest.reviewDate.academicYear == year ? upTo.dropLast() : upTo[...]
        guard let review = earlier.last(where: { $0.finance.category != nil }), let category = review.finance.category else { return nil }
        let f = review.finance
        return PreviousReview(category: category, source: .judgements, date: review.reviewDate, term: review.term,
                              warningNotice: f.warningNotice, warningNoticeIssued: f.warningNoticeIssued,
                              warningNoticeDeadline: f.warningNoticeDeadline)
    }

    /// "the previous review (Summer 2024, 12/07/2024)", or "the previous review" when undated.
    var said: String {
        let when = [term, date?.uk].compactMap { $0 }.joined(separator: ", ")
        return when.isEmpty ? "the previous review" : "the previous review (\(when))"
    }

    /// The last day of an academy financial year (31 August): the date its year-end figures stand at.
    static func yearEnd(_ year: AcademicYear) -> CalendarDate { CalendarDate(year: year.endYear, month: 8, day: 31)! }

    /// Whether the figures for `year`, which indicate Poor, make the category Unacceptable, in plain words.
    /// Unacceptable when the previous review set Poor or worse and its warning notice's targets were
    /// missed: still Poor at the end of a year by which the targets were due. A notice recorded as None
    /// or Lifted set no targets to miss; targets due after the year's end are not missed yet. When the
    /// source records no notice (finance.csv, the pipeline setting, a blank cell), a Poor category is
    /// the warning-notice level, so its targets stand and still Poor is missed.
    func decide(year: AcademicYear, basis: String) -> (unacceptable: Bool, reason: String) {
        guard category >= .poor else {
            return (false, "not Unacceptable: \(category.rawValue) at \(said), so no warning-notice targets were due")
        }
        let poorThen = "\(category.rawValue) at \(said)"
        switch warningNotice {
        case WarningNoticeStatus.none?:
            return (false, "not Unacceptable: \(poorThen) but no warning notice was issued, so no targets were missed")
        case WarningNoticeStatus.lifted?:
            let when = warningNoticeDeadline.map { " (\($0.uk))" } ?? ""
            return (false, "not Unacceptable: the warning notice of \(said) was lifted\(when)")
        case WarningNoticeStatus.issued?:
            let issued = warningNoticeIssued.map { " issued \($0.uk)" } ?? ""
            if let due = warningNoticeDeadline, Self.yearEnd(year) < due {
                return (false, "not Unacceptable yet: the warning notice's targets are due by \(due.uk), after the end of \(year)")
            }
            let due = warningNoticeDeadline.map { ", targets by \($0.uk)" } ?? ""
            return (true, "warning-notice targets missed: \(poorThen) with a warning notice\(issued)\(due), and still Poor on the \(year) \(basis) figures")
        case nil:
            return (true, "warning-notice targets missed: \(poorThen) and still Poor")
        }
    }
}
