/// The MIS behaviour export of suspensions and permanent exclusions (`exclusions.csv`): one row per
/// exclusion with the pupil, the category (`FIXD` suspension, `LNCH` lunchtime suspension, `PERM`
/// permanent, or the words; or a Permanent Y/N flag), the start date, its length in sessions or days,
/// and the DfE reason code — the items the school census collects. SIMS-, Arbor- and Bromcom-style
/// headings are accepted.
public enum ExclusionsImporter {
    /// DfE: a pupil may be suspended for up to 45 school days in a year, so one suspension longer than
    /// 90 sessions is reported (kept: the export is the school's record).
    public static let maxSessions = 90.0

    public static let schema = DatasetSchema(dataset: ExclusionsSlice.id, columns: PupilsImporter.identityColumns + [
        ColumnSpec("academic_year", aliases: ["Academic Year"]),
        ColumnSpec("category", aliases: ["Exclusion Type", "Type", "Category", "Suspension Type", "Exclusion Category", "Exclusion Type Code"]),
        ColumnSpec("permanent", aliases: ["Permanent", "Permanent Exclusion", "Is Permanent", "Permanently Excluded"]),
        ColumnSpec("start_date", aliases: ["Start Date", "Exclusion Start Date", "Suspension Start Date", "Date of Exclusion", "Date"], required: true),
        ColumnSpec("sessions", aliases: ["Sessions", "Number of Sessions", "Actual Sessions", "Sessions Missed", "Length (Sessions)"]),
        ColumnSpec("days", aliases: ["Days", "Number of Days", "Length (Days)", "Days Excluded", "Total Days"]),
        ColumnSpec("reason", aliases: ["Reason", "Exclusion Reason", "Primary Reason", "Reason Code", "Suspension Reason"], required: true),
        ColumnSpec("fsm", aliases: ["FSM", "FSM Eligible", "Free School Meals"]),
    ] + PupilsImporter.characteristicColumns)

    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister?,
                            codes: CodeTable<ExclusionRecord.Kind>) throws -> ImportOutcome<ExclusionRecord> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            guard let start = try row.date("start_date") else {
                throw row.reject("start_date", "", .missingValue, "Every exclusion needs its start date (it sets the academic year).")
            }
            let year = ExclusionRecord.academicYear(of: start)
            if let stated = try row.academicYear("academic_year"), stated != year {
                row.warn("academic_year", stated.description, .inconsistentValues,
                         "The start date \(start.uk) is in \(year), not \(stated); the start date's year is used.")
            }
            let permanent = try kind(&row, codes: codes)
            guard !seen.contains("\(upn)|\(start.iso)|\(permanent)") else {
                throw row.reject("start_date", start.uk, .duplicateRow,
                                 "UPN \(upn) has two \(permanent ? "permanent exclusions" : "suspensions") starting \(start.uk); the first is used.")
            }
            let sessions = try length(&row)
            let reasonText = row.text("reason") ?? ""
            var meaning = ""
            if reasonText.isEmpty {
                row.warn("reason", "", .missingValue, "No reason given; the exclusion is counted, with no reason.")
            } else if let code = codes.code(reasonText), code.countsAs == .reason {
                meaning = code.meaning
            } else {
                // Counted all the same (the exclusion happened); the reason is reported, not guessed.
                meaning = "not a reason code in \(codes.file)"
                row.warn("reason", reasonText, .unknownCode,
                         "`\(reasonText)` is not a DfE exclusion reason code in \(codes.file); the exclusion is counted and its reason shown as written. Correct it in the MIS or add the code there.")
            }
            var record = ExclusionRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                         permanent: permanent, startDate: start, sessions: sessions, reason: reasonText, reasonMeaning: meaning,
                                         characteristics: try PupilsImporter.characteristics(row), fsm: try row.bool("fsm"))
            record.line = row.line
            // Only an accepted row makes a later one a duplicate.
            seen.insert("\(upn)|\(start.iso)|\(permanent)")
            return record
        }
    }

    /// Permanent or a suspension, from the category code or the Permanent flag (the category wins when both are given).
    static func kind(_ row: inout RowParser, codes: CodeTable<ExclusionRecord.Kind>) throws -> Bool {
        let flag = try row.bool("permanent")
        guard let text = row.text("category") else {
            guard let flag else {
                throw row.reject("category", "", .missingValue, "The row has neither an exclusion category (FIXD, LNCH, PERM) nor a Permanent flag.")
            }
            return flag
        }
        guard let code = codes.code(text), code.countsAs != .reason else {
            throw row.reject("category", text, .unknownCode,
                             "`\(text)` is not an exclusion category in \(codes.file) (suspension or permanent: \(codes.codes.filter { $0.countsAs != .reason }.map(\.code).joined(separator: ", "))).")
        }
        let permanent = code.countsAs == .permanent
        if let flag, flag != permanent {
            row.warn("permanent", row.text("permanent"), .inconsistentValues,
                     "The category `\(code.code)` is \(permanent ? "a permanent exclusion" : "a suspension") but the Permanent flag says \(flag ? "yes" : "no"); the category is used.")
        }
        return permanent
    }

    /// Sessions missed: the sessions column, else days × 2; both given and disagreeing is reported.
    static func length(_ row: inout RowParser) throws -> Double? {
        let sessions = try row.decimal("sessions", in: 0...1000)
        let days = try row.decimal("days", in: 0...500)
        if let sessions, let days, abs(sessions - days * 2) > 0.001 {
            row.warn("sessions", row.text("sessions"), .inconsistentValues,
                     "\(CSVText.number(sessions)) sessions is not \(CSVText.number(days)) days; the sessions are used.")
        }
        let length = sessions ?? days.map { $0 * 2 }
        if let length, length > maxSessions {
            row.warn(sessions != nil ? "sessions" : "days", row.text(sessions != nil ? "sessions" : "days"), .outOfRange,
                     "\(CSVText.number(length)) sessions is more than the 45 school days a pupil may be suspended in a year; check the length.")
        }
        return length
    }
}
