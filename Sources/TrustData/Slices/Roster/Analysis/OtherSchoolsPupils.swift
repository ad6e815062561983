/// Which pupils are on which schools' rolls, to refuse a row that claims a school for a pupil on another
/// school's roll and not on the claimed one's (any year of the roster). Such a row is not that school's
/// pupil: counting it would put another school's pupil in the school's figures and show their UPN and
/// name in its workbook. Each slice whose rows name a pupil and a school rejects such rows in its
/// `finish` step (`pupil_at_another_school`), so they count nowhere and are reported at trust level only
/// (`SchoolIssues` keeps them off the claimed school's Data quality sheet). A pupil on no roll at all is
/// not refused here: the slices report `not_on_roster` for them and keep the row.
public struct OtherSchoolsPupils: Sendable {
    /// The URNs of the roster, each once; the tables below hold positions in it.
    private let urns: [String]
    /// Canonical UPNs by their packing (`UPN.packed(canonical:)`) → the first school whose roll has
    /// them; `further` holds the other schools of the few pupils on more than one roll. Hashing one
    /// word per pupil, not a String plus a set of Strings, and built once per roster (`PupilRoster`):
    /// four copies of the String table were 2.5% of a 25-school run (callgrind).
    private let first: [UInt64: Int32]
    private let further: [UInt64: [Int32]]
    /// UPNs that are not canonical (held as read), by their text, so lookups answer exactly as one
    /// String-keyed table would.
    private let byText: [String: Set<String>]

    /// The roster's table (built with it).
    public init(roster: PupilRoster) { self = roster.otherSchools }

    init(pupils: [Pupil]) {
        var urns: [String] = [], urnIndex: [String: Int32] = [:]
        var first: [UInt64: Int32] = [:], further: [UInt64: [Int32]] = [:], byText: [String: Set<String>] = [:]
        first.reserveCapacity(pupils.count)
        // Rosters list a school's pupils together: the URN's position is looked up once per run.
        var runURN: String?, run: Int32 = 0
        for i in pupils.indices {   // by index: iterating copies every row
            if pupils[i].urn != runURN {
                let urn = pupils[i].urn
                runURN = urn
                if let known = urnIndex[urn] { run = known } else {
                    run = Int32(urns.count)
                    urnIndex[urn] = run
                    urns.append(urn)
                }
            }
            if let packed = UPN.packed(canonical: pupils[i].upn) {
                if let f = first[packed] {
                    if f != run, !(further[packed]?.contains(run) ?? false) { further[packed, default: []].append(run) }
                } else {
                    first[packed] = run
                }
            } else {
                byText[pupils[i].upn, default: []].insert(pupils[i].urn)
            }
        }
        self.urns = urns
        self.first = first
        self.further = further
        self.byText = byText
    }

    /// The URNs whose roll (any year of the roster) has `upn`, unordered; empty when none.
    func schools(_ upn: String) -> [String] {
        if let packed = UPN.packed(canonical: upn) {
            guard let f = first[packed] else { return [] }
            return [urns[Int(f)]] + (further[packed] ?? []).map { urns[Int($0)] }
        }
        return Array(byText[upn] ?? [])
    }

    /// Whether `upn` is on some school's roll in the roster but never on `urn`'s.
    public func isAnotherSchools(upn: String, claimedBy urn: String) -> Bool {
        if let packed = UPN.packed(canonical: upn) {
            guard let f = first[packed] else { return false }
            if urns[Int(f)] == urn { return false }
            guard let more = further[packed] else { return true }
            return !more.contains { urns[Int($0)] == urn }
        }
        guard let schools = byText[upn] else { return false }
        return !schools.contains(urn)
    }

    /// The rejection of one row of `dataset` (the users' word: "KS2 results") claiming `urn` for `upn`.
    public func rejection(file: String, line: Int?, urn: String, upn: String, dataset: String) -> DataQualityIssue {
        let schools = schools(upn).sorted().joined(separator: ", ")
        return DataQualityIssue(
            file: file, line: line, column: "urn", value: urn, code: .pupilAtAnotherSchool,
            message: "UPN \(upn) is on the roll of school \(schools), not of school \(urn); its \(dataset) under \(urn) are not counted anywhere. Correct the URN, or add the pupil's enrolment at \(urn) to the roster if they were on roll there.",
            severity: .rejected, urn: urn, upn: upn)
    }
}
