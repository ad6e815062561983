/// What the analysis and the sheets read of a pipeline: the run's and the trust's names, the year, the
/// trust-wide settings and each slice's settings. Not the files, paths or stages: the analysis does
/// not depend on the pipeline that runs it (`PipelineConfig.analysisConfig` makes one).
public struct AnalysisConfig: Sendable {
    public var name: String
    public var trust: String
    public var academicYear: AcademicYear
    public var settings: PipelineSettings
    /// Each slice's settings block, as `PipelineConfig` holds them.
    var slices: SliceValues<any Sendable>

    init(name: String, trust: String, academicYear: AcademicYear, settings: PipelineSettings, slices: SliceValues<any Sendable>) {
        self.name = name
        self.trust = trust
        self.academicYear = academicYear
        self.settings = settings
        self.slices = slices
    }

    /// A slice's settings: its block of the pipeline file, or its defaults.
    public func sliceSettings<S: Slice>(_ slice: S.Type) -> S.Settings { slices.get(S.self, as: S.Settings.self) ?? S.Settings() }
}
