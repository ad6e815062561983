/// Typed shortcuts to the ks2 slice's values (`dataset.ks2`, `report.ks2`, `config.ks2`): optional
/// conveniences over the registry's `rows(_:)`, `part(_:)` and `sliceSettings(_:)`.
extension TrustDataset {
    public var ks2: KS2Data? {
        get { rows(KS2Slice.self) }
        set { setRows(newValue, for: KS2Slice.self) }
    }
}

extension SchoolReport {
    public var ks2: KS2SchoolReport? {
        get { part(KS2Slice.self) }
        set { setPart(newValue, for: KS2Slice.self) }
    }
}

extension TrustReport {
    public var ks2: KS2TrustReport? {
        get { part(KS2Slice.self) }
        set { setPart(newValue, for: KS2Slice.self) }
    }
}

extension PipelineConfig {
    public var ks2: KS2Settings {
        get { sliceSettings(KS2Slice.self) }
        set { setSliceSettings(newValue, for: KS2Slice.self) }
    }
}

extension AnalysisConfig {
    public var ks2: KS2Settings { sliceSettings(KS2Slice.self) }
}

extension KS2SchoolReport: WithholdableReport {}
extension KS2TrustReport: SliceReport {}

extension InputFiles {
    public var ks2: FileList? {
        get { self["ks2"] }
        set { self["ks2"] = newValue }
    }
}
