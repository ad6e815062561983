extension AnalysisContext {
    /// The context for a run of `config` (its analysis settings; the inputs stay with the pipeline).
    public init(config: PipelineConfig, schools: [School], roster: PupilRoster, benchmarks: BenchmarkLookup, targets: TargetLookup) {
        self.init(config: config.analysisConfig, schools: schools, roster: roster, benchmarks: benchmarks, targets: targets)
    }
}
