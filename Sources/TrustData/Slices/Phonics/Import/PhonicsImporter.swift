/// The phonics screening check results (`phonics.csv`): one row per pupil per year, Year 1 checks and
/// Year 2 retakes, with a mark out of 40 and/or an outcome code.
public enum PhonicsImporter {
    public static let schema = DatasetSchema(dataset: PhonicsSlice.id, columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year of Check"], required: true),
    ] + PupilsImporter.identityColumns + [
        ColumnSpec("year_group", aliases: ["Year", "NC Year", "Year Group", "NCY"], required: true),
        ColumnSpec("mark", aliases: ["Phonics Mark", "Score", "Phonics Score", "Mark out of 40"]),
        ColumnSpec("outcome", aliases: ["Phonics Outcome", "Result", "Outcome Code", "Phonics Result"]),
    ] + PupilsImporter.characteristicColumns)

    /// A mark and an outcome that disagree are kept with an `inconsistent_values` warning: the mark
    /// decides met/not met (the threshold is applied to it), while an A/D/L/Q code beside a mark wins
    /// (the code says why the mark does not count).
    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister?, codes: PhonicsCodeTable, maxMark: Int = 40) throws -> ImportOutcome<PhonicsRecord> {
        var rows = PhonicsRows(register: register, codes: codes, maxMark: maxMark)
        let (stats, issues) = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .stream(into: &rows)
        return ImportOutcome(records: rows.records, stats: stats, issues: issues)
    }
}
