/// Attendance as one row per pupil per period (`attendance_summary.csv`), the shape most MIS
/// attendance reports export. Periods of one pupil at one school in one year are added together.
public enum AttendanceSummaryImporter {
    public static let schema = DatasetSchema(dataset: "attendance_summary", columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year"], required: true),
        ColumnSpec("urn", aliases: ["School URN", "URN"], required: true),
        ColumnSpec("upn", aliases: ["UPN", "Unique Pupil Number"], required: true),
        ColumnSpec("possible_sessions", aliases: ["Possible", "Possible Sessions", "Sessions Possible"], required: true),
        ColumnSpec("present_sessions", aliases: ["Present", "Present Sessions", "Attended", "Sessions Attended"], required: true),
        ColumnSpec("authorised_absence", aliases: ["Authorised", "Authorised Absences", "Authorised Absence Sessions"], required: true),
        ColumnSpec("unauthorised_absence", aliases: ["Unauthorised", "Unauthorised Absences", "Unauthorised Absence Sessions"], required: true),
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
        let (stats, issues) = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .stream(into: &rows)
        return (ImportOutcome(records: rows.tallies, stats: stats, issues: issues), rows.rowLines)
    }
}
