/// What `trustdata generate` writes: the size of the fictional trust, the years, how attendance is given,
/// and the seed. The same options and seed always give the same bytes.
public struct GeneratorOptions: Sendable {
    public enum AttendanceForm: String, Sendable, CaseIterable {
        /// Session marks for the current year, per-pupil summaries for earlier years.
        case marks
        /// Per-pupil summaries for every year (a small file even for a big trust).
        case summary
        case none
    }

    public var schools: Int = 4
    /// Pupils on roll (Reception to Year 6) across the trust in the current year, approximately.
    public var pupils: Int = 850
    /// Years of data ending with `currentYear` (results, rosters, attendance, finance).
    public var years: Int = 3
    public var currentYear = AcademicYear(startYear: 2024)
    public var attendance: AttendanceForm = .marks
    /// How `attendance_marks.csv` lays the same marks out (#17 item 1): a row per session, or a column per
    /// week holding the week's marks as a string (`w/c 02/09/2024`: `/\\/\\/\\N...`).
    public enum MarksLayout: String, Sendable, CaseIterable { case long, weekly }
    public var marksLayout: MarksLayout = .long
    /// Last day with session marks in the current year (nil: the whole year). The sample stops at the end
    /// of the autumn term to keep the repository small.
    public var marksThrough: CalendarDate?
    /// Local authorities the schools are spread over, in turn (LA benchmark rows exist for these).
    public var localAuthorities: [String] = ["Essex", "Suffolk", "Hampshire"]
    public var seed: UInt64 = 1
    public var trustName = "Northfield Learning Trust (fictional)"

    public init() {}

    public var firstYear: AcademicYear { AcademicYear(startYear: currentYear.startYear - years + 1) }
    public var allYears: [AcademicYear] { (0..<years).map { AcademicYear(startYear: firstYear.startYear + $0) } }
}

public enum GeneratorError: Error, CustomStringConvertible {
    case cannotWrite(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): return "Cannot write \(path)."
        case .invalidOption(let message): return message
        }
    }
}

extension GeneratorOptions {
    /// The shipped sample trust (inputs/sample), i.e. `trustdata generate --schools 4 --pupils 850
    /// --las Essex,Suffolk --marks-through 2024-12-20 --seed 2025 --out inputs/sample`.
    public static var sample: GeneratorOptions {
        var o = GeneratorOptions()
        o.schools = 4
        o.pupils = 850
        o.years = 3
        o.currentYear = AcademicYear(startYear: 2024)
        o.attendance = .marks
        o.marksThrough = CalendarDate(year: 2024, month: 12, day: 20)
        o.localAuthorities = ["Essex", "Suffolk"]
        o.seed = 2025
        return o
    }
}
