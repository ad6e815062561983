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

extension MTCReport: WithholdableReport {}

/// `--pseudonymise` for the check's rows: UPNs and names replaced, keyed on the original UPN as on the roster.
extension MTCData: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> MTCData {
        MTCData(records: records.map { r in
            var q = MTCRecord(year: r.year, urn: r.urn, upn: p.upn(r.upn), surname: r.surname.map { _ in p.surname(forUPN: r.upn) },
                              forename: r.forename.map { _ in p.forename(forUPN: r.upn) }, score: r.score, reason: r.reason, code: r.code,
                              characteristics: r.characteristics, fsm: r.fsm)
            q.file = r.file
            q.line = r.line
            return q
        })
    }
}
