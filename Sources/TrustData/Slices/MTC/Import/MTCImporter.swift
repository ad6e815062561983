/// The multiplication tables check results (`mtc.csv`): one row per Year 4 pupil per year, as STA's MTC
/// service and MIS exports give them — a score out of 25, or a reason code for not taking the check.
public enum MTCImporter {
    public static let maxScore = 25

    public static let schema = DatasetSchema(dataset: MTCSlice.id, columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year of Check", "Check Year"], required: true),
    ] + PupilsImporter.identityColumns + [
        ColumnSpec("year_group", aliases: ["Year", "NC Year", "Year Group", "NCY"]),
        ColumnSpec("score", aliases: ["Score", "MTC Score", "Total Score", "Mark", "Check Score", "Score out of 25"]),
        ColumnSpec("reason", aliases: ["Reason", "Reason for not taking the check", "Not Taken Reason", "Attendance Reason", "MTC Reason", "Status Code"]),
        ColumnSpec("fsm", aliases: ["FSM", "FSM Eligible", "Free School Meals"]),
    ] + PupilsImporter.characteristicColumns)

    /// A score beside a reason code: the code wins (it says why the score does not count), with a warning.
    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister?,
                            codes: CodeTable<MTCRecord.Reason>) throws -> ImportOutcome<MTCRecord> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            if let group = try row.yearGroup("year_group"), group != 4 {
                throw row.reject("year_group", row.text("year_group"), .outOfRange,
                                 "The multiplication tables check is taken in Year 4; year group \(group) is not used.")
            }
            guard !seen.contains("\(year)|\(upn)") else {
                throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two multiplication check rows for \(year); the first is used.")
            }
            let score = try row.integer("score", in: 0...maxScore)
            let code = try row.text("reason").map { text -> CodeTable<MTCRecord.Reason>.Code in
                guard let code = codes.code(text) else {
                    throw row.reject("reason", text, .unknownCode,
                                     "`\(text)` is not a reason for not taking the check in \(codes.file) (\(codes.listed)); add it there if the export uses it.")
                }
                return code
            }
            if score == nil, code == nil {
                throw row.reject("score", "", .missingValue, "The row has neither a score nor a reason for not taking the check.")
            }
            if let score, let code {
                row.warn("score", "\(score)", .inconsistentValues,
                         "The pupil has a score (\(score)) and the reason `\(code.code)` (\(code.meaning)); the reason is used and the score ignored.")
            }
            var record = MTCRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                   score: code == nil ? score : nil, reason: code?.countsAs, code: code?.code,
                                   characteristics: try PupilsImporter.characteristics(row), fsm: try row.bool("fsm"))
            record.line = row.line
            // Only an accepted row makes a later one a duplicate.
            seen.insert("\(year)|\(upn)")
            return record
        }
    }
}
