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

/// `--pseudonymise` for an exclusion: UPN and names replaced, keyed on the original UPN as on the roster.
extension ExclusionRecord: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> ExclusionRecord {
        var q = ExclusionRecord(year: year, urn: urn, upn: p.upn(upn), surname: surname.map { _ in p.surname(forUPN: upn) },
                                forename: forename.map { _ in p.forename(forUPN: upn) }, permanent: permanent, startDate: startDate,
                                sessions: sessions, reason: reason, reasonMeaning: reasonMeaning,
                                characteristics: characteristics, fsm: fsm)
        q.file = file
        q.line = line
        return q
    }
}
