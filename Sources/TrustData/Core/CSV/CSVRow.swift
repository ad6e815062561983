/// How the bytes of a CSV file were interpreted.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8
    /// At least one field was not valid UTF-8 and was converted from Windows-1252,
    /// which is what Excel on Windows writes when a CSV is "Save As"-ed without the UTF-8 option.
    case windows1252
    /// UTF-16 text (Excel's "Unicode Text"), transcoded to UTF-8 as it was read: nothing is lost.
    case utf16
}

/// One record of a CSV file.
///
/// All fields share a single byte buffer plus an end-offset table, so a row costs two
/// allocations whatever its width; `String`s are only built when a caller asks for one.
public struct CSVRow: Sendable {
    /// 1-based physical line on which the row starts.
    public let line: Int
    /// 0-based offset in the file (a UTF-8 BOM counts) of the first byte of that line.
    public let byteOffset: Int

    let bytes: [UInt8]
    let ends: [Int]

    init(line: Int, byteOffset: Int, bytes: [UInt8], ends: [Int]) {
        self.line = line
        self.byteOffset = byteOffset
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    @inline(__always)
    private func range(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : ends[i - 1]) ..< ends[i]
    }

    /// The field as text; a missing trailing field reads as "" so ragged rows don't crash callers.
    public subscript(i: Int) -> String {
        guard i >= 0, i < ends.count else { return "" }
        // Bytes are validated (or converted) UTF-8 by the reader, so decoding cannot lose data. Decoded
        // from a buffer pointer: from an `ArraySlice` it took the generic, much slower path.
        let r = range(i)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    public var fields: [String] {
        (0 ..< ends.count).map { self[$0] }
    }

    /// UTF-8 bytes of field `i` (empty if absent), valid only inside `body`.
    @inlinable
    public func withFieldBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try _withFieldBytes(i, body)
    }

    @usableFromInline
    func _withFieldBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard i >= 0, i < ends.count else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        let r = range(i)
        return try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[r]))
        }
    }
}

/// A record as a view of the reader's buffers (no copy), valid only inside the `forEachRawRow` call
/// that produced it. Field access mirrors `CSVRow` exactly.
struct CSVRawRow {
    let line: Int
    let byteOffset: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int>

    var count: Int { ends.count }

    /// The bytes of field `i` (empty if absent), as `CSVRow.withFieldBytes` gives them.
    @inline(__always)
    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard i >= 0, i < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let lo = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(rebasing: bytes[lo ..< ends[i]])
    }

    /// The field as text, as `CSVRow[i]` gives it ("" when absent).
    subscript(i: Int) -> String {
        String(decoding: field(i), as: UTF8.self)
    }

    /// True when every field is empty or spaces (as `CSVRow.isBlank`).
    var isBlank: Bool {
        for b in bytes where b != 0x20 && b != 0x09 { return false }
        return true
    }
}

extension CSVRow {
    init(_ raw: CSVRawRow) {
        self.init(line: raw.line, byteOffset: raw.byteOffset, bytes: Array(raw.bytes), ends: Array(raw.ends))
    }
}
