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
        var sink = TableSink(importer: self, handler: handler, sheet: reader.sheet)
        // The handler's state goes back to the caller whatever happens, as a closure's captures would.
        defer { handler = sink.handler }
        do {
            try reader.forEachRawRow(into: &sink)
        } catch let error as CSVError {
            throw importError(error)
        } catch let error as XLSXError {
            throw importError(error)
        }
        guard sink.map != nil else { throw sink.books.noHeaderError ?? ImportError.empty(dataset: schema.dataset, path: displayName) }
        close(reader, &sink.books.stats, &sink.books.issues)
        return (sink.books.stats, sink.books.issues)
    }
}

/// `stream(into:)`'s sink: the books, and the handler's two paths for every counted row.
private struct TableSink<Handler: TableRowHandler>: CSVRawRowSink {
    var handler: Handler
    var books: TableBooks
    /// nil until the header is read.
    var map: HeaderMap?

    init(importer: TableImporter, handler: Handler, sheet: String?) {
        self.handler = handler
        books = TableBooks(importer: importer, sheet: sheet)
    }

    mutating func take(_ row: CSVRawRow) throws {
        guard books.width >= 0 else {
            guard let resolved = try books.header(row) else { return }
            map = resolved
            handler.begin(resolved)
            return
        }
        guard books.admit(row) else { return }
        guard var fixed = books.fixed else { return try accept(row) }
        books.fixed = nil
        defer { books.fixed = fixed }
        if case .failure(let rejection) = try fixed.widen(row, { try accept($0) }) { books.reject(row, rejection) }
    }

    /// A counted row (widened with any fixed columns) through the handler's two paths.
    @inline(__always)
    private mutating func accept(_ row: CSVRawRow) throws {
        if handler.plain(row) {
            books.stats.rowsAccepted += 1
            return
        }
        let file = books.importer.displayName
        var parser = RowParser(row: CSVRow(row), map: map!, file: file)
        do {
            try handler.parse(&parser)
            books.stats.rowsAccepted += 1
        } catch let rejection as RowRejection {
            books.stats.rowsRejected += 1
            books.issues.append(DataQualityIssue(
                file: file, line: row.line, column: rejection.column ?? books.sheetPosition, value: rejection.value,
                code: rejection.code, message: rejection.message, severity: .rejected,
                urn: parser.urn, upn: parser.upn))
        }
        books.stats.warnings += parser.warnings.count
        books.issues += parser.warnings
    }
}

/// The closure form: every row goes through `RowParser`.
struct ParseOnlyHandler: TableRowHandler {
    let body: (inout RowParser) throws -> Void
    func begin(_ map: HeaderMap) {}
    func plain(_ row: CSVRawRow) -> Bool { false }
    func parse(_ row: inout RowParser) throws { try body(&row) }
}
