/// A date without a time zone: registers, dates of birth and financial periods are calendar days.
///
/// Kept as three integers rather than `Foundation.Date` so that comparing and bucketing millions of
/// attendance marks costs nothing and never depends on the machine's time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses UK `dd/mm/yyyy` (also `d/m/yyyy`) and ISO `yyyy-mm-dd`; `nil` for anything else,
    /// including impossible dates such as 31/02/2025.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("/") {
            let p = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == 3, p[2].count == 4, (1...2).contains(p[0].count), (1...2).contains(p[1].count),
                  let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            // ISO dates may carry a time part from some MIS exports (2024-09-05T00:00:00); the day is what counts.
            let datePart = trimmed.split(separator: "T", maxSplits: 1).first.map(String.init) ?? trimmed
            let p = datePart.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
                  let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and weekdays.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The academic year this day falls in (September starts a new one).
    public var academicYear: AcademicYear { AcademicYear(startYear: month >= 9 ? year : year - 1) }

    public var iso: String { CalendarDate.digits(year, 4) + "-" + CalendarDate.digits(month, 2) + "-" + CalendarDate.digits(day, 2) }
    public var uk: String { CalendarDate.digits(day, 2) + "/" + CalendarDate.digits(month, 2) + "/" + CalendarDate.digits(year, 4) }

    /// `n` zero-padded to `width` digits (as `%0*d`), without Foundation's slow `String(format:)`.
    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n.magnitude)
        let padded = text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        return n < 0 ? "-" + padded : padded
    }
    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date; write it as 2025-07-01 or 01/07/2025")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
