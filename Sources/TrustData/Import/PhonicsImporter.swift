/// The phonics screening check results (`phonics.csv`): one row per pupil per year, Year 1 checks and
/// Year 2 retakes, with a mark out of 40 and/or an outcome code.
public enum PhonicsImporter {
    public static let schema = DatasetSchema(dataset: "phonics", columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year of Check"], required: true),
    ] + PupilsImporter.identityColumns + [
        ColumnSpec("year_group", aliases: ["Year", "NC Year", "Year Group", "NCY"], required: true),
        ColumnSpec("mark", aliases: ["Phonics Mark", "Score", "Phonics Score", "Mark out of 40"]),
        ColumnSpec("outcome", aliases: ["Phonics Outcome", "Result", "Outcome Code", "Phonics Result"]),
    ] + PupilsImporter.characteristicColumns)

    /// A mark and an outcome that disagree are kept with an `inconsistent_values` warning: the mark
    /// decides met/not met (the threshold is applied to it), while an A/D/L/Q code beside a mark wins
    /// (the code says why the mark does not count).
    public static func read(path: String, displayName: String, overrides: [String: String] = [:],
                            register: SchoolRegister?, codes: PhonicsCodeTable, maxMark: Int = 40) throws -> ImportOutcome<PhonicsRecord> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, overrides: overrides).run { row in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            let yearGroup = try row.requiredYearGroup("year_group")
            guard yearGroup == 1 || yearGroup == 2 else {
                throw row.reject("year_group", row.text("year_group"), .outOfRange,
                                 "The phonics check is taken in Year 1 and retaken in Year 2; year group \(yearGroup) is not used.")
            }
            guard seen.insert("\(year)|\(upn)").inserted else {
                throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two phonics rows for \(year); the first is used.")
            }
            let mark = try row.integer("mark", in: 0...maxMark)
            let codeText = row.text("outcome")
            let code = try codeText.map { text -> PhonicsCodeTable.Code in
                guard let code = codes.code(text) else {
                    throw row.reject("outcome", text, .unknownCode,
                                     "`\(text)` is not a phonics outcome code in phonics-codes.csv (Wa, Wt, A, D, L, Q).")
                }
                return code
            }
            let outcome: PhonicsRecord.Outcome
            if let mark {
                guard let threshold = codes.threshold(year) else {
                    throw row.reject("academic_year", year.description, .unknownCode,
                                     "phonics-thresholds.csv has no threshold for \(year); add the year's pass mark there.")
                }
                let byMark: PhonicsRecord.Outcome = mark >= threshold ? .met : .notMet
                switch code?.countsAs {
                case .excluded?:
                    outcome = .excluded(code: code!.code)
                    row.warn("mark", "\(mark)", .inconsistentValues,
                             "The pupil has a mark (\(mark)) and the outcome `\(code!.code)` (\(code!.meaning)); the outcome is used and the mark ignored.")
                case let counts? where (counts == .met) != (byMark == .met):
                    outcome = byMark
                    row.warn("outcome", code!.code, .inconsistentValues,
                             "The mark \(mark) is \(byMark == .met ? "at or above" : "below") the \(year) threshold of \(threshold) but the outcome is `\(code!.code)`; the mark is used.")
                default:
                    outcome = byMark
                }
            } else if let code {
                switch code.countsAs {
                case .met: outcome = .met
                case .notMet: outcome = .notMet
                case .excluded: outcome = .excluded(code: code.code)
                }
            } else {
                throw row.reject("mark", "", .missingValue, "The row has neither a mark nor an outcome code.")
            }
            return PhonicsRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                 yearGroup: yearGroup, mark: mark, outcome: outcome,
                                 characteristics: try PupilsImporter.characteristics(row))
        }
    }
}
