/// Typed shortcuts to the multiplication check slice's values (`dataset.mtc`, `report.mtc`, `config.mtc`).
extension TrustDataset {
    public var mtc: MTCData? {
        get { rows(MTCSlice.self) }
        set { setRows(newValue, for: MTCSlice.self) }
    }
}

extension SchoolReport {
    public var mtc: MTCReport? {
        get { part(MTCSlice.self) }
        set { setPart(newValue, for: MTCSlice.self) }
    }
}

extension TrustReport {
    public var mtc: MTCReport? {
        get { part(MTCSlice.self) }
        set { setPart(newValue, for: MTCSlice.self) }
    }
}

extension AnalysisConfig {
    public var mtc: MTCSettings { sliceSettings(MTCSlice.self) }
}

/// `--pseudonymise` for a check row: UPN and names replaced, keyed on the original UPN as on the roster.
extension MTCRecord: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> MTCRecord {
        var q = MTCRecord(year: year, urn: urn, upn: p.upn(upn), surname: surname.map { _ in p.surname(forUPN: upn) },
                          forename: forename.map { _ in p.forename(forUPN: upn) }, score: score, reason: reason, code: code,
                          characteristics: characteristics, fsm: fsm)
        q.file = file
        q.line = line
        return q
    }
}
