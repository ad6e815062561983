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

    init(importer: TableImporter, sheet: String? = nil) {
        self.importer = importer
        self.sheet = sheet
        stats = ImportStats(dataset: importer.schema.dataset, file: importer.displayName)
    }

    /// Resolves the header row against the dataset's schema (aliases, overrides), keeping its issues.
    mutating func readHeader(_ row: CSVRawRow) throws -> HeaderMap {
        let header = CSVRow(row).fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let plan = try FixedColumns.plan(header: header, schema: importer.schema, options: importer.options, path: importer.displayName)
        let (resolved, headerIssues) = try HeaderMap.resolve(
            header: plan.header, schema: importer.schema, overrides: plan.overrides, path: importer.displayName)
        width = header.count
        fixed = plan.columns
        issues += plan.issues + headerIssues
        if let sheet {
            stats.sheet = sheet
            stats.headings = header
        }
        return resolved.inSheet(sheet, columns: header.count)
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
