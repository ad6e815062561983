/// The period a school's figure covers, for figures that can be part of a year (attendance), and the
/// benchmark period it may be compared with. DfE: compare a part-year figure only with national and LA
/// figures for the same period; the attendance collection publishes by term (domain.md, Attendance).
public struct FigurePeriod: Sendable, Hashable {
    /// The `BenchmarkPeriod` key the figure matches (`""` full year, `autumn_term`), or a key no benchmark
    /// has ("to_2025-03-14") when DfE publishes nothing for exactly this period.
    public let benchmark: String
    /// "full year" or "year to date to 20/12/2024": shown beside the figure on every sheet.
    public let text: String

    public var isPartYear: Bool { benchmark != BenchmarkPeriod.fullYear }

    public static let fullYear = FigurePeriod(benchmark: BenchmarkPeriod.fullYear, text: "full year")

    /// From the first and last dates with data in `year`. No dates (a summary file of full-year totals):
    /// the full year. Data from September to a day in July or August: the full year. Data from September
    /// to a day in December: the autumn term (DfE's census autumn term runs to 31 December; the attendance
    /// collection's autumn term ends at the Christmas holiday). Any other window: year to date with no
    /// same-period benchmark.
    public static func of(year: AcademicYear, first: CalendarDate?, last: CalendarDate?) -> FigurePeriod {
        guard let first, let last else { return .fullYear }
        let startsInSeptember = first.year == year.startYear && first.month <= 9
        if startsInSeptember, last.year == year.endYear, last.month >= 7 { return .fullYear }
        let text = "year to date to \(last.uk)"
        if startsInSeptember, last.year == year.startYear, last.month == 12 {
            return FigurePeriod(benchmark: BenchmarkPeriod.autumnTerm, text: text)
        }
        return FigurePeriod(benchmark: startsInSeptember ? BenchmarkPeriod.yearTo(last) : "from_\(first.iso)_to_\(last.iso)", text: text)
    }
}
