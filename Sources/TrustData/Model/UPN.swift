/// A unique pupil number: a check letter followed by 12 characters (DfE "Unique Pupil Numbers" guidance).
///
/// A permanent UPN is a letter then 12 digits; a temporary UPN ends in a letter instead of a digit.
/// The check letter is computed from the other 12 characters (weights 2–13, modulo 23), so a mistyped
/// UPN is caught here rather than silently failing to join with the roster.
public struct UPN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String
    public let isTemporary: Bool

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case badCharacters
        case wrongCheckLetter(expected: Character)
    }

    // The DfE check-letter alphabet: 23 letters, no I, O or S.
    static let checkLetters: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    public static func validate(_ text: String) -> Result<UPN, Problem> {
        if let result = validateASCII(text) { return result }
        return validateUnicode(text)
    }

    /// The common case over UTF-8 bytes: all-ASCII text without a carriage return (so every byte is one
    /// `Character`, and uppercasing and `.whitespaces` trimming act byte by byte). Nil means "use
    /// `validateUnicode`", which gives the same answer for these inputs, only slower.
    @inline(__always)
    static func validateASCII(_ text: String) -> Result<UPN, Problem>? {
        // Outer nil: storage not contiguous; inner nil: not plain ASCII.
        let result: Result<UPN, Problem>?? = text.utf8.withContiguousStorageIfAvailable(validateASCII(bytes:))
        return result ?? nil
    }

    /// `validateASCII` over a cell's UTF-8 bytes (importers read them straight from the CSV reader).
    @inline(__always)
    static func validateASCII(bytes: UnsafeBufferPointer<UInt8>) -> Result<UPN, Problem>? {
        for b in bytes where b >= 0x80 || b == 0x0D { return nil }
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        let count = hi - lo
        guard count == 13 else { return .failure(.wrongLength(count)) }
        @inline(__always) func upper(_ b: UInt8) -> UInt8 { b &- 0x61 < 26 ? b &- 0x20 : b }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
        let first = upper(bytes[lo])
        guard first &- 0x41 < 26 else { return .failure(.badCharacters) }
        for i in (lo + 1)..<(lo + 12) where !isDigit(bytes[i]) { return .failure(.badCharacters) }
        let last = upper(bytes[lo + 12])
        let temporary: Bool
        if isDigit(last) {
            temporary = false
        } else if checkLetterIndex(last) != nil {
            temporary = true
        } else {
            return .failure(.badCharacters)
        }
        var sum = 0
        for k in 0..<11 { sum += Int(bytes[lo + 1 + k] &- 0x30) * (k + 2) }
        sum += (temporary ? checkLetterIndex(last)! : Int(last &- 0x30)) * 13
        let expected = checkLetterBytes[sum % 23]
        guard expected == first else {
            return .failure(.wrongCheckLetter(expected: Character(Unicode.Scalar(expected))))
        }
        let value: String
        if bytes[lo] == first && bytes[lo + 12] == last {
            value = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        } else { // a lowercase check letter or final letter: the value is stored uppercased
            value = String(unsafeUninitializedCapacity: 13) { out in
                for k in 0..<13 { out[k] = upper(bytes[lo + k]) }
                return 13
            }
        }
        return .success(UPN(value: value, isTemporary: temporary))
    }

    static let checkLetterBytes: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Position of an uppercase ASCII letter in the check alphabet (A = 0 … Z = 22), nil for I, O, S and non-letters.
    @inline(__always)
    static func checkLetterIndex(_ b: UInt8) -> Int? {
        guard b &- 0x41 < 26 else { return nil }
        let i = Int(b &- 0x41)           // 0 = A
        switch b {
        case 0x49, 0x4F, 0x53: return nil // I, O, S
        default: return i - (b > 0x53 ? 3 : b > 0x4F ? 2 : b > 0x49 ? 1 : 0)
        }
    }

    /// The general path (any Unicode text): grapheme-based, as the DfE rules are written.
    static func validateUnicode(_ text: String) -> Result<UPN, Problem> {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        let chars = Array(upper)
        guard chars.count == 13 else { return .failure(.wrongLength(chars.count)) }
        guard chars[0].isASCII, chars[0].isLetter,
              chars[1...11].allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.badCharacters) }
        let last = chars[12]
        let temporary: Bool
        if last.isASCII && last.isNumber {
            temporary = false
        } else if let _ = checkLetters.firstIndex(of: last) {
            temporary = true
        } else {
            return .failure(.badCharacters)
        }
        let expected = checkLetter(for: chars[1...12])
        guard expected == chars[0] else { return .failure(.wrongCheckLetter(expected: expected)) }
        return .success(UPN(value: upper, isTemporary: temporary))
    }

    /// The check letter for the 12 characters after it. In a temporary UPN the final letter takes the
    /// value of its position in the check alphabet (A = 0 … Z = 22).
    public static func checkLetter<C: Collection>(for rest: C) -> Character where C.Element == Character {
        var sum = 0
        for (index, char) in rest.enumerated() {
            let weight = index + 2
            let digit: Int
            if let n = char.wholeNumberValue { digit = n } else { digit = checkLetters.firstIndex(of: char) ?? 0 }
            sum += digit * weight
        }
        return checkLetters[sum % 23]
    }

    public var description: String { value }
    public static func < (lhs: UPN, rhs: UPN) -> Bool { lhs.value < rhs.value }
}
