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
    }

    /// Reads only `range` of the file (which must start at the beginning of a line).
    convenience init(path: String, range: Range<Int>) throws {
        try self.init(path: path)
        byteRange = range
    }

    /// In-memory input; `chunkSize` lets tests force chunk boundaries into awkward places.
    public init(data: [UInt8], name: String = "<memory>", chunkSize: Int = 1 << 16) {
        self.name = name
        self.source = .memory(data)
        self.chunkSize = max(1, chunkSize)
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

        func readChunk(into dst: UnsafeMutablePointer<UInt8>, max wanted: Int) throws -> Int {
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

/// Parse state reached from libcsv's C callbacks through a raw pointer. A plain struct behind
/// an unsafe pointer (rather than a class) avoids a retain/release and an exclusivity check per
/// field, which dominated the profile on 10M-row files.
private struct ParseState {
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity: Int
    var ends: UnsafeMutablePointer<Int>
    var endCount = 0
    var endCapacity: Int
    /// Where the current record's bytes start in `bytes` (its field ends are counted from there): 0
    /// except while a batch collects several records.
    var rowStart = 0
    /// While a batch is parsed, its row callback appends (byte count, end count) at each row's end here.
    var batch: UnsafeMutablePointer<(Int, Int)>
    var batchCount = 0
    var batchCapacity: Int
    var rowReady = false
    var readyLine = 0
    var readyOffset = 0
    var pendingLine = 1
    var pendingOffset = 0
    var fieldsSubmitted = 0
    var sawWindows1252 = false
    /// Every byte read so far is ASCII, so every field is valid UTF-8 without looking at it.
    var allASCII = true

    init() {
        byteCapacity = 4096
        bytes = .allocate(capacity: byteCapacity)
        endCapacity = 64
        ends = .allocate(capacity: endCapacity)
        batchCapacity = 64
        batch = .allocate(capacity: batchCapacity)
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
        batch.deallocate()
    }

    /// Starts collecting rows; a feed of `rows` bytes ends at most that many (one per LF).
    mutating func beginBatch(rows: Int) {
        if rows > batchCapacity {
            batch.deallocate()
            batchCapacity = rows
            batch = .allocate(capacity: rows)
        }
        batchCount = 0
    }

    /// Forgets the batched rows, which end at `bytes` and `ends`: what follows (the fields of a
    /// record still open) moves to the front.
    mutating func dropBatchedRows(bytes rowBytes: Int, ends rowEnds: Int) {
        byteCount -= rowBytes
        endCount -= rowEnds
        if rowBytes > 0 { memmove(bytes, bytes + rowBytes, byteCount) }
        if rowEnds > 0 { memmove(ends, ends + rowEnds, endCount * MemoryLayout<Int>.stride) }
        rowStart = 0
    }

    @inline(__always)
    func rawRow() -> CSVRawRow {
        CSVRawRow(line: readyLine, byteOffset: readyOffset,
                  bytes: UnsafeBufferPointer(start: bytes, count: byteCount),
                  ends: UnsafeBufferPointer(start: ends, count: endCount))
    }

    @inline(__always)
    mutating func reserveBytes(_ extra: Int) {
        if byteCount + extra > byteCapacity {
            var cap = byteCapacity * 2
            while cap < byteCount + extra { cap *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
            byteCapacity = cap
        }
    }

    /// Makes room, before a feed of `n` bytes, for every field libcsv can submit during it. The row's
    /// fields are made of bytes fed since the row began: those already copied (`byteCount`), those
    /// libcsv holds for the field in progress (`pending`) and the `n` new ones (unquoting and
    /// trimming only shrink them). Each field is submitted on a delimiter or newline byte, so at most
    /// `n` fields end during the feed, plus one when `csv_fini` submits the last field (`n` = 0).
    /// Windows-1252 text grows when converted; that slow path reserves its own room.
    @inline(__always)
    mutating func reserve(feeding n: Int, pending: Int) {
        reserveBytes(pending + n)
        if endCount + n + 1 > endCapacity {
            var cap = endCapacity * 2
            while cap < endCount + n + 1 { cap *= 2 }
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: cap)
            grown.update(from: ends, count: endCount)
            ends.deallocate()
            ends = grown
            endCapacity = cap
        }
    }

    /// Copies one field (room was reserved before the feed: `reserve(feeding:pending:)`).
    @inline(__always)
    mutating func appendField(_ field: UnsafeBufferPointer<UInt8>) {
        fieldsSubmitted &+= 1
        // Nearly every field: ASCII input and at most 16 bytes. This path calls nothing, so the
        // callback needs no stack frame or saved registers (per field, 73 M times on the large marks).
        let n = field.count
        if allASCII && n <= 16 {
            if let base = field.baseAddress { ParseState.copy(base, to: bytes + byteCount, count: n) }
            byteCount &+= n
            ends[endCount] = byteCount &- rowStart
            endCount &+= 1
            return
        }
        appendOtherField(field)
    }

    /// `appendField` for a long field, or once the input has had a non-ASCII byte.
    @inline(never)
    mutating func appendOtherField(_ field: UnsafeBufferPointer<UInt8>) {
        if allASCII || TextDecoding.isASCII(field) || TextDecoding.isValidUTF8(field) {
            let n = field.count
            if let base = field.baseAddress { ParseState.copy(base, to: bytes + byteCount, count: n) }
            byteCount &+= n
        } else {
            sawWindows1252 = true
            var converted: [UInt8] = []
            TextDecoding.appendWindows1252(field, to: &converted)
            // The room reserved for the feed counted this field's input bytes; converted it is
            // longer, so the room grows by the difference to stay enough for the fields after it.
            reserveBytes(byteCapacity - byteCount + converted.count - field.count)
            converted.withUnsafeBufferPointer { (bytes + byteCount).update(from: $0.baseAddress!, count: $0.count) }
            byteCount += converted.count
        }
        ends[endCount] = byteCount &- rowStart
        endCount &+= 1
    }

    /// Copies a field; fields of up to 16 bytes (nearly all) with two overlapping loads and stores
    /// inside the field's own bytes rather than a call to memmove.
    @inline(__always)
    static func copy(_ src: UnsafePointer<UInt8>, to dst: UnsafeMutablePointer<UInt8>, count n: Int) {
        let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst)
        if n >= 8 && n <= 16 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else if n < 4 {
            var i = 0
            while i < n { dst[i] = src[i]; i &+= 1 }
        } else {
            dst.update(from: src, count: n)
        }
    }

    /// A row's end in a batch: remembered, and the next row's field ends count from here.
    @inline(__always)
    mutating func endBatchedRow() {
        batch[batchCount] = (byteCount, endCount)
        batchCount &+= 1
        rowStart = byteCount
    }

    @inline(__always)
    mutating func endRow() {
        rowReady = true
        readyLine = pendingLine
        readyOffset = pendingOffset
    }
}

// C function pointers written as closures, so libcsv calls the code directly rather than through a
// thunk around a Swift function.
private let csvFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    let state = context!.assumingMemoryBound(to: ParseState.self)
    let field = UnsafeBufferPointer(start: data?.assumingMemoryBound(to: UInt8.self), count: data == nil ? 0 : length)
    state.pointee.appendField(field)
}

private let csvRowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    context!.assumingMemoryBound(to: ParseState.self).pointee.endRow()
}

/// The row callback while a batch is parsed (`feedBatch`).
private let csvBatchRowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    context!.assumingMemoryBound(to: ParseState.self).pointee.endBatchedRow()
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

enum TextDecoding {
    /// No byte has its high bit set; eight bytes at a time (a 64 KiB chunk costs a few microseconds).
    static func isASCII(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        var high: UInt64 = 0
        let raw = UnsafeRawPointer(p)
        while i + 32 <= count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            i += 32
        }
        while i + 8 <= count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < count {
            high |= UInt64(p[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    static func isASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = s.baseAddress else { return true }
        return isASCII(base, s.count)
    }

    /// Strict UTF-8 check (rejects overlongs, surrogates and code points above U+10FFFF) so that
    /// Windows-1252 text which happens to contain high bytes is never half-decoded.
    static func isValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        while i < n {
            let b0 = s[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 >= 0xC2 && b0 <= 0xDF {
                guard i + 1 < n, s[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b0 >= 0xE0 && b0 <= 0xEF {
                guard i + 2 < n, s[i + 1] & 0xC0 == 0x80, s[i + 2] & 0xC0 == 0x80 else { return false }
                if b0 == 0xE0 && s[i + 1] < 0xA0 { return false }
                if b0 == 0xED && s[i + 1] >= 0xA0 { return false }
                i += 3
            } else if b0 >= 0xF0 && b0 <= 0xF4 {
                guard i + 3 < n, s[i + 1] & 0xC0 == 0x80, s[i + 2] & 0xC0 == 0x80, s[i + 3] & 0xC0 == 0x80 else { return false }
                if b0 == 0xF0 && s[i + 1] < 0x90 { return false }
                if b0 == 0xF4 && s[i + 1] >= 0x90 { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// 0x80–0x9F of Windows-1252; the five unassigned bytes map to the matching C1 controls,
    /// as browsers do, so nothing is dropped.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func appendWindows1252(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for b in s {
            let scalar: UInt32
            if b < 0x80 {
                out.append(b)
                continue
            } else if b < 0xA0 {
                scalar = UInt32(windows1252High[Int(b) - 0x80])
            } else {
                scalar = UInt32(b)
            }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}
