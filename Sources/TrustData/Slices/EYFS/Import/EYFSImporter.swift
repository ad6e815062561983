/// The EYFS profile export (`eyfs.csv`): one row per child per year, the 17 ELG outcomes (`Expected` /
/// `Emerging`, or the profile return's `2` / `1`) and/or a GLD flag. MIS exports head the ELG columns
/// `ELG01` … or with the goal's name (`Listening, Attention and Understanding`); both are accepted.
public enum EYFSImporter {
    public static let schema = DatasetSchema(dataset: EYFSSlice.id, columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year", "Assessment Year"], required: true),
    ] + PupilsImporter.identityColumns + [
        ColumnSpec("gld", aliases: ["GLD", "Good Level of Development", "GLD Achieved", "Good Level of Development (GLD)"]),
        ColumnSpec("fsm", aliases: ["FSM", "FSM Eligible", "Free School Meals"]),
    ] + PupilsImporter.characteristicColumns + (0..<17).map { i in
        let n = i + 1
        let name = EYFSGoals.all[i]
        return ColumnSpec(EYFSGoals.column(i), aliases: ["ELG\(n)", "ELG \(n)", "ELG 0\(n)", "ELG\(n < 10 ? "0" : "")\(n)", name,
                                                       "ELG\(n < 10 ? "0" : "")\(n) \(name)"])
    })

    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister?,
                            codes: CodeTable<EYFSRecord.Outcome>) throws -> ImportOutcome<EYFSRecord> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            guard !seen.contains("\(year)|\(upn)") else {
                throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two EYFS profile rows for \(year); the first is used.")
            }
            // The ELGs: all 17 or none (the profile records every goal for every child).
            var goals: [EYFSRecord.Outcome] = []
            var blank: [String] = []
            for i in 0..<17 {
                let column = EYFSGoals.column(i)
                guard let text = row.text(column) else {
                    if row.has(column) { blank.append(column.uppercased()) }
                    continue
                }
                guard let code = codes.code(text) else {
                    throw row.reject(column, text, .unknownCode,
                                     "`\(text)` is not an EYFS outcome in \(codes.file) (\(codes.listed)); add it there if the export uses it.")
                }
                goals.append(code.countsAs)
            }
            if !goals.isEmpty, goals.count < 17 {
                throw row.reject(blank.first?.lowercased(), "", .missingValue,
                                 "\(blank.joined(separator: ", ")) \(blank.count == 1 ? "is" : "are") empty: the profile records all 17 early learning goals, so GLD and the areas cannot be worked out.")
            }
            let flag = try row.bool("gld")
            let gld: Bool
            if goals.count == 17 {
                gld = EYFSRecord.gld(goals)
                if let flag, flag != gld {
                    row.warn("gld", row.text("gld"), .inconsistentValues,
                             "The GLD column says \(flag ? "yes" : "no") but the 12 GLD goals say \(gld ? "yes" : "no"); the goals are used (DfE: expected in all 12 ELGs of the five GLD areas).")
                }
            } else if let flag {
                gld = flag
            } else {
                throw row.reject("gld", "", .missingValue, "The row has neither the 17 ELG outcomes nor a GLD flag.")
            }
            var record = EYFSRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                    goals: goals, gld: gld, characteristics: try PupilsImporter.characteristics(row), fsm: try row.bool("fsm"))
            record.line = row.line
            // Only an accepted row makes a later one a duplicate.
            seen.insert("\(year)|\(upn)")
            return record
        }
    }
}
