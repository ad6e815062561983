import Foundation

/// What every table read keeps around its row handler: the header once read, the counts (rows read =
/// accepted + rejected) and the issues in file order. Shared by the byte-level marks sink and the
/// two-path table sink, so both resolve headers, skip blank rows and reject long rows the same way.
struct TableBooks {
    let importer: TableImporter
    var stats: ImportStats
    var issues: [DataQualityIssue] = []
    /// Headings in the header; -1 until the header is read (tested rather than an optional map, which
    /// binding would retain and release for every row).
    var width = -1
    /// The columns the pipeline entry fixes (or the register looks up), when there are any.
    var fixed: FixedColumns?
    /// The worksheet read when the file is a workbook: positions in its issues name it.
    let sheet: String?
    /// Rows looked at before the heading row, which MIS reports print a title, a date line and a blank
    /// line above (`Attendance report`, `Printed 03/12/2025`): the non-blank ones' text, for the note.
    var titleRows: [String] = []
    var rowsAboveHeader = 0
    /// Why none of the rows looked at so far is the heading row: the reason given for the one that came
    /// nearest (fewest required columns missing; the first of equals), thrown if none is.
    var headerMismatch: (error: ImportError, missing: Int)?

    /// How many rows may stand above the heading row. Bounded, so a file with no heading row at all is
    /// refused straight away (with the nearest row's missing columns), not after reading it through.
    static let headerSearchRows = 20

    init(importer: TableImporter, sheet: String? = nil) {
        self.importer = importer
        self.sheet = sheet
        stats = ImportStats(dataset: importer.schema.dataset, file: importer.displayName)
    }

    /// The header map when `row` is the heading row: the first of the file's first rows whose headings
    /// give every required column (`readHeader`). Nil for a row above it (a report title), which is
    /// kept for the note that says it was skipped; line numbers stay the file's own throughout.
    mutating func header(_ row: CSVRawRow) throws -> HeaderMap? {
        do {
            let map = try readHeader(row)
            if rowsAboveHeader > 0 { issues.insert(titleNote(headerLine: row.line), at: 0) }
            return map
        } catch let error as ImportError {
            let missing: Int
            switch error {
            case let .missingColumns(_, _, columns, _, _): missing = columns.count
            case .invalidMapping: missing = Int.max   // a mapped heading not in the row
            default: throw error
            }
            if headerMismatch.map({ missing < $0.missing }) ?? true { headerMismatch = (error, missing) }
            rowsAboveHeader += 1
            if !row.isBlank { titleRows.append(CSVRow(row).fields.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")) }
            if rowsAboveHeader >= Self.headerSearchRows { throw headerMismatch!.error }
            return nil
        }
    }

    /// The file ended before a heading row: why the rows it has are not one (nil when it has none).
    var noHeaderError: ImportError? { headerMismatch?.error }

    /// "The headings are on line 4: lines 1–3 above them are a report title …" (data-quality.csv).
    func titleNote(headerLine: Int) -> DataQualityIssue {
        let unit = sheet == nil ? "line" : "row"
        let above = headerLine == 2 ? "\(unit) 1" : "\(unit)s 1–\(headerLine - 1)"
        let shown = titleRows.prefix(3).map { "`\($0.count > 60 ? String($0.prefix(57)) + "..." : $0)`" }.joined(separator: ", ")
        let what = titleRows.isEmpty ? "blank" : "a report title (\(shown)\(titleRows.count > 3 ? ", ..." : "")), not data"
        return DataQualityIssue(
            file: importer.displayName, line: headerLine, column: sheetPosition, value: titleRows.first, code: .layoutRead,
            message: "The headings are on \(unit) \(headerLine): \(above) above them \(headerLine == 2 ? "is" : "are") \(what), and \(headerLine == 2 ? "is" : "are") skipped. The \(unit) numbers in this file's issues are the \(sheet == nil ? "file" : "sheet")'s own.",
            severity: .info)
    }

    /// Resolves the header row against the dataset's schema (aliases, overrides), keeping its issues.
    mutating func readHeader(_ row: CSVRawRow) throws -> HeaderMap {
        let header = CSVRow(row).fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let plan = try FixedColumns.plan(header: header, schema: importer.schema, options: importer.options, path: importer.displayName)
        let (resolved, headerIssues) = try HeaderMap.resolve(
            header: plan.header, schema: importer.schema, overrides: plan.overrides, path: importer.displayName)
        width = header.count
        fixed = plan.columns
        // The header's own issues (duplicate headings, fixed values the file has) are on its line.
        issues += (plan.issues + headerIssues).map { issue in
            var issue = issue
            if issue.line == 1 { issue.line = row.line }
            return issue
        }
        if let sheet {
            stats.sheet = sheet
            stats.headings = header
        }
        return resolved.inSheet(sheet, columns: header.count, line: row.line)
    }

    /// Counts and reports a row refused before its dataset's parser saw it (its DfE number).
    mutating func reject(_ row: CSVRawRow, _ rejection: RowRejection) {
        stats.rowsRejected += 1
        issues.append(DataQualityIssue(
            file: importer.displayName, line: row.line, column: rejection.column ?? sheetPosition, value: rejection.value,
            code: rejection.code, message: rejection.message, severity: .rejected))
    }

    /// The position of an issue about a whole row of a workbook (`sheet Results`); nil for CSV.
    var sheetPosition: String? { sheet.map { "sheet \($0)" } }

    /// Counts a data row and returns true when it goes to the handler: false for a blank row (a row of
    /// nothing but delimiters, as spreadsheet exports pad with, carries no data and is not counted) and
    /// for a row rejected for fields past the last heading.
    @inline(__always)
    mutating func admit(_ row: CSVRawRow) -> Bool {
        if row.isBlank { return false }
        stats.rowsRead += 1
        return !(row.count > width && longRow(row))
    }

    /// Rejects a row with non-blank fields past the last heading (true when it did).
    @inline(never)
    mutating func longRow(_ row: CSVRawRow) -> Bool {
        guard (width..<row.count).contains(where: { !row[$0].trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
        stats.rowsRejected += 1
        issues.append(DataQualityIssue(
            file: importer.displayName, line: row.line, column: sheetPosition, value: "\(row.count) fields", code: .longRow,
            message: TableImporter.longRowMessage(fields: row.count, headings: width),
            severity: .rejected, urn: nil, upn: nil))
        return true
    }
}
