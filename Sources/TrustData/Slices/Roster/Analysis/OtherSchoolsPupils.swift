/// Which pupils are on which schools' rolls, to refuse a row that claims a school for a pupil on another
/// school's roll and not on the claimed one's (any year of the roster). Such a row is not that school's
/// pupil: counting it would put another school's pupil in the school's figures and show their UPN and
/// name in its workbook. Each slice whose rows name a pupil and a school rejects such rows in its
/// `finish` step (`pupil_at_another_school`), so they count nowhere and are reported at trust level only
/// (`SchoolIssues` keeps them off the claimed school's Data quality sheet). A pupil on no roll at all is
/// not refused here: the slices report `not_on_roster` for them and keep the row.
public struct OtherSchoolsPupils: Sendable {
    /// UPN → the URNs whose roll (any year of the roster) has it.
    let rolls: [String: Set<String>]

    public init(roster: PupilRoster) {
        var rolls: [String: Set<String>] = [:]
        for i in roster.pupils.indices { rolls[roster.pupils[i].upn, default: []].insert(roster.pupils[i].urn) }
        self.rolls = rolls
    }

    /// Whether `upn` is on some school's roll in the roster but never on `urn`'s.
    public func isAnotherSchools(upn: String, claimedBy urn: String) -> Bool {
        guard let schools = rolls[upn] else { return false }
        return !schools.contains(urn)
    }

    /// The rejection of one row of `dataset` (the users' word: "KS2 results") claiming `urn` for `upn`.
    public func rejection(file: String, line: Int?, urn: String, upn: String, dataset: String) -> DataQualityIssue {
        let schools = (rolls[upn] ?? []).sorted().joined(separator: ", ")
        return DataQualityIssue(
            file: file, line: line, column: "urn", value: urn, code: .pupilAtAnotherSchool,
            message: "UPN \(upn) is on the roll of school \(schools), not of school \(urn); its \(dataset) under \(urn) are not counted anywhere. Correct the URN, or add the pupil's enrolment at \(urn) to the roster if they were on roll there.",
            severity: .rejected, urn: urn, upn: upn)
    }
}
