/// The pupil roster as at census (`pupils.csv`), the spine every results file joins to on UPN.
public enum PupilsImporter {
    /// Shared by every pupil-level dataset: results files may repeat characteristics, and the headings
    /// SIMS-, Arbor- and Bromcom-style exports use are accepted.
    public static let characteristicColumns: [ColumnSpec] = [
        ColumnSpec("gender", aliases: ["Sex", "Gender", "Legal Sex"]),
        ColumnSpec("disadvantaged", aliases: ["Disadvantaged", "FSM Ever 6", "Ever 6 FSM", "FSM6", "Ever FSM 6", "Pupil Premium", "PP", "Pupil Premium Indicator", "Pupil Premium Eligible", "PP Eligible"]),
        ColumnSpec("sen", aliases: ["SEN Status", "SEN Status code", "SEN Provision", "SEN", "SEND Status"]),
        ColumnSpec("eal", aliases: ["EAL", "English as an additional language", "First Language", "Language"]),
    ]

    public static let identityColumns: [ColumnSpec] = [
        ColumnSpec("urn", aliases: ["School URN", "URN"], required: true),
        ColumnSpec("upn", aliases: ["UPN", "Unique Pupil Number"], required: true),
        ColumnSpec("surname", aliases: ["Legal Surname", "Legal Last Name", "Surname", "Last Name", "Family Name"]),
        ColumnSpec("forename", aliases: ["Legal Forename", "Legal First Name", "Forename", "First name", "Given Name", "Preferred Forename"]),
    ]

    public static let schema = DatasetSchema(dataset: "pupils", columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year of Census", "Census Year"], required: true),
    ] + identityColumns.map { ["surname", "forename"].contains($0.name) ? ColumnSpec($0.name, aliases: $0.aliases, required: true) : $0 } + [
        ColumnSpec("date_of_birth", aliases: ["DOB", "Date of Birth", "Birth Date"], required: true),
        ColumnSpec("year_group", aliases: ["Year", "NC Year", "Year Group", "National Curriculum Year", "NCY"], required: true),
    ] + characteristicColumns.map { ColumnSpec($0.name, aliases: $0.aliases, required: true) } + [
        ColumnSpec("fsm", aliases: ["FSM", "FSM Eligible", "Free School Meals"]),
        ColumnSpec("looked_after", aliases: ["Looked After", "CLA", "In Care", "Looked After Child"]),
        ColumnSpec("admission_date", aliases: ["Admission Date", "Date of Admission", "Start Date"]),
        ColumnSpec("leaving_date", aliases: ["Leaving Date", "Date of Leaving", "Leave Date", "End Date"]),
    ])

    /// Reads the characteristic columns present in a row (any may be absent or blank).
    public static func characteristics(_ row: RowParser) throws -> PupilCharacteristics {
        PupilCharacteristics(
            gender: try row.gender("gender"),
            disadvantaged: try row.bool("disadvantaged"),
            sen: try row.sen("sen"),
            eal: try row.eal("eal"))
    }

    /// `register` (when given) rejects rows for schools outside the trust. A UPN on two schools' rolls
    /// in one year is kept at both (attendance counts enrolments) with a warning.
    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister? = nil) throws -> ImportOutcome<Pupil> {
        // Sized for the file up front (a roster row is at least ~40 bytes).
        var rows = PupilRows(register: register, rows: TableImporter.fileSize(path) / 40)
        let (stats, issues) = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .stream(into: &rows)
        return ImportOutcome(records: rows.pupils, stats: stats, issues: issues)
    }
}
