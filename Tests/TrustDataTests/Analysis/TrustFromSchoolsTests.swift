import Foundation
import Testing
@testable import TrustData

/// Shortcuts the analysis takes for the trust must give what the whole-trust computation gives, on the
/// sample trust (every slice, frameworks with tiers and triggers).
@Suite struct TrustFromSchoolsTests {
    func analyseSample() throws -> (PipelineConfig, TrustDataset, AnalysisContext, TrustReport) {
        let config = try PipelineConfig.load(path: DeterminismTests.repositoryRoot.appendingPathComponent("pipelines/sample.yml").path)
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "sample", threads: 2).analyse(dataset, context: context)
        return (config, dataset, context, trust)
    }

    /// Each school assessed on a table of its own rows = every school on one table of all rows.
    @Test func perSchoolAssessmentsEqualTheWholeTrustTable() throws {
        let (config, dataset, _, trust) = try analyseSample()
        let whole = FrameworkEvaluator(settings: config.frameworks, table: MeasureTable(trust.measures, currentYear: config.academicYear))
            .assess(dataset.register.schools)
        #expect(!whole.isEmpty)
        #expect(trust.support == whole)
        #expect(whole.contains { $0.tier != nil || !$0.triggers.isEmpty })
    }

    /// The trust's attendance added up from the schools = every tally pooled again.
    @Test func trustAttendanceFromSchoolsEqualsPoolingEveryTally() throws {
        let (_, dataset, context, trust) = try analyseSample()
        let data = try #require(dataset.attendance)
        let pooled = AttendanceSlice.trust(data: data, schools: [], context: context)
        let fromSchools = try #require(trust.attendance)
        #expect(fromSchools.measures == pooled.measures)
        #expect(fromSchools.years.map(\.year) == pooled.years.map(\.year))
        for (a, b) in zip(fromSchools.years, pooled.years) {
            #expect(a.groups.map(\.group) == b.groups.map(\.group))
            #expect(a.groups.map(\.figures) == b.groups.map(\.figures))
            #expect(a.firstDate == b.firstDate && a.lastDate == b.lastDate && a.sources == b.sources && a.notOnRoster == b.notOnRoster)
        }
        // Leaving a school out of the reports still counts its tallies once.
        let partial = AttendanceSlice.trust(enrolments: AttendanceEnrolments(data: data, context: context),
                                            schools: Array(trust.schools.compactMap(\.attendance).dropFirst()), context: context)
        #expect(partial.measures == pooled.measures)
    }
}
