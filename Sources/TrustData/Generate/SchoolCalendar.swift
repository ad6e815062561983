/// Roughly realistic English term dates for a generated academic year: about 190 school days, Monday to
/// Friday, with half-terms, Christmas, Easter (fixed to early April for simplicity) and the early May bank
/// holiday skipped. Fictional data only needs to look right; real registers come from the MIS.
struct SchoolCalendar {
    let year: AcademicYear
    let days: [CalendarDate]

    init(year: AcademicYear) {
        self.year = year
        let y = year.startYear
        func date(_ yy: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: yy, month: m, day: d)! }
        func weekOf(_ d: CalendarDate) -> ClosedRange<Int> {
            let monday = d.dayNumber - (d.isoWeekday - 1)
            return monday...(monday + 6)
        }
        func mondayOnOrAfter(_ d: CalendarDate) -> Int { d.dayNumber + (8 - d.isoWeekday) % 7 }
        let start = mondayOnOrAfter(date(y, 9, 2)) + 1                       // term starts on a Tuesday (INSET Monday)
        let end = date(y + 1, 7, 22).dayNumber
        let easter = mondayOnOrAfter(date(y + 1, 4, 1))
        let mayDay = mondayOnOrAfter(date(y + 1, 5, 1))
        let closed: [ClosedRange<Int>] = [
            weekOf(date(y, 10, 28)),                                          // October half-term
            date(y, 12, 21).dayNumber...(mondayOnOrAfter(date(y + 1, 1, 6)) - 1), // Christmas
            weekOf(date(y + 1, 2, 17)),                                       // February half-term
            easter...(easter + 13),                                           // Easter, two weeks
            mayDay...mayDay,                                                  // early May bank holiday
            weekOf(date(y + 1, 5, 28)),                                       // May half-term
        ]
        var days: [CalendarDate] = []
        for n in start...end {
            let d = CalendarDate(dayNumber: n)
            if d.isWeekend || closed.contains(where: { $0.contains(n) }) { continue }
            days.append(d)
        }
        self.days = days
    }

    /// Days up to and including `last` (all days when nil).
    func days(through last: CalendarDate?) -> [CalendarDate] {
        guard let last else { return days }
        return days.filter { $0 <= last }
    }
}
