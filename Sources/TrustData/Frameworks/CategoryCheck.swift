/// A category the trust set beside the one the figures indicate under the pipeline's rules, for the
/// academy card: "Education: set Concerning on 12/11/2024; figures indicate Poor — differs".
public struct CategoryCheck: Sendable, Hashable {
    /// "Education" or "Finance".
    public var area: String
    /// The category the CEO/CFO set (`judgements.*_category`), or nil when the judgements file gives none.
    public var set: String?
    /// When it was set ("12/11/2024 (Autumn 2024)").
    public var setOn: String?
    /// What the figures indicate, or nil when the run cannot say (no finance figures, say).
    public var indicated: String?
    /// Why the figures indicate it.
    public var reasons: String

    /// True when both are known and differ; nil when either is missing.
    public var differs: Bool? {
        guard let set, let indicated else { return nil }
        return set.caseInsensitiveCompare(indicated) != .orderedSame
    }

    /// "set Concerning on 12/11/2024; figures indicate Poor — differs: review" in words for the card.
    public var summary: String {
        let s = set.map { "set \($0)\(setOn.map { " on \($0)" } ?? "")" } ?? "no category set in the judgements file"
        let i = indicated.map { "figures indicate \($0)" } ?? "figures indicate nothing (not in this run)"
        let flag = differs == true ? " — differs: review" : differs == false ? " — agree" : ""
        return "\(s); \(i)\(flag)"
    }
}
