/// One problem found in the inputs: a rejected row, or a warning about a row that was kept.
///
/// Every issue names the file, line, column and value so the data manager can find and fix it in the
/// export, plus a stable `code` that BI tools and tests can count on.
public struct DataQualityIssue: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        /// The row was not used.
        case rejected
        /// The row was used, but something in it needs attention.
        case warning
        /// The whole file could not be used.
        case fatal
        /// Nothing is wrong, but the reader should know (e.g. DfE suppressed figures left out).
        case info
    }

    public var file: String
    public var line: Int?
    public var column: String?
    public var value: String?
    public var code: IssueCode
    public var message: String
    public var severity: Severity
    public var urn: String?
    public var upn: String?

    public init(file: String, line: Int?, column: String?, value: String?, code: IssueCode, message: String,
                severity: Severity, urn: String? = nil, upn: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.code = code
        self.message = message
        self.severity = severity
        self.urn = urn
        self.upn = upn
    }
}

/// Stable data-quality issue codes (the `code` column of `data-quality.csv`).
public enum IssueCode: String, Sendable, Codable, CaseIterable, Comparable {
    // Whole-file problems
    case fileMissing = "file_missing"
    case fileUnreadable = "file_unreadable"
    case fileEmpty = "file_empty"
    case malformedCSV = "malformed_csv"
    case missingColumn = "missing_column"
    case duplicateColumn = "duplicate_column"
    case convertedEncoding = "converted_encoding"
    // Row problems
    case missingValue = "missing_value"
    case invalidNumber = "invalid_number"
    case outOfRange = "out_of_range"
    case invalidDate = "invalid_date"
    case invalidYear = "invalid_year"
    case invalidBoolean = "invalid_boolean"
    case invalidGender = "invalid_gender"
    case invalidSEN = "invalid_sen"
    case invalidUPN = "invalid_upn"
    case temporaryUPN = "temporary_upn"
    case invalidURN = "invalid_urn"
    case unknownCode = "unknown_code"
    case unknownSchool = "unknown_school"
    case duplicateRow = "duplicate_row"
    case duplicateKey = "duplicate_key"
    case shortRow = "short_row"
    case longRow = "long_row"
    case inconsistentValues = "inconsistent_values"
    case doesNotAddUp = "does_not_add_up"
    case suppressedValue = "suppressed_value"
    /// A file carried no year, so the pipeline's academic year was assumed.
    case assumedYear = "assumed_year"
    /// A file has no line for a figure (GAG, reserves brought forward, …): the measures that need it are not given.
    case measuresUnavailable = "measures_unavailable"
    // Cross-file problems
    case upnAtTwoSchools = "upn_at_two_schools"
    case notOnRoster = "not_on_roster"
    /// A row claims a school for a pupil on another school's roll (and not this one's): not counted there.
    case pupilAtAnotherSchool = "pupil_at_another_school"
    case characteristicMismatch = "characteristic_mismatch"
    case weekendMark = "weekend_mark"
    case duplicateSession = "duplicate_session"
    case outsideEnrolment = "outside_enrolment"
    /// Rows of a national file (Ofsted's) for schools outside the trust, skipped (an info note with the count).
    case outsideTrust = "outside_trust"
    /// A school in the register has no row in a file that covers every school (Ofsted's).
    case noRowForSchool = "no_row_for_school"
    // Plausibility checks (the row is kept; the data manager should look)
    /// A pupil's year group is more than one year from the one their date of birth puts them in.
    case implausibleYearGroup = "implausible_year_group"
    /// A KS2 or phonics input has no rows for the pipeline's academic year.
    case noRowsForYear = "no_rows_for_year"
    /// Two targets for the same school, measure, group and year with different values.
    case conflictingTargets = "conflicting_targets"
    /// The pipeline fixes a value for a column the file has too: it fills that column's blank cells only.
    case fixedValueInFile = "fixed_value_in_file"
    /// A wide attendance layout has sessions with no mark (`-` or blank) while the pupil is on roll.
    case noMarkRecorded = "no_mark_recorded"
    /// How a file was read, where trustdata had to tell (the attendance layout, a year worked out).
    case layoutRead = "layout_read"

    public static func < (a: IssueCode, b: IssueCode) -> Bool { a.rawValue < b.rawValue }
}
