import Foundation

/// The one import driver every dataset uses: opens the file, maps its headings to the schema, hands
/// each row to a dataset-specific parser, and keeps the books: rows read = accepted + rejected.
public struct TableImporter: Sendable {
    public let schema: DatasetSchema
    public let path: String
    /// How the file is named in issues and reports (the path as the pipeline wrote it).
    public let displayName: String
    /// Column mappings, fixed values and the register's DfE numbers (`FileOptions`).
    public let options: FileOptions
    public var overrides: [String: String] { options.overrides }
    /// The worksheet to read when the file is an Excel workbook (nil: the first; `sheet:` in the pipeline).
    public var sheet: String? { options.sheet }

    public init(schema: DatasetSchema, path: String, displayName: String? = nil, options: FileOptions) {
        self.schema = schema
        self.path = path
        self.displayName = displayName ?? path
        self.options = options
    }

    /// With the pipeline's column mappings only (no fixed values).
    public init(schema: DatasetSchema, path: String, displayName: String? = nil, overrides: [String: String] = [:]) {
        self.init(schema: schema, path: path, displayName: displayName, options: FileOptions(overrides: overrides))
    }

    /// Parses every row into a record. The parser returns nil to skip a row that is fine but not wanted
    /// (it still counts as accepted), and throws `RowRejection` to reject it.
    public func run<Record: Sendable>(_ parse: (inout RowParser) throws -> Record?) throws -> ImportOutcome<Record> {
        var records: [Record] = []
        let (stats, issues) = try stream { parser in
            if let record = try parse(&parser) { records.append(record) }
        }
        return ImportOutcome(records: records, stats: stats, issues: issues)
    }

    /// The streaming form: `handle` consumes each row (every row through `RowParser`).
    public func stream(_ handle: (inout RowParser) throws -> Void) throws -> (ImportStats, [DataQualityIssue]) {
        try withoutActuallyEscaping(handle) { handle in
            var handler = ParseOnlyHandler(body: handle)
            return try stream(into: &handler)
        }
    }
}

/// What `TableImporter.streamRaw` hands the rows of a big file to: a struct holding all its state,
/// so the reader's loop is specialised for it and copies no closure context per row.
protocol RawRowHandler {
    /// The file's resolved header, before the first row; throws when the file cannot be read with it.
    mutating func begin(_ map: HeaderMap) throws
    /// One non-blank row that is not too long (a view of the reader's buffers, valid only during the call).
    mutating func handle(_ row: CSVRawRow) throws
}

extension TableImporter {
    /// `stream` for the attendance marks: the same header handling, blank-row skipping, long-row
    /// rejection and books, but `handler` gets the reader's view of the row (no `CSVRow` arrays, no
    /// `RowParser`) and cannot reject through `RowRejection` (every row it is handed counts as
    /// accepted; the marks importer moves its own refusals across afterwards).
    ///
    /// With `range`, only that part of the file is read (it must start at a line; line numbers then
    /// count from the part's start) and `header` is the already-resolved map of the file's header.
    func streamRaw<Handler: RawRowHandler>(range: Range<Int>? = nil, header: HeaderMap? = nil,
                                           linesRead: UnsafeMutablePointer<Int>? = nil,
                                           handler: inout Handler) throws -> (ImportStats, [DataQualityIssue]) {
        let reader = try openReader(range: range)
        var sink = try RawTableSink(importer: self, handler: handler, header: header, sheet: reader.sheet)
        defer { linesRead?.pointee = reader.linesRead }
        do {
            try reader.forEachRawRow(into: &sink)
        } catch let error as CSVError {
            handler = sink.handler
            throw importError(error)
        } catch let error as XLSXError {
            handler = sink.handler
            throw importError(error)
        }
        handler = sink.handler
        guard sink.books.width >= 0 else { throw sink.books.noHeaderError ?? ImportError.empty(dataset: schema.dataset, path: displayName) }
        close(reader, &sink.books.stats, &sink.books.issues)
        return (sink.books.stats, sink.books.issues)
    }
}

/// `streamRaw`'s sink: the books, and the handler every counted row goes to.
private struct RawTableSink<Handler: RawRowHandler>: CSVRawRowSink {
    var handler: Handler
    var books: TableBooks

    init(importer: TableImporter, handler: Handler, header: HeaderMap?, sheet: String?) throws {
        self.handler = handler
        books = TableBooks(importer: importer, sheet: sheet)
        if let header {
            books.width = header.headers.count
            try self.handler.begin(header)
        }
    }

    mutating func take(_ row: CSVRawRow) throws {
        guard books.width >= 0 else {
            if let map = try books.header(row) { try handler.begin(map) }
            return
        }
        guard books.admit(row) else { return }
        guard var fixed = books.fixed else { return try accept(row) }
        books.fixed = nil
        defer { books.fixed = fixed }
        if case .failure(let rejection) = try fixed.widen(row, { try accept($0) }) { books.reject(row, rejection) }
    }

    @inline(__always)
    private mutating func accept(_ row: CSVRawRow) throws {
        try handler.handle(row)
        books.stats.rowsAccepted += 1
    }
}

extension TableImporter {
    func openReader(range: Range<Int>?) throws -> TableSource {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ImportError.fileMissing(dataset: schema.dataset, path: displayName)
        }
        do {
            return try TableSource.open(path: path, sheet: sheet, range: range)
        } catch let error as XLSXError {
            throw ImportError.unreadable(dataset: schema.dataset, path: displayName, reason: error.description)
        } catch {
            throw ImportError.unreadable(dataset: schema.dataset, path: displayName, reason: "\(error)")
        }
    }

    func importError(_ error: CSVError) -> ImportError {
        if case let .malformed(_, line, offset, reason) = error {
            return .malformed(dataset: schema.dataset, path: displayName, line: line, byteOffset: offset, reason: reason)
        }
        if case let .notCSV(_, explanation) = error {
            return .notCSV(dataset: schema.dataset, path: displayName, explanation: explanation)
        }
        return .unreadable(dataset: schema.dataset, path: displayName, reason: "\(error)")
    }

    func importError(_ error: XLSXError) -> ImportError {
        .unreadable(dataset: schema.dataset, path: displayName, reason: error.description)
    }

    /// Closes the books once the file is read: its size, its encoding, and a notice when it was converted.
    func close(_ reader: TableSource, _ stats: inout ImportStats, _ issues: inout [DataQualityIssue]) {
        stats.bytes = reader.bytesRead
        stats.encoding = reader.detectedEncoding.rawValue
        if reader.detectedEncoding == .windows1252 {
            issues.insert(DataQualityIssue(
                file: displayName, line: nil, column: nil, value: nil, code: .convertedEncoding,
                message: "The file is not UTF-8; it was read as Windows-1252 (older MIS exports use it). Check accented names look right, or export as UTF-8.",
                severity: .warning), at: 0)
            stats.warnings += 1
        }
    }

    /// The file's size in bytes (0 when it cannot be read), for sizing tables before a read.
    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func longRowMessage(fields: Int, headings: Int) -> String {
        "The row has \(fields) fields but the header has \(headings); a comma inside an unquoted value shifts every column after it. Quote the value or remove the comma."
    }
}

extension CSVRow {
    /// True when every field is empty or spaces; checked on the bytes so big files pay no String cost.
    var isBlank: Bool {
        (0..<count).allSatisfy { i in withFieldBytes(i) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } } }
    }
}
