/// An English academic year, September to August, shown as `2024/25`.
///
/// Exports write the same year three ways (`2024/25`, `2024-25`, and the exam year `2025`); all three
/// parse to the same value so files from different systems join.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The calendar year in which the academic year starts (2024 for 2024/25).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `2024/25`, `2024-25`, `2024/2025` or an exam year `2025` (meaning 2024/25).
    public init?(parsing text: String) {
        // Fast path for the plain forms, byte by byte: measure tables and importers parse the same few
        // year strings hundreds of thousands of times (profiled: trimming and splitting dominated).
        guard let year = AcademicYear.parsePlain(text.utf8) ?? AcademicYear.parseGeneral(text) else { return nil }
        self = year
    }

    /// Any accepted form: trimmed, split at `/` or `-`.
    static func parseGeneral(_ text: String) -> AcademicYear? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        let startYear: Int
        if parts.count == 1, let end = Int(parts[0]), parts[0].count == 4 {
            startYear = end - 1
        } else if parts.count == 2, parts[0].count == 4, let start = Int(parts[0]), let end = Int(parts[1]) {
            let expectedEnd = parts[1].count == 2 ? (start + 1) % 100 : start + 1
            guard end == expectedEnd else { return nil }
            startYear = start
        } else {
            return nil
        }
        guard (1990...2100).contains(startYear) else { return nil }
        return AcademicYear(startYear: startYear)
    }

    /// `2025`, `2024/25`, `2024-25`, `2024/2025` or `2024-2025` with nothing around them, digits
    /// only. nil means "not plain": the general parser decides (so the result never differs from it).
    static func parsePlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> AcademicYear? {
        var digits = 0, first = 0, second = 0, secondDigits = 0, separators = 0
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if separators == 0 {
                    first = first * 10 + Int(b &- UInt8(ascii: "0"))
                    digits += 1
                } else {
                    second = second * 10 + Int(b &- UInt8(ascii: "0"))
                    secondDigits += 1
                }
                if digits > 4 || secondDigits > 4 { return nil }
            case UInt8(ascii: "/"), UInt8(ascii: "-"):
                separators += 1
                if separators > 1 || digits != 4 { return nil }
            default:
                return nil
            }
        }
        guard digits == 4 else { return nil }
        let start: Int
        if separators == 0 {
            start = first - 1
        } else {
            guard secondDigits == 2 || secondDigits == 4 else { return nil }
            start = first
            let expectedEnd = secondDigits == 2 ? (start + 1) % 100 : start + 1
            guard second == expectedEnd else { return nil }
        }
        guard (1990...2100).contains(start) else { return nil }
        return AcademicYear(startYear: start)
    }

    public var endYear: Int { startYear + 1 }
    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }
    /// `2024/25`. Built by hand rather than with `String(format:)`: it is a join key in every roster and
    /// results lookup, called millions of times on a large trust (profiled: CFString formatting dominated).
    public var description: String {
        guard (1000...9998).contains(startYear) else {
            return CalendarDate.digits(startYear, 4) + "/" + CalendarDate.digits(endYear % 100, 2)
        }
        // Seven ASCII bytes written directly: no intermediate strings.
        return String(unsafeUninitializedCapacity: 7) { buffer in
            let zero = UInt8(ascii: "0")
            var n = startYear
            for i in stride(from: 3, through: 0, by: -1) {
                buffer[i] = zero + UInt8(n % 10)
                n /= 10
            }
            let end = endYear % 100
            buffer[4] = UInt8(ascii: "/")
            buffer[5] = zero + UInt8(end / 10)
            buffer[6] = zero + UInt8(end % 10)
            return 7
        }
    }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self.init(startYear: number - 1)
            return
        }
        let text = try container.decode(String.self)
        guard let year = AcademicYear(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an academic year; write it as 2024/25")
        }
        self = year
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
