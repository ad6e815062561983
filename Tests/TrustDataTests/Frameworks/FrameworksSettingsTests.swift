import Foundation
import Testing
@testable import TrustData

@Suite struct FrameworksSettingsTests {
    func parse(_ frameworks: String) throws -> PipelineConfig {
        try PipelineConfig.parse(yaml: "version: 1\nname: t\ntrust: T\nacademic_year: 2024/25\ninputs:\n  schools: s.csv\n" + frameworks, path: "t.yml")
    }

    @Test func sampleBlockEqualsTheBuiltInDefaults() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pipelines/sample.yml").path
        let config = try PipelineConfig.load(path: path)
        #expect(config.frameworks == FrameworksSettings.builtIn)
        #expect(config.frameworks.tiers.map(\.tier) == [4, 3, 2, 1])
        #expect(config.frameworks.triggers.map(\.rule.id) == ["below_national", "disadvantaged_gap_widens", "attendance_threshold",
                                                             "deficit_budget", "finance_poor", "falling_roll", "ofsted_requires_improvement",
                                                             "significantly_below_national"])
        #expect(config.frameworks.educationCategories.map(\.category) == [.deficient, .unacceptable, .poor, .concerning])
        try config.frameworks.validate()
    }

    @Test func omittedBlockGivesDefaults() throws {
        #expect(try parse("").frameworks == FrameworksSettings.builtIn)
        let partial = try parse("frameworks:\n  thresholds: {results_close_to: 3}\n")
        // The trust's threshold replaces the default one; the others stay for the default rules that name them.
        var expected = FrameworksSettings.builtIn.thresholds
        expected["results_close_to"] = 3
        #expect(partial.frameworks.thresholds == expected)
        try partial.frameworks.validate()
        #expect(partial.frameworks.tiers == FrameworksSettings.builtIn.tiers)
    }

    @Test func unknownMeasureIsAConfigurationErrorNamingTheRuleAndNearestIds() throws {
        let config = try parse("""
        frameworks:
          triggers:
            - id: rwm_low
              name: RWM low
              level: core
              when:
                - {measure: ks2.rwm.expectd, compare: vs_national, below_by_more_than: 5}
        """)
        #expect(throws: PipelineError.configuration(
            "The pipeline's frameworks block has a problem:\n  - trigger `rwm_low` refers to measure `ks2.rwm.expectd`, which does not exist; nearest: `ks2.rwm.expected`, `ks2.gps.expected`, `ks2.maths.expected`")) {
            try config.frameworks.validate()
        }
    }

    @Test func theRunStopsBeforeAnyImport() throws {
        // schools.csv does not exist: the frameworks error must come first.
        var config = try parse("frameworks:\n  tiers:\n    - {tier: 1, name: Lead, when: [{measure: attendance.rate, compare: vs_national, at_least: 0}]}\n")
        config.output = "/nonexistent"
        #expect {
            try PipelineRunner(config: config, pipelinePath: "t.yml").run()
        } throws: { error in
            guard case PipelineError.configuration(let text) = error else { return false }
            return text.contains("Tier 1 Lead refers to measure `attendance.rate`") && text.contains("`attendance.attendance_rate`")
        }
    }

    @Test func unknownGroupAndThresholdNamesAreReported() throws {
        let config = try parse("frameworks:\n  triggers:\n    - {id: x, name: X, level: core, when: [{measure: ks2.rwm.expected, group: disadvantged, compare: vs_national, below_by_more_than: close_too}]}\n")
        #expect {
            try config.frameworks.validate()
        } throws: { error in
            let text = "\(error)"
            return text.contains("group `disadvantged`") && text.contains("nearest: `disadvantaged`")
                && text.contains("threshold `close_too`")
        }
    }

    @Test func misspeltOperatorIsAnErrorNotIgnored() throws {
        #expect {
            _ = try parse("frameworks:\n  triggers:\n    - {id: x, name: X, level: core, when: [{measure: ks2.rwm.expected, compare: vs_national, below_by_more_then: 5}]}\n")
        } throws: { error in
            "\(error)".contains("`below_by_more_then` is not a key of a condition; did you mean `below_by_more_than`?")
        }
        #expect(throws: PipelineError.self) {
            _ = try parse("frameworks:\n  triggers:\n    - {id: x, name: X, level: urgent, when: [{measure: ks2.rwm.expected, below: 5}]}\n")
        }
    }

    @Test func measureTableMatchesAcademicAndFinancialYears() {
        let rows = [
            MeasureRow(year: "2024-25", urn: "1", school: "A", measure: "finance.in_year_balance", value: -5),
            MeasureRow(year: "2023/24", urn: "1", school: "A", measure: "finance.in_year_balance", value: 7),
        ]
        let t = MeasureTable(rows, currentYear: AcademicYear(startYear: 2024))
        #expect(t.current("1", "finance.in_year_balance")?.value == -5)
        #expect(t.previous("1", "finance.in_year_balance")?.value == 7)
        #expect(t.years("1", measures: ["finance.in_year_balance"]).map(\.description) == ["2023/24", "2024/25"])
    }
}
