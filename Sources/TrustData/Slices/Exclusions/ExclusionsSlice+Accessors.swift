/// Typed shortcuts to the exclusions slice's values (`dataset.exclusions`, `report.exclusions`, `config.exclusions`).
extension TrustDataset {
    public var exclusions: ExclusionsData? {
        get { rows(ExclusionsSlice.self) }
        set { setRows(newValue, for: ExclusionsSlice.self) }
    }
}

extension SchoolReport {
    public var exclusions: ExclusionsReport? {
        get { part(ExclusionsSlice.self) }
        set { setPart(newValue, for: ExclusionsSlice.self) }
    }
}

extension TrustReport {
    public var exclusions: ExclusionsReport? {
        get { part(ExclusionsSlice.self) }
        set { setPart(newValue, for: ExclusionsSlice.self) }
    }
}

extension AnalysisConfig {
    public var exclusions: ExclusionsSettings { sliceSettings(ExclusionsSlice.self) }
}

extension ExclusionsReport: WithholdableReport {}

/// `--pseudonymise` for the exclusions: UPNs and names replaced, keyed on the original UPN as on the roster.
extension ExclusionsData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> ExclusionsData {
        ExclusionsData(records: records.map { r in
            var q = ExclusionRecord(year: r.year, urn: r.urn, upn: p.upn(r.upn), surname: r.surname.map { _ in p.surname(forUPN: r.upn) },
                                    forename: r.forename.map { _ in p.forename(forUPN: r.upn) }, permanent: r.permanent, startDate: r.startDate,
                                    sessions: r.sessions, reason: r.reason, reasonMeaning: r.reasonMeaning,
                                    characteristics: r.characteristics, fsm: r.fsm)
            q.file = r.file
            q.line = r.line
            return q
        })
    }
}
