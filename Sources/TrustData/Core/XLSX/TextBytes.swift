/// `TextMetrics` answered from a text's UTF-8 bytes, without splitting it into `Substring`s of
/// `Character`s: every wrapped cell is measured before it is written, and measuring by Character cost
/// about 40,000 instructions a cell (a fifth of a run's instructions on a 25-school trust, callgrind).
///
/// It takes only texts whose characters are one scalar each and whose widths it knows: ASCII other
/// than a carriage return (`"\r\n"` is one Character, so splitting at `"\n"` would differ) and the
/// scalars of `TextMetrics.punctuation`. For any other text it answers nil and the caller measures by
/// Character, so the answers are always `TextMetrics`'s own (pinned by `TextMetricsTests`).
enum TextBytes {
    /// Advance widths of the 128 ASCII bytes (`TextMetrics.advance`), worked out once.
    static let ascii: [Int] = (0..<128).map { TextMetrics.advance(Unicode.Scalar(UInt8($0))) }

    /// `TextMetrics.lines` with `room` already worked out; nil when the text is not one this path takes.
    static func lines(_ text: String, room: Double, size: Double, bold: Bool) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            ascii.withUnsafeBufferPointer { table -> Int? in
                let space = TextMetrics.pixels(units: table[0x20], size: size, bold: bold)
                var total = 0
                var lines = 1, line = 0.0
                var word = 0, inWord = false
                // A word ends at a space, a line break or the end: it is placed as `linesByCharacter` does.
                @inline(__always) func place() {
                    let w = TextMetrics.pixels(units: word, size: size, bold: bold)
                    if line == 0 {
                        line = w
                    } else if line + space + w <= room {
                        line += space + w
                    } else {
                        lines += 1
                        line = w
                    }
                    while line > room { lines += 1; line -= room }
                    word = 0
                    inWord = false
                }
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 0x20 {
                        if inWord { place() }
                        i += 1
                    } else if b == 0x0A {
                        if inWord { place() }
                        total += lines
                        lines = 1
                        line = 0
                        i += 1
                    } else {
                        guard let (units, length) = advance(bytes, i, table) else { return nil }
                        word += units
                        inWord = true
                        i += length
                    }
                }
                if inWord { place() }
                return total + lines
            }
        }
    }

    /// Whether any line of `text` is wider than `room` (`TextMetrics.anyLineWider`); nil when the text
    /// is not one this path takes.
    static func anyLineWider(_ text: String, than room: Double, size: Double, bold: Bool) -> Bool? {
        var text = text
        return text.withUTF8 { bytes in
            ascii.withUnsafeBufferPointer { table -> Bool? in
                var units = 0, empty = true, wider = false
                var i = 0
                while i < bytes.count {
                    if bytes[i] == 0x0A {
                        // Empty lines are not measured (split leaves them out).
                        if !empty, TextMetrics.pixels(units: units, size: size, bold: bold) > room { wider = true }
                        units = 0
                        empty = true
                        i += 1
                    } else {
                        guard let (u, length) = advance(bytes, i, table) else { return nil }
                        units += u
                        empty = false
                        i += length
                    }
                }
                if !empty, TextMetrics.pixels(units: units, size: size, bold: bold) > room { wider = true }
                return wider
            }
        }
    }

    /// The width of the scalar starting at `bytes[i]` and its length in bytes, when it is one this path
    /// takes (see the type's note); nil otherwise.
    @inline(__always)
    static func advance(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ table: UnsafeBufferPointer<Int>) -> (Int, Int)? {
        let c = bytes[i]
        if c < 0x80 { return c == 0x0D ? nil : (table[Int(c)], 1) }
        let length: Int
        var value: UInt32
        if c & 0xE0 == 0xC0 { length = 2; value = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { length = 3; value = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { length = 4; value = UInt32(c & 0x07) }
        else { return nil }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), let units = TextMetrics.punctuation[scalar] else { return nil }
        return (units, length)
    }
}
