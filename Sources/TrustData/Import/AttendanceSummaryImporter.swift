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
    public static func read(path: String, displayName: String, overrides: [String: String] = [:],
                            register: SchoolRegister?) throws -> ImportOutcome<AttendanceTally> {
        // One slot per enrolment in first-seen order, found with one lookup per row (by values, not by
        // a `"year|urn|upn"` string: the same grouping, as URNs are six digits and UPNs validated).
        var tallies: [AttendanceTally] = []
        var slotOf: [EnrolmentKey: Int] = [:]
        slotOf.reserveCapacity(TableImporter.fileSize(path) / 30)   // a summary row is at least ~30 bytes
        let outcome = try TableImporter(schema: schema, path: path, displayName: displayName, overrides: overrides).run { row -> Bool? in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            func count(_ column: String) throws -> Int {
                guard let v = try row.integer(column, in: 0...1000) else {
                    throw row.reject(column, "", .missingValue, "`\(row.map.heading(of: column))` is empty; use 0 for none.")
                }
                return v
            }
            let possible = try count("possible_sessions")
            let present = try count("present_sessions")
            let authorised = try count("authorised_absence")
            let unauthorised = try count("unauthorised_absence")
            let approved = try row.integer("approved_activity", in: 0...1000)
            let start = try row.date("period_start")
            let end = try row.date("period_end")
            if let start, let end, end < start {
                throw row.reject("period_end", end.uk, .invalidDate, "The period ends (\(end.uk)) before it starts (\(start.uk)).")
            }
            let attended: Int
            if present + authorised + unauthorised == possible {
                attended = present
            } else if let approved, present + approved + authorised + unauthorised == possible {
                attended = present + approved
            } else {
                let approvedText = approved.map { " (+ approved activity \($0))" } ?? ""
                throw row.reject("possible_sessions", "\(possible)", .doesNotAddUp,
                                 "present \(present) + authorised \(authorised) + unauthorised \(unauthorised)\(approvedText) does not equal possible sessions \(possible); the row is not used. Re-run the MIS report for this pupil.")
            }
            let key = EnrolmentKey(year: year.startYear, urn: urn, upn: upn)
            let i: Int
            if let existing = slotOf[key] {
                i = existing
            } else {
                i = tallies.count
                slotOf[key] = i
                tallies.append(AttendanceTally(year: year, urn: urn, upn: upn, source: .summary))
            }
            tallies[i].possible += possible
            tallies[i].attended += attended
            tallies[i].approvedActivity += approved ?? 0
            tallies[i].authorised += authorised
            tallies[i].unauthorised += unauthorised
            tallies[i].widenWindow(start)
            tallies[i].widenWindow(end)
            return nil
        }
        return ImportOutcome(records: tallies, stats: outcome.stats, issues: outcome.issues)
    }
}
