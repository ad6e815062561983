/// The trust's three levels of support, lightest first (domain.md: core → additional → intensive).
public enum InterventionLevel: String, Decodable, Sendable, Hashable, Comparable, CaseIterable {
    case core, additional, intensive

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int { InterventionLevel.allCases.firstIndex(of: self)! }
    public static func < (a: InterventionLevel, b: InterventionLevel) -> Bool { a.rank < b.rank }
}
