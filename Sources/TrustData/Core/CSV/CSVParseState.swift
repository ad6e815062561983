#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The reader's state between libcsv's callbacks (see CSVReader); only CSVReader.swift imports libcsv.

/// Parse state reached from libcsv's C callbacks through a raw pointer. A plain struct behind
/// an unsafe pointer (rather than a class) avoids a retain/release and an exclusivity check per
/// field, which dominated the profile on 10M-row files.
struct ParseState {
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
            ParseState.grow(&bytes, capacity: &byteCapacity, keeping: byteCount, toHold: byteCount + extra)
        }
    }

    /// Doubles `buffer` until it holds `needed` elements, keeping its first `count`; out of line, as
    /// growing is rare and the callers sit on the per-field path.
    @inline(never)
    static func grow<T>(_ buffer: inout UnsafeMutablePointer<T>, capacity: inout Int, keeping count: Int, toHold needed: Int) {
        var cap = capacity * 2
        while cap < needed { cap *= 2 }
        let grown = UnsafeMutablePointer<T>.allocate(capacity: cap)
        grown.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = cap
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
            ParseState.grow(&ends, capacity: &endCapacity, keeping: endCount, toHold: endCount + n + 1)
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
let csvFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { data, length, context in
    let state = context!.assumingMemoryBound(to: ParseState.self)
    let field = UnsafeBufferPointer(start: data?.assumingMemoryBound(to: UInt8.self), count: data == nil ? 0 : length)
    state.pointee.appendField(field)
}

let csvRowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    context!.assumingMemoryBound(to: ParseState.self).pointee.endRow()
}

/// The row callback while a batch is parsed (`feedBatch`).
let csvBatchRowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    context!.assumingMemoryBound(to: ParseState.self).pointee.endBatchedRow()
}
