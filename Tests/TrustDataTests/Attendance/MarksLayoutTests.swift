import Foundation
import Testing
@testable import TrustData

/// #17 item 1: attendance marks in the layouts MIS export — long (a row per session), weekly strings (a
/// column per week, one character per session) and a column per session — give the same figures and
/// the same issues for the same marks. Fixture: Fixtures/attendance-layouts (make.py writes the three
/// files from one list of week strings).
@Suite struct MarksLayoutTests {
    static let files = ["marks-long.csv", "marks-weekly.csv", "marks-sessions.csv"]

    static func run(_ marks: String) throws -> (TrustDataset, TrustReport) {
        var config = try PipelineConfig.load(path: fixturePath("attendance-layouts/pipeline.yml"))
        config.output = "/unused"
        config.inputs["attendance_marks"] = FileList([marks])
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "layouts", threads: 1).analyse(dataset, context: context)
        return (dataset, trust)
    }

    /// The school's attendance figures as text: measure, group, numerator, denominator, value.
    static func figures(_ trust: TrustReport) -> [String] {
        trust.measures.filter { $0.measure.hasPrefix("attendance.") && $0.urn == "100001" }
            .map { "\($0.measure) \($0.group) \($0.numerator.map { "\($0)" } ?? "-")/\($0.denominator.map { "\($0)" } ?? "-") \($0.value.map { String(format: "%.4f", $0) } ?? "-")" }
            .sorted()
    }

    @Test func theSameMarksGiveTheSameFiguresInEveryLayout() throws {
        let long = Self.figures(try Self.run(Self.files[0]).1)
        #expect(!long.isEmpty)
        for file in Self.files.dropFirst() {
            #expect(Self.figures(try Self.run(file).1) == long, "\(file)")
        }
    }

    @Test func theFiguresAreTheHandWorkedOnes() throws {
        for file in Self.files {
            let (dataset, trust) = try Self.run(file)
            // Per pupil (possible, attended): Amy 18, 14 (NN unauthorised, II authorised, ## not possible);
            // Ben 19, 17 (GG; one `-` not counted); Cal 20, 20 (his second listing's N is a duplicate);
            // Dee 19, 19 (H on 13/09/2024 is withdrawn since 19 Aug 2024: refused); Eve 16, 16 (left
            // 11/09/2024: Thursday's mark refused); Gus 16, 16 (admitted 04/09/2024; Saturday refused).
            let tallies = try #require(dataset.attendance?.tallies).sorted { $0.upn < $1.upn }
            #expect(tallies.map { "\($0.upn) \($0.possible) \($0.attended) \($0.authorised) \($0.unauthorised) \($0.notPossible)" } == [
                "C881200100006 16 16 0 0 0", "F881200100008 16 16 0 0 0", "G881200100001 18 14 2 2 2",
                "K881200100003 20 20 0 0 0", "W881200100002 19 17 0 2 0", "Z881200100004 19 19 0 0 0",
            ], "\(file)")
            // School: 102 of 108 possible sessions attended = 94.44%; absence 6/108 = 5.56% (2 authorised,
            // 4 unauthorised); persistent absence: Amy (4 of 18 missed, 22%) and Ben (2 of 19, 10.5%) of 6.
            let rows = trust.measures
            #expect(close(rows.row("attendance.attendance_rate", urn: "100001")?.value, 102.0 / 108 * 100, 1e-6), "\(file)")
            #expect(close(rows.row("attendance.overall_absence", urn: "100001")?.value, 6.0 / 108 * 100, 1e-6), "\(file)")
            #expect(close(rows.row("attendance.unauthorised_absence", urn: "100001")?.value, 4.0 / 108 * 100, 1e-6), "\(file)")
            let pa = rows.row("attendance.persistent_absence", urn: "100001")
            #expect(pa?.numerator == 2 && pa?.denominator == 6, "\(file)")
        }
    }

    @Test func theSameMarksAreRefusedForTheSameReasons() throws {
        func refused(_ file: String) throws -> [String] {
            let (dataset, _) = try Self.run(file)
            // A long row is one mark, so a refused mark rejects its row; a wide row is kept and the refused
            // mark is a warning with the same code.
            let codes: Set<IssueCode> = [.weekendMark, .duplicateSession, .outsideEnrolment, .unknownCode, .invalidUPN, .unknownSchool]
            let severity: DataQualityIssue.Severity = file == "marks-long.csv" ? .rejected : .warning
            return dataset.log.issues.filter { $0.file == file && codes.contains($0.code) && $0.severity == severity }
                .map { "\($0.upn ?? "") \($0.code.rawValue)" }.sorted()
        }
        let expected = ["C881200100006 outside_enrolment", "F881200100008 weekend_mark", "F881200100008 weekend_mark",
                        "K881200100003 duplicate_session", "Z881200100004 unknown_code"]
        for file in Self.files { #expect(try refused(file) == expected, "\(file)") }
    }

    @Test func everyRowIsAccountedFor() throws {
        // Long: 115 marks, 5 refused. Wide: 7 pupil rows, none refused as a row (5 of their marks are).
        for (file, read, accepted) in [("marks-long.csv", 115, 110), ("marks-weekly.csv", 7, 7), ("marks-sessions.csv", 7, 7)] {
            let (dataset, _) = try Self.run(file)
            let stats = try #require(dataset.log.stats.first { $0.file == file })
            #expect(stats.rowsRead == read && stats.rowsAccepted == accepted && stats.rowsRejected == read - accepted, "\(file)")
        }
    }

    @Test func sessionsWithNoMarkAreCountedAndReportedNotGuessed() throws {
        for file in Self.files.dropFirst() {
            let (dataset, _) = try Self.run(file)
            let issues = dataset.log.issues.filter { $0.file == file }
            // Ben's Tuesday 10/09 AM `-`; Cal's second listing: 19 sessions. Gus's Monday and Tuesday before
            // admission, Eve's after leaving and the weekend's blanks are not sessions on roll: not reported.
            let noMarks = issues.filter { $0.code == .noMarkRecorded }.map { "\($0.line ?? 0) \($0.upn ?? "") \($0.message.prefix(20))" }
            #expect(noMarks == ["3 W881200100002 1 session has no mar", "5 K881200100003 19 sessions have no "], "\(file)")
            let layout = try #require(issues.first { $0.code == .layoutRead })
            #expect(layout.message.hasSuffix("; 20 sessions with no mark recorded (`-` or blank) counted as neither present nor absent (no_mark_recorded)."))
        }
    }

    @Test func headingsTellTheLayout() throws {
        func layout(_ headings: [String]) throws -> MarksLayout? {
            let (map, _) = try HeaderMap.resolve(header: headings, schema: AttendanceMarksImporter.wideSchema(), path: "x.csv")
            return try MarksLayout.detect(map, path: "x.csv")
        }
        #expect(try layout(["URN", "UPN", "Date", "Session", "Mark"]) == .long)
        guard case .weekly(let weeks)? = try layout(["URN", "UPN", "Surname", "w/c 02/09/2024", "Week commencing 09/09/2024", "16-Sep-2024", "Wk beg 2024-09-23"]) else {
            Issue.record("not weekly"); return
        }
        #expect(weeks.map(\.date.iso) == ["2024-09-02", "2024-09-09", "2024-09-16", "2024-09-23"])
        guard case .sessions(let sessions)? = try layout(["URN", "UPN", "Mon 02/09/2024 AM", "02/09/2024 (PM)", "2 Sep 2024 pm", "2024-09-03am"]) else {
            Issue.record("not sessions"); return
        }
        #expect(sessions.map { "\($0.date.iso) \($0.afternoon)" } == ["2024-09-02 false", "2024-09-02 true", "2024-09-02 true", "2024-09-03 false"])
        #expect(try layout(["URN", "UPN", "Surname", "Date of Birth"]) == nil)
        #expect(throws: ImportError.self) { try layout(["URN", "UPN", "w/c 02/09/2024", "03/09/2024 AM"]) }
    }

    @Test func aFileInNoLayoutNamesTheLongLayoutsMissingColumns() throws {
        let dir = try makeTemporaryFolder()
        try "URN,UPN,Surname,Mark\n100001,G881200100001,Ash,/\n".write(toFile: dir + "/m.csv", atomically: true, encoding: .utf8)
        let codes = AttendanceCodeTable(entries: [])
        #expect(throws: ImportError.missingColumns(dataset: "attendance_marks", path: "m.csv", missing: ["date", "session"],
                                                   found: ["URN", "UPN", "Surname", "Mark"], closest: [:])) {
            try AttendanceMarksImporter.read(path: dir + "/m.csv", displayName: "m.csv", register: nil, roster: nil, codes: codes)
        }
    }
}

/// #17 item 1: a census-style summary (possible, authorised and unauthorised sessions, no present count)
/// works out present sessions and says so.
@Suite struct CensusStyleSummaryTests {
    @Test func presentSessionsAreWorkedOutAndSaidSo() throws {
        var config = try PipelineConfig.load(path: fixturePath("attendance-layouts/pipeline.yml"))
        config.inputs["attendance_marks"] = nil
        config.inputs["attendance_summary"] = FileList(["summary-census.csv"])
        let dataset = try ImportStage(config: config).run()
        let file = "summary-census.csv"
        let stats = try #require(dataset.log.stats.first { $0.file == file })
        #expect(stats.rowsRead == 3 && stats.rowsAccepted == 2 && stats.rowsRejected == 1)
        // Amy: 18 − 2 − 2 = 14 present; Ben: 19 − 0 − 2 = 17 (the same as their marks in the layouts above).
        let tallies = try #require(dataset.attendance?.tallies).sorted { $0.upn < $1.upn }
        #expect(tallies.map { "\($0.upn) \($0.possible) \($0.attended) \($0.authorised) \($0.unauthorised)" } ==
                ["G881200100001 18 14 2 2", "W881200100002 19 17 0 2"])
        let issues = dataset.log.issues.filter { $0.file == file }
        #expect(issues.first?.code == .layoutRead && issues.first?.severity == .info)
        #expect(issues.first?.message.hasPrefix("The file has no present count (census-style") == true)
        // Cal: 8 + 4 absences in 10 possible sessions cannot be right.
        let rejected = issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "") \($0.code.rawValue)" }
        #expect(rejected == ["4 Sessions Possible 10 does_not_add_up"])
    }
}
