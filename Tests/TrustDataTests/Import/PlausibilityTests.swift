import Foundation
import Testing
@testable import TrustData

/// Plausibility warnings (issue 16 item 9): year group against date of birth, a results input with no
/// rows for the pipeline's year, conflicting targets. Each row is kept (or the first target used) with a
/// warning naming the line.
@Suite struct PlausibilityTests {
    func write(_ text: String, _ name: String) throws -> String {
        let path = try makeTemporaryFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func expectedYearGroupFollowsAgeOn31August() {
        let y = AcademicYear(startYear: 2024)
        // Born 15 March 2020 (academic year of birth starting 2019): Reception in 2024/25 (2024 − 2019 − 5 = 0).
        #expect(YearGroupCheck.expected(dateOfBirth: CalendarDate(year: 2020, month: 3, day: 15)!, in: y) == 0)
        // Born 1 September 2013 (year of birth starting 2013): Year 6 in 2024/25 (2024 − 2013 − 5).
        #expect(YearGroupCheck.expected(dateOfBirth: CalendarDate(year: 2013, month: 9, day: 1)!, in: y) == 6)
        // Born 31 August 2014 (starting 2013): also Year 6; in Year 5 is one year out, still plausible.
        #expect(YearGroupCheck.implausible(yearGroup: 5, dateOfBirth: CalendarDate(year: 2014, month: 8, day: 31)!, in: y) == nil)
        // Born 2020 in Year 9: nine years out.
        #expect(YearGroupCheck.implausible(yearGroup: 9, dateOfBirth: CalendarDate(year: 2020, month: 3, day: 15)!, in: y) == 0)
    }

    @Test func rosterWarnsOnAPupilBornIn2020InYear9() throws {
        let path = try write("""
            academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal
            2024/25,100001,R881200100007,Gorse,Gus,15/03/2020,M,9,N,N,N
            2024/25,100001,F881200100008,Holly,Hal,15/03/2020,M,R,N,N,N

            """, "pupils.csv")
        let outcome = try PupilsImporter.read(path: path, displayName: "pupils.csv")
        #expect(outcome.records.count == 2)   // kept
        #expect(outcome.stats.rowsRejected == 0)
        let issues = YearGroupCheck.issues(outcome.records, file: "pupils.csv")
        #expect(issues.map(\.upn) == ["R881200100007"])
        #expect(issues.first?.message.contains("Year 9 in 2024/25 is implausible for a pupil born 15/03/2020, who would be in Reception") == true)
    }

    @Test func resultsWithNoRowsForThePipelineYearWarn() throws {
        let y = AcademicYear(startYear: 2024)
        let issue = try #require(YearCoverage.issue(dataset: "KS2", paths: ["ks2.csv"], years: [AcademicYear(startYear: 2023)], pipelineYear: y))
        #expect(issue.code == .noRowsForYear && issue.severity == .warning)
        #expect(issue.message.contains("rows for 2023/24 only, nothing for 2024/25"))
        #expect(YearCoverage.issue(dataset: "KS2", paths: ["ks2.csv"], years: [y], pipelineYear: y) == nil)
    }

    @Test func conflictingTargetsWarnAndTheFirstIsUsed() throws {
        let path = try write("""
            year,urn,measure,group,target
            2024/25,100001,ks2.rwm.expected,all,65
            2024/25,100001,ks2.rwm.expected,all,65
            2024/25,100001,ks2.rwm.expected,all,70
            2024/25,100001,ks2.rwm.expected,disadvantaged,50

            """, "targets.csv")
        let outcome = try TargetsImporter.read(path: path, displayName: "targets.csv")
        #expect(outcome.records.map(\.value) == [65, 50])
        let issues = outcome.issues.filter { $0.code == .conflictingTargets }
        #expect(issues.map(\.line) == [4])   // the same 65 twice is no conflict
        #expect(issues.first?.message.contains("already has the target 65 (line 2)") == true)
    }
}
