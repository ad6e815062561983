/// The trust's targets by (year, URN, measure, group).
public struct TargetLookup: Sendable {
    /// A struct key rather than a `"year|urn|measure|group"` string: every measure row looks its target
    /// up, and building the string each time showed in profiles.
    private struct Key: Hashable {
        let year: AcademicYear
        let urn: String
        let measure: String
        let group: String
    }

    private var targets: [Key: Double] = [:]

    public init(_ list: [Target] = []) {
        for t in list { targets[Self.key(t.year, t.urn, t.measure, t.group)] = t.value }
    }

    public func target(_ year: AcademicYear, _ urn: String, _ measure: String, _ group: String = "all") -> Double? {
        targets[Self.key(year, urn, measure, group)]
    }

    /// Every measure id with a target.
    var measureIDs: Set<String> { Set(targets.keys.map(\.measure)) }

    private static func key(_ y: AcademicYear, _ u: String, _ m: String, _ g: String) -> Key { Key(year: y, urn: u, measure: m, group: g) }
}
