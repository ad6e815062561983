import Foundation

/// A dataset's rows in two paths, for `TableImporter.stream(into:)`. `plain` decodes the usual row
/// straight from the reader's bytes (no `CSVRow`, no `String` per cell, columns found once per file);
/// anything it does not take goes to `parse`, the `RowParser` path that every rejection and warning
/// comes from. So `plain` only has to answer the easy rows right; the rest behave as they always did.
protocol TableRowHandler {
    /// The file's resolved header, before the first row. Size tables here rather than in `init`: the
    /// handler is copied into the reader's loop, and a table filled before that would be copied whole
    /// on the first row.
    mutating func begin(_ map: HeaderMap)
    /// Takes a row that is accepted with no issue and returns true; returns false, having changed
    /// nothing, for any other row (unusual shape, bad value, duplicate...), which then goes to `parse`.
    mutating func plain(_ row: CSVRawRow) -> Bool
    /// The full row check: parses the row or throws `RowRejection`, and records warnings on `row`.
    mutating func parse(_ row: inout RowParser) throws
}

extension TableImporter {
    /// `stream` with a handler that can take the usual rows from the reader's bytes: the same header
    /// handling, blank-row skipping, long-row rejection, issues (in the same order) and books.
    func stream<Handler: TableRowHandler>(into handler: inout Handler) throws -> (ImportStats, [DataQualityIssue]) {
        let reader = try openReader(range: nil)
        var sink = TableSink(importer: self, handler: handler)
        // The handler's state goes back to the caller whatever happens, as a closure's captures would.
        defer { handler = sink.handler }
        do {
            try reader.forEachRawRow(into: &sink)
        } catch let error as CSVError {
            throw importError(error)
        }
        guard sink.map != nil else { throw ImportError.empty(dataset: schema.dataset, path: displayName) }
        close(reader, &sink.stats, &sink.issues)
        return (sink.stats, sink.issues)
    }
}

/// The books `stream(into:)` keeps around its handler: rows read = accepted + rejected.
private struct TableSink<Handler: TableRowHandler>: CSVRawRowSink {
    let importer: TableImporter
    var handler: Handler
    var stats: ImportStats
    var issues: [DataQualityIssue] = []
    /// nil until the header is read.
    var map: HeaderMap?
    /// Headings in the header; -1 until it is read (tested rather than `map`, which binding would
    /// retain and release for every row).
    var width = -1

    init(importer: TableImporter, handler: Handler) {
        self.importer = importer
        self.handler = handler
        stats = ImportStats(dataset: importer.schema.dataset, file: importer.displayName)
    }

    mutating func take(_ row: CSVRawRow) throws {
        guard width >= 0 else {
            let (resolved, headerIssues) = try HeaderMap.resolve(
                header: CSVRow(row).fields.map { $0.trimmingCharacters(in: .whitespaces) },
                schema: importer.schema, overrides: importer.overrides, path: importer.displayName)
            map = resolved
            width = resolved.headers.count
            issues += headerIssues
            handler.begin(resolved)
            return
        }
        // A row of nothing but delimiters (spreadsheet exports pad with them) carries no data.
        if row.isBlank { return }
        stats.rowsRead += 1
        if row.count > width, longRow(row) { return }
        if handler.plain(row) {
            stats.rowsAccepted += 1
            return
        }
        var parser = RowParser(row: CSVRow(row), map: map!, file: importer.displayName)
        do {
            try handler.parse(&parser)
            stats.rowsAccepted += 1
        } catch let rejection as RowRejection {
            stats.rowsRejected += 1
            issues.append(DataQualityIssue(
                file: importer.displayName, line: row.line, column: rejection.column, value: rejection.value,
                code: rejection.code, message: rejection.message, severity: .rejected,
                urn: parser.urn, upn: parser.upn))
        }
        stats.warnings += parser.warnings.count
        issues += parser.warnings
    }

    /// Rejects a row with non-blank fields past the last heading (true when it did).
    @inline(never)
    mutating func longRow(_ row: CSVRawRow) -> Bool {
        guard (width..<row.count).contains(where: { !row[$0].trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
        stats.rowsRejected += 1
        issues.append(DataQualityIssue(
            file: importer.displayName, line: row.line, column: nil, value: "\(row.count) fields", code: .longRow,
            message: TableImporter.longRowMessage(fields: row.count, headings: width),
            severity: .rejected, urn: nil, upn: nil))
        return true
    }
}

/// The closure form: every row goes through `RowParser`.
struct ParseOnlyHandler: TableRowHandler {
    let body: (inout RowParser) throws -> Void
    func begin(_ map: HeaderMap) {}
    func plain(_ row: CSVRawRow) -> Bool { false }
    func parse(_ row: inout RowParser) throws { try body(&row) }
}
