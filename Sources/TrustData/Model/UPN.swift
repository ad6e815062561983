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
