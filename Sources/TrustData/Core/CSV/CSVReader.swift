import CCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming CSV reader on top of libcsv.
///
/// libcsv reports neither positions nor line numbers, so the reader splits the input into
/// physical lines itself (LF, CRLF and lone CR) and feeds libcsv one line at a time. The
/// parser's state is inspected between lines, which tells us exactly where each record
/// starts even when quoted fields span several lines. A chunk with no quote mark and no CR
/// (nearly every chunk of an MIS export) cannot hold a multi-line record, so it is fed whole
/// and its rows are matched to its LFs afterwards (`feedBatch`), with the same results.
public final class CSVReader {
    public let name: String
    public private(set) var detectedEncoding: TextEncoding = .utf8
    public private(set) var bytesRead: Int = 0
    /// Physical lines read by the last pass (a file that ends with a line break has no extra line).
    private(set) var linesRead: Int = 0
    /// Only these bytes of the file are read (a part starting at a line, for the split marks import);
    /// nil for the whole file. A part that does not start at 0 has no BOM.
    private var byteRange: Range<Int>? = nil

    private enum Source {
        case file(fd: Int32)
        case memory([UInt8])
    }

    private let source: Source
    private let chunkSize: Int
    /// The file's encoding and separator, read off its first bytes when it is opened.
    public private(set) var dialect = CSVDialect.standard
    /// Parse chunks without quotes or CRs whole (`feedBatch`); false forces the line-at-a-time path
    /// everywhere, which tests compare the batched path against.
    var batchesPlainChunks = true

    public init(path: String, chunkSize: Int = 1 << 16) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw CSVError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        var st = stat()
        // Opening a folder succeeds on Linux; catching it here gives a clearer message than EISDIR later.
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CSVError.cannotOpen(path: path, reason: "it is a folder, not a file")
        }
        self.name = path
        self.source = .file(fd: fd)
        self.chunkSize = max(1, chunkSize)
        var head = [UInt8](repeating: 0, count: 8192)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 8192, 0) }
        if n > 0 { dialect = head.withUnsafeBufferPointer { CSVDialect.detect(UnsafeBufferPointer(rebasing: $0[..<n])) } }
    }

    /// Reads only `range` of the file (which must start at the beginning of a line).
    convenience init(path: String, range: Range<Int>) throws {
        try self.init(path: path)
        // A cut at a line feed byte may fall inside a UTF-16 code unit: such a file is read whole (the
        // split marks import falls back to one pass when a part cannot be opened).
        if dialect.utf16BigEndian != nil {
            throw CSVError.readFailed(file: path, reason: "UTF-16 text is read in one pass, not in parts")
        }
        byteRange = range
    }

    /// In-memory input; `chunkSize` lets tests force chunk boundaries into awkward places.
    public init(data: [UInt8], name: String = "<memory>", chunkSize: Int = 1 << 16) {
        self.name = name
        self.source = .memory(data)
        self.chunkSize = max(1, chunkSize)
        dialect = data.withUnsafeBufferPointer { CSVDialect.detect(UnsafeBufferPointer(rebasing: $0.prefix(8192))) }
    }

    deinit {
        if case let .file(fd) = source { close(fd) }
    }

    public static func readAll(path: String) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        try CSVReader(path: path).forEachRow { rows.append($0) }
        return rows
    }

    public static func readAll(data: [UInt8], chunkSize: Int = 1 << 16) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        try CSVReader(data: data, chunkSize: chunkSize).forEachRow { rows.append($0) }
        return rows
    }

    /// Calls `body` for every non-blank record, in file order. Can be called again to re-read.
    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        try forEachRawRow { raw in try body(CSVRow(raw)) }
    }

    /// `forEachRow` without copying each record into arrays: `body` gets a view of the reader's own
    /// buffers, valid only during the call.
    func forEachRawRow(_ body: (CSVRawRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var sink = ClosureRowSink(body: body)
            try forEachRawRow(into: &sink)
        }
    }

    /// The reader's loop, specialised for each sink: the marks import hands in a struct holding all
    /// its state, so no closure context (and no reference it captures) is copied, retained and
    /// released per row, which a closure-based loop did for every one of its captured values.
    func forEachRawRow<Sink: CSVRawRowSink>(into sink: inout Sink) throws {
        var memoryPosition = 0
        let rangeStart = byteRange?.lowerBound ?? 0
        var fileRemaining = byteRange?.count ?? Int.max
        if case let .file(fd) = source, lseek(fd, off_t(rangeStart), SEEK_SET) < 0 {
            throw CSVError.readFailed(file: name, reason: String(cString: strerror(errno)))
        }
        bytesRead = 0
        detectedEncoding = .utf8

        let capacity = max(chunkSize, 3)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }

        // UTF-16 text is read through a transcoder: what it has made waits in `transcoded` until taken.
        var transcoder = dialect.utf16BigEndian.map { UTF16Transcoder(bigEndian: $0) }
        var transcoded: [UInt8] = []
        var transcodedPosition = 0
        if transcoder != nil { detectedEncoding = .utf16 }

        func readChunk(into dst: UnsafeMutablePointer<UInt8>, max wanted: Int) throws -> Int {
            guard transcoder != nil else { return try readRaw(into: dst, max: wanted) }
            if transcodedPosition == transcoded.count {
                transcoded.removeAll(keepingCapacity: true)
                transcodedPosition = 0
                var raw = [UInt8](repeating: 0, count: 1 << 15)
                while transcoded.isEmpty {
                    let n = try raw.withUnsafeMutableBufferPointer { try readRaw(into: $0.baseAddress!, max: $0.count) }
                    if n == 0 { transcoder!.finish(into: &transcoded); break }
                    raw.withUnsafeBufferPointer { transcoder!.transcode(UnsafeBufferPointer(rebasing: $0[..<n]), into: &transcoded) }
                }
            }
            let n = min(wanted, transcoded.count - transcodedPosition)
            transcoded.withUnsafeBufferPointer { dst.update(from: $0.baseAddress! + transcodedPosition, count: n) }
            transcodedPosition += n
            return n
        }

        func readRaw(into dst: UnsafeMutablePointer<UInt8>, max wanted: Int) throws -> Int {
            switch source {
            case let .file(fd):
                let wanted = min(wanted, fileRemaining)
                if wanted == 0 { return 0 }
                while true {
                    let n = read(fd, dst, wanted)
                    if n >= 0 { fileRemaining -= n; return n }
                    if errno == EINTR { continue }
                    throw CSVError.readFailed(file: name, reason: String(cString: strerror(errno)))
                }
            case let .memory(data):
                let n = min(wanted, data.count - memoryPosition)
                if n > 0 {
                    data.withUnsafeBufferPointer { src in
                        dst.update(from: src.baseAddress! + memoryPosition, count: n)
                    }
                }
                memoryPosition += n
                return n
            }
        }

        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            throw CSVError.readFailed(file: name, reason: "out of memory starting the CSV parser")
        }
        defer { csv_free(parser) }
        // libcsv grows its field buffer linearly by this block size; the default (128)
        // makes very long fields (free-text notes) quadratic.
        csv_set_blk_size(parser, 1 << 14)
        csv_set_delim(parser, dialect.delimiter)

        let statePointer = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        statePointer.initialize(to: ParseState())
        defer {
            if statePointer.pointee.sawWindows1252 { detectedEncoding = .windows1252 }
            statePointer.pointee.release()
            statePointer.deinitialize(count: 1)
            statePointer.deallocate()
        }
        let context = UnsafeMutableRawPointer(statePointer)

        var line = 0                 // current physical line (1-based once started)
        var atLineStart = true
        var pendingLF = false        // a CR ended the previous chunk; a following LF belongs to it
        var quoteOpenLine = 0
        var quoteOpenFieldCount = -1

        @inline(__always)
        func deliver() throws {
            statePointer.pointee.rowReady = false
            try sink.take(statePointer.pointee.rawRow())
            // Emptied as soon as the row is handed over, so the field callback never checks for a
            // finished row: fed one line at a time, libcsv completes a row only at the end of a feed
            // (after the row's newline only the LF of a CRLF can follow, which gives no field).
            statePointer.pointee.byteCount = 0
            statePointer.pointee.endCount = 0
            statePointer.pointee.rowStart = 0
        }

        /// `beginLine` for a line that starts inside a batched chunk: the previous line's LF ended a row
        /// (or a blank line), so libcsv is between records and no quoted field is open.
        @inline(__always)
        func beginLineBetweenRecords(at offset: Int) {
            quoteOpenFieldCount = -1
            line += 1
            statePointer.pointee.pendingLine = line
            statePointer.pointee.pendingOffset = offset
        }

        @inline(__always)
        func beginLine(at offset: Int) {
            // Remember where an open quoted field began so an unterminated one can be located.
            if parser.pointee.pstate == 2 && parser.pointee.quoted != 0 {
                if quoteOpenFieldCount != statePointer.pointee.fieldsSubmitted {
                    quoteOpenFieldCount = statePointer.pointee.fieldsSubmitted
                    quoteOpenLine = line
                }
            } else {
                quoteOpenFieldCount = -1
            }
            line += 1
            if parser.pointee.pstate == 0 {   // ROW_NOT_BEGUN: a new record may start here
                statePointer.pointee.pendingLine = line
                statePointer.pointee.pendingOffset = offset
            }
        }

        func parseFailure(at offset: Int) -> CSVError {
            switch csv_error(parser) {
            case CSV_EPARSE:
                return .malformed(file: name, line: line, byteOffset: offset,
                                  reason: "a quote mark (\") appears inside a field that is not wrapped in quotes, or straight after a closing quote; a field containing quote marks must be wrapped in quotes with each inner quote doubled (\"\")")
            case CSV_ENOMEM:
                return .readFailed(file: name, reason: "ran out of memory at line \(line)")
            default:
                return .readFailed(file: name, reason: String(cString: csv_strerror(csv_error(parser))))
            }
        }

        @inline(__always)
        func feed(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ chunkOffset: Int) throws {
            let n = end - start
            // Room for every field libcsv can hand back during this feed, so its callback needs no
            // capacity checks (see ParseState.reserve(feeding:pending:)).
            statePointer.pointee.reserve(feeding: n, pending: parser.pointee.entry_pos)
            let done = csv_parse(parser, base + start, n, csvFieldCallback, csvRowCallback, context)
            if done != n { throw parseFailure(at: chunkOffset + start + done) }
            if statePointer.pointee.rowReady { try deliver() }
        }

        /// Parses `base[start..<n]` (the rest of a chunk with no quote mark and no CR, not starting inside
        /// a quoted field) in one `csv_parse` call. Without quotes every LF ends a record or a blank
        /// line, and with CSV_REPALL_NL libcsv reports a (zero-field) row for a blank line too, so the
        /// k-th row callback belongs to the k-th LF: libcsv collects the chunk's rows in the state's
        /// batch, then one walk over the LFs gives each its line number and byte offset exactly as
        /// feeding line by line would, and hands the rows with fields to the sink. Saves a csv_parse
        /// call per line (its set-up, and the reader's loop around it).
        func feedBatch(_ base: UnsafePointer<UInt8>, _ start: Int, _ n: Int, _ chunkOffset: Int) throws {
            if atLineStart {
                beginLine(at: chunkOffset + start)
                atLineStart = false
            }
            let count = n - start
            statePointer.pointee.reserve(feeding: count, pending: parser.pointee.entry_pos)
            statePointer.pointee.beginBatch(rows: count)
            csv_set_opts(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
            let done = csv_parse(parser, base + start, count, csvFieldCallback, csvBatchRowCallback, context)
            csv_set_opts(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
            var p = start
            var rowBytes = 0, rowEnds = 0
            // A row that starts at `p` holds at least its fields' bytes and a comma between each two
            // before its LF (libcsv only drops spaces and tabs around fields; there are no quotes to
            // unwrap), so its LF is found at that distance at the earliest, and usually exactly there.
            // Not for the chunk's first row (it may have begun in the last chunk), nor once any field
            // has been converted from Windows-1252, which makes fields longer than their input.
            let exactLengths = !statePointer.pointee.sawWindows1252
            for k in 0 ..< statePointer.pointee.batchCount {
                let (byteEnd, endEnd) = statePointer.pointee.batch[k]
                var from = p
                if k > 0 && exactLengths {
                    from += byteEnd - rowBytes + max(endEnd - rowEnds - 1, 0)
                }
                let lf = from < n && base[from] == 0x0A
                    ? from : UnsafePointer<UInt8>(memchr(base + from, 0x0A, n - from)!.assumingMemoryBound(to: UInt8.self)) - base
                // A zero-field row is a blank line, which the line-at-a-time path never delivers.
                if endEnd > rowEnds {
                    try sink.take(CSVRawRow(
                        line: statePointer.pointee.pendingLine, byteOffset: statePointer.pointee.pendingOffset,
                        bytes: UnsafeBufferPointer(start: statePointer.pointee.bytes + rowBytes, count: byteEnd - rowBytes),
                        ends: UnsafeBufferPointer(start: statePointer.pointee.ends + rowEnds, count: endEnd - rowEnds)))
                }
                rowBytes = byteEnd
                rowEnds = endEnd
                p = lf + 1
                atLineStart = true
                if p < n {
                    beginLineBetweenRecords(at: chunkOffset + p)
                    atLineStart = false
                }
            }
            // The fields of the record still open at the end of the chunk move to the front.
            statePointer.pointee.dropBatchedRows(bytes: rowBytes, ends: rowEnds)
            if done != count { throw parseFailure(at: chunkOffset + start + done) }
        }

        var chunkOffset = rangeStart
        var first = true
        defer { linesRead = line }
        while true {
            var n: Int
            var start = 0
            if first {
                // Fill at least three bytes so a BOM split across tiny reads is still recognised.
                n = 0
                while n < 3 {
                    let got = try readChunk(into: buffer + n, max: capacity - n)
                    if got == 0 { break }
                    n += got
                }
                // Fill the first chunk (up to 4 KiB) before looking at what kind of file this is.
                while n < min(capacity, 4096) {
                    let got = try readChunk(into: buffer + n, max: capacity - n)
                    if got == 0 { break }
                    n += got
                }
                if rangeStart == 0, let kind = FileKind.sniff(UnsafeBufferPointer(start: buffer, count: n)) {
                    throw CSVError.notCSV(file: name, explanation: kind.explanation)
                }
                if rangeStart == 0 && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
                first = false
            } else {
                n = try readChunk(into: buffer, max: chunkSize)
            }
            if n == 0 { break }
            bytesRead += n
            let base = UnsafePointer(buffer)
            var i = start
            if statePointer.pointee.allASCII && !TextDecoding.isASCII(base + start, n - start) {
                statePointer.pointee.allASCII = false
            }
            if pendingLF {
                pendingLF = false
                if base[i] == 0x0A {
                    try feed(base, i, i + 1, chunkOffset)
                    i += 1
                }
            }
            if i < n && memchr(base + i, 0x0D, n - i) == nil {
                if batchesPlainChunks && !(parser.pointee.pstate == 2 && parser.pointee.quoted != 0)
                    && memchr(base + i, 0x22, n - i) == nil {
                    try feedBatch(base, i, n, chunkOffset)
                    chunkOffset += n
                    continue
                }
                // No CR in this chunk (the usual case): lines end at LF only, found with memchr.
                while i < n {
                    if atLineStart {
                        beginLine(at: chunkOffset + i)
                        atLineStart = false
                    }
                    guard let lf = memchr(base + i, 0x0A, n - i) else {
                        try feed(base, i, n, chunkOffset)
                        break
                    }
                    let end = UnsafePointer<UInt8>(lf.assumingMemoryBound(to: UInt8.self)) - base + 1
                    atLineStart = true
                    try feed(base, i, end, chunkOffset)
                    i = end
                }
                chunkOffset += n
                continue
            }
            while i < n {
                if atLineStart {
                    beginLine(at: chunkOffset + i)
                    atLineStart = false
                }
                var j = i
                while j < n {
                    let b = base[j]
                    if b == 0x0A || b == 0x0D { break }
                    j += 1
                }
                if j == n {
                    try feed(base, i, n, chunkOffset)
                    break
                }
                atLineStart = true
                if base[j] == 0x0D {
                    if j + 1 < n {
                        let end = base[j + 1] == 0x0A ? j + 2 : j + 1
                        try feed(base, i, end, chunkOffset)
                        i = end
                    } else {
                        try feed(base, i, n, chunkOffset)
                        pendingLF = true
                        i = n
                    }
                } else {
                    try feed(base, i, j + 1, chunkOffset)
                    i = j + 1
                }
            }
            chunkOffset += n
        }

        statePointer.pointee.reserve(feeding: 0, pending: parser.pointee.entry_pos)
        if csv_fini(parser, csvFieldCallback, csvRowCallback, context) != 0 {
            if csv_error(parser) == CSV_EPARSE {
                let opened = quoteOpenFieldCount == statePointer.pointee.fieldsSubmitted ? quoteOpenLine : line
                throw CSVError.malformed(
                    file: name, line: statePointer.pointee.pendingLine, byteOffset: statePointer.pointee.pendingOffset,
                    reason: "the file ends inside a quoted field that opens on line \(opened); a closing quote mark (\") is missing")
            }
            throw parseFailure(at: chunkOffset)
        }
        if statePointer.pointee.rowReady { try deliver() }
    }
}

/// Where `forEachRawRow(into:)` hands each record (a view valid only during the call).
protocol CSVRawRowSink {
    mutating func take(_ row: CSVRawRow) throws
}

/// The closure form of a sink, for callers that read few rows.
private struct ClosureRowSink: CSVRawRowSink {
    let body: (CSVRawRow) throws -> Void
    func take(_ row: CSVRawRow) throws { try body(row) }
}
