import Foundation

/// The value formats MIS and DfE exports use, turned into types. Each returns nil for text it does not
/// recognise so the caller can reject the row with the column and value.
///
/// Every parser has a byte-level fast path for plain ASCII text (the usual case: every byte is one
/// `Character`, `.whitespaces` trimming means spaces and tabs, lowercasing is `A`–`Z` only) and falls back
/// to the Foundation trim + `lowercased()` for anything else, so the answers are the same for every input
/// (profiled: the Foundation trim and lowercase per cell were most of a large roster import).
public enum ValueParsers {
    /// Y/N, Yes/No, T/F, True/False, 1/0 (any case).
    public static func bool(_ text: String) -> Bool? { word(text, boolBytes) }

    static func boolBytes(_ b: ASCIIBytes) -> Bool? {
        if b.is("y") || b.is("yes") || b.is("t") || b.is("true") || b.is("1") { return true }
        if b.is("n") || b.is("no") || b.is("f") || b.is("false") || b.is("0") { return false }
        return nil
    }

    public static func gender(_ text: String) -> Gender? { word(text, genderBytes) }

    static func genderBytes(_ b: ASCIIBytes) -> Gender? {
        if b.is("f") || b.is("female") || b.is("girl") { return .female }
        if b.is("m") || b.is("male") || b.is("boy") { return .male }
        return nil
    }

    /// Census SEN provision codes N/K/E, and the words some MIS exports write instead.
    public static func sen(_ text: String) -> SENStatus? { word(text, senBytes) }

    static func senBytes(_ b: ASCIIBytes) -> SENStatus? {
        if b.is("n") || b.is("none") || b.is("no sen") || b.is("no special educational need") { return SENStatus.none }
        if b.is("k") || b.is("sen support") || b.is("support") { return .support }
        if b.is("e") || b.is("ehcp") || b.is("ehc plan") || b.is("education, health and care plan") || b.is("s") { return .ehcp }
        return nil
    }

    /// EAL columns are either a flag or a first language: `English` means not EAL, any other language means EAL.
    public static func eal(_ text: String) -> Bool? {
        if let fast = ascii(text, ealBytes) { return fast }
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let words = ascii(lower, ealBytes) { return words }
        // Not plain ASCII even lowercased: no flag or listed word can match, so only the rule that any
        // other language's name (letters in any script) means EAL applies.
        return !lower.isEmpty && lower.allSatisfy({ $0.isLetter || $0 == " " || $0 == "(" || $0 == ")" || $0 == "-" }) ? true : nil
    }

    static func ealBytes(_ b: ASCIIBytes) -> Bool? {
        if let flag = boolBytes(b) { return flag }
        if b.count == 0 { return nil }
        if b.is("english") || b.is("eng") || b.is("english (believed to be)") || b.is("believed to be english") { return false }
        if b.is("not known") || b.is("unknown") || b.is("information not obtained") || b.is("refused") || b.is("nk") { return nil }
        for c in b.bytes {
            let isLetter = (c | 0x20) &- 0x61 < 26
            if !(isLetter || c == 0x20 || c == 0x28 || c == 0x29 || c == 0x2D) { return nil }
        }
        return true
    }

    /// NC year group: `6`, `Y6`, `Year 6`; reception `R`/`Reception` is 0.
    public static func yearGroup(_ text: String) -> Int? { word(text, yearGroupBytes) }

    static func yearGroupBytes(_ b: ASCIIBytes) -> Int? {
        if b.is("r") || b.is("reception") || b.is("rec") { return 0 }
        var start = 0
        for prefix: StaticString in ["year ", "year", "yr ", "yr", "y"] where b.hasPrefix(prefix) {
            start = prefix.utf8CodeUnitCount
            break
        }
        // `Int(_:)`: an optional sign, then one or more decimal digits.
        var i = start, negative = false
        if i < b.count, b.bytes[i] == 0x2B || b.bytes[i] == 0x2D { negative = b.bytes[i] == 0x2D; i += 1 }
        guard i < b.count else { return nil }
        var n = 0
        while i < b.count {
            let d = b.bytes[i] &- 0x30
            guard d < 10 else { return nil }
            if n <= 100 { n = n * 10 + Int(d) } // anything above 14 is out of range anyway
            i += 1
        }
        if negative && n != 0 { return nil }
        return n <= 14 ? n : nil
    }

    public static func integer(_ text: String) -> Int? {
        Int(RowParser.trimmed(text))
    }

    /// Numbers as exports write them: `1,234.5`, `£1,234`, `-£500`, `(500)` for a negative in finance exports.
    public static func decimal(_ text: String) -> Double? {
        if let fast = ascii(text, { b -> Double? in
            var lo = 0, hi = b.count
            var negative = false
            if hi - lo >= 2, b.bytes[lo] == 0x28, b.bytes[hi - 1] == 0x29 { negative = true; lo += 1; hi -= 1 }
            if lo < hi, b.bytes[lo] == 0x2D { negative.toggle(); lo += 1 }
            var hasComma = false
            for i in lo..<hi where b.bytes[i] == 0x2C { hasComma = true; break }
            let t: String
            if hasComma {
                var kept: [UInt8] = []
                kept.reserveCapacity(hi - lo)
                for i in lo..<hi where b.bytes[i] != 0x2C { kept.append(b.bytes[i]) }
                t = String(decoding: kept, as: UTF8.self)
            } else {
                t = String(decoding: UnsafeBufferPointer(rebasing: b.bytes[lo..<hi]), as: UTF8.self)
            }
            guard !t.isEmpty, t.utf8.first != 0x2D, let v = Double(t), v.isFinite else { return nil }
            return negative ? -v : v
        }) { return fast }
        var t = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if t.hasPrefix("(") && t.hasSuffix(")") {
            negative = true
            t = String(t.dropFirst().dropLast())
        }
        if t.hasPrefix("-") {
            negative.toggle()
            t = String(t.dropFirst())
        }
        t = t.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.first != "-", let v = Double(t), v.isFinite else { return nil }
        return negative ? -v : v
    }

    // MARK: Byte-level parsers of the plain shapes (nil: not recognised here, ask the String parser)

    /// Spaces and tabs trimmed from both ends (all `.whitespaces` trims from ASCII text).
    @inline(__always)
    static func trimmedASCII(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    /// The value of `b[lo..<hi]` when it is all decimal digits (and not empty), else nil.
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        guard lo < hi else { return nil }
        var v = 0
        for i in lo..<hi {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// A cell of 1–18 decimal digits (what `integer` gives it; signs and the rest go the String way).
    static func quickInteger(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        let b = trimmedASCII(raw)
        guard b.count <= 18 else { return nil }
        return digits(b, 0, b.count)
    }

    /// `yyyy-mm-dd` and `d/m/yyyy` (one- or two-digit day and month) as `CalendarDate(parsing:)` reads them;
    /// nil for anything else, impossible dates included.
    static func quickDate(_ raw: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        let b = trimmedASCII(raw)
        let n = b.count
        if n == 10, b[4] == 0x2D, b[7] == 0x2D {
            guard let y = digits(b, 0, 4), let m = digits(b, 5, 7), let d = digits(b, 8, 10) else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
        guard n >= 8, n <= 10, b[n - 5] == 0x2F else { return nil }
        let s1 = b[1] == 0x2F ? 1 : b[2] == 0x2F ? 2 : 0
        guard s1 > 0, n - 5 - s1 - 1 >= 1, n - 5 - s1 - 1 <= 2,
              let d = digits(b, 0, s1), let m = digits(b, s1 + 1, n - 5), let y = digits(b, n - 4, n) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// `yyyy`, `yyyy/yy`, `yyyy-yy`, `yyyy/yyyy` and `yyyy-yyyy` as `AcademicYear(parsing:)` reads them
    /// (its own plain-form parser, after the same trim); nil for anything else.
    static func quickAcademicYear(_ raw: UnsafeBufferPointer<UInt8>) -> AcademicYear? {
        AcademicYear.parsePlain(trimmedASCII(raw))
    }

    // MARK: ASCII fast path

    /// The bytes of an all-ASCII cell with spaces and tabs trimmed from both ends (what
    /// `trimmingCharacters(in: .whitespaces)` removes from ASCII text).
    struct ASCIIBytes {
        let bytes: UnsafeBufferPointer<UInt8>
        var count: Int { bytes.count }

        /// Case-insensitive equality with a lowercase ASCII literal.
        @inline(__always)
        func `is`(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == bytes.count && hasPrefix(literal)
        }

        /// Case-insensitive prefix test against a lowercase ASCII literal.
        @inline(__always)
        func hasPrefix(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard n <= bytes.count else { return false }
            let p = literal.utf8Start
            for i in 0..<n {
                let c = bytes[i]
                if (c &- 0x41 < 26 ? c | 0x20 : c) != p[i] { return false }
            }
            return true
        }
    }

    /// A vocabulary written once, as its byte-level table (`boolBytes`, `senBytes`, …): plain ASCII text is
    /// read there directly; any other text is trimmed and lowercased by Foundation first and read by the
    /// same table when that leaves plain ASCII (`\u{A0}Y\u{A0}` or a Kelvin sign's `k`); else no word of
    /// the vocabulary (all ASCII) can match it.
    @inline(__always)
    static func word<R>(_ text: String, _ table: (ASCIIBytes) -> R?) -> R? {
        if let fast = ascii(text, table) { return fast }
        return ascii(text.trimmingCharacters(in: .whitespaces).lowercased(), table) ?? nil
    }

    /// Runs `body` over the trimmed bytes when `text` is plain ASCII without a carriage return (so bytes,
    /// `Character`s and case mapping agree); nil otherwise, and the caller takes the Foundation path.
    @inline(__always)
    static func ascii<R>(_ text: String, _ body: (ASCIIBytes) -> R) -> R? {
        let result: R?? = text.utf8.withContiguousStorageIfAvailable { buf -> R? in
            for c in buf where c >= 0x80 || c == 0x0D { return nil }
            return body(ASCIIBytes(bytes: trimmedASCII(buf)))
        }
        return result ?? nil
    }
}
