import Foundation
import Testing
@testable import TrustData

/// The strict pipeline file (#14; #15 item 7): an unknown key anywhere in the sections trustdata reads,
/// a setting left unindented, or a YAML syntax error stops the run before any import, naming the key,
/// its line and column, and the closest valid key.
@Suite struct StrictPipelineTests {
    /// A valid pipeline with `extra` lines spliced in after line `after` (1-based lines of the result
    /// are what the messages are checked against).
    static func pipeline(replacing old: String? = nil, with new: String = "") -> String {
        var text = """
        version: 1
        name: strict
        trust: Strict Trust
        academic_year: 2024/25
        inputs:
          schools: schools.csv
          pupils: pupils.csv
          ks2: ks2.csv
        settings:
          min_group_size: 5
          pupil_level_in_trust: false
        ks2:
          fft_benchmark: FFT20
        frameworks:
          ignore_small_cohorts: true

        """
        if let old { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    func error(_ yaml: String) -> String {
        do {
            _ = try PipelineConfig.parse(yaml: yaml, path: "pipelines/strict.yml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theValidFileLoads() throws {
        let config = try PipelineConfig.parse(yaml: Self.pipeline(), path: "pipelines/strict.yml")
        #expect(config.settings.minGroupSize == 5)
        #expect(config.inputs.ks2?.paths == ["ks2.csv"])
    }

    @Test func aMisspeltInputNamesItsLineAndTheClosestKey() {
        let message = error(Self.pipeline(replacing: "  ks2: ks2.csv", with: "  ks_2: ks2.csv"))
        #expect(message == "The pipeline file pipelines/strict.yml is not valid: line 8, column 3: `ks_2` is not a key of `inputs:`; did you mean `ks2`?")
    }

    @Test func aMisspeltSettingNamesItsLineAndTheClosestKey() {
        let message = error(Self.pipeline(replacing: "  min_group_size: 5", with: "  min_group_sise: 5"))
        #expect(message.contains("line 10, column 3: `min_group_sise` is not a key of `settings:`; did you mean `min_group_size`?"))
    }

    @Test func aMisspeltSliceSettingNamesItsLineAndTheClosestKey() {
        let message = error(Self.pipeline(replacing: "  fft_benchmark: FFT20", with: "  fft_benchmrk: FFT20"))
        #expect(message.contains("line 13, column 3: `fft_benchmrk` is not a key of `ks2:`; did you mean `fft_benchmark`?"))
    }

    @Test func aMisspeltSectionNamesItsLine() {
        let message = error(Self.pipeline(replacing: "settings:\n", with: "setings:\n"))
        #expect(message.contains("line 9, column 1: `setings` is not a top-level key; did you mean `settings`?"))
        let slice = error(Self.pipeline(replacing: "ks2:\n  fft", with: "ks_2:\n  fft"))
        #expect(slice.contains("line 12, column 1: `ks_2` is not a top-level key; did you mean `ks2`?"))
    }

    @Test func aMisspeltFrameworksKeyNamesItsLine() {
        let message = error(Self.pipeline(replacing: "  ignore_small_cohorts: true", with: "  ignore_small_cohort: true"))
        #expect(message.contains("line 15, column 3: `ignore_small_cohort` is not a key of `frameworks:`; did you mean `ignore_small_cohorts`?"))
    }

    /// Inside a rule the check is the rule's own (`AnyKey.check`); the line comes from the key's place.
    @Test func aMisspeltKeyInsideARuleNamesItsLine() {
        let rule = """
          ignore_small_cohorts: true
          triggers:
            - id: t
              name: T
              level: core
              when:
                - {mesure: ks2.rwm.expected, compare: value, below: 50}
        """
        let message = error(Self.pipeline(replacing: "  ignore_small_cohorts: true", with: rule))
        #expect(message.contains("line 21, column 12:"), "\(message)")
        #expect(message.contains("`mesure` is not a key of a condition; did you mean `measure`?"), "\(message)")
    }

    /// A setting written at the left margin is not under `settings:` any more: it is an unknown
    /// top-level key, and the message says where it belongs.
    @Test func anUnindentedSettingSaysWhereItBelongs() {
        let message = error(Self.pipeline(replacing: "  pupil_level_in_trust: false", with: "pupil_level_in_trust: false"))
        #expect(message.contains("line 11, column 1: `pupil_level_in_trust` is not a top-level key; it belongs under `settings:` — indent it there"))
        // The whole block unindented: `settings:` is then empty, and its first key is reported.
        let block = error(Self.pipeline(replacing: "  min_group_size: 5\n  pupil_level_in_trust: false", with: "min_group_size: 5\npupil_level_in_trust: false"))
        #expect(block.contains("line 10, column 1: `min_group_size` is not a top-level key; it belongs under `settings:`"))
        // A slice's setting under the wrong block.
        let wrong = error(Self.pipeline(replacing: "  pupil_level_in_trust: false", with: "  fft_benchmark: FFT5"))
        #expect(wrong.contains("line 11, column 3: `fft_benchmark` is not a key of `settings:`; it belongs under `ks2:`"))
    }

    @Test func aMisspeltColumnMappingNamesItsLine() {
        let mapping = "column_mappings:\n  pupils:\n    surnme: Legal Surname\nsettings:\n"
        let message = error(Self.pipeline(replacing: "settings:\n", with: mapping))
        #expect(message.contains("line 11, column 5: `surnme` is not a column of pupils files (under `column_mappings: pupils:`); did you mean `surname`?"), "\(message)")
        let dataset = error(Self.pipeline(replacing: "settings:\n", with: "column_mappings:\n  pupil:\n    surname: Legal Surname\nsettings:\n"))
        #expect(dataset.contains("line 10, column 3: `pupil` is not a key of `column_mappings:`; did you mean `pupils`?"), "\(dataset)")
    }

    @Test func aYAMLSyntaxErrorNamesItsLineAndColumn() {
        // Indented further than its siblings: the YAML itself is broken.
        let message = error(Self.pipeline(replacing: "  pupil_level_in_trust: false", with: "    pupil_level_in_trust: false"))
        #expect(message.contains("line 11, column 25: the YAML is not valid: mapping values are not allowed in this context"), "\(message)")
        let unclosed = error(Self.pipeline(replacing: "  ks2: ks2.csv", with: "  ks2: [ks2.csv"))
        #expect(unclosed.contains("the YAML is not valid"), "\(unclosed)")
        #expect(unclosed.contains("line 9, column 1") || unclosed.contains("line 9,"), "\(unclosed)")
    }

    @Test func aValueOfTheWrongKindNamesItsLine() {
        let message = error(Self.pipeline(replacing: "  min_group_size: 5", with: "  min_group_size: five"))
        #expect(message.contains("line 10, column 19: `settings.min_group_size` has the wrong kind of value"), "\(message)")
    }

    @Test func theSampleAndEveryShippedPipelineStillLoad() throws {
        for name in ["pipelines/sample.yml", "Benchmarks/large.yml"] {
            _ = try PipelineConfig.load(path: (packageRoot() as NSString).appendingPathComponent(name))
        }
    }
}

/// The same through the real binary: `validate` and `run` stop before any import or output.
@Suite struct StrictPipelineBinaryTests {
    /// The minitrust fixtures with `ks2` misspelt, `min_group_size` misspelt, and an input that does
    /// not exist (so an import would have failed on it first).
    func writePipeline(_ folder: String, _ yaml: String) throws -> String {
        let path = folder + "/pipeline.yml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func yaml(root: String, output: String, settings: String) -> String {
        """
        version: 1
        name: strict
        trust: Strict Trust
        academic_year: 2024/25
        root: \(root)
        output: \(output)
        inputs:
          schools: schools.csv
          pupils: pupils.csv
          phonics: no-such-file.csv
        settings:
        \(settings)

        """
    }

    @Test func validateAndRunStopOnAMisspeltSetting() throws {
        let folder = try makeTemporaryFolder()
        let output = folder + "/out"
        let pipeline = try writePipeline(folder, yaml(root: fixturePath("minitrust"), output: output, settings: "  min_group_sise: 3"))
        for command in ["validate", "run"] {
            let result = try runTrustdata([command, pipeline])
            #expect(result.status == (command == "validate" ? 1 : 64), "\(command): \(result.err)") // run: a usage error
            #expect(result.err.contains("line 12, column 3: `min_group_sise` is not a key of `settings:`; did you mean `min_group_size`?"),
                    "\(command): \(result.err)")
            #expect(!result.err.contains("no-such-file"), "stopped before any import: \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: output), "nothing written")
        }
    }

    @Test func validateAndRunStopOnAnUnindentedSettingAndOnBrokenYAML() throws {
        let folder = try makeTemporaryFolder()
        let output = folder + "/out"
        let unindented = try writePipeline(folder, yaml(root: fixturePath("minitrust"), output: output, settings: "min_group_size: 3"))
        for command in ["validate", "run"] {
            let result = try runTrustdata([command, unindented])
            #expect(result.status == (command == "validate" ? 1 : 64))
            #expect(result.err.contains("line 12, column 1: `min_group_size` is not a top-level key; it belongs under `settings:` — indent it there"),
                    "\(command): \(result.err)")
        }
        let broken = try writePipeline(folder, yaml(root: fixturePath("minitrust"), output: output, settings: "  min_group_size: 3\n    rag_red_below: -5"))
        for command in ["validate", "run"] {
            let result = try runTrustdata([command, broken])
            #expect(result.status == (command == "validate" ? 1 : 64))
            #expect(result.err.contains("line 13, column 18: the YAML is not valid"), "\(command): \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func validateStopsOnAMisspeltDatasetThatWouldBeSkipped() throws {
        let folder = try makeTemporaryFolder()
        var text = yaml(root: fixturePath("minitrust"), output: folder + "/out", settings: "  min_group_size: 3")
        text = text.replacingOccurrences(of: "  phonics: no-such-file.csv", with: "  ks_2: ks2.csv")
        let result = try runTrustdata(["validate", try writePipeline(folder, text)])
        #expect(result.status == 1)
        #expect(result.err.contains("line 10, column 3: `ks_2` is not a key of `inputs:`; did you mean `ks2`?"), "\(result.err)")
    }
}
