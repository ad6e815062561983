/// `--pseudonymise` for the phonics rows: UPNs and names replaced, keyed on the original
/// UPN, exactly as on the roster (so joins between the slices and the roster still hold).
extension PhonicsData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> PhonicsData {
        var out = self
        out.records = records.map { r in
            var q = PhonicsRecord(year: r.year, urn: r.urn, upn: p.upn(r.upn),
                                  surname: r.surname.map { _ in p.surname(forUPN: r.upn) },
                                  forename: r.forename.map { _ in p.forename(forUPN: r.upn) },
                                  yearGroup: r.yearGroup, mark: r.mark, outcome: r.outcome, characteristics: r.characteristics)
            q.file = r.file
            q.line = r.line
            return q
        }
        return out
    }
}
