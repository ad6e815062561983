/// Excel's date serial numbers as calendar days.
enum ExcelDate {
    /// The day (`CalendarDate.dayNumber`, days since 1970-01-01) serial `serial` stands for; nil for
    /// serial 60 in the 1900 system. Excel counts 1900 as a leap year (as Lotus 1-2-3 did): serial 1 is
    /// 1 January 1900, serial 60 the non-existent 29 February 1900, and from serial 61 (1 March 1900)
    /// every serial is one more than the real count from 31 December 1899, so later dates count from
    /// 30 December 1899. In the 1904 system serial 0 is 1 January 1904, with no such day.
    static func dayNumber(serial: Int, date1904: Bool) -> Int? {
        if date1904 { return serial - 24_107 }          // 1904-01-01 is day -24107
        if serial == 60 { return nil }
        return serial < 60 ? serial - 25_568 : serial - 25_569   // 1899-12-31 and 1899-12-30
    }
}
