/// The trust's three levels of support, lightest first (domain.md: core → additional → intensive).
public enum InterventionLevel: String, Decodable, Sendable, Hashable, Comparable, CaseIterable {
    case core, additional, intensive

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int { InterventionLevel.allCases.firstIndex(of: self)! }
    public static func < (a: InterventionLevel, b: InterventionLevel) -> Bool { a.rank < b.rank }

    /// The colour the level is shown in on the card and the Support sheet, the same everywhere:
    /// core green, additional amber, intensive red.
    public var rag: RAG { self == .intensive ? .red : self == .additional ? .amber : .green }
}
