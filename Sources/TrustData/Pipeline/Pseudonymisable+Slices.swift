/// `--pseudonymise` for the phonics and attendance rows: UPNs and names replaced, keyed on the original
/// UPN, exactly as on the roster (so joins between the slices and the roster still hold).
extension PhonicsData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> PhonicsData {
        var out = self
        out.records = records.map { r in
            PhonicsRecord(year: r.year, urn: r.urn, upn: p.upn(r.upn),
                          surname: r.surname.map { _ in p.surname(forUPN: r.upn) },
                          forename: r.forename.map { _ in p.forename(forUPN: r.upn) },
                          yearGroup: r.yearGroup, mark: r.mark, outcome: r.outcome, characteristics: r.characteristics)
        }
        return out
    }
}

extension AttendanceData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> AttendanceData {
        var out = self
        out.tallies = tallies.map { t in
            var copy = AttendanceTally(year: t.year, urn: t.urn, upn: p.upn(t.upn), source: t.source)
            copy.possible = t.possible
            copy.attended = t.attended
            copy.approvedActivity = t.approvedActivity
            copy.authorised = t.authorised
            copy.unauthorised = t.unauthorised
            copy.notPossible = t.notPossible
            copy.firstDate = t.firstDate
            copy.lastDate = t.lastDate
            return copy
        }
        return out
    }
}
