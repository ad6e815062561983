import Foundation
import Testing
@testable import TrustData

/// Messages that lead to the right fix (#17 item 6): the "closest heading" hint only names a heading
/// that can be the missing column, and an input that gives the run nothing stops it, saying why.
@Suite struct MessageTests {
    static let register = DatasetSchema(dataset: "schools", columns: SchoolsImporter.schema.columns)

    func missing(_ header: [String], _ schema: DatasetSchema) throws -> (hints: [String: String], message: String) {
        do {
            _ = try HeaderMap.resolve(header: header, schema: schema, path: "x.csv")
        } catch let error as ImportError {
            if case let .missingColumns(_, _, _, _, closest) = error { return (closest, error.description) }
            throw error
        }
        Issue.record("no column missing")
        return ([:], "")
    }

    @Test func aTypoIsStillNamed() throws {
        // `Surnme` is one letter from `surname`: the hint the data manager needs.
        let (hints, message) = try missing(["academic_year", "urn", "upn", "Surnme", "forename", "date_of_birth", "gender",
                                            "year_group", "disadvantaged", "sen", "eal"], PupilsImporter.schema)
        #expect(hints == ["surname": "Surnme"])
        #expect(message.contains("closest heading in the file: `Surnme`") && message.contains("Columns found:"))
    }

    @Test func neverAHeadingOfAnotherKind() throws {
        // `Establishment Number` is three letters from `Establishment Name` but holds a number, not a name;
        // `Year of birth` is four from `date of birth` but is a year. Neither is offered; the headings are listed.
        let (schoolHints, schoolMessage) = try missing(["URN", "Establishment Number", "LA"], SchoolsImporter.schema)
        #expect(schoolHints.isEmpty)
        #expect(schoolMessage.contains("No heading in the file is clearly it; the file's headings are: `URN`, `Establishment Number`, `LA`"))
        let (pupilHints, _) = try missing(["academic_year", "urn", "upn", "surname", "forename", "Year of birth", "gender",
                                           "year_group", "disadvantaged", "sen", "eal"], PupilsImporter.schema)
        #expect(pupilHints["date_of_birth"] == nil)
        // A year heading is never offered for a count of sessions.
        let (summaryHints, _) = try missing(["Academic Year", "URN", "UPN", "Sessions year", "Present", "Authorised", "Unauthorised"],
                                            AttendanceSummaryImporter.schema)
        #expect(summaryHints.isEmpty)
    }

    @Test func neverAHeadingAnotherColumnUses() throws {
        // `School Name` is the register's name column; the missing `la_name` must not be pointed at it
        // (nor at the second `URN`, which is a duplicate of a mapped column).
        let (hints, _) = try missing(["URN", "School Name", "URN"], SchoolsImporter.schema)
        #expect(hints.isEmpty)
    }

    @Test func neverAPoorOrTiedMatch() throws {
        // `urn` is three letters: every other three-letter heading is within three edits. None is offered.
        let (hints, message) = try missing(["Sex", "Name", "LA"], SchoolsImporter.schema)
        #expect(hints["urn"] == nil)
        #expect(message.contains("the file's headings are: `Sex`, `Name`, `LA`"))
        // Two headings equally near `forename` (one letter each): unsure, so no hint.
        let tied = HeadingHint.closest(to: ColumnSpec("forename", required: true), header: ["Forenam", "Forenme"], taken: [])
        #expect(tied == nil)
    }

    /// A file whose every row is rejected stops the run, naming the file and the commonest reason with
    /// the first row it hit; rows are counted as before.
    @Test func allRowsRejectedStopsTheRun() throws {
        let dir = try makeTemporaryFolder()
        try "urn,school_name,la_name\n100001,Alder,Essex\n".write(toFile: dir + "/schools.csv", atomically: true, encoding: .utf8)
        // Three pupils: two bad UPNs (check letter), one impossible date; every row rejected.
        try """
        academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal
        2024/25,100001,G881200100002,Ash,Amy,01/01/2014,F,6,Y,N,N
        2024/25,100001,W881200100003,Beech,Ben,01/01/2014,M,6,N,N,N
        2024/25,100001,K881200100003,Cedar,Cat,31/02/2014,F,6,Y,K,N

        """.write(toFile: dir + "/pupils.csv", atomically: true, encoding: .utf8)
        try "version: 1\nname: x\ntrust: X\nacademic_year: 2024/25\ninputs:\n  schools: schools.csv\n  pupils: pupils.csv\n"
            .write(toFile: dir + "/p.yml", atomically: true, encoding: .utf8)
        let config = try PipelineConfig.load(path: dir + "/p.yml")
        do {
            _ = try ImportStage(config: config).run()
            Issue.record("the run went on")
        } catch let error as ImportError {
            guard case let .unusable(dataset, path, _) = error else { Issue.record("\(error)"); return }
            #expect(dataset == "pupils" && path == "pupils.csv")
            let text = error.description
            #expect(text.contains("Nothing in the pupils file pupils.csv can be used: all 3 rows were rejected."), "\(text)")
            #expect(text.contains("The commonest reason, 2 rows (invalid_upn), first at line 2, column upn: `G881200100002` fails the UPN check letter"), "\(text)")
            #expect(text.contains("Other reasons: 1 invalid_date."), "\(text)")
        }
    }

    /// KS2 results with nothing for the pipeline's year stop the run (before: a warning, and workbooks
    /// that led with an empty year).
    @Test func noRowsForThePipelineYearStopsTheRun() throws {
        var config = try PipelineConfig.load(path: fixturePath("ks2/pipeline.yml"))
        config.academicYear = AcademicYear(startYear: 2025)
        config.inputs.pupils = nil
        #expect(throws: ImportError.self) { try ImportStage(config: config).run() }
        do {
            _ = try ImportStage(config: config).run()
        } catch let error as ImportError {
            guard case .noRowsForYear(let paths, _) = error else { Issue.record("\(error)"); return }
            #expect(paths == "ks2-trust.csv, ks2-sta.csv")
            #expect(error.description.contains("nothing for 2025/26, the pipeline's academic_year") && error.description.hasSuffix("The run stopped before writing anything."))
        }
    }
}
