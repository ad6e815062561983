/// Year group against date of birth. In England a pupil's national curriculum year follows their age on
/// 31 August (DfE: Reception is the year a child turns five; children born 1 September – 31 August share
/// a year), so a pupil born in the academic year starting `b` is in Reception in the year starting b + 5
/// and in Year n in the year starting b + 5 + n. Pupils taught one year out of their group (a deferred
/// summer-born entry, a held-back pupil) are common and legitimate; more than that is a data problem
/// (a pupil born in 2020 in Year 9).
public enum YearGroupCheck {
    /// Years out of the expected group that are still plausible.
    public static let tolerance = 1

    /// The year group the date of birth implies in `year` (0 = Reception, negative = nursery).
    public static func expected(dateOfBirth: CalendarDate, in year: AcademicYear) -> Int {
        let birthYearStart = dateOfBirth.month >= 9 ? dateOfBirth.year : dateOfBirth.year - 1
        return year.startYear - birthYearStart - 5
    }

    /// The expected year group when `yearGroup` is more than `tolerance` away from it; nil when plausible.
    public static func implausible(yearGroup: Int, dateOfBirth: CalendarDate, in year: AcademicYear) -> Int? {
        let e = expected(dateOfBirth: dateOfBirth, in: year)
        return abs(yearGroup - e) > tolerance ? e : nil
    }

    static func name(_ yearGroup: Int) -> String {
        yearGroup == 0 ? "Reception" : yearGroup < 0 ? "nursery" : "Year \(yearGroup)"
    }

    /// The warning text for the data manager.
    static func message(yearGroup: Int, expected: Int, dateOfBirth: CalendarDate, year: AcademicYear) -> String {
        "\(name(yearGroup)) in \(year) is implausible for a pupil born \(dateOfBirth.uk), who would be in \(name(expected)) (DfE: year group follows age on 31 August). The row is kept; check the year group and date of birth in the MIS."
    }

    /// A warning for every roster row whose year group is implausible for its date of birth (the rows
    /// are kept). Checked after the import so the roster's fast path stays as it is; the warning names
    /// the file, school, UPN and year rather than the line.
    public static func issues(_ pupils: [Pupil], file: String) -> [DataQualityIssue] {
        var issues: [DataQualityIssue] = []
        for i in pupils.indices {
            guard let dob = pupils[i].dateOfBirth, let yg = pupils[i].yearGroup,
                  let e = implausible(yearGroup: yg, dateOfBirth: dob, in: pupils[i].academicYear) else { continue }
            issues.append(DataQualityIssue(
                file: file, line: nil, column: "year_group", value: name(yg), code: .implausibleYearGroup,
                message: "UPN \(pupils[i].upn) (\(pupils[i].displayName)): " + message(yearGroup: yg, expected: e, dateOfBirth: dob, year: pupils[i].academicYear),
                severity: .warning, urn: pupils[i].urn, upn: pupils[i].upn))
        }
        return issues
    }
}
