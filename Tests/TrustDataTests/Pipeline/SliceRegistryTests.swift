import Foundation
import Testing
@testable import TrustData

/// The registry drives pipeline decoding, the import, the analysis and the outputs: these pin what it
/// promises on the sample trust.
@Suite struct SliceRegistryTests {
    static func sampleConfig() throws -> PipelineConfig {
        try PipelineConfig.load(path: (packageRoot() as NSString).appendingPathComponent("pipelines/sample.yml"))
    }

    @Test func idsAndInputKeysAreWrittenOnceAndKnownToThePipelineFile() {
        let ids = SliceRegistry.all.map { $0.id }
        #expect(ids == ["ks2", "assessments", "eyfs", "phonics", "mtc", "attendance", "exclusions", "finance", "judgements", "ofsted"])
        #expect(Set(ids).count == ids.count)
        let inputs = SliceRegistry.inputKeys
        #expect(inputs == ["ks2", "fft", "assessments", "eyfs", "phonics", "mtc", "attendance_marks", "attendance_summary", "exclusions", "finance", "budget_monitoring",
                           "aar", "finance_benchmarking", "bfr", "bfr_3y", "judgements", "ofsted"])
        #expect(Set(inputs + ["schools", "pupils", "targets", "benchmarks", "performance_tables", "reference"]).count == inputs.count + 6)
        #expect(Set(InputFiles.keys).isSuperset(of: inputs))
        #expect(Set(PipelineConfig.keys).isSuperset(of: ids))
    }

    @Test func eachSliceGetsItsOwnBlockAndFiles() throws {
        let config = try Self.sampleConfig()
        #expect(config.ks2.fftBenchmark == "FFT20")
        #expect(config.inputs.ks2?.paths == ["inputs/sample/ks2.csv"])
        let inputs = config.sliceInputs(AttendanceSlice.self, register: SchoolRegister([]))
        #expect(inputs.paths("attendance_marks") == ["inputs/sample/attendance_marks.csv"])
        #expect(inputs.paths("attendance_summary") == ["inputs/sample/attendance_summary.csv"])
        #expect(inputs.paths("ks2") == []) // another slice's files are not visible
        #expect(inputs.settings.maxIssuesPerCode == 200)
    }

    /// The books are in the order the files were once read one after another (shared inputs, then each
    /// slice in registry order), however many threads read them.
    @Test func importBooksFollowTheRegistryWhateverTheThreads() throws {
        let config = try Self.sampleConfig()
        let one = try ImportStage(config: config, threads: 1).run()
        let three = try ImportStage(config: config, threads: 3).run()
        let datasets = ["schools", "pupils", "targets", "benchmarks", "benchmarks", "ks2-codes", "ks2", "assessments", "eyfs-outcomes", "eyfs",
                        "phonics-codes", "phonics-thresholds", "phonics", "mtc-codes", "mtc", "attendance-codes", "attendance_marks",
                        "attendance_summary", "exclusion-codes", "exclusions", "finance", "finance-line-codes", "bfr", "bfr_3y", "budget_monitoring",
                        "judgements", "ofsted"]
        #expect(one.log.stats.map(\.dataset) == datasets)
        #expect(three.log.stats.map(\.dataset) == datasets)
        #expect(one.log.issues == three.log.issues)
        #expect(one.ks2?.pupils.count == three.ks2?.pupils.count)
        // The KS2 rows were joined to the roster in the second round: every sample pupil is on it.
        #expect(one.ks2?.pupils.allSatisfy(\.onRoster) == true)
    }

    /// A school's figures come in registry order after the context figures, as measures.csv lists them.
    @Test func measuresFollowTheRegistry() throws {
        let config = try Self.sampleConfig()
        let dataset = try ImportStage(config: config, threads: 2).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "sample", threads: 2).analyse(dataset, context: context)
        let school = trust.schools[0]
        let prefixes = school.measureParts.map { Set($0.map { String($0.measure.prefix { $0 != "." }) }) }
        // FFT figures are KS2's; the Years 3–5 assessments are pupil-level, for the meeting, with no figures.
        #expect(prefixes == [["context"], ["ks2", "fft"], [], ["eyfs"], ["phonics"], ["mtc"], ["attendance"], ["exclusions"], ["finance"], ["judgements"], ["ofsted"]])
        #expect(school.part(KS2Slice.self)?.measures == school.measureParts[1])
        #expect(trust.trustMeasureParts.count == 1 + SliceRegistry.all.count)
        #expect(trust.measures.count == trust.schools.reduce(0) { $0 + $1.measures.count } + trust.trustMeasureParts.joined().count)
    }

    /// Pseudonymising reaches every slice through the registry: no real UPN is left in any slice's rows.
    @Test func pseudonymisingReachesEverySlice() throws {
        let config = try Self.sampleConfig()
        let real = try ImportStage(config: config, threads: 2).run()
        let p = Pseudonymiser(key: "a key of at least sixteen characters")
        let out = p.apply(to: real)
        let realUPNs = Set(real.roster.pupils.map(\.upn))
        #expect(out.ks2?.pupils.contains { realUPNs.contains($0.upn) } == false)
        #expect(out.phonics?.records.contains { realUPNs.contains($0.upn) } == false)
        #expect(out.attendance?.tallies.contains { realUPNs.contains($0.upn) } == false)
        #expect(out.ks2?.pupils.first?.upn == p.upn(real.ks2!.pupils[0].upn))
        #expect(out.finance?.records.count == real.finance?.records.count)
    }
}
