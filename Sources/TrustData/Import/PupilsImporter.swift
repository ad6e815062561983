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

    /// The school already in `school` (nil when none), recording `urn` there when it is empty: through
    /// the dictionary's in-place access, one hash lookup does both.
    @inline(__always)
    static func claim(_ school: inout String?, for urn: String) -> String? {
        guard let first = school else {
            school = urn
            return nil
        }
        return first
    }

    /// `register` (when given) rejects rows for schools outside the trust. A UPN on two schools' rolls
    /// in one year is kept at both (attendance counts enrolments) with a warning.
    public static func read(path: String, displayName: String, overrides: [String: String] = [:],
                            register: SchoolRegister? = nil) throws -> ImportOutcome<Pupil> {
        // Keyed by values rather than by `"\(year)|\(urn)|\(upn)"` text: the same grouping (URNs are six
        // digits and UPNs validated, so no `|`) without building three strings per row.
        // One table answers both questions for the usual row: the first school a (year, UPN) was seen at;
        // a row at that school again is a duplicate. The enrolments at any other school (rare: a pupil on
        // two rolls) are kept aside in `elsewhere`. The same answers as one set of (year, URN, UPN) plus
        // one table of first schools, with one hash lookup per row instead of two.
        var schoolOf: [YearUPN: String] = [:]
        var elsewhere: Set<EnrolmentKey> = []
        // Sized for the file up front (a roster row is at least ~40 bytes), rather than rehashed as it grows.
        schoolOf.reserveCapacity(TableImporter.fileSize(path) / 40)
        return try TableImporter(schema: schema, path: path, displayName: displayName, overrides: overrides).run { row in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn()
            let first = claim(&schoolOf[YearUPN(year: year.startYear, upn: upn.value)], for: urn)
            if let other = first {
                guard other != urn, elsewhere.insert(EnrolmentKey(year: year.startYear, urn: urn, upn: upn.value)).inserted else {
                    throw row.reject("upn", upn.value, .duplicateRow, "UPN \(upn.value) is on the \(year) roster of school \(urn) twice; the first row is used.")
                }
                row.warn("upn", upn.value, .upnAtTwoSchools, "UPN \(upn.value) is also on the \(year) roll of school \(other); results join to the first school. Check for a mid-year move or a mistyped UPN.")
            }
            let characteristics = try characteristics(row)
            // Each reader answers nil exactly when its cell is blank or absent (a present value is parsed
            // or rejected), so the blank checks read the values rather than decoding every cell again.
            let blank: String? = characteristics.gender == nil ? "gender"
                : characteristics.disadvantaged == nil ? "disadvantaged"
                : characteristics.sen == nil ? "sen"
                : characteristics.eal == nil ? "eal" : nil
            if let column = blank {
                throw row.reject(column, "", .missingValue, "`\(row.map.heading(of: column))` is empty; the roster needs every characteristic so pupils land in the right groups.")
            }
            let admission = try row.date("admission_date")
            let leaving = try row.date("leaving_date")
            if let admission, let leaving, leaving < admission {
                throw row.reject("leaving_date", leaving.uk, .invalidDate, "The leaving date \(leaving.uk) is before the admission date \(admission.uk).")
            }
            return Pupil(
                academicYear: year, urn: urn, upn: upn.value,
                surname: try row.require("surname"), forename: try row.require("forename"),
                dateOfBirth: try row.date("date_of_birth"),
                yearGroup: try row.yearGroup("year_group"),
                characteristics: characteristics,
                fsm: try row.bool("fsm"), lookedAfter: try row.bool("looked_after"),
                admissionDate: admission, leavingDate: leaving, temporaryUPN: upn.isTemporary)
        }
    }
}
