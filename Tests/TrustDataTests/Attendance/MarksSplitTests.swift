import Foundation
import Testing
@testable import TrustData

/// Big marks files are read as two halves on two threads; the result must be exactly the sequential
/// one — tallies, accounting and every issue with its line — including issues on both sides of the cut.
@Suite struct MarksSplitTests {
    @Test func twoHalvesGiveExactlyTheSequentialResult() throws {
        let root = URL(fileURLWithPath: fixturePath("")).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        var config = try PipelineConfig.load(path: root + "/pipelines/sample.yml")
        config.output = try makeTemporaryFolder()
        let dataset = try ImportStage(config: config).run()
        let codes = try AttendanceCodeTable.read(path: root + "/inputs/reference/attendance-codes.csv", displayName: "attendance-codes.csv").0

        // The sample's marks with problems planted early, near the middle and late in the file.
        let clean = try String(contentsOfFile: root + "/inputs/sample/attendance_marks.csv", encoding: .utf8)
        var lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sample = lines[1].split(separator: ",").map(String.init) // urn,upn,date,session,code
        let planted = [
            "\(sample[0]),\(sample[1]),2024-09-07,AM,/",      // a Saturday
            "\(sample[0]),\(sample[1]),2024-10-01,AM,H",      // H is not a code after 19 Aug 2024
            "\(sample[0]),B000000000000,2024-10-01,AM,/",     // fails the UPN check letter
            lines[lines.count - 20],                           // a duplicate within the second half
        ]
        for (i, at) in [10, lines.count / 2 - 3, lines.count / 2 + 3, lines.count - 10].enumerated() {
            lines.insert(planted[i], at: at)
        }
        let dirty = try makeTemporaryFolder() + "/marks.csv"
        try lines.joined(separator: "\n").write(toFile: dirty, atomically: true, encoding: .utf8)

        func read(split: Int) throws -> ImportOutcome<AttendanceTally> {
            try AttendanceMarksImporter.read(path: dirty, displayName: "marks.csv", register: dataset.register,
                                             roster: dataset.roster, codes: codes, splitAtBytes: split)
        }
        #expect(AttendanceMarksImporter.splitPlan(path: dirty, displayName: "marks.csv", options: [:], threshold: 1 << 20) != nil,
                "the planted file must be one the importer actually splits")
        #expect(AttendanceMarksImporter.readSplit(path: dirty, displayName: "marks.csv", options: [:], register: dataset.register,
                                                  roster: dataset.roster, codes: codes, maxIssuesPerCode: 200, threshold: 1 << 20) != nil,
                "the two halves merge (no fallback to one pass)")
        let sequential = try read(split: .max)
        let halves = try read(split: 1 << 20)
        #expect(sequential.issues.filter { $0.severity == .rejected }.map(\.code) == [.weekendMark, .unknownCode, .invalidUPN, .duplicateSession])
        #expect(halves.stats == sequential.stats)
        #expect(halves.issues == sequential.issues)
        #expect(halves.records == sequential.records)
        #expect(halves.stats.reconciles)

        // Big files are read in more parts than threads; four parts merge to the same result.
        let four = AttendanceMarksImporter.readSplit(path: dirty, displayName: "marks.csv", options: [:], register: dataset.register,
                                                     roster: dataset.roster, codes: codes, maxIssuesPerCode: 200, threshold: 1 << 20, parts: 4)
        #expect(four != nil, "the four parts merge (no fallback to one pass)")
        if let four {
            let quarters = AttendanceMarksImporter.finish(four)
            #expect(quarters.stats == sequential.stats)
            #expect(quarters.issues == sequential.issues)
            #expect(quarters.records == sequential.records)
        }
    }
}
