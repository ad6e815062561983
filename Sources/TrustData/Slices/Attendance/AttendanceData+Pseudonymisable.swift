/// `--pseudonymise` for the attendance rows: UPNs replaced, keyed on the original UPN, exactly as on
/// the roster (so joins between the tallies and the roster still hold).
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
            copy.rows = t.rows
            copy.firstDate = t.firstDate
            copy.lastDate = t.lastDate
            return copy
        }
        return out
    }
}
