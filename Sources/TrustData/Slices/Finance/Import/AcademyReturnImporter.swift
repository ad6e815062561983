/// The academy-level published layouts, one row per academy and one column per line: the academies
/// accounts return (`BAI010-T`, `BAE010-T`, `BAB030-T`, or the older `BNCH…` headings) and DfE's
/// financial benchmarking transparency file (`Revenue Reserve`, `Total Income`, …). Columns are read by
/// the mapping (`finance-line-codes.csv`), never by position; an establishment `Type` column is never the
/// finance status (these are the academy's accounts: actuals). Each line's value goes to its field and its
/// total; parts that do not add up to a published total are kept with a `does_not_add_up` warning.
public enum AcademyReturnImporter {
    /// The columns every file of the layout has besides its lines (the lines come from the mapping).
    public static func schema(_ layout: FinanceLayout) -> DatasetSchema {
        DatasetSchema(dataset: layout == .aarAcademy ? "aar" : "finance_benchmarking", columns: [
            ColumnSpec("urn", aliases: ["URN", "Academy URN", "School URN"], required: true),
            ColumnSpec("financial_year", aliases: ["Year", "Financial Year", "Academic Year", "Period"],
                       meaning: "optional: DfE's files have none, so the year comes from the pipeline entry (financial_year:), finance.file_years or the file name"),
            ColumnSpec("school_name", aliases: ["School Name", "EstablishmentName", "Academy_Name", "Academy Name"]),
        ])
    }

    public static func read(path: String, displayName: String, layout: FinanceLayout, map: FinanceLineMap,
                            fileYear: AcademicYear?, options: FileOptions = [:], register: SchoolRegister, settings: FinanceSettings,
                            seen: inout Set<String>) throws -> ImportOutcome<FinanceRecord> {
        let base = schema(layout)
        let all = map.lines(layout)
        // One column per published heading (a code may appear under several return years).
        var specs: [String: ColumnSpec] = [:]
        for line in all where specs[line.heading] == nil {
            specs[line.heading] = ColumnSpec("line:" + line.heading, aliases: [line.heading, line.code])
        }
        let full = DatasetSchema(dataset: base.dataset, columns: base.columns + specs.keys.sorted().map { specs[$0]! })
        var outcome = try TableImporter(schema: full, path: path, displayName: displayName, options: options).run { row -> FinanceRecord? in
            let urn = try row.urn()
            try register.check(urn, row: row)
            let year: AcademicYear
            if let y = try row.academicYear("financial_year") {
                year = y
            } else if let fileYear {
                year = fileYear
            } else {
                throw row.reject("financial_year", nil, .missingValue,
                                 "The \(layout.label) gives no year: name the year in finance.file_years (\"\(displayName)\": 2023/24) or in the file name (…2023-24…).")
            }
            let key = "\(year)|\(urn)|actual"
            guard !seen.contains(key) else {
                throw row.reject("urn", urn, .duplicateKey, "A second set of actual figures for \(urn) in \(year) (another row or another file); keep one.")
            }
            var values = FinanceLineValues()
            for line in map.lines(layout, year: year) {
                let column = "line:" + line.heading
                guard row.has(column) else { continue }
                guard let v = try row.decimal(column) else { values.given(line); continue }
                values.add(line, v)
            }
            guard let figures = values.figures else {
                let missing = values.missingEssentials.map(\.rawValue).joined(separator: ", ")
                throw row.reject(nil, nil, .missingValue,
                                 "\(urn) \(year): the \(layout.label) has no line for \(missing) (finance-line-codes.csv maps none of its columns to them for \(year)); the academy is left out of the reserves figures.")
            }
            for (field, message) in values.reconcile(tolerance: settings.reconciliationTolerance) {
                row.warn(column(for: field, layout: layout, year: year, map: map), nil, .doesNotAddUp, "\(urn) \(year) \(layout.label): \(message)")
            }
            for (column, message) in FinanceImporter.reconcile(figures, tolerance: settings.reconciliationTolerance) where column != "total_income" {
                row.warn(column, nil, .doesNotAddUp, "\(urn) \(year) \(layout.label): \(message)")
            }
            seen.insert(key)
            return FinanceRecord(year: year, urn: urn, status: .actual, figures: figures, file: displayName, line: row.line, source: layout.label)
        }
        for text in FinanceLineValues.unavailable(outcome.records.map(\.figures)) {
            outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: nil, value: nil, code: .measuresUnavailable,
                                                   message: "The \(layout.label) has \(text).", severity: .warning))
            outcome.stats.warnings += 1
        }
        return outcome
    }

    /// The published heading of a total, for the issue's column.
    static func column(for field: FinanceField, layout: FinanceLayout, year: AcademicYear, map: FinanceLineMap) -> String {
        map.lines(layout, year: year).first { $0.field == field }?.heading ?? field.rawValue
    }
}
