/// The roster's rows (`PupilsImporter.read`) and the books kept across them. A UPN on two schools' rolls
/// in one year is kept at both (attendance counts enrolments) with a warning; the same UPN twice on one
/// school's roll in one year is rejected.
struct PupilRows: TableRowHandler {
    let register: SchoolRegister?
    private(set) var pupils: [Pupil] = []
    // Keyed by values rather than by `"\(year)|\(urn)|\(upn)"` text: the same grouping (URNs are six
    // digits and UPNs validated, so no `|`) without building three strings per row.
    // One table answers both questions for the usual row: the first school a (year, UPN) was seen at;
    // a row at that school again is a duplicate. The enrolments at any other school (rare: a pupil on
    // two rolls) are kept aside in `elsewhere`. The same answers as one set of (year, URN, UPN) plus
    // one table of first schools, with one hash lookup per row instead of two.
    private var schoolOf: [YearUPN: String] = [:]
    private var elsewhere: Set<EnrolmentKey> = []
    private var columns: Columns?
    private let expectedRows: Int
    private var urns: RegisteredURN

    /// `rows`: about how many rows the file holds, to size the tables once rather than rehash as they grow.
    init(register: SchoolRegister?, rows: Int) {
        self.register = register
        urns = RegisteredURN(register: register)
        expectedRows = rows
    }

    /// Where each column sits in this file, found once rather than by name in every row.
    private struct Columns {
        let year, urn, upn, surname, forename, dateOfBirth, yearGroup: Int?
        let gender, disadvantaged, sen, eal, fsm, lookedAfter, admission, leaving: Int?

        init(_ map: HeaderMap) {
            year = map.index(of: "academic_year"); urn = map.index(of: "urn"); upn = map.index(of: "upn")
            surname = map.index(of: "surname"); forename = map.index(of: "forename")
            dateOfBirth = map.index(of: "date_of_birth"); yearGroup = map.index(of: "year_group")
            gender = map.index(of: "gender"); disadvantaged = map.index(of: "disadvantaged")
            sen = map.index(of: "sen"); eal = map.index(of: "eal")
            fsm = map.index(of: "fsm"); lookedAfter = map.index(of: "looked_after")
            admission = map.index(of: "admission_date"); leaving = map.index(of: "leaving_date")
        }
    }

    mutating func begin(_ map: HeaderMap) {
        columns = Columns(map)
        schoolOf.reserveCapacity(expectedRows)
        // Capacity not used is never touched, so costs no memory; growing by copying cost 15% of the import.
        pupils.reserveCapacity(expectedRows)
    }

    /// The school already in `school` (nil when none), recording `urn` there when it is empty: through
    /// the dictionary's in-place access, one hash lookup does both.
    @inline(__always)
    static func claim(_ school: inout String?, for urn: String) -> String? {
        guard let first = school else {
            school = urn
            return nil
        }
        return first
    }

    /// Every value is read and checked before the roster is touched, so a row handed on to `parse`
    /// finds the tables as they were. A UPN seen before in the year (a duplicate, or a second school)
    /// claims nothing and goes to `parse` for its issue.
    mutating func plain(_ row: CSVRawRow) -> Bool {
        guard let c = columns,
              let year = row.academicYear(c.year),
              let urn = urns.read(row, c.urn)?.urn,
              let upn = row.permanentUPN(c.upn),
              let gender = row.ascii(c.gender).flatMap(ValueParsers.genderBytes),
              let disadvantaged = row.ascii(c.disadvantaged).flatMap(ValueParsers.boolBytes),
              let sen = row.ascii(c.sen).flatMap(ValueParsers.senBytes),
              let eal = row.ascii(c.eal).flatMap(ValueParsers.ealBytes),
              let admission = row.date(c.admission), let leaving = row.date(c.leaving),
              CalendarDate.inOrder(admission, leaving),
              let surname = row.text(c.surname), let forename = row.text(c.forename),
              let dateOfBirth = row.date(c.dateOfBirth),
              let yearGroup = row.optional(c.yearGroup, ValueParsers.yearGroupBytes),
              let fsm = row.optional(c.fsm, ValueParsers.boolBytes),
              let lookedAfter = row.optional(c.lookedAfter, ValueParsers.boolBytes)
        else { return false }
        guard PupilRows.claim(&schoolOf[YearUPN(year: year.startYear, upn: upn)], for: urn) == nil else { return false }
        pupils.append(Pupil(
            academicYear: year, urn: urn, upn: upn, surname: surname, forename: forename,
            dateOfBirth: dateOfBirth, yearGroup: yearGroup,
            characteristics: PupilCharacteristics(gender: gender, disadvantaged: disadvantaged, sen: sen, eal: eal),
            fsm: fsm, lookedAfter: lookedAfter, admissionDate: admission, leavingDate: leaving, temporaryUPN: false))
        return true
    }

    mutating func parse(_ row: inout RowParser) throws {
        let year = try row.requiredAcademicYear("academic_year")
        let urn = try row.urn()
        try register?.check(urn, row: row)
        let upn = try row.upn()
        let first = PupilRows.claim(&schoolOf[YearUPN(year: year.startYear, upn: upn.value)], for: urn)
        if let other = first {
            guard other != urn, elsewhere.insert(EnrolmentKey(year: year.startYear, urn: urn, upn: upn.value)).inserted else {
                throw row.reject("upn", upn.value, .duplicateRow, "UPN \(upn.value) is on the \(year) roster of school \(urn) twice; the first row is used.")
            }
            row.warn("upn", upn.value, .upnAtTwoSchools, "UPN \(upn.value) is also on the \(year) roll of school \(other); results join to the first school. Check for a mid-year move or a mistyped UPN.")
        }
        let characteristics = try PupilsImporter.characteristics(row)
        // Each reader answers nil exactly when its cell is blank or absent (a present value is parsed
        // or rejected), so the blank checks read the values rather than decoding every cell again.
        let blank: String? = characteristics.gender == nil ? "gender"
            : characteristics.disadvantaged == nil ? "disadvantaged"
            : characteristics.sen == nil ? "sen"
            : characteristics.eal == nil ? "eal" : nil
        if let column = blank {
            throw row.reject(column, "", .missingValue, "`\(row.map.heading(of: column))` is empty; the roster needs every characteristic so pupils land in the right groups.")
        }
        let admission = try row.date("admission_date")
        let leaving = try row.date("leaving_date")
        if let admission, let leaving, leaving < admission {
            throw row.reject("leaving_date", leaving.uk, .invalidDate, "The leaving date \(leaving.uk) is before the admission date \(admission.uk).")
        }
        pupils.append(Pupil(
            academicYear: year, urn: urn, upn: upn.value,
            surname: try row.require("surname"), forename: try row.require("forename"),
            dateOfBirth: try row.date("date_of_birth"),
            yearGroup: try row.yearGroup("year_group"),
            characteristics: characteristics,
            fsm: try row.bool("fsm"), lookedAfter: try row.bool("looked_after"),
            admissionDate: admission, leavingDate: leaving, temporaryUPN: upn.isTemporary))
    }
}
