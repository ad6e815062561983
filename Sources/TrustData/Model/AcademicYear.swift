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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
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
    }

    public var endYear: Int { startYear + 1 }
    public var previous: AcademicYear { AcademicYear(startYear: startYear - 1) }
    /// `2024/25`. Built by hand rather than with `String(format:)`: it is a join key in every roster and
    /// results lookup, called millions of times on a large trust (profiled: CFString formatting dominated).
    public var description: String { CalendarDate.digits(startYear, 4) + "/" + CalendarDate.digits(endYear % 100, 2) }

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
