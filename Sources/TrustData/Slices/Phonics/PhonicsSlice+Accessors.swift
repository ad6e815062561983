/// Typed shortcuts to the phonics slice's values (`dataset.phonics`, `report.phonics`, `config.phonics`): optional
/// conveniences over the registry's `rows(_:)`, `part(_:)` and `sliceSettings(_:)`.
extension TrustDataset {
    public var phonics: PhonicsData? {
        get { rows(PhonicsSlice.self) }
        set { setRows(newValue, for: PhonicsSlice.self) }
    }
}

extension SchoolReport {
    public var phonics: PhonicsSchoolReport? {
        get { part(PhonicsSlice.self) }
        set { setPart(newValue, for: PhonicsSlice.self) }
    }
}

extension TrustReport {
    public var phonics: PhonicsTrustReport? {
        get { part(PhonicsSlice.self) }
        set { setPart(newValue, for: PhonicsSlice.self) }
    }
}

extension PipelineConfig {
    public var phonics: PhonicsSettings {
        get { sliceSettings(PhonicsSlice.self) }
        set { setSliceSettings(newValue, for: PhonicsSlice.self) }
    }
}

extension AnalysisConfig {
    public var phonics: PhonicsSettings { sliceSettings(PhonicsSlice.self) }
}

extension PhonicsSchoolReport: WithholdableReport {}
extension PhonicsTrustReport: SliceReport {}

extension InputFiles {
    public var phonics: FileList? {
        get { self["phonics"] }
        set { self["phonics"] = newValue }
    }
}
