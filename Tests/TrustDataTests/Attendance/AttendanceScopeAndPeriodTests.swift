import Testing
@testable import TrustData

/// Attendance scope and period (issue 16 items 2 and 3), worked by hand.
@Suite struct AttendanceScopeAndPeriodTests {
    static let year = AcademicYear(startYear: 2024)

    static func tally(_ upn: String, possible: Int, attended: Int, authorised: Int, unauthorised: Int,
                      first: CalendarDate? = nil, last: CalendarDate? = nil) -> AttendanceTally {
        var t = AttendanceTally(year: year, urn: "100001", upn: upn, source: .summary)
        t.possible = possible; t.attended = attended; t.authorised = authorised; t.unauthorised = unauthorised
        if let first { t.firstDate = first }
        if let last { t.lastDate = last }
        return t
    }

    static func pupil(_ upn: String, yearGroup: Int, born: CalendarDate) -> Pupil {
        Pupil(academicYear: year, urn: "100001", upn: upn, surname: upn, forename: "P", dateOfBirth: born, yearGroup: yearGroup,
              characteristics: PupilCharacteristics(gender: .female, disadvantaged: false, sen: SENStatus.none, eal: false))
    }

    /// Year 1 pupil: 100 possible, 95 present, 5 authorised (5%, not PA). Reception pupil: 100 possible, 40
    /// present, 50 + 10 absent (60%: PA and severe). Year 2 pupil: 100 possible, 88 present, 8 + 4 absent
    /// (12%: PA). DfE scope (compulsory school age): the headline has the Year 1 and Year 2 pupils only —
    /// attendance 183/200 = 91.5%, overall absence 17/200 = 8.5%, PA 1 of 2, severe 0 of 2; Reception is its
    /// own row (40/100, PA 1 of 1, severe 1 of 1) and in no characteristic group (girls = 2 pupils).
    @Test func receptionIsOutOfTheHeadlineAndInItsOwnRow() {
        let pupils = [Self.pupil("P1", yearGroup: 1, born: CalendarDate(year: 2018, month: 10, day: 1)!),
                      Self.pupil("P2", yearGroup: 0, born: CalendarDate(year: 2019, month: 10, day: 1)!),
                      Self.pupil("P3", yearGroup: 2, born: CalendarDate(year: 2017, month: 10, day: 1)!)]
        let tallies = [Self.tally("P1", possible: 100, attended: 95, authorised: 5, unauthorised: 0),
                       Self.tally("P2", possible: 100, attended: 40, authorised: 50, unauthorised: 10),
                       Self.tally("P3", possible: 100, attended: 88, authorised: 8, unauthorised: 4)]
        let y = AttendanceYear.build(year: Self.year, tallies: tallies, index: EnrolmentIndex(pupils),
                                     settings: AttendanceSettings(), listPupils: true)
        #expect(y.all.attendanceRate == Proportion(183, of: 200))
        #expect(y.all.attendanceRate.percent == 91.5)
        #expect(y.all.overallAbsence == Proportion(17, of: 200))
        #expect(y.all.persistentAbsence == Proportion(1, of: 2))
        #expect(y.all.severeAbsence == Proportion(0, of: 2))
        let reception = y.figures(.reception)
        #expect(reception?.attendanceRate == Proportion(40, of: 100))
        #expect(reception?.persistentAbsence == Proportion(1, of: 1))
        #expect(reception?.severeAbsence == Proportion(1, of: 1))
        #expect(y.figures(.girls)?.enrolments == 2)
        #expect(y.belowCompulsoryAge == 1)
        #expect(y.groups.map(\.group) == [.all, .notDisadvantaged, .girls, .noSEN, .notEAL, .reception, .year1, .year2])
    }

    @Test func periodFromTheDateWindow() {
        let sep2 = CalendarDate(year: 2024, month: 9, day: 2)!
        // Summary totals with no dates: the full year.
        #expect(FigurePeriod.of(year: Self.year, first: nil, last: nil) == .fullYear)
        // To 18 July 2025: the full year.
        #expect(FigurePeriod.of(year: Self.year, first: sep2, last: CalendarDate(year: 2025, month: 7, day: 18)) == .fullYear)
        // To 20 December 2024: the autumn term, labelled year to date.
        let autumn = FigurePeriod.of(year: Self.year, first: sep2, last: CalendarDate(year: 2024, month: 12, day: 20))
        #expect(autumn.benchmark == "autumn_term")
        #expect(autumn.text == "year to date to 20/12/2024")
        // To 14 March 2025: year to date with no published benchmark for exactly that period.
        let march = FigurePeriod.of(year: Self.year, first: sep2, last: CalendarDate(year: 2025, month: 3, day: 14))
        #expect(march.benchmark == "to_2025-03-14")
        #expect(march.isPartYear)
    }

    /// A part-year figure is compared only with the same period: an autumn-term school figure meets the
    /// autumn-term national figure (attendance collection, 94.8) and not the full-year census figure (a
    /// made-up 96.0 here, so that the two cannot be confused); a figure to 14 March has no benchmark and
    /// no rating, and says why.
    @Test func partYearIsComparedOnlyWithTheSamePeriod() throws {
        var config = try PipelineConfig.parse(yaml: "version: 1\nname: t\ntrust: T\nacademic_year: 2024/25\ninputs:\n  schools: s.csv\n", path: "t.yml")
        config.settings = PipelineSettings()
        let lookup = BenchmarkLookup(figures: [
            BenchmarkFigure(year: Self.year, level: .national, area: "England", measure: "attendance.attendance_rate", group: "all",
                            value: 96.0, source: "test", basis: .absenceCensus),
            BenchmarkFigure(year: Self.year, level: .national, area: "England", measure: "attendance.attendance_rate", group: "all",
                            value: 94.8, source: "test", basis: .attendanceCollection, period: BenchmarkPeriod.autumnTerm),
        ])
        let context = AnalysisContext(config: config, schools: [], roster: PupilRoster([]), benchmarks: lookup, targets: TargetLookup())
        let sep2 = CalendarDate(year: 2024, month: 9, day: 2)!
        let autumn = FigurePeriod.of(year: Self.year, first: sep2, last: CalendarDate(year: 2024, month: 12, day: 20))
        let a = context.measure("attendance.attendance_rate", year: Self.year, school: nil, value: 94.3, period: autumn)
        #expect(a.national == 94.8)
        #expect(a.nationalBasis == "attendance collection (daily data), autumn term 2024/25")
        #expect(a.period == "year to date to 20/12/2024")
        let full = context.measure("attendance.attendance_rate", year: Self.year, school: nil, value: 94.3, period: .fullYear)
        #expect(full.national == 96.0)
        #expect(full.nationalBasis == "absence statistics (school census)")
        let march = FigurePeriod.of(year: Self.year, first: sep2, last: CalendarDate(year: 2025, month: 3, day: 14))
        let m = context.measure("attendance.attendance_rate", year: Self.year, school: nil, value: 94.3, period: march)
        #expect(m.national == nil && m.diffNational == nil)
        #expect(m.nationalBasis == "no national figure for the same period (year to date to 14/03/2025): not rated")
    }
}
