import Foundation

/// How an attendance-marks export lays its marks out, told from its headings (#17 item 1):
/// - **long**: one row per session (`URN, UPN, Date, Session, Mark`), the layout every MIS can export;
/// - **weekly**: one row per pupil, one column per week headed with the week's start date
///   (`w/c 02/09/2024`), holding the week's marks as a string, one character per session from Monday AM
///   to Friday PM (`//\\//NN##`; 14 characters when Saturday and Sunday are included);
/// - **sessions**: one row per pupil, one column per session headed with its date and AM or PM
///   (`02/09/2024 AM`, `Mon 02/09/2024 PM`), holding that session's code.
///
/// In the two wide layouts `-` or a space (or a blank cell) is "no mark recorded": counted and
/// reported, never taken as present or absent.
enum MarksLayout: Equatable {
    case long
    case weekly([WideColumn])
    case sessions([WideColumn])

    /// One dated column of a wide layout.
    struct WideColumn: Equatable {
        /// Position in the file's row.
        let position: Int
        let heading: String
        /// The first day the column covers (the week's start, or the session's day).
        let date: CalendarDate
        /// Sessions only: true for PM.
        let afternoon: Bool
    }

    /// The layout of a header, or nil when it is neither long nor wide (the caller then reports the
    /// long layout's missing columns). A file with the long layout's columns is long, whatever else
    /// it has. Throws when dated columns mix weeks and sessions, or two columns cover the same session.
    static func detect(_ map: HeaderMap, path: String) throws -> MarksLayout? {
        if map.has("date") && map.has("session") && map.has("code") { return .long }
        var weeks: [WideColumn] = [], sessions: [WideColumn] = []
        for (i, heading) in map.headers.enumerated() where !isIdentity(i, map) {
            guard let (date, session) = dated(heading) else { continue }
            if let afternoon = session {
                sessions.append(WideColumn(position: i, heading: heading, date: date, afternoon: afternoon))
            } else {
                weeks.append(WideColumn(position: i, heading: heading, date: date, afternoon: false))
            }
        }
        if !weeks.isEmpty && !sessions.isEmpty {
            throw ImportError.unreadable(dataset: "attendance_marks", path: path, reason:
                "its dated columns mix weeks (`\(weeks[0].heading)`) and sessions (`\(sessions[0].heading)`); export one layout: a column per week holding the week's marks, or a column per session (date and AM/PM in the heading)")
        }
        if !weeks.isEmpty { return .weekly(weeks) }
        if !sessions.isEmpty { return .sessions(sessions) }
        return nil
    }

    /// The URN and UPN columns are never dated columns (a heading such as `UPN` never parses as one).
    private static func isIdentity(_ i: Int, _ map: HeaderMap) -> Bool {
        map.index(of: "urn") == i || map.index(of: "upn") == i
    }

    /// Words a dated heading may carry besides its date and session (`w/c`, `Week 3`, weekday names).
    static let headingWords: Set<String> = [
        "w/c", "wc", "w/b", "wb", "week", "wk", "commencing", "comm", "beginning", "beg", "starting", "from", "of", "no", "number",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "session", "mark", "marks", "-", "–",
    ]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date in a heading and its session (nil: no session, a week column); nil when the heading is
    /// not a dated column: every word besides the date must be a session, a heading word or a number.
    static func dated(_ heading: String) -> (CalendarDate, Bool?)? {
        let words = heading.lowercased()
            .replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
            .replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: " ")
            .replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ":", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" }).map(String.init)
        var date: CalendarDate?
        var session: Bool?
        var i = 0
        while i < words.count {
            let w = words[i]
            if date == nil, let d = numericDate(w) {
                date = d
            } else if date == nil, i + 2 < words.count, let d = spelledDate(words[i], words[i + 1], words[i + 2]) {
                date = d
                i += 2
            } else if date == nil, let d = dashedSpelledDate(w) {
                date = d
            } else if w == "am" || w == "a.m." || w == "a" && date != nil {
                guard session == nil else { return nil }
                session = false
            } else if w == "pm" || w == "p.m." || w == "p" && date != nil {
                guard session == nil else { return nil }
                session = true
            } else if let (d, s) = numericDateWithSession(w), date == nil {
                date = d
                session = s
            } else if !(headingWords.contains(w) || w.allSatisfy(\.isNumber)) {
                return nil
            }
            i += 1
        }
        return date.map { ($0, session) }
    }

    /// `02/09/2024`, `2/9/2024`, `2024-09-02`, `02-09-2024`, `02.09.2024`.
    static func numericDate(_ w: String) -> CalendarDate? {
        if let d = CalendarDate(parsing: w) { return d }
        for separator: Character in ["-", "."] {
            let p = w.split(separator: separator, omittingEmptySubsequences: false)
            if p.count == 3, p[2].count == 4, (1...2).contains(p[0].count), (1...2).contains(p[1].count),
               let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]) {
                return CalendarDate(year: y, month: m, day: d)
            }
        }
        return nil
    }

    /// `02/09/2024am`, `2024-09-02-pm` (no space before the session).
    static func numericDateWithSession(_ w: String) -> (CalendarDate, Bool)? {
        for (suffix, pm) in [("am", false), ("pm", true)] where w.hasSuffix(suffix) {
            var stem = String(w.dropLast(2))
            if stem.hasSuffix("-") || stem.hasSuffix("_") { stem.removeLast() }
            if let d = numericDate(stem) { return (d, pm) }
        }
        return nil
    }

    /// `2 Sep 2024`, `02 September 2024`.
    static func spelledDate(_ d: String, _ m: String, _ y: String) -> CalendarDate? {
        guard let day = Int(d), y.count == 4, let year = Int(y), let month = monthNumber(m) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// `02-Sep-2024`, `2-sep-24` is not accepted (a two-digit year is ambiguous).
    static func dashedSpelledDate(_ w: String) -> CalendarDate? {
        let p = w.split(separator: "-").map(String.init)
        guard p.count == 3 else { return nil }
        return spelledDate(p[0], p[1], p[2])
    }

    static func monthNumber(_ m: String) -> Int? {
        guard m.count >= 3, let i = months.firstIndex(of: String(m.prefix(3))) else { return nil }
        return i + 1
    }
}
