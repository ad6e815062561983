/// Typed shortcuts to the finance slice's values (`dataset.finance`, `report.finance`, `config.finance`): optional
/// conveniences over the registry's `rows(_:)`, `part(_:)` and `sliceSettings(_:)`.
extension TrustDataset {
    public var finance: FinanceData? {
        get { rows(FinanceSlice.self) }
        set { setRows(newValue, for: FinanceSlice.self) }
    }
}

extension SchoolReport {
    public var finance: FinanceSchoolReport? {
        get { part(FinanceSlice.self) }
        set { setPart(newValue, for: FinanceSlice.self) }
    }
}

extension TrustReport {
    public var finance: FinanceTrustReport? {
        get { part(FinanceSlice.self) }
        set { setPart(newValue, for: FinanceSlice.self) }
    }
}

extension PipelineConfig {
    public var finance: FinanceSettings {
        get { sliceSettings(FinanceSlice.self) }
        set { setSliceSettings(newValue, for: FinanceSlice.self) }
    }
}

extension AnalysisConfig {
    public var finance: FinanceSettings { sliceSettings(FinanceSlice.self) }
}

extension FinanceSchoolReport: SliceReport {}
extension FinanceTrustReport: SliceReport {}

extension InputFiles {
    public var finance: FileList? {
        get { self["finance"] }
        set { self["finance"] = newValue }
    }
}

extension InputFiles {
    public var budgetMonitoring: FileList? {
        get { self["budget_monitoring"] }
        set { self["budget_monitoring"] = newValue }
    }
}
