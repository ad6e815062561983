extension AttendanceMarksImporter {
    /// A wide layout's dated columns made ready for the row loop (`MarksLayout`): per column its first
    /// day, academic year and weekend sessions, and for week strings a table classifying every byte on
    /// each day of the week by the dated code table, so a mark costs a table load, not a lookup.
    struct WidePlan {
        struct Column {
            let position: Int
            let firstDay: Int
            /// Index into `years`.
            let year: Int
            /// Bit j set: session j of the string falls on a Saturday or Sunday.
            let weekend: UInt16
            /// Sessions only: the PM session.
            let afternoon: Bool
            /// Offset of the column's classification table in `classes` (week strings).
            let table: Int
            /// Offset in `counters` of the table every weekday of the week shares (week strings; -1 when
            /// the code table changes within the week, which then goes mark by mark).
            let weekTable: Int
        }

        var columns: [Column] = []
        var headings: [String] = []
        /// The academic years (start years) the columns fall in, in order.
        var years: [Int] = []
        /// `classes[table + day * 128 + byte]`: the byte's category (`AttendanceCategory.rawValue`) on the
        /// column's day, `unknownCode` when not in the table, `notValidOnDate` when not valid that day.
        var classes: [UInt8] = []
        /// `counters[weekTable + byte]`, for all 256 bytes: a mark's category as a count to add to a
        /// week's five tallies packed in one word (`1 << (8 * category)`), or `refused` for a byte that
        /// is no code on those days (or `-`, blank, not ASCII). Ten marks are then ten loads and adds,
        /// and one test of the sum says whether the week needs `slowWeek`. Tables are shared by every
        /// week with the same codes valid (all of them but a week the code table changes in).
        var counters: [UInt64] = []
        var weekly = true

        /// A week's tallies: eight bits per category (ten marks at most), refusals from bit 48.
        static let refused: UInt64 = 1 << 48

        static let unknownCode: UInt8 = 0xFD
        static let notValidOnDate: UInt8 = 0xFE
        /// Characters a week string may hold: Monday AM to Friday PM, or to Sunday PM.
        static let weekdaySessions = 10, fullWeekSessions = 14

        init() {}

        init(_ wide: [MarksLayout.WideColumn], weekly: Bool, codes: AttendanceCodeTable) {
            self.weekly = weekly
            var shared: [[UInt8]: Int] = [:]
            for c in wide {
                let start = c.date.academicYear.startYear
                if !years.contains(start) { years.append(start) }
                var weekend: UInt16 = 0
                let days = weekly ? 7 : 1
                for d in 0 ..< days where CalendarDate(dayNumber: c.date.dayNumber + d).isWeekend {
                    weekend |= weekly ? 0b11 << UInt16(2 * d) : 1
                }
                let table = classes.count
                if weekly {
                    for d in 0 ..< days {
                        for b in 0 ..< 128 {
                            switch codes.classify(packed: UInt32(b), day: c.date.dayNumber + d) {
                            case .category(let category): classes.append(category.rawValue)
                            case .unknown: classes.append(WidePlan.unknownCode)
                            case .notValidOnDate: classes.append(WidePlan.notValidOnDate)
                            }
                        }
                    }
                }
                var weekTable = -1
                if weekly {
                    let monday = Array(classes[table ..< table + 128])
                    if (1 ..< 5).allSatisfy({ d in classes[table + d * 128 ..< table + (d + 1) * 128].elementsEqual(monday) }) {
                        if let known = shared[monday] {
                            weekTable = known
                        } else {
                            weekTable = counters.count
                            shared[monday] = weekTable
                            counters += (0 ..< 256).map { b in
                                b < 128 && monday[b] < 5 ? 1 << (8 * UInt64(monday[b])) : WidePlan.refused
                            }
                        }
                    }
                }
                columns.append(Column(position: c.position, firstDay: c.date.dayNumber, year: years.firstIndex(of: start)!,
                                      weekend: weekend, afternoon: c.afternoon, table: table, weekTable: weekTable))
                headings.append(c.heading)
            }
        }

        /// "Read as … (39 week columns, w/c 02/09/2024 to w/c 23/06/2025)".
        func description(first: CalendarDate, last: CalendarDate) -> String {
            weekly ? "the weekly-string layout: \(columns.count) week column\(columns.count == 1 ? "" : "s") (weeks starting \(first.uk) to \(last.uk)), one character per session from Monday AM"
                   : "the one-column-per-session layout: \(columns.count) session column\(columns.count == 1 ? "" : "s") (\(first.uk) to \(last.uk))"
        }
    }

    /// The sessions of one row with no mark recorded, for the row's warning.
    struct NoMarks {
        var count = 0
        var first: (column: Int, session: Int)?
    }
}

extension AttendanceMarksImporter.Scan {
    /// One pupil's row of a wide layout: every mark goes through the same checks as a long row's
    /// (weekend, enrolment, the dated code table, a session marked twice) and is counted the same way,
    /// so the same marks give the same figures in every layout. A problem with the pupil or school
    /// refuses the row (one issue; the row is rejected); a problem with one mark refuses that mark (a
    /// warning at the row's line naming the column, with the long layout's code; the row is kept and
    /// its other marks still count).
    mutating func handleWide(_ row: CSVRawRow) {
        let urnField = row.field(urnColumn), upnField = row.field(upnColumn)
        guard let urnValue = MarkRowDecoder.urn(urnField) else {
            return refuse(row, "urn", urnField.isEmpty ? .missingValue : .invalidURN) { "This is not a URN; URNs are six digits." }
        }
        guard let upnValue = MarkRowDecoder.upn(upnField) else {
            return refuse(row, "upn", upnField.isEmpty ? .missingValue : .invalidUPN) { "This is not a UPN: a letter, 11 digits, then a digit or (temporary UPN) a letter." }
        }
        // The pupil's slot in each academic year the columns cover, checked before any mark counts.
        // (`rowSlots`: the Scan's own buffer, reused row after row, so a row allocates nothing.)
        rowSlots.removeAll(keepingCapacity: true)
        for year in wide.years {
            let key = AttendanceMarksImporter.PupilKey(urn: urnValue, upn: upnValue, year: Int32(year))
            let index = slotOf[key] ?? newSlot(row, key: key, upnValue: upnValue, startYear: year)
            if !slots[index].isOK { return refuseSlot(row, index) }
            rowSlots.append(index)
        }
        var noMarks = AttendanceMarksImporter.NoMarks()
        let columns = wide.columns
        var k = 0
        while k < columns.count {
            let year = columns[k].year
            let index = rowSlots[year]
            if index != lastSlot {
                flush()
                lastKey = AttendanceMarksImporter.PupilKey(urn: urnValue, upn: upnValue, year: Int32(wide.years[year]))
                lastSlot = index
                slotIsOK = true
                slotEnrolment = slots[index].enrolment
                slotYearStart = slots[index].yearStartDay
            }
            // The run of columns in this academic year (all of a row's, unless it spans two years).
            var end = k + 1
            while end < columns.count && columns[end].year == year { end += 1 }
            if wide.weekly {
                weeks(row, columns, k ..< end, &noMarks)
            } else {
                for j in k ..< end { session(row, j, columns[j], &noMarks) }
            }
            k = end
        }
        if noMarks.count > 0 { noMarkWarning(row, noMarks) }
    }

    /// Refuses a row whose pupil or school cannot be counted (the slot's state, as a long row's).
    @inline(never)
    mutating func refuseSlot(_ row: CSVRawRow, _ index: Int) {
        switch slots[index].state {
        case .ok: return
        case .invalidUPN(let message): refuse(row, "upn", .invalidUPN) { message }
        case .otherSchool(let message): refuse(row, "urn", .pupilAtAnotherSchool) { message }
        case .unknownSchool:
            let urn = slots[index].urn
            refuse(row, "urn", .unknownSchool) { "URN \(urn) is not in the school register (schools.csv); add the school there or correct the URN." }
        }
    }

    /// A row's week strings in one academic year (one slot). The usual week — ten known marks for a
    /// pupil on roll all week, no session marked before — is counted in one go; any other goes mark by
    /// mark (`slowWeek`). The slot's sessions already marked (`seen`, twelve words) are copied into a
    /// local for the run and written back once, and the weeks' tallies are summed in one word (eight
    /// bits a category) and added to the run every 25 weeks, so a usual week touches no array but
    /// its code table.
    mutating func weeks(_ row: CSVRawRow, _ columns: [AttendanceMarksImporter.WidePlan.Column], _ range: Range<Int>,
                        _ noMarks: inout AttendanceMarksImporter.NoMarks) {
        typealias Plan = AttendanceMarksImporter.WidePlan
        let words = AttendanceMarksImporter.wordsPerSlot
        let base = lastSlot * words
        var bits = InlineArray<12, UInt64>(repeating: 0)
        for w in 0 ..< words { bits[w] = seen[base + w] }
        // The days a whole week must fall within: the enrolment, or any day.
        let low = slotEnrolment?.lowerBound ?? Int.min, high = slotEnrolment?.upperBound ?? Int.max
        let yearStart = slotYearStart
        var tally: UInt64 = 0, summed = 0
        var firstDay = Int.max, lastDay = Int.min
        for k in range {
            let column = columns[k]
            let f = row.field(column.position)
            let first = column.firstDay, last = first + 4
            if f.count == Plan.weekdaySessions, column.weekend & 0x3FF == 0, column.weekTable >= 0,
               first >= low, last <= high {
                let week: UInt64 = wide.counters.withUnsafeBufferPointer { counters in
                    let table = counters.baseAddress! + column.weekTable
                    let p = f.baseAddress!
                    var sum: UInt64 = 0
                    for j in 0 ..< 10 { sum &+= table[Int(p[j])] }
                    return sum
                }
                if week < Plan.refused {
                    // The ten sessions' bits: (first - September 1st) * 2 onwards, possibly across two words.
                    let bit = (first - yearStart) * 2
                    let word = bit >> 6
                    let shift = UInt64(bit & 63)
                    let lowMask: UInt64 = 0x3FF << shift
                    let highMask: UInt64 = shift > 54 ? 0x3FF >> (64 - shift) : 0
                    if bits[word] & lowMask == 0 && (highMask == 0 || bits[word + 1] & highMask == 0) {
                        bits[word] |= lowMask
                        if highMask != 0 { bits[word + 1] |= highMask }
                        tally &+= week
                        summed += 1
                        if summed == 25 { addWeeks(tally); tally = 0; summed = 0 }
                        // A week of only not-possible sessions still marks the days (as a long file's rows do).
                        if first < firstDay { firstDay = first }
                        if last > lastDay { lastDay = last }
                        continue
                    }
                }
            }
            for w in 0 ..< words { seen[base + w] = bits[w] }
            slowWeek(row, k, column, f, &noMarks)
            for w in 0 ..< words { bits[w] = seen[base + w] }
        }
        for w in 0 ..< words { seen[base + w] = bits[w] }
        addWeeks(tally)
        if firstDay < run.firstDay { run.firstDay = firstDay }
        if lastDay > run.lastDay { run.lastDay = lastDay }
    }

    /// Adds weeks' summed tallies (eight bits a category, 25 weeks at most) to the run.
    @inline(__always)
    mutating func addWeeks(_ tally: UInt64) {
        run.present &+= Int32(truncatingIfNeeded: tally & 0xFF)
        run.approved &+= Int32(truncatingIfNeeded: tally >> 8 & 0xFF)
        run.authorised &+= Int32(truncatingIfNeeded: tally >> 16 & 0xFF)
        run.unauthorised &+= Int32(truncatingIfNeeded: tally >> 24 & 0xFF)
        run.notPossible &+= Int32(truncatingIfNeeded: tally >> 32 & 0xFF)
    }

    /// A week string mark by mark, with every check and message of the long layout.
    @inline(never)
    mutating func slowWeek(_ row: CSVRawRow, _ k: Int, _ column: AttendanceMarksImporter.WidePlan.Column,
                           _ f: UnsafeBufferPointer<UInt8>, _ noMarks: inout AttendanceMarksImporter.NoMarks) {
        let plan = AttendanceMarksImporter.WidePlan.self
        guard f.count <= plan.fullWeekSessions else {
            let text = String(decoding: f, as: UTF8.self), heading = wide.headings[k]
            return refuseMark(row, k, text, .outOfRange,
                              "The week `\(heading)` holds \(f.count) characters; a week string has one per session, \(plan.weekdaySessions) from Monday AM to Friday PM (or \(plan.fullWeekSessions) to Sunday PM). None of its marks is counted.")
        }
        for j in 0 ..< max(f.count, plan.weekdaySessions) {
            let day = column.firstDay + j >> 1
            let weekend = column.weekend & (1 << UInt16(j)) != 0
            let b: UInt8 = j < f.count ? f[j] : 0x20
            if b == 0x2D || b == 0x20 || b == 0x09 {   // `-` or blank: no mark recorded
                if weekend { continue }
                if let enrolment = slotEnrolment, !enrolment.contains(day) { continue }
                noMarks.count += 1
                if noMarks.first == nil { noMarks.first = (k, j) }
                continue
            }
            let code = b < 0x80 ? wide.classes[column.table + (j >> 1) * 128 + Int(b)] : plan.unknownCode
            count(row, k, day: day, afternoon: j & 1 == 1, weekend: weekend, code: code, text: String(decoding: [b], as: UTF8.self))
        }
    }

    /// One session column's cell: a register code (one to three characters), `-` or blank.
    @inline(__always)
    mutating func session(_ row: CSVRawRow, _ k: Int, _ column: AttendanceMarksImporter.WidePlan.Column,
                          _ noMarks: inout AttendanceMarksImporter.NoMarks) {
        let raw = MarkRowDecoder.trimmed(row.field(column.position))
        let day = column.firstDay
        if raw.isEmpty || (raw.count == 1 && raw[0] == 0x2D) {
            if column.weekend != 0 { return }
            if let enrolment = slotEnrolment, !enrolment.contains(day) { return }
            noMarks.count += 1
            if noMarks.first == nil { noMarks.first = (k, 0) }
            return
        }
        let packed = MarkRowDecoder.code(raw)
        let code: UInt8
        switch codes.classify(packed: packed, day: day) {
        case .category(let category): code = category.rawValue
        case .unknown: code = AttendanceMarksImporter.WidePlan.unknownCode
        case .notValidOnDate: code = AttendanceMarksImporter.WidePlan.notValidOnDate
        }
        count(row, k, day: day, afternoon: column.afternoon, weekend: column.weekend != 0, code: code,
              text: String(decoding: raw, as: UTF8.self))
    }

    /// One mark of a wide row through the long layout's checks, in its order: weekend, enrolment, code,
    /// session already marked.
    mutating func count(_ row: CSVRawRow, _ k: Int, day: Int, afternoon: Bool, weekend: Bool, code: UInt8, text: String) {
        let date = CalendarDate(dayNumber: day)
        let session = afternoon ? "PM" : "AM"
        if weekend {
            return refuseMark(row, k, text, .weekendMark,
                              "\(date.iso) \(session) is a \(date.isoWeekday == 6 ? "Saturday" : "Sunday"); registers are for school days, so the mark is not counted.")
        }
        if let enrolment = slotEnrolment, !enrolment.contains(day) {
            return refuseMark(row, k, text, .outsideEnrolment,
                              "The mark on \(date.iso) \(session) is outside the pupil's enrolment at this school (\(AttendanceMarksImporter.enrolmentText(enrolment))); it is not counted.")
        }
        guard code < 5, let category = AttendanceCategory(rawValue: code) else {
            let codes = codes
            return refuseMark(row, k, text, .unknownCode, codes.explain(text, on: date))
        }
        let bit = (day - slotYearStart) * 2 + (afternoon ? 1 : 0)
        let word = lastSlot * AttendanceMarksImporter.wordsPerSlot + bit >> 6
        let mask: UInt64 = 1 << UInt64(bit & 63)
        if seen[word] & mask != 0 {
            return refuseMark(row, k, text, .duplicateSession,
                              "\(date.iso) \(session) already has a mark for this pupil at this school; the first mark is used.")
        }
        seen[word] |= mask
        run.count(category, day: day)
    }

    /// Refuses one mark of a wide row: a warning at the row's line naming the column (the same code a
    /// long row gets), while the row's other marks still count. The row is kept, so it is not a
    /// rejection: one rejected issue per rejected row, always (as KS2's subject-level problems).
    @inline(never)
    mutating func refuseMark(_ row: CSVRawRow, _ k: Int, _ value: String, _ code: IssueCode, _ message: @autoclosure () -> String) {
        warnings += 1
        guard budget.wants(code) else { return }
        budget.add(DataQualityIssue(
            file: displayName, line: row.line, column: wide.headings[k], value: value, code: code,
            message: message() + " The row's other marks are counted.", severity: .warning, urn: row[urnColumn].trimmingCharacters(in: .whitespaces), upn: row[upnColumn].trimmingCharacters(in: .whitespaces)))
    }

    /// The row's sessions with no mark recorded: one warning, counted, never guessed.
    @inline(never)
    mutating func noMarkWarning(_ row: CSVRawRow, _ noMarks: AttendanceMarksImporter.NoMarks) {
        noMarkSessions += noMarks.count
        warnings += 1
        guard budget.wants(.noMarkRecorded), let (k, j) = noMarks.first else { return }
        let column = wide.columns[k]
        let date = CalendarDate(dayNumber: column.firstDay + (wide.weekly ? j >> 1 : 0))
        let session = (wide.weekly ? j & 1 == 1 : column.afternoon) ? "PM" : "AM"
        let n = noMarks.count
        budget.add(DataQualityIssue(
            file: displayName, line: row.line, column: wide.headings[k], value: "-", code: .noMarkRecorded,
            message: "\(n) session\(n == 1 ? " has" : "s have") no mark recorded (`-` or blank), the first on \(date.iso) \(session); \(n == 1 ? "it is" : "they are") counted as neither present nor absent. Enter the missing marks in the register and export again.",
            severity: .warning, urn: row[urnColumn].trimmingCharacters(in: .whitespaces), upn: row[upnColumn].trimmingCharacters(in: .whitespaces)))
    }
}
