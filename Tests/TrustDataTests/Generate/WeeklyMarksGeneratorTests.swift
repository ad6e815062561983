import Foundation
import Testing
@testable import TrustData

/// `trustdata generate --marks-layout weekly` writes the same marks as the long layout (the benchmark's
/// wide-layout file): imported, every enrolment's sessions come out the same.
@Suite struct WeeklyMarksGeneratorTests {
    func trust(_ layout: GeneratorOptions.MarksLayout) throws -> [AttendanceTally] {
        var o = GeneratorOptions()
        o.schools = 2
        o.pupils = 120
        o.years = 1
        o.marksThrough = CalendarDate(year: 2024, month: 11, day: 15)   // across October half-term
        o.seed = 11
        o.attendance = .marks
        o.marksLayout = layout
        let dir = try makeTemporaryFolder()
        try TrustGenerator(options: o).write(to: dir)
        let reference = fixturePath("../../../inputs/reference")
        try """
        version: 1
        name: gen
        trust: T
        academic_year: 2024/25
        inputs:
          schools: schools.csv
          pupils: pupils.csv
          attendance_marks: attendance_marks.csv
          reference: \(reference)

        """.write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let dataset = try ImportStage(config: try PipelineConfig.load(path: dir + "/p.yml")).run()
        let stats = try #require(dataset.log.stats.first { $0.file == "attendance_marks.csv" })
        #expect(stats.rowsRejected == 0)
        return try #require(dataset.attendance?.tallies).filter { $0.source == .marks }.sorted { ($0.urn, $0.upn) < ($1.urn, $1.upn) }
    }

    @Test func theWeeklyFileHoldsTheSameMarks() throws {
        let long = try trust(.long), weekly = try trust(.weekly)
        #expect(long.count > 100 && long.count == weekly.count)
        func sessions(_ t: AttendanceTally) -> String {
            "\(t.urn) \(t.upn) \(t.possible) \(t.attended) \(t.approvedActivity) \(t.authorised) \(t.unauthorised) \(t.lastDate?.iso ?? "")"
        }
        let differing = zip(long, weekly).filter { sessions($0) != sessions($1) }.count
        #expect(differing == 0)
        // The only difference: the INSET Monday (2 September) is `##` in the weekly file (school closed,
        // not a possible session, but a day of the register), where the long file has no row.
        #expect(zip(long, weekly).allSatisfy { $0.notPossible + 2 == $1.notPossible })
        #expect(long.allSatisfy { $0.firstDate?.iso == "2024-09-03" } && weekly.allSatisfy { $0.firstDate?.iso == "2024-09-02" })
    }
}
