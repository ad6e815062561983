/// Which DfE publication a national or LA figure comes from. They differ, so every figure names its basis
/// (benchmark files' `basis` column; `measures.csv`'s `national_basis`).
/// - KS2: DfE publishes two England figures that can differ by a point — the **headline** (state-funded
///   schools; the performance tables' RECTYPE 5 row and the national release, what trusts quote) and the
///   England row of the **LA tables** (LAIT). The pipeline's `settings.national_basis` picks one; the
///   other fills in where the chosen one is not published.
/// - Attendance: the **absence statistics** (school census, termly in arrears, full year) and the daily
///   **attendance collection** (by term and year to date) are different collections whose rates for the
///   same period can differ (DfE pupil absence methodology; "Pupil attendance in schools").
public enum BenchmarkBasis: String, Sendable, Hashable, CaseIterable, Codable {
    case headline
    case laTable = "la_table"
    case absenceCensus = "absence_census"
    case attendanceCollection = "attendance_collection"
    /// The EYFS profile national release (explore-education-statistics "Early years foundation stage
    /// profile results", all children assessed in England, percentages unrounded): preferred to LAIT's
    /// England row, which rounds the same figures to one decimal.
    case eyfspRelease = "eyfsp_release"

    /// Words for sheets and `measures.csv`.
    public var label: String {
        switch self {
        case .headline: return "headline (state-funded schools, national release / RECTYPE 5)"
        case .laTable: return "LA tables (England row, LAIT)"
        case .absenceCensus: return "absence statistics (school census)"
        case .attendanceCollection: return "attendance collection (daily data)"
        case .eyfspRelease: return "EYFS profile national release (unrounded)"
        }
    }

    /// The two KS2 bases a pipeline may prefer.
    public static let choosable: [BenchmarkBasis] = [.headline, .laTable]
}

/// The part of the year a benchmark figure covers. Full-year figures leave `period` empty; part-year
/// figures name it, and a school's part-year figure is only compared with a benchmark for the same
/// period (DfE: compare like with like; the attendance collection publishes by term).
public enum BenchmarkPeriod {
    /// The whole academic year (the key of every figure without a `period`).
    public static let fullYear = ""
    /// The autumn term (September to the Christmas holiday).
    public static let autumnTerm = "autumn_term"

    /// Year to date up to a date (`to_2026-01-09`): the attendance collection's year-to-date files as
    /// published on that date.
    public static func yearTo(_ date: CalendarDate) -> String { "to_" + date.iso }

    /// Empty, `autumn_term` or `to_<yyyy-mm-dd>`.
    public static func isValid(_ period: String) -> Bool {
        period == fullYear || period == autumnTerm || (period.hasPrefix("to_") && CalendarDate(parsing: String(period.dropFirst(3))) != nil)
    }

    public static func label(_ period: String) -> String {
        switch period {
        case fullYear: return "full year"
        case autumnTerm: return "autumn term"
        default:
            if period.hasPrefix("to_"), let d = CalendarDate(parsing: String(period.dropFirst(3))) { return "year to date to \(d.uk)" }
            return period
        }
    }
}
