/// The trust's schools by URN, for cross-file checks: a results row for a URN not in the register is
/// reported, never guessed into a school.
public struct SchoolRegister: Sendable {
    public let schools: [School]
    private let byURN: [String: School]
    /// DfE number (LAESTAB, seven digits) → URN, for files that name schools by DfE number.
    public let urnsByLAESTAB: [String: String]

    public init(_ schools: [School]) {
        self.schools = schools
        byURN = Dictionary(schools.map { ($0.urn, $0) }, uniquingKeysWith: { a, _ in a })
        urnsByLAESTAB = Dictionary(schools.compactMap { s in s.laestab.map { ($0, s.urn) } }, uniquingKeysWith: { a, _ in a })
    }

    public func school(_ urn: String) -> School? { byURN[urn] }
    public func contains(_ urn: String) -> Bool { byURN[urn] != nil }

    /// The rejection for a row whose URN is not one of the trust's schools.
    public func check(_ urn: String, row: RowParser) throws {
        guard contains(urn) else {
            throw row.reject("urn", urn, .unknownSchool,
                             "URN \(urn) is not in the school register (schools.csv); add the school there or correct the URN.")
        }
    }
}
