/// The attendance summary's rows (`AttendanceSummaryImporter.read`): one tally per enrolment in
/// first-seen order, the periods of one pupil at one school in one year added together.
struct SummaryRows: TableRowHandler {
    let register: SchoolRegister?
    private(set) var tallies: [AttendanceTally] = []
    /// Every accepted row as (its tally's index << 32 | its line): a tally adds up several rows, and a
    /// tally refused once the roster is read (`AttendanceSlice.finish`) rejects each of its rows by line.
    private(set) var rowLines: [UInt64] = []
    // One slot per enrolment, found with one lookup per row (by numbers, not by a `"year|urn|upn"`
    // string: the same grouping, as URNs are six digits and UPNs validated).
    private var slotOf: [EnrolmentID: Int] = [:]
    private var columns: Columns?
    private let expectedRows: Int
    private var urns: RegisteredURN

    /// `rows`: about how many rows the file holds, to size the table once rather than rehash as it grows.
    init(register: SchoolRegister?, rows: Int) {
        self.register = register
        urns = RegisteredURN(register: register)
        expectedRows = rows
    }

    /// Where each column sits in this file, found once rather than by name in every row.
    private struct Columns {
        let year, urn, upn, possible, present, authorised, unauthorised, approved, start, end: Int?

        init(_ map: HeaderMap) {
            year = map.index(of: "academic_year"); urn = map.index(of: "urn"); upn = map.index(of: "upn")
            possible = map.index(of: "possible_sessions"); present = map.index(of: "present_sessions")
            authorised = map.index(of: "authorised_absence"); unauthorised = map.index(of: "unauthorised_absence")
            approved = map.index(of: "approved_activity")
            start = map.index(of: "period_start"); end = map.index(of: "period_end")
        }
    }

    /// The file has no present count: present = possible − authorised − unauthorised (`attended`).
    private(set) var worksOutPresent = false
    /// The line the headings are on (below any title rows).
    private(set) var headerLine = 1

    mutating func begin(_ map: HeaderMap) {
        headerLine = map.line
        columns = Columns(map)
        worksOutPresent = columns?.present == nil
        slotOf.reserveCapacity(expectedRows)
        tallies.reserveCapacity(expectedRows)   // capacity never used is never touched
    }

    /// Every value is read and checked before the tallies are touched; a row that is blank where a
    /// count is needed, or does not add up, goes to `parse` for its issue.
    mutating func plain(_ row: CSVRawRow) -> Bool {
        let sessions = 0...1000
        // `?? nil`: a blank count is not plain (`parse` rejects it as missing).
        guard let c = columns,
              let year = row.academicYear(c.year),
              case let (urn, school)? = urns.read(row, c.urn),
              let upn = row.permanentUPN(c.upn),
              let possible = row.integer(c.possible, in: sessions) ?? nil,
              let present = c.present == nil ? .some(-1) : row.integer(c.present, in: sessions) ?? nil,
              let authorised = row.integer(c.authorised, in: sessions) ?? nil,
              let unauthorised = row.integer(c.unauthorised, in: sessions) ?? nil,
              let approved = row.integer(c.approved, in: sessions),
              let start = row.date(c.start), let end = row.date(c.end),
              CalendarDate.inOrder(start, end),
              let attended = SummaryRows.attended(possible: possible, present: present, authorised: authorised,
                                                  unauthorised: unauthorised, approved: approved)
        else { return false }
        add(year: year, urn: urn, school: school, upn: upn, possible: possible, attended: attended, approved: approved,
            authorised: authorised, unauthorised: unauthorised, start: start, end: end, line: row.line)
        return true
    }

    /// Rows must add up: present + authorised + unauthorised = possible, where `present` may or may
    /// not already include approved educational activity (both conventions exist in MIS exports).
    /// The sessions attended, or nil when the row adds up neither way.
    /// `present` -1: the file has no present count, so the sessions attended (present and approved
    /// activity) are what is left of the possible sessions; nil when absences exceed them.
    static func attended(possible: Int, present: Int, authorised: Int, unauthorised: Int, approved: Int?) -> Int? {
        if present < 0 {
            let attended = possible - authorised - unauthorised
            return attended >= (approved ?? 0) ? attended : nil
        }
        if present + authorised + unauthorised == possible { return present }
        if let approved, present + approved + authorised + unauthorised == possible { return present + approved }
        return nil
    }

    mutating func parse(_ row: inout RowParser) throws {
        let year = try row.requiredAcademicYear("academic_year")
        let urn = try row.urn()
        try register?.check(urn, row: row)
        let upn = try row.upn().value
        func count(_ column: String) throws -> Int {
            guard let v = try row.integer(column, in: 0...1000) else {
                throw row.reject(column, "", .missingValue, "`\(row.map.heading(of: column))` is empty; use 0 for none.")
            }
            return v
        }
        let possible = try count("possible_sessions")
        let present = worksOutPresent ? -1 : try count("present_sessions")
        let authorised = try count("authorised_absence")
        let unauthorised = try count("unauthorised_absence")
        let approved = try row.integer("approved_activity", in: 0...1000)
        let start = try row.date("period_start")
        let end = try row.date("period_end")
        if let start, let end, end < start {
            throw row.reject("period_end", end.uk, .invalidDate, "The period ends (\(end.uk)) before it starts (\(start.uk)).")
        }
        guard let attended = SummaryRows.attended(possible: possible, present: present, authorised: authorised,
                                                  unauthorised: unauthorised, approved: approved) else {
            if present < 0 {
                throw row.reject("possible_sessions", "\(possible)", .doesNotAddUp,
                                 "authorised \(authorised) + unauthorised \(unauthorised)\(approved.map { " + approved activity \($0)" } ?? "") is more than the \(possible) possible sessions, so present sessions cannot be worked out; the row is not used. Re-run the MIS report for this pupil.")
            }
            let approvedText = approved.map { " (+ approved activity \($0))" } ?? ""
            throw row.reject("possible_sessions", "\(possible)", .doesNotAddUp,
                             "present \(present) + authorised \(authorised) + unauthorised \(unauthorised)\(approvedText) does not equal possible sessions \(possible); the row is not used. Re-run the MIS report for this pupil.")
        }
        add(year: year, urn: urn, school: urns.school(urn), upn: upn, possible: possible, attended: attended,
            approved: approved, authorised: authorised, unauthorised: unauthorised, start: start, end: end, line: row.line)
    }

    /// Adds one period to its enrolment's tally (a new tally for an enrolment not seen before).
    private mutating func add(year: AcademicYear, urn: String, school: Int, upn: String, possible: Int, attended: Int,
                              approved: Int?, authorised: Int, unauthorised: Int, start: CalendarDate?, end: CalendarDate?, line: Int) {
        let key = EnrolmentID(year: year.startYear, school: school, upn: YearUPN.packed(upn))
        let i = SummaryRows.slot(&slotOf[key], next: tallies.count)
        if i == tallies.count { tallies.append(AttendanceTally(year: year, urn: urn, upn: upn, source: .summary)) }
        rowLines.append(UInt64(i) << 32 | UInt64(UInt32(truncatingIfNeeded: line)))
        tallies[i].rows += 1
        tallies[i].possible += possible
        tallies[i].attended += attended
        tallies[i].approvedActivity += approved ?? 0
        tallies[i].authorised += authorised
        tallies[i].unauthorised += unauthorised
        tallies[i].widenWindow(start)
        tallies[i].widenWindow(end)
    }

    /// The slot already in `slot`, or `next` recorded there: through the dictionary's in-place access,
    /// one hash lookup both finds and fills it.
    @inline(__always)
    private static func slot(_ slot: inout Int?, next: Int) -> Int {
        if let existing = slot { return existing }
        slot = next
        return next
    }
}
