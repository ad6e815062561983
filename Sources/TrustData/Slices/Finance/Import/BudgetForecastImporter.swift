/// The budget forecast return (trust level), in DfE's extract layout: one row per line (`EFALineNo`, with
/// its `Title`), money in £ thousands, and
/// - the main return (`bfr`): `Y1P1`/`Y1P2` the prior year (actual; September–March and April–August),
///   `Y2P1`/`Y2P2` the current year (forecast), and from BFR 2025 `Y3P1`/`Y3P2` the next year;
/// - the three-year summary (`bfr_3y`): `Y2`, `Y3`, `Y4` the three years after the current one.
/// The current year is the file's year (`finance.file_years` or the file name). Which line feeds which
/// field is the mapping (`finance-line-codes.csv`); a flow line adds its two periods, a balance or a count
/// takes the later period. Lines the mapping does not know are listed once (nothing is guessed).
public enum BudgetForecastImporter {
    public static func schema(_ layout: FinanceLayout) -> DatasetSchema {
        let periods = layout == .bfr ? ["Y1P1", "Y1P2", "Y2P1", "Y2P2", "Y3P1", "Y3P2"] : ["Y2", "Y3", "Y4"]
        return DatasetSchema(dataset: layout == .bfr ? "bfr" : "bfr_3y", columns: [
            ColumnSpec("line", aliases: ["EFALineNo", "EFA Line No", "Line"], required: true),
            ColumnSpec("title", aliases: ["Title", "Category"]),
            ColumnSpec("trust_upin", aliases: ["TrustUPIN", "Trust UPIN"]),
            ColumnSpec("financial_year", meaning: "the return's current year, fixed by the pipeline entry (financial_year: 2024/25); DfE's extract has no year column"),
        ] + periods.map { ColumnSpec($0) })
    }

    /// The columns that make up each year, by offset from the current year.
    static func years(_ layout: FinanceLayout) -> [(offset: Int, columns: [String], status: FinanceStatus)] {
        switch layout {
        case .bfr: return [(-1, ["Y1P1", "Y1P2"], .actual), (0, ["Y2P1", "Y2P2"], .forecast), (1, ["Y3P1", "Y3P2"], .forecast)]
        default: return [(1, ["Y2"], .forecast), (2, ["Y3"], .forecast), (3, ["Y4"], .forecast)]
        }
    }

    public static func read(path: String, displayName: String, layout: FinanceLayout, map: FinanceLineMap,
                            fileYear: AcademicYear?, options: FileOptions = [:], settings: FinanceSettings, seen: inout Set<String>) throws -> ImportOutcome<FinanceRecord> {
        guard let current = fileYear else {
            throw PipelineError.configuration("The \(layout.label) \(displayName) gives no year: name its current year in finance.file_years (\"\(displayName)\": 2024/25) or in the file name (…2024-25…).")
        }
        let lines = map.lines(layout)
        let years = years(layout)
        var values = Array(repeating: FinanceLineValues(), count: years.count)
        var rowOf: [String: Int] = [:]
        var unknown: [String] = []
        var upin: String?
        var outcome = try TableImporter(schema: schema(layout), path: path, displayName: displayName, options: options).run { row -> FinanceRecord? in
            let code = try row.require("line")
            if let u = row.text("trust_upin") {
                if upin == nil { upin = u }
                guard u == upin else {
                    throw row.reject("trust_upin", u, .inconsistentValues, "A second trust (UPIN \(u)) in a file that began with UPIN \(upin!); give one trust's return per file.")
                }
            }
            guard rowOf[code] == nil else {
                throw row.reject("line", code, .duplicateKey, "Line \(code) appears again (first on line \(rowOf[code]!)); the first is used.")
            }
            rowOf[code] = row.line
            guard let line = lines.first(where: { $0.code == code && $0.applies(to: current) }) else {
                unknown.append(code)
                return nil
            }
            let scale = settings.bfrInThousands && line.kind != .count ? 1000.0 : 1
            for (k, y) in years.enumerated() where y.columns.contains(where: row.has) {
                let cells = try y.columns.map { try row.decimal($0) }
                let value: Double?
                switch line.kind {
                case .flow: value = cells.allSatisfy { $0 == nil } ? nil : cells.reduce(0) { $0 + ($1 ?? 0) }
                case .balance, .count: value = cells.last { $0 != nil } ?? nil
                }
                if let value { values[k].add(line, value * scale) } else { values[k].given(line) }
            }
            return nil
        }
        if !unknown.isEmpty {
            outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: "EFALineNo", value: unknown.joined(separator: " "), code: .unknownCode,
                message: "\(unknown.count) line(s) of the \(layout.label) are not in finance-line-codes.csv and are not used: \(unknown.joined(separator: ", ")). Add a row to the mapping to use one.",
                severity: .info))
        }
        let label = layout == .bfr ? "BFR" : "BFR three-year"
        var previous: FinanceFigures?
        for (k, y) in years.enumerated() where !values[k].isEmpty {
            let year = AcademicYear(startYear: current.startYear + y.offset)
            let reserveLine = rowOf[lines.first { $0.field == .carriedForward }?.code ?? ""]
            guard var figures = values[k].figures else {
                outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: y.columns.joined(separator: "+"), value: nil, code: .missingValue,
                    message: "\(layout.label) \(year): no line for \(values[k].missingEssentials.map(\.rawValue).joined(separator: ", ")); the year is left out of the trust's figures.",
                    severity: .warning))
                outcome.stats.warnings += 1
                continue
            }
            for (field, message) in values[k].reconcile(tolerance: settings.reconciliationTolerance) {
                let code = lines.first { $0.field == field }?.code
                outcome.issues.append(DataQualityIssue(file: displayName, line: code.flatMap { rowOf[$0] }, column: y.columns.joined(separator: "+"),
                    value: code, code: .doesNotAddUp, message: "Trust \(year) \(label): \(message)", severity: .warning))
                outcome.stats.warnings += 1
            }
            // A year opens with the previous year's closing balance: the return's own roll-forward is checked.
            if figures.broughtForward == nil, let p = previous { figures.broughtForward = p.carriedForward }
            previous = figures
            for (column, message) in FinanceImporter.reconcile(figures, tolerance: settings.reconciliationTolerance) where column != "total_income" {
                outcome.issues.append(DataQualityIssue(file: displayName, line: reserveLine, column: y.columns.joined(separator: "+"), value: nil,
                    code: .doesNotAddUp, message: "Trust \(year) \(label): \(message)", severity: .warning))
                outcome.stats.warnings += 1
            }
            let key = "\(year)|\(MeasureRow.trustURN)|\(y.status.rawValue)"
            guard !seen.contains(key) else {
                outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: y.columns.joined(separator: "+"), value: year.description,
                    code: .duplicateKey, message: "Trust \(year) (\(y.status.rawValue)) is also in a file read earlier; that file's figures are used and these are not.", severity: .info))
                continue
            }
            seen.insert(key)
            outcome.records.append(FinanceRecord(year: year, urn: MeasureRow.trustURN, status: y.status, figures: figures,
                                                 file: displayName, line: reserveLine ?? 0, source: label))
        }
        for text in FinanceLineValues.unavailable(outcome.records.map(\.figures)) {
            outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: nil, value: nil, code: .measuresUnavailable,
                                                   message: "The \(layout.label) has \(text).", severity: .warning))
            outcome.stats.warnings += 1
        }
        return outcome
    }
}
