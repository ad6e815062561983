/// Typed shortcuts to the EYFS slice's values (`dataset.eyfs`, `report.eyfs`, `config.eyfs`): optional
/// conveniences over the registry's `rows(_:)`, `part(_:)` and `sliceSettings(_:)`.
extension TrustDataset {
    public var eyfs: EYFSData? {
        get { rows(EYFSSlice.self) }
        set { setRows(newValue, for: EYFSSlice.self) }
    }
}

extension SchoolReport {
    public var eyfs: EYFSReport? {
        get { part(EYFSSlice.self) }
        set { setPart(newValue, for: EYFSSlice.self) }
    }
}

extension TrustReport {
    public var eyfs: EYFSReport? {
        get { part(EYFSSlice.self) }
        set { setPart(newValue, for: EYFSSlice.self) }
    }
}

extension AnalysisConfig {
    public var eyfs: EYFSSettings { sliceSettings(EYFSSlice.self) }
}

/// `--pseudonymise` for an EYFS row: UPN and names replaced, keyed on the original UPN as on the roster.
extension EYFSRecord: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> EYFSRecord {
        var q = EYFSRecord(year: year, urn: urn, upn: p.upn(upn), surname: surname.map { _ in p.surname(forUPN: upn) },
                           forename: forename.map { _ in p.forename(forUPN: upn) }, goals: goals, gld: gld,
                           characteristics: characteristics, fsm: fsm)
        q.file = file
        q.line = line
        return q
    }
}
