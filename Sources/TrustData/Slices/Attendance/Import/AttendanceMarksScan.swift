#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension AttendanceMarksImporter {
    /// One pass over the marks file (or one part of it): everything the pass keeps, as one struct the
    /// reader's loop is specialised for, so a row touches no closure context and no reference count.
    struct Scan: RawRowHandler {
        let displayName: String
        let deferSlotWarnings: Bool
        let codes: AttendanceCodeTable
        let register: SchoolRegister?
        let enrolments: EnrolmentIndex
        var map = HeaderMap(headers: [], positions: [:])
        var urnColumn = 0, upnColumn = 0, dateColumn = 0, sessionColumn = 0, codeColumn = 0
        var pending: [(key: PupilKey, position: Int, issue: DataQualityIssue)] = []
        var keys: [PupilKey] = []
        var slotOf = SlotTable()
        var slots: [Slot] = []
        var seen: [UInt64] = []
        var budget: IssueBudget
        var rejected = 0
        var warnings = 0
        var lastKey = PupilKey(urn: UInt32.max, upn: UInt64.max, year: Int32.min)
        /// The slot of `lastKey` (-1 before the first), and its facts read once per run of its marks.
        var lastSlot = -1
        var slotIsOK = true
        var slotEnrolment: ClosedRange<Int>? = nil
        var slotYearStart = 0
        /// The tallies of the current run of `lastSlot`'s marks, added to the slot when the run ends (`flush`).
        var run = MarkCounts()
        /// The last date field decoded (registers list a pupil's AM and PM marks of a day together) and
        /// what it decoded to.
        var lastDateField = FieldMemo()
        /// Every date decoded so far, by its bytes (a register file holds a few hundred school days).
        var dates = DateTable()
        /// The last URN and UPN fields decoded (a pupil's marks come together) and their values.
        var lastURNField = FieldMemo(), lastUPNField = FieldMemo()
        var lastURN: UInt32 = 0
        var lastUPN: UInt64 = 0
        var lastDate = CalendarDate(year: 2000, month: 1, day: 1)!
        var lastDay = 0
        var lastIsWeekend = false

        /// The pipeline's column mappings (for the missing-columns error of a file that is in no layout).
        var overrides: [String: String] = [:]
        /// A wide layout's dated columns (`MarksLayout`); empty for the long layout.
        var wide = WidePlan()
        var isWide = false
        /// Sessions with no mark recorded (`-` or blank) in a wide layout, within the pupils' enrolments.
        var noMarkSessions = 0
        /// A wide row's slot in each of `wide.years` (emptied and refilled for every row).
        var rowSlots: [Int] = []
        /// What `newSlot` needs of the last school and year it saw, worked out once for all their
        /// pupils rather than per pupil (a weekly-string file meets a new pupil every 430 bytes).
        var schoolURN: UInt32 = .max
        var schoolText = ""
        var schoolRegistered = false
        var septemberYear = Int.min
        var septemberDay = 0
        /// The UPN column's heading as the file writes it (for the warnings `newSlot` may give).
        var upnHeading = "upn"

        init(displayName: String, deferSlotWarnings: Bool, codes: AttendanceCodeTable, register: SchoolRegister?,
             enrolments: EnrolmentIndex, maxIssuesPerCode: Int) {
            self.displayName = displayName
            self.deferSlotWarnings = deferSlotWarnings
            self.codes = codes
            self.register = register
            self.enrolments = enrolments
            budget = IssueBudget(limit: maxIssuesPerCode, file: displayName)
        }

        /// Reads the layout from the headings (`MarksLayout`): the long layout's columns, or a wide layout's
        /// dated columns; neither stops the import with the long layout's missing columns.
        mutating func begin(_ map: HeaderMap) throws {
            self.map = map
            urnColumn = map.index(of: "urn")!
            upnColumn = map.index(of: "upn")!
            upnHeading = map.heading(of: "upn")
            guard let layout = try MarksLayout.detect(map, path: displayName) else {
                _ = try HeaderMap.resolve(header: map.headers, schema: AttendanceMarksImporter.makeSchema(), overrides: overrides, path: displayName)
                throw ImportError.missingColumns(dataset: "attendance_marks", path: displayName, missing: ["date", "session", "code"],
                                                 found: map.headers, closest: [:])
            }
            switch layout {
            case .long:
                dateColumn = map.index(of: "date")!
                sessionColumn = map.index(of: "session")!
                codeColumn = map.index(of: "code")!
            case .weekly(let columns):
                wide = WidePlan(columns, weekly: true, codes: codes)
            case .sessions(let columns):
                wide = WidePlan(columns, weekly: false, codes: codes)
            }
            isWide = !wide.columns.isEmpty
        }

        /// Counts a refused row and lists it while its code is under budget.
        @inline(never)
        mutating func refuse(_ row: CSVRawRow, _ column: String, _ code: IssueCode, _ message: () -> String) {
            rejected += 1
            guard budget.wants(code) else { return }
            let i = map.index(of: column)!
            budget.add(DataQualityIssue(
                file: displayName, line: row.line, column: map.position(of: column), value: row[i].trimmingCharacters(in: .whitespaces),
                code: code, message: message(), severity: .rejected,
                urn: row[urnColumn].trimmingCharacters(in: .whitespaces), upn: row[upnColumn].trimmingCharacters(in: .whitespaces)))
        }

        /// The date field decoded, reusing the previous row's result when the bytes are the same.
        @inline(__always)
        mutating func date(_ raw: MarkRowDecoder.Bytes) -> CalendarDate? {
            if lastDateField.matches(raw) { return lastDate }
            let slot = dates.slot(raw)
            if let slot, dates.entries[slot].count == raw.count, dates.entries[slot].words == FieldMemo.words(raw) {
                lastDate = dates.entries[slot].date
                lastDay = dates.entries[slot].day
                lastIsWeekend = dates.entries[slot].isWeekend
            } else {
                guard let date = MarkRowDecoder.date(raw) else { return nil }
                lastDate = date
                lastDay = date.dayNumber
                lastIsWeekend = date.isWeekend
                if let slot {
                    dates.entries[slot] = DateTable.Entry(words: FieldMemo.words(raw), count: raw.count, date: date,
                                                          day: lastDay, isWeekend: lastIsWeekend)
                }
            }
            lastDateField.remember(raw)
            return lastDate
        }

        mutating func handle(_ row: CSVRawRow) throws {
            if isWide { return handleWide(row) }
            let urnField = row.field(urnColumn), upnField = row.field(upnColumn)
            let urnValue: UInt32, upnValue: UInt64
            if lastURNField.matches(urnField) && lastUPNField.matches(upnField) {
                urnValue = lastURN
                upnValue = lastUPN
            } else {
                guard let urn = MarkRowDecoder.urn(urnField) else {
                    return refuse(row, "urn", urnField.isEmpty ? .missingValue : .invalidURN) { "This is not a URN; URNs are six digits." }
                }
                guard let upn = MarkRowDecoder.upn(upnField) else {
                    return refuse(row, "upn", upnField.isEmpty ? .missingValue : .invalidUPN) { "This is not a UPN: a letter, 11 digits, then a digit or (temporary UPN) a letter." }
                }
                urnValue = urn
                upnValue = upn
                lastURN = urn
                lastUPN = upn
                lastURNField.remember(urnField)
                lastUPNField.remember(upnField)
            }
            guard let date = date(row.field(dateColumn)) else {
                return refuse(row, "date", row.field(dateColumn).isEmpty ? .missingValue : .invalidDate) { "This is not a real date; write dd/mm/yyyy or yyyy-mm-dd." }
            }
            guard let afternoon = MarkRowDecoder.isAfternoon(row.field(sessionColumn)) else {
                return refuse(row, "session", row.field(sessionColumn).isEmpty ? .missingValue : .outOfRange) { "The session must be AM or PM." }
            }
            let codeKey = MarkRowDecoder.code(row.field(codeColumn))
            guard codeKey != 0 else {
                return refuse(row, "code", .missingValue) { "The \(afternoon ? "PM" : "AM") session on \(date.iso) has no register code; the session is not counted." }
            }
            let day = lastDay
            if lastIsWeekend {
                return refuse(row, "date", .weekendMark) { "\(date.iso) is a \(date.isoWeekday == 6 ? "Saturday" : "Sunday"); registers are for school days, so the mark is not counted." }
            }

            let startYear = date.month >= 9 ? date.year : date.year - 1
            let key = PupilKey(urn: urnValue, upn: upnValue, year: Int32(startYear))
            if key != lastKey {
                flush()
                let index = slotOf[key] ?? newSlot(row, key: key, upnValue: upnValue, startYear: startYear)
                lastKey = key
                lastSlot = index
                slotIsOK = slots[index].isOK
                slotEnrolment = slots[index].enrolment
                slotYearStart = slots[index].yearStartDay
            }
            let index = lastSlot

            if !slotIsOK {
                switch slots[index].state {
                case .ok: break
                case .invalidUPN(let message): return refuse(row, "upn", .invalidUPN) { message }
                case .otherSchool(let message): return refuse(row, "urn", .pupilAtAnotherSchool) { message }
                case .unknownSchool:
                    let urn = slots[index].urn
                    return refuse(row, "urn", .unknownSchool) { "URN \(urn) is not in the school register (schools.csv); add the school there or correct the URN." }
                }
            }
            if let enrolment = slotEnrolment, !enrolment.contains(day) {
                return refuse(row, "date", .outsideEnrolment) { "The mark on \(date.iso) is outside the pupil's enrolment at this school (\(enrolmentText(enrolment))); it is not counted." }
            }
            let category: AttendanceCategory
            switch codes.classify(packed: codeKey, day: day) {
            case .category(let c): category = c
            case .unknown, .notValidOnDate:
                let text = row[codeColumn].trimmingCharacters(in: .whitespaces)
                let codes = codes
                return refuse(row, "code", .unknownCode) { codes.explain(text, on: date) }
            }
            let bit = (day - slotYearStart) * 2 + (afternoon ? 1 : 0)
            let word = index * wordsPerSlot + bit >> 6
            let mask: UInt64 = 1 << UInt64(bit & 63)
            if seen[word] & mask != 0 {
                return refuse(row, "session", .duplicateSession) { "\(date.iso) \(afternoon ? "PM" : "AM") already has a mark for this pupil at this school; the first mark is used." }
            }
            seen[word] |= mask
            run.count(category, day: day)
        }

        /// Adds the current run's tallies to its slot; call when the enrolment changes and after the last row.
        mutating func flush() {
            guard lastSlot >= 0 else { return }
            slots[lastSlot].counts.add(run)
            run = MarkCounts()
        }

        /// The first mark of an enrolment: checks the UPN, the school and the roster once, and adds its slot.
        @inline(never)
        mutating func newSlot(_ row: CSVRawRow, key: PupilKey, upnValue: UInt64, startYear: Int) -> Int {
            let index = slots.count
            if key.urn != schoolURN {
                // Six digits (`MarkRowDecoder.urn`), so the text is the trimmed field's.
                schoolURN = key.urn
                schoolText = String(decoding: MarkRowDecoder.trimmed(row.field(urnColumn)), as: UTF8.self)
                schoolRegistered = register?.contains(schoolText) ?? true
            }
            let urn = schoolText
            let upn = Self.upnText(MarkRowDecoder.trimmed(row.field(upnColumn)))
            let year = AcademicYear(startYear: startYear)
            let displayName = displayName, heading = upnHeading, line = row.line
            var state = SlotState.ok
            var enrolment: ClosedRange<Int>?
            switch UPN.validate(upn) {
            case .failure(.wrongCheckLetter(let expected)):
                state = .invalidUPN("`\(upn)` fails the UPN check letter (expected \(expected)); check it for a typing error.")
            case .failure:
                state = .invalidUPN("`\(upn)` is not a UPN.")
            case .success(let valid):
                if !schoolRegistered {
                    state = .unknownSchool
                } else {
                    if valid.isTemporary {
                        slotWarning(key, .temporaryUPN, DataQualityIssue(file: displayName, line: line, column: heading, value: upn, code: .temporaryUPN,
                                                                         message: "`\(upn)` is a temporary UPN; replace it with the permanent UPN when it is issued.", severity: .warning, urn: urn, upn: upn))
                    }
                    if !enrolments.isEmpty {
                        // Where the pupil is on the school's roll `match` finds a row too: one question answers both.
                        enrolment = enrolments.enrolment(urn: urn, packedUPN: upnValue, year: year)
                        if enrolment == nil, enrolments.hasPupil(packedUPN: upnValue) {
                            state = .otherSchool("UPN \(upn) is on the roll of another school in the roster, not of school \(urn); its marks under \(urn) are not counted for \(urn). Correct the URN, or add the pupil's enrolment at \(urn) to the roster if they were on roll there.")
                        } else if enrolment == nil {
                            slotWarning(key, .notOnRoster, DataQualityIssue(
                                file: displayName, line: line, column: heading, value: upn, code: .notOnRoster,
                                message: "UPN \(upn) has marks at school \(urn) in \(year) but is not on that school's roster; the marks count for the school but the pupil is in no group and their enrolment dates cannot be checked.",
                                severity: .warning, urn: urn, upn: upn))
                        }
                    }
                }
            }
            if startYear != septemberYear {
                septemberYear = startYear
                septemberDay = CalendarDate(year: startYear, month: 9, day: 1)!.dayNumber
            }
            let september = septemberDay
            let isOK: Bool
            if case .ok = state { isOK = true } else { isOK = false }
            slots.append(Slot(urn: urn, upn: upn, year: year, yearStartDay: september, state: state, isOK: isOK, enrolment: enrolment))
            seen.append(contentsOf: repeatElement(0, count: wordsPerSlot))
            slotOf.insert(key, slot: index)
            keys.append(key)
            return index
        }

        /// The canonical text of a UPN field that packs (`UPN.packed`: a letter, 11 digits, a digit or a
        /// letter, either case): upper-cased, as `UPN.text(packed:)` gives it, without building it from
        /// the number.
        static func upnText(_ b: MarkRowDecoder.Bytes) -> String {
            String(unsafeUninitializedCapacity: b.count) { out in
                for i in 0 ..< b.count { out[i] = b[i] &- 0x61 < 26 ? b[i] &- 0x20 : b[i] }
                return b.count
            }
        }

        mutating func slotWarning(_ key: PupilKey, _ code: IssueCode, _ issue: @autoclosure () -> DataQualityIssue) {
            if deferSlotWarnings {
                pending.append((key, budget.kept.count, issue()))
            } else {
                warnings += 1
                if budget.wants(code) { budget.add(issue()) }
            }
        }
    }

    /// Dates decoded, by their bytes: a direct-mapped table of 1,024 entries (a clash only costs a decode).
    struct DateTable {
        struct Entry {
            var words: (UInt64, UInt64) = (0, 0)
            /// -1 for an empty entry.
            var count = -1
            var date = CalendarDate(year: 2000, month: 1, day: 1)!
            var day = 0
            var isWeekend = false
        }

        var entries = [Entry](repeating: Entry(), count: 1024)

        /// The entry for these bytes; nil when they are too long to remember.
        @inline(__always)
        func slot(_ raw: MarkRowDecoder.Bytes) -> Int? {
            guard raw.count <= 16 else { return nil }
            let w = FieldMemo.words(raw)
            let h = (w.0 ^ (w.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h >> 54)
        }
    }

    /// A short field last decoded, to skip decoding the same bytes again: its length and its first and
    /// last eight bytes (overlapping; four for shorter fields, the bytes themselves below four), which
    /// together are the whole field, compared inline rather than with a call to memcmp per field.
    struct FieldMemo {
        var words: (UInt64, UInt64) = (0, 0)
        /// -1 when nothing is remembered (or the field was too long to remember).
        var count = -1

        @inline(__always)
        static func words(_ raw: MarkRowDecoder.Bytes) -> (UInt64, UInt64) {
            let n = raw.count
            guard let base = raw.baseAddress, n > 0 else { return (0, 0) }
            let p = UnsafeRawPointer(base)
            if n >= 8 {
                return (p.loadUnaligned(as: UInt64.self), p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            }
            if n >= 4 {
                return (UInt64(p.loadUnaligned(as: UInt32.self)), UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            }
            var v: UInt64 = 0
            for i in 0..<n { v |= UInt64(base[i]) << (8 * UInt64(i)) }
            return (v, 0)
        }

        @inline(__always)
        func matches(_ raw: MarkRowDecoder.Bytes) -> Bool {
            guard raw.count == count else { return false }
            let w = FieldMemo.words(raw)
            return w.0 == words.0 && w.1 == words.1
        }

        @inline(__always)
        mutating func remember(_ raw: MarkRowDecoder.Bytes) {
            guard raw.count <= 16 else { count = -1; return }
            words = FieldMemo.words(raw)
            count = raw.count
        }
    }
}
