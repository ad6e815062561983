/// A UPN packed into one word: how the tables with a row per pupil or per mark key, hash and compare
/// pupils (hashing one word is far cheaper than hashing a `String`). The packing belongs to `UPN`: every
/// other type asks it here, so a UPN has one meaning whether it is held as text or as a word.
extension UPN {
    /// A UPN's shape — a letter, 11 digits, then a digit or a letter, 13 bytes, any case — packed
    /// losslessly into 48 bits (the letter's place in A–Z, the digits, the last character); nil for any
    /// other shape. The check letter is not tested here (`validate` does that once per pupil).
    @inline(__always)
    public static func packed(_ b: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard b.count == 13 else { return nil }
        @inline(__always) func digit(_ c: UInt8) -> UInt64? { c &- 0x30 < 10 ? UInt64(c &- 0x30) : nil }
        let first = b[0] & 0xDF   // upper-case
        guard first >= 0x41, first <= 0x5A else { return nil }
        var digits: UInt64 = 0
        for i in 1...11 {
            guard let d = digit(b[i]) else { return nil }
            digits = digits * 10 + d
        }
        let last: UInt64
        if let d = digit(b[12]) {
            last = d
        } else {
            let l = b[12] & 0xDF
            guard l >= 0x41, l <= 0x5A else { return nil }
            last = 10 + UInt64(l - 0x41)
        }
        return UInt64(first - 0x41) << 43 | digits << 6 | last
    }

    /// `packed`, but only for text that is exactly a canonical UPN (an upper-case letter, 11 digits, a
    /// digit or an upper-case letter; no spaces), so that `text(packed:)` gives the text back: tables
    /// keyed by this answer group exactly as tables keyed by the text. Nil for anything else.
    public static func packed(canonical text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 13, !b.contains(where: { $0 &- 0x61 < 26 }) else { return nil }
            return packed(b)
        }
    }

    /// The canonical text of a packed UPN.
    public static func text(packed: UInt64) -> String {
        let first = Character(Unicode.Scalar(UInt8(packed >> 43) + 0x41))
        let digits = (packed >> 6) & ((1 << 37) - 1)
        let lastValue = UInt8(packed & 0x3F)
        let last = lastValue < 10 ? Character(Unicode.Scalar(lastValue + 0x30)) : Character(Unicode.Scalar(lastValue - 10 + 0x41))
        var middle = String(digits)
        middle = String(repeating: "0", count: 11 - middle.count) + middle
        return "\(first)\(middle)\(last)"
    }
}
