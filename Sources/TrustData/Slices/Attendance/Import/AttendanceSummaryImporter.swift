/// Attendance as one row per pupil per period (`attendance_summary.csv`), the shape most MIS
/// attendance reports export. Periods of one pupil at one school in one year are added together.
public enum AttendanceSummaryImporter {
    public static let schema = DatasetSchema(dataset: "attendance_summary", columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year"], required: true),
        ColumnSpec("urn", aliases: ["School URN", "URN"], required: true),
        ColumnSpec("upn", aliases: ["UPN", "Unique Pupil Number"], required: true),
        // Census-style headings too (the school census attendance module: `SessionsPossible`,
        // `SessionsAuthorised`, `SessionsUnauthorised`); a census-style file has no present count.
        ColumnSpec("possible_sessions", aliases: ["Possible", "Possible Sessions", "Sessions Possible", "Possible Sessions Total"], required: true),
        ColumnSpec("present_sessions", aliases: ["Present", "Present Sessions", "Attended", "Sessions Attended", "Sessions Present"],
                   meaning: "present sessions; when the file has none they are worked out as possible − authorised − unauthorised"),
        ColumnSpec("authorised_absence", aliases: ["Authorised", "Authorised Absences", "Authorised Absence Sessions", "Sessions Authorised",
                                                   "Authorised Absence", "Sessions Authorised Absence"], required: true),
        ColumnSpec("unauthorised_absence", aliases: ["Unauthorised", "Unauthorised Absences", "Unauthorised Absence Sessions", "Sessions Unauthorised",
                                                     "Unauthorised Absence", "Sessions Unauthorised Absence"], required: true),
        ColumnSpec("approved_activity", aliases: ["Approved Educational Activity", "AEA", "Approved Activity"]),
        ColumnSpec("period_start", aliases: ["Start Date", "From"]),
        ColumnSpec("period_end", aliases: ["End Date", "To"]),
    ])

    /// Rows must add up: present + authorised + unauthorised = possible, where `present` may or may
    /// not already include approved educational activity (both conventions exist in MIS exports). A row
    /// that adds up neither way is rejected (`does_not_add_up`): its rates would contradict each other.
    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister?) throws -> ImportOutcome<AttendanceTally> {
        try readWithLines(path: path, displayName: displayName, options: options, register: register).outcome
    }

    /// As `read`, with every accepted row's tally and line (`SummaryRows.rowLines`), so a tally refused
    /// once the roster is read can reject its rows one by one.
    public static func readWithLines(path: String, displayName: String, options: FileOptions = [:],
                                     register: SchoolRegister?) throws -> (outcome: ImportOutcome<AttendanceTally>, rowLines: [UInt64]) {
        // Sized for the file up front (a summary row is at least ~30 bytes).
        var rows = SummaryRows(register: register, rows: TableImporter.fileSize(path) / 30)
        var (stats, issues) = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .stream(into: &rows)
        if rows.worksOutPresent {
            // Said once, first (after the note on title rows above the headings, if any): every figure
            // from this file rests on it.
            issues.insert(DataQualityIssue(
                file: displayName, line: rows.headerLine, column: nil, value: nil, code: .layoutRead,
                message: "The file has no present count (census-style: possible, authorised and unauthorised sessions), so each row's present sessions are worked out as possible − authorised − unauthorised (approved activity counts as present).",
                severity: .info), at: rows.headerLine > 1 ? 1 : 0)
        }
        return (ImportOutcome(records: rows.tallies, stats: stats, issues: issues), rows.rowLines)
    }
}
