import Foundation
import Testing
@testable import TrustData

/// MIS reports print a title, the school, a date line and a blank line above the headings (#17). The
/// heading row is the first of the first 20 rows whose headings give the dataset's required columns;
/// the rows above it are skipped and said so in data-quality.csv (`layout_read`), and every issue keeps
/// the file's own line (a workbook's own row) numbers. Fixtures: Fixtures/import/title-rows.
@Suite struct TitleRowsTests {
    static let folder = "import/title-rows/"

    /// A SIMS "Attendance Summary by Pupil" report saved as CSV: three title lines and an empty line, the
    /// census-style headings on line 5, four pupils on lines 6–9.
    @Test func csvReportTitleSkippedAndLinesKept() throws {
        let name = "Attendance summary (SIMS report).csv"
        let outcome = try AttendanceSummaryImporter.read(path: fixturePath(Self.folder + name), displayName: name, register: nil)
        // Four rows read: the title lines are not rows; Cal's (line 8: 8 + 4 absences of 10 possible) is rejected.
        #expect(outcome.stats.rowsRead == 4 && outcome.stats.rowsAccepted == 3 && outcome.stats.rowsRejected == 1)
        #expect(ImportFixtures.summary(outcome.issues) == [
            "info 5 - layout_read",          // the title rows skipped
            "info 5 - layout_read",          // present worked out (census-style)
            "rejected 8 Sessions Possible does_not_add_up",
        ])
        let title = outcome.issues[0]
        #expect(title.message == "The headings are on line 5: lines 1–4 above them are a report title (`Attendance Summary by Pupil`, `Northfield Academy Trust: Alder Primary`, `Printed 03/12/2025 09:14 by J. Clark`), not data, and are skipped. The line numbers in this file's issues are the file's own.")
        #expect(title.value == "Attendance Summary by Pupil")
        #expect(outcome.issues[2].upn == "K881200100003")
        // Present = possible − authorised − unauthorised: Amy 18 − 2 − 2 = 14, Ben 19 − 0 − 2 = 17, Dee 380 − 30 − 8 = 342.
        let byUPN = Dictionary(uniqueKeysWithValues: outcome.records.map { ($0.upn, [$0.possible, $0.attended, $0.authorised, $0.unauthorised]) })
        #expect(byUPN == ["G881200100001": [18, 14, 2, 2], "W881200100002": [19, 17, 0, 2], "Z881200100004": [380, 342, 30, 8]])
    }

    /// The roster as an MIS "export to Excel" of a census report (make.py): a merged, bold title on row 1,
    /// the schools and the print date below it, row 4 empty, the SIMS headings on row 5.
    @Test func workbookReportTitleSkippedAndRowsKept() throws {
        let name = "Census roster (MIS report).xlsx"
        let outcome = try PupilsImporter.read(path: fixturePath(Self.folder + name), displayName: name,
                                              register: try ImportFixtures.register())
        // The three pupils every roster fixture gives, and the fourth (row 9) refused for its check letter.
        #expect(outcome.records == ImportFixtures.expectedPupils)
        #expect(outcome.stats.rowsRead == 4 && outcome.stats.rowsRejected == 1)
        #expect(ImportFixtures.summary(outcome.issues) == [
            "info 5 sheet Student List layout_read",
            "rejected 9 UPN (sheet Student List, column C) invalid_upn",
        ])
        #expect(outcome.issues[0].message == "The headings are on row 5: rows 1–4 above them are a report title (`Student List: Spring Census 2025`, `Oak Primary and Elm Primary`, `Printed 03/12/2025 09:14`), not data, and are skipped. The row numbers in this file's issues are the sheet's own.")
    }

    /// A file whose heading row lacks a required column, below a title: the error lists the heading
    /// row's headings (the nearest row), not the title's.
    @Test func missingColumnBelowATitleNamesTheHeadingRow() throws {
        let path = try makeTemporaryFolder() + "/summary.csv"
        try """
        Attendance Summary by Pupil
        Printed 03/12/2025

        Academic Year,URN,Pupil No,Sessions Possible,Sessions Authorised,Sessions Unauthorised
        2024/25,100001,G881200100001,18,2,2

        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.missingColumns(
            dataset: "attendance_summary", path: "summary.csv", missing: ["upn"],
            found: ["Academic Year", "URN", "Pupil No", "Sessions Possible", "Sessions Authorised", "Sessions Unauthorised"], closest: [:])) {
            try AttendanceSummaryImporter.read(path: path, displayName: "summary.csv", register: nil)
        }
    }

    /// The separator is read off the first line that has one, not off a title line with none: a
    /// semicolon-separated report (Excel where the decimal mark is a comma) below its title.
    @Test func semicolonReportBelowATitle() throws {
        let path = try makeTemporaryFolder() + "/summary.csv"
        try """
        Attendance Summary by Pupil
        Printed 03/12/2025

        Academic Year;URN;UPN;Sessions Possible;Sessions Authorised;Sessions Unauthorised
        2024/25;100001;G881200100001;18;2;2

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try AttendanceSummaryImporter.read(path: path, displayName: "summary.csv", register: nil)
        #expect(outcome.records.map { [$0.possible, $0.attended] } == [[18, 14]])
        #expect(outcome.issues.first?.line == 4 && outcome.issues.first?.message.hasPrefix("The headings are on line 4: lines 1–3 above them are a report title (`Attendance Summary by Pupil`, `Printed 03/12/2025`)") == true)
    }

    /// The search is bounded: a heading row below the first 20 rows is not looked for, and the error
    /// is the first row's (the usual message for a file whose headings are not recognised).
    @Test func headingsBelowTheFirstTwentyRowsAreNotFound() throws {
        let path = try makeTemporaryFolder() + "/late.csv"
        let title = (1...20).map { "Note \($0)" }.joined(separator: "\n")
        try (title + "\nAcademic Year,URN,UPN,Sessions Possible,Sessions Authorised,Sessions Unauthorised\n2024/25,100001,G881200100001,18,2,2\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try AttendanceSummaryImporter.read(path: path, displayName: "late.csv", register: nil)
            Issue.record("expected missingColumns")
        } catch let ImportError.missingColumns(_, _, _, found, _) {
            #expect(found == ["Note 1"])
        }
    }

    /// `trustdata init` finds the same heading rows, places both files and says where their headings are.
    @Test func initPlacesReportsWithTitles() throws {
        let folder = try makeTemporaryFolder() + "/exports"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["Attendance summary (SIMS report).csv", "Census roster (MIS report).xlsx"] {
            try FileManager.default.copyItem(atPath: fixturePath(Self.folder + name), toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: ImportFixtures.path("schools.csv"), toPath: folder + "/schools.csv")
        let sample = try ExportSample.read(path: folder + "/Census roster (MIS report).xlsx")
        #expect(sample.headerLine == 5 && sample.headings.first == "Academic Year" && sample.rows.count == 4)
        let plan = try ExportFolder.plan(folder: folder, pipelinePath: folder + "/../pipeline.yml", reference: nil, benchmarks: nil,
                                         today: CalendarDate(year: 2025, month: 12, day: 3)!)
        let rows = Dictionary(uniqueKeysWithValues: plan.rows.map { ($0.file, $0) })
        #expect(rows["Attendance summary (SIMS report).csv"]?.dataset == "attendance_summary")
        #expect(rows["Census roster (MIS report).xlsx"]?.dataset == "pupils")
        #expect(rows["Attendance summary (SIMS report).csv"]?.notes.first == "headings on line 5 (lines 1–4 above them skipped: a report title)")
        #expect(rows["Census roster (MIS report).xlsx"]?.notes.first == "headings on row 5 (rows 1–4 above them skipped: a report title)")
    }
}
