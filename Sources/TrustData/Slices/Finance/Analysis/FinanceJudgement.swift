/// The category the figures indicate beside the one the CEO/CFO set, and the category last time: what the
/// Summary sheet shows and flags.
public struct FinanceCategoryView: Sendable, Hashable {
    public var indicated: FinanceCategoryResult
    public var judgement: FinanceJudgement?
    /// The previous review's category, else the one last year's figures indicate (`previousFromFigures`).
    public var previous: TrustCategory?
    public var previousFromFigures: Bool

    /// The category the CEO/CFO set (the same `TrustCategory` as the one indicated).
    public var setCategory: TrustCategory? { judgement?.category }

    /// The category that stands: the one set, else the one indicated.
    public var current: TrustCategory { setCategory ?? indicated.category }

    /// True when a category was set and differs from the one the figures indicate.
    public var differs: Bool { setCategory.map { $0 != indicated.category } ?? false }

    /// "Set Concerning where the figures indicate Poor (a plan to reach 5% is in place)".
    public func differenceText(_ s: FinanceSettings) -> String? {
        guard differs, let set = setCategory else { return nil }
        let direction = set < indicated.category ? "milder than" : "stricter than"
        var text = "Set \(set.rawValue), \(direction) the \(indicated.category.rawValue) the figures indicate"
        if set < indicated.category, let plan = judgement?.planToReach5Pct {
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
