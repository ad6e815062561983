/// KS2 results carry UPNs and names: `--pseudonymise` replaces them as it does on the roster.
extension KS2Data: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> KS2Data {
        var copy = self
        copy.pupils = pupils.map { pupil in
            var out = pupil
            out.upn = p.upn(pupil.upn)
            out.surname = p.surname(forUPN: pupil.upn)
            out.forename = p.forename(forUPN: pupil.upn)
            return out
        }
        return copy
    }
}
