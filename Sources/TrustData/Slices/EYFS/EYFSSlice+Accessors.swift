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

extension EYFSReport: WithholdableReport {}

/// `--pseudonymise` for the EYFS rows: UPNs and names replaced, keyed on the original UPN as on the roster.
extension EYFSData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> EYFSData {
        EYFSData(records: records.map { r in
            var q = EYFSRecord(year: r.year, urn: r.urn, upn: p.upn(r.upn), surname: r.surname.map { _ in p.surname(forUPN: r.upn) },
                               forename: r.forename.map { _ in p.forename(forUPN: r.upn) }, goals: r.goals, gld: r.gld,
                               characteristics: r.characteristics, fsm: r.fsm)
            q.file = r.file
            q.line = r.line
            return q
        })
    }
}
