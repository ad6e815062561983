import Foundation

/// RFC 4180 CSV built as UTF-8 bytes through a pointer into one buffer: `measures.csv` has a row per
/// figure of the run (150,000 on a large trust). Building a String per field was the slowest single
/// output, and appending to a `[UInt8]` still paid a uniqueness and capacity check per byte run; here
/// room for a field is made once and its bytes are copied in. `flush` hands the bytes so far to a
/// writer and starts again, so the file can be written in pieces that stay in cache rather than built
/// whole (17 MB). Writes exactly what `CSVText` writes.
struct CSVBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var atRowStart = true

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the bytes so far to `write`, then empties the buffer (keeping its room).
    mutating func flush(_ write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    mutating func appendRow(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    /// The bytes that make a field need quotes: , " LF CR (all below 64, as bits of one mask).
    static let special: UInt64 = 1 << UInt64(UInt8(ascii: ",")) | 1 << UInt64(UInt8(ascii: "\"")) | 1 << UInt64(UInt8(ascii: "\n"))
        | 1 << UInt64(UInt8(ascii: "\r"))

    /// One text field, made formula-safe and quoted only when needed (see `CSVText.escape`): a field
    /// whose first byte could start a formula (rare) takes `CSVText.formulaSafe`; the rest go straight in.
    @inline(__always)
    mutating func field(_ text: String) {
        if let first = text.utf8.first, CSVText.startsFormula(first) {
            return safeField(CSVText.formulaSafe(text))
        }
        safeField(text)
    }

    private mutating func safeField(_ text: String) {
        separate()
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard let source = utf8.baseAddress else { return true }
            if !CSVBytes.hasSpecial(source, utf8.count) {
                reserve(utf8.count)
                (base + count).update(from: source, count: utf8.count)
                count += utf8.count
                return true
            }
            // A special byte: quoted here when the text is ASCII without CR, where each byte is a
            // Character and `CSVText.escape`'s rules read the same on bytes; otherwise the
            // Character-level rules decide, as CSVText does.
            for b in utf8 where b >= 0x80 || b == UInt8(ascii: "\r") { return false }
            reserve(2 * utf8.count + 2)
            base[count] = UInt8(ascii: "\"")
            count += 1
            for b in utf8 {
                base[count] = b
                count += 1
                if b == UInt8(ascii: "\"") { base[count] = b; count += 1 }
            }
            base[count] = UInt8(ascii: "\"")
            count += 1
            return true
        }
        if done != true { appendBytes(CSVText.escape(text)) } // a bridged string, or the Character-level rules
    }

    /// Whether any of the `count` bytes at `p` is special, eight at a time: a word has a byte equal to `b`
    /// exactly when `w ^ b…b` has a zero byte, which the usual bit trick finds without a false positive.
    @inline(__always)
    static func hasSpecial(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = 0
        while i + 8 <= count {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let found = zeroByte(w ^ (ones &* 0x2C)) | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x0A)) | zeroByte(w ^ (ones &* 0x0D))
            if found != 0 { return true }
            i += 8
        }
        while i < count {
            let b = p[i]
            if b < 64 && special & (1 << UInt64(b)) != 0 { return true }
            i += 1
        }
        return false
    }

    /// A number as `CSVText.number` writes it; nothing for nil.
    mutating func number(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return }
        reserve(CSVNumber.maxLength)
        if let written = CSVNumber.write(value, to: base + count) {
            count += written
        } else {
            appendBytes(CSVNumber.formatted(value))
        }
    }

    mutating func endRow() {
        reserve(1)
        base[count] = UInt8(ascii: "\n")
        count += 1
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false; return }
        reserve(1)
        base[count] = UInt8(ascii: ",")
        count += 1
    }

    private mutating func appendBytes(_ text: String) {
        for b in text.utf8 {
            reserve(1)
            base[count] = b
            count += 1
        }
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}

/// Numbers as plain decimals rounded to 4 places (`CSVText.number`), written digit by digit.
enum CSVNumber {
    /// The most bytes `write` writes: a sign and 16 digits, or a sign, 11 digits, a point and 4 digits.
    static let maxLength = 24

    static func append(_ value: Double?, to out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0)) // maxLength bytes and more, on the stack
        let fast: Bool = withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            guard let count = write(value, to: p) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
            return true
        }
        if !fast { out.append(contentsOf: formatted(value).utf8) }
    }

    /// Writes a finite `value` at `out` (room for `maxLength` bytes) and returns the byte count; nil when
    /// the value is too large for digit-by-digit formatting (see `formatted`).
    @inline(__always)
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        let scaled = (value * 10_000).rounded()
        let rounded = scaled / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 {
            return writeInteger(Int64(rounded), to: out)
        }
        // Below 1e11 the double nearest scaled/10⁴ is within 2⁻¹⁷ of it, so "%.4f" prints scaled's
        // digits with the point four places in; larger values keep the C formatting.
        guard abs(scaled) < 1e15 else { return nil }
        let n = Int64(scaled)
        var length = 0
        if n < 0 { out[0] = UInt8(ascii: "-"); length = 1 }
        length += writeDigits(n.magnitude / 10_000, to: out + length)
        out[length] = UInt8(ascii: ".")
        var fraction = n.magnitude % 10_000
        for i in stride(from: length + 4, through: length + 1, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        length += 5
        // Non-integer here, so the trim stops at a non-zero fraction digit, as trimming "%.4f" does.
        while out[length - 1] == UInt8(ascii: "0") { length -= 1 }
        return length
    }

    /// Values of 1e11 and more with a fraction: the C formatting, trailing zeros trimmed.
    static func formatted(_ value: Double) -> String {
        var s = String(format: "%.4f", (value * 10_000).rounded() / 10_000)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    @inline(__always)
    static func writeInteger(_ n: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if n < 0 {
            out[0] = UInt8(ascii: "-")
            return 1 + writeDigits(n.magnitude, to: out + 1)
        }
        return writeDigits(n.magnitude, to: out)
    }

    @inline(__always)
    static func writeDigits(_ n: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1, probe = n
        while probe >= 10 { probe /= 10; count += 1 }
        var rest = n
        for i in stride(from: count - 1, through: 0, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return count
    }
}
