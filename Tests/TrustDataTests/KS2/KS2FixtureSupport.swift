import Foundation
@testable import TrustData

/// The hand-worked KS2 fixture trust (Fixtures/ks2): Alder (Essex) in the trust layout with every code,
/// Birch (Suffolk) in the STA results-file style. Figures in the tests are worked by hand in comments.
enum KS2Fixture {
    static func config(output: String = "/unused") throws -> PipelineConfig {
        var config = try PipelineConfig.load(path: fixturePath("ks2/pipeline.yml"))
        config.output = output
        return config
    }

    static func run() throws -> (TrustDataset, AnalysisContext, TrustReport) {
        let config = try config()
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "ks2", threads: 2).analyse(dataset, context: context)
        return (dataset, context, trust)
    }
}

extension Array where Element == MeasureRow {
    func row(_ measure: String, urn: String, group: String = "all", year: String = "2024/25") -> MeasureRow? {
        first { $0.measure == measure && $0.urn == urn && $0.group == group && $0.year == year }
    }
}

func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) < tolerance
}
