// Importers' duplicate and grouping keys, as values rather than `"year|urn|upn"` text (the same
// grouping: URNs are six digits and UPNs are validated, so neither holds a `|`).
/// A pupil on one school's roll in one academic year.
struct EnrolmentKey: Hashable {
    let year: Int
    let urn: String
    let upn: String
}

/// A pupil in one academic year, at whichever school. The UPN is packed into a number
/// (`YearUPN.packed`): hashing two words is cheaper than hashing a `String`, and is the same grouping.
struct YearUPN: Hashable {
    let year: Int
    let upn: UInt64

    init(year: Int, upn: String) {
        self.year = year
        self.upn = YearUPN.packed(upn)
    }

    /// A validated UPN's value (a capital letter, 11 digits, then a digit or a capital letter: 13 ASCII
    /// bytes) as `MarkRowDecoder.upn` packs it, losslessly.
    @inline(__always)
    static func packed(_ upn: String) -> UInt64 {
        var upn = upn
        return upn.withUTF8(MarkRowDecoder.upn) ?? 0
    }
}

/// `EnrolmentKey` as numbers, for tables with a row per enrolment: the school by its place in a
/// `RegisteredURN`'s list (`school`) and the UPN packed (`YearUPN.packed`).
struct EnrolmentID: Hashable {
    let year: Int
    let school: Int
    let upn: UInt64
}
