@testable import TrustData

/// An analysis context for 2024/25 with no roster and no benchmarks, for slices whose figures do not
/// depend on either (judgements, Ofsted).
enum FrameworkTestContext {
    static var empty: AnalysisContext { make() }

    static func make(schools: [School] = [], benchmarks: BenchmarkLookup = BenchmarkLookup(), roster: PupilRoster = PupilRoster([])) -> AnalysisContext {
        let config = try! PipelineConfig.parse(yaml: "version: 1\nname: t\ntrust: T\nacademic_year: 2024/25\ninputs:\n  schools: s.csv\n", path: "t.yml")
        return AnalysisContext(config: config.analysisConfig, schools: schools, roster: roster, benchmarks: benchmarks, targets: TargetLookup())
    }
}
