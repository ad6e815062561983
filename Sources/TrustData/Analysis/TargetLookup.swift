/// The trust's targets by (year, URN, measure, group).
public struct TargetLookup: Sendable {
    private var targets: [String: Double] = [:]

    public init(_ list: [Target] = []) {
        for t in list { targets[Self.key(t.year, t.urn, t.measure, t.group)] = t.value }
    }

    public func target(_ year: AcademicYear, _ urn: String, _ measure: String, _ group: String = "all") -> Double? {
        targets[Self.key(year, urn, measure, group)]
    }

    private static func key(_ y: AcademicYear, _ u: String, _ m: String, _ g: String) -> String { "\(y)|\(u)|\(m)|\(g)" }
}
