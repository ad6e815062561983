// Importers' duplicate and grouping keys, as values rather than `"year|urn|upn"` text (the same
// grouping: URNs are six digits and UPNs are validated, so neither holds a `|`).
/// A pupil on one school's roll in one academic year.
struct EnrolmentKey: Hashable {
    let year: Int
    let urn: String
    let upn: String
}

/// A pupil in one academic year, at whichever school.
struct YearUPN: Hashable {
    let year: Int
    let upn: String
}
