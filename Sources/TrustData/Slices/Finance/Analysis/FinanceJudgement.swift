/// What the CEO and CFO actually decided for an academy's finances at the review (the finance fields of
/// the trust judgements file): the category they set, whether a realistic plan to reach the Universal
/// reserves level is in place, the FREP (financial recovery plan) or warning-notice status with its
/// dates, and whether the CEO letter's directives were met.
public struct FinanceJudgement: Sendable, Hashable {
    public var urn: String
    public var categorySet: FinanceCategory?
    public var planToReachUniversal: Bool?
    /// As written in the file: "FREP", "Warning notice", "None", …
    public var interventionStatus: String?
    public var interventionStart: CalendarDate?
    public var interventionReview: CalendarDate?
    public var directivesMet: Bool?

    public init(urn: String, categorySet: FinanceCategory? = nil, planToReachUniversal: Bool? = nil, interventionStatus: String? = nil,
                interventionStart: CalendarDate? = nil, interventionReview: CalendarDate? = nil, directivesMet: Bool? = nil) {
        self.urn = urn
        self.categorySet = categorySet
        self.planToReachUniversal = planToReachUniversal
        self.interventionStatus = interventionStatus
        self.interventionStart = interventionStart
        self.interventionReview = interventionReview
        self.directivesMet = directivesMet
    }
}

/// The category the figures indicate beside the one the CEO/CFO set, and the category last time: what the
/// Summary sheet shows and flags.
public struct FinanceCategoryView: Sendable, Hashable {
    public var indicated: FinanceCategoryResult
    public var judgement: FinanceJudgement?
    /// The previous review's category, else the one last year's figures indicate (`previousFromFigures`).
    public var previous: FinanceCategory?
    public var previousFromFigures: Bool

    /// The category that stands: the one set, else the one indicated.
    public var current: FinanceCategory { judgement?.categorySet ?? indicated.category }

    /// True when a category was set and differs from the one the figures indicate.
    public var differs: Bool { judgement?.categorySet.map { $0 != indicated.category } ?? false }

    /// "Set Concerning where the figures indicate Poor (a plan to reach 5% is in place)".
    public func differenceText(_ s: FinanceSettings) -> String? {
        guard differs, let set = judgement?.categorySet else { return nil }
        let direction = set < indicated.category ? "milder than" : "stricter than"
        var text = "Set \(set.rawValue), \(direction) the \(indicated.category.rawValue) the figures indicate"
        if set < indicated.category, let plan = judgement?.planToReachUniversal {
            text += plan ? " (a realistic plan to reach \(FinanceText.number(s.universalReservesPctGAG))% is in place)"
                         : " (and no plan to reach \(FinanceText.number(s.universalReservesPctGAG))% is recorded)"
        }
        return text
    }

    /// The change since the previous category: nil when there is none to compare with.
    public var change: (text: String, rag: RAG?)? {
        guard let previous else { return nil }
        let now = current
        let from = previousFromFigures ? "\(previous.rawValue) (last year's figures)" : previous.rawValue
        if now == previous { return ("No change (\(from))", nil) }
        return now > previous ? ("Worse: \(from) → \(now.rawValue)", .red) : ("Better: \(from) → \(now.rawValue)", .green)
    }

    /// The reasons as one paragraph of plain words: "Poor because reserves £20,000 are 2.50% of GAG, …".
    public var plainReasons: String {
        "\(indicated.category.rawValue) because " + indicated.reasons.joined(separator: "; ") + "."
    }
}
