import Testing
@testable import TrustData

/// `UPN`, `AcademicYear`, `CalendarDate` and the value parsers, with check letters worked by hand.
@Suite struct ValueTypeTests {
    // Check letter = alphabet ABCDEFGHJKLMNPQRTUVWXYZ (no I, O, S) at (Σ digit × weight 2…13) mod 23.
    // 801200000001: 8·2 + 0·3 + 1·4 + 2·5 + 0·6…0·12 + 1·13 = 16 + 4 + 10 + 13 = 43; 43 mod 23 = 20 → X.
    // 123456789012: 2+6+12+20+30+42+56+72+90+0+12+26 = 368; 368 mod 23 = 0 → A.
    // Temporary 80120000000A (A = 0): 16 + 4 + 10 = 30; 30 mod 23 = 7 → H.
    @Test func upnCheckLetterByHand() throws {
        #expect(UPN.checkLetter(for: Array("801200000001")) == "X")
        #expect(UPN.checkLetter(for: Array("123456789012")) == "A")
        #expect(try UPN.validate("X801200000001").get() == UPN(value: "X801200000001", isTemporary: false))
        #expect(try UPN.validate("a123456789012").get().value == "A123456789012")
        let temporary = try UPN.validate("H80120000000A").get()
        #expect(temporary.isTemporary)
    }

    @Test func upnProblems() {
        #expect(UPN.validate("B801200000001") == .failure(.wrongCheckLetter(expected: "X")))
        #expect(UPN.validate("X80120000000") == .failure(.wrongLength(12)))
        #expect(UPN.validate("X80120000000I") == .failure(.badCharacters))  // I is not in the alphabet
        #expect(UPN.validate("1801200000001") == .failure(.badCharacters))
        #expect(UPN.validate("X8012000A0001") == .failure(.badCharacters))
    }

    @Test func academicYearForms() {
        let y = AcademicYear(startYear: 2024)
        for text in ["2024/25", "2024-25", "2025", "2024/2025", " 2024-2025 "] {
            #expect(AcademicYear(parsing: text) == y, "\(text)")
        }
        #expect(y.description == "2024/25")
        #expect(AcademicYear(startYear: 1999).description == "1999/00")
        #expect(AcademicYear(parsing: "1999/00") == AcademicYear(startYear: 1999))
        for bad in ["2024/26", "24/25", "", "year", "2024/25/26"] {
            #expect(AcademicYear(parsing: bad) == nil, "\(bad)")
        }
        #expect(AcademicYear(parsing: "2024") == AcademicYear(startYear: 2023))  // an exam year
    }

    @Test func calendarDates() {
        #expect(CalendarDate(parsing: "14/03/2014") == CalendarDate(year: 2014, month: 3, day: 14))
        #expect(CalendarDate(parsing: "2/11/2013") == CalendarDate(year: 2013, month: 11, day: 2))
        #expect(CalendarDate(parsing: "2014-03-14") == CalendarDate(year: 2014, month: 3, day: 14))
        #expect(CalendarDate(parsing: "2024-09-05T00:00:00") == CalendarDate(year: 2024, month: 9, day: 5))
        #expect(CalendarDate(parsing: "29/02/2016") != nil)
        for bad in ["31/02/2025", "29/02/2025", "31/04/2024", "2025-13-01", "00/01/2024", "14/03/14", "03-14-2014", "14.03.2014", ""] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        let d = CalendarDate(year: 2024, month: 9, day: 2)!  // a Monday
        #expect(d.isoWeekday == 1 && !d.isWeekend)
        #expect(CalendarDate(year: 2024, month: 9, day: 1)!.isWeekend)
        #expect(d.academicYear == AcademicYear(startYear: 2024))
        #expect(CalendarDate(year: 2025, month: 8, day: 31)!.academicYear == AcademicYear(startYear: 2024))
        #expect(d.uk == "02/09/2024" && d.iso == "2024-09-02")
    }

    @Test func valueParsers() {
        for t in ["Y", "yes", "T", "True", "1", " y "] { #expect(ValueParsers.bool(t) == true, "\(t)") }
        for t in ["N", "No", "F", "false", "0"] { #expect(ValueParsers.bool(t) == false, "\(t)") }
        for t in ["Maybe", "2", "", "x"] { #expect(ValueParsers.bool(t) == nil, "\(t)") }
        #expect(ValueParsers.gender("F") == .female && ValueParsers.gender("Female") == .female)
        #expect(ValueParsers.gender("m") == .male && ValueParsers.gender("MALE") == .male)
        #expect(ValueParsers.gender("X") == nil && ValueParsers.gender("U") == nil)
        #expect(ValueParsers.sen("N") == SENStatus.none && ValueParsers.sen("K") == .support && ValueParsers.sen("E") == .ehcp)
        #expect(ValueParsers.sen("Q") == nil)
        #expect(ValueParsers.eal("English") == false && ValueParsers.eal("Polish") == true && ValueParsers.eal("Y") == true)
        #expect(ValueParsers.eal("Not known") == nil)
        #expect(ValueParsers.yearGroup("R") == 0 && ValueParsers.yearGroup("Year 6") == 6 && ValueParsers.yearGroup("Y4") == 4)
        #expect(ValueParsers.yearGroup("Year 15") == nil && ValueParsers.yearGroup("six") == nil)
        #expect(ValueParsers.decimal("£1,234.5") == 1234.5 && ValueParsers.decimal("(500)") == -500 && ValueParsers.decimal("-£500") == -500)
        #expect(ValueParsers.decimal("--5") == nil && ValueParsers.decimal("nan") == nil)
    }
}
