import Foundation

/// RFC 4180 CSV built as UTF-8 bytes in one growing buffer: `measures.csv` has a row per figure of the
/// run (150,000 on a large trust), and building a String per field, joining and formatting numbers with
/// `String(format:)` made it the slowest single output. Writes exactly what `CSVText` writes.
struct CSVBytes {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func appendRow(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    /// The bytes that make a field need quotes: , " LF CR (all below 64, as bits of one mask).
    static let special: UInt64 = 1 << UInt64(UInt8(ascii: ",")) | 1 << UInt64(UInt8(ascii: "\"")) | 1 << UInt64(UInt8(ascii: "\n"))
        | 1 << UInt64(UInt8(ascii: "\r"))

    /// One text field, quoted only when needed (see `CSVText.escape`).
    mutating func field(_ text: String) {
        separate()
        let special = CSVBytes.special
        let plain: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            for b in utf8 where b < 64 && special & (1 << UInt64(b)) != 0 { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true { return }
        // A special byte: quoted here when the text is ASCII without CR, where each byte is a Character
        // and `CSVText.escape`'s rules read the same on bytes; otherwise (or a bridged string) the
        // Character-level rules decide, as CSVText does.
        let quoted: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            for b in utf8 where b >= 0x80 || b == UInt8(ascii: "\r") { return false }
            bytes.append(UInt8(ascii: "\""))
            for b in utf8 {
                bytes.append(b)
                if b == UInt8(ascii: "\"") { bytes.append(b) }
            }
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if quoted != true { bytes.append(contentsOf: CSVText.escape(text).utf8) }
    }

    /// A number as `CSVText.number` writes it; nothing for nil.
    mutating func number(_ value: Double?) {
        separate()
        CSVNumber.append(value, to: &bytes)
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { bytes.append(UInt8(ascii: ",")) }
    }
}

/// Numbers as plain decimals rounded to 4 places (`CSVText.number`), written digit by digit.
enum CSVNumber {
    static func append(_ value: Double?, to out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        let scaled = (value * 10_000).rounded()
        let rounded = scaled / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 {
            appendInteger(Int64(rounded), to: &out)
            return
        }
        // Below 1e11 the double nearest scaled/10⁴ is within 2⁻¹⁷ of it, so "%.4f" prints scaled's
        // digits with the point four places in; larger values keep the C formatting.
        guard abs(scaled) < 1e15 else {
            var s = String(format: "%.4f", rounded)
            while s.hasSuffix("0") { s.removeLast() }
            out.append(contentsOf: s.utf8)
            return
        }
        let n = Int64(scaled)
        if n < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(n.magnitude / 10_000, to: &out)
        out.append(UInt8(ascii: "."))
        let fraction = n.magnitude % 10_000
        out.append(UInt8(ascii: "0") + UInt8(fraction / 1000))
        out.append(UInt8(ascii: "0") + UInt8(fraction / 100 % 10))
        out.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        // Non-integer here, so the trim stops at a non-zero fraction digit, as trimming "%.4f" does.
        while out.last == UInt8(ascii: "0") { out.removeLast() }
    }

    static func appendInteger(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(n.magnitude, to: &out)
    }

    static func appendDigits(_ n: UInt64, to out: inout [UInt8]) {
        var count = 1, probe = n
        while probe >= 10 { probe /= 10; count += 1 }
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = n
        for i in stride(from: start + count - 1, through: start, by: -1) {
            out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
