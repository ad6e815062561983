/// One row of the trust's judgements file: what the CEO and CFO set for one academy at one review.
/// No export holds these; the trust writes a small CSV each term (`judgements.csv`).
public struct TrustJudgement: Sendable, Hashable {
    /// One curriculum area's tier, 1 (strongest) to 5 (weakest), as the trust's curriculum review set it.
    public struct CurriculumTier: Sendable, Hashable {
        public var area: String
        public var tier: Int
    }

    public var urn: String
    /// The date of the review that set these judgements (the row's `review_date`).
    public var reviewDate: CalendarDate
    /// The term as the trust names it (`Autumn 2024`), when given.
    public var term: String?
    /// The education category set by the CEO (school-improvement offer).
    public var educationCategory: TrustCategory?
    /// The education recovery plan (REP): status and the dates it started and is next reviewed.
    public var rep: Plan
    /// The finance fields (set by the CFO): what the reserves workbook (issue 19) reads.
    public var finance: FinanceJudgement
    public var healthCheckDate: CalendarDate?
    public var nextSteps: String?
    public var curriculumTiers: [CurriculumTier]
    public var notes: String?
    /// Where the row came from, for messages.
    public var file: String = ""
    public var line: Int = 0

    /// A plan's status with its start and review (or end) dates.
    public struct Plan: Sendable, Hashable {
        public var status: PlanStatus?
        public var start: CalendarDate?
        public var review: CalendarDate?

        public init(status: PlanStatus? = nil, start: CalendarDate? = nil, review: CalendarDate? = nil) {
            self.status = status
            self.start = start
            self.review = review
        }

        /// "Open since 03/02/2025, review 31/03/2025"; nil when no status is given.
        public var text: String? {
            guard let status else { return nil }
            var s = status.rawValue
            if let start { s += status == .closed ? " (opened \(start.uk))" : " since \(start.uk)" }
            if let review { s += status == .closed ? ", closed \(review.uk)" : ", review \(review.uk)" }
            return s
        }
    }

    /// The worst (highest) curriculum tier, what a rule on `judgements.curriculum_tiers` tests.
    public var worstCurriculumTier: Int? { curriculumTiers.map(\.tier).max() }

    /// "English 2; Maths 3; Science 1".
    public var curriculumTiersText: String? {
        curriculumTiers.isEmpty ? nil : curriculumTiers.map { "\($0.area) \($0.tier)" }.joined(separator: "; ")
    }
}

/// The finance judgements the CFO sets for an academy at a review: the finance category, the financial
/// recovery plan (FREP), the warning notice, whether a realistic plan to reach 5% reserves is in place,
/// and whether the directives of the CEO's letter were met. Every field is optional: a blank cell is
/// "not stated", never "no".
///
/// The finance category as the figures indicate it comes from the finance slice (`finance.category`);
/// this is the category the CFO actually set, to be shown beside it.
public struct FinanceJudgement: Sendable, Hashable {
    public var category: TrustCategory?
    /// The financial recovery plan (FREP).
    public var frep: TrustJudgement.Plan
    public var warningNotice: WarningNoticeStatus?
    public var warningNoticeIssued: CalendarDate?
    /// The date the notice's targets are to be met by (or it was lifted).
    public var warningNoticeDeadline: CalendarDate?
    /// A realistic plan to bring reserves to 5% is in place (the Universal category allows "reserves
    /// ≥ 5% or a credible plan").
    public var planToReach5Pct: Bool?
    /// The directives of the CEO's letter to the school were met.
    public var ceoLetterDirectivesMet: Bool?

    public init(category: TrustCategory? = nil, frep: TrustJudgement.Plan = .init(), warningNotice: WarningNoticeStatus? = nil,
                warningNoticeIssued: CalendarDate? = nil, warningNoticeDeadline: CalendarDate? = nil,
                planToReach5Pct: Bool? = nil, ceoLetterDirectivesMet: Bool? = nil) {
        self.category = category
        self.frep = frep
        self.warningNotice = warningNotice
        self.warningNoticeIssued = warningNoticeIssued
        self.warningNoticeDeadline = warningNoticeDeadline
        self.planToReach5Pct = planToReach5Pct
        self.ceoLetterDirectivesMet = ceoLetterDirectivesMet
    }

    /// "Issued 03/02/2025, targets by 31/03/2025"; nil when no status is given.
    public var warningNoticeText: String? {
        guard let warningNotice else { return nil }
        var s = warningNotice.rawValue
        if let warningNoticeIssued { s += " \(warningNoticeIssued.uk)" }
        if let warningNoticeDeadline { s += warningNotice == .lifted ? ", lifted \(warningNoticeDeadline.uk)" : ", targets by \(warningNoticeDeadline.uk)" }
        return s
    }
}
