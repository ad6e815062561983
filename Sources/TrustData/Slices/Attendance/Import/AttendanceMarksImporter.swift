import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Session-level register marks (`attendance_marks.csv`: `urn,upn,date,session,code`), the big file:
/// 380 sessions a pupil a year, tens of millions of rows for a trust.
///
/// Aggregated while streaming: each row updates its enrolment's counters and a bitset of the sessions
/// already seen (two bits per day of the academic year), so memory grows with pupils, never with rows.
/// Each code is classified by the dated code table for the mark's own date (19 August 2024 change).
public enum AttendanceMarksImporter {
    public static let schema = makeSchema()

    /// A fresh schema (own array buffers): each part of a split read uses its own, so the two threads
    /// never bump the same reference counts per row.
    static func makeSchema() -> DatasetSchema {
        DatasetSchema(dataset: "attendance_marks", columns: [
        ColumnSpec("urn", aliases: ["School URN", "URN"], required: true),
        ColumnSpec("upn", aliases: ["UPN", "Unique Pupil Number"], required: true),
        ColumnSpec("date", aliases: ["Date", "Session Date", "Attendance Date"], required: true),
        ColumnSpec("session", aliases: ["Session", "AM/PM", "AMPM", "Period"], required: true),
        ColumnSpec("code", aliases: ["Code", "Mark", "Attendance Code", "Attendance Mark"], required: true),
        ])
    }

    /// The schema a file is read with: the long layout's columns, of which only URN and UPN are
    /// required, so a wide layout's header resolves too (`MarksLayout`).
    static func wideSchema() -> DatasetSchema {
        let long = makeSchema()
        return DatasetSchema(dataset: long.dataset, columns: long.columns.map {
            ColumnSpec($0.name, aliases: $0.aliases, required: $0.name == "urn" || $0.name == "upn", meaning: $0.meaning)
        })
    }

    struct PupilKey: Hashable {
        let urn: UInt32
        let upn: UInt64
        let year: Int32
    }

    /// Why every row of an enrolment is refused (decided once, when the enrolment is first seen).
    /// `otherSchool`: the pupil is on the roll of other schools, not this one, so marks under this
    /// school are for the wrong school and never count towards its attendance.
    enum SlotState { case ok, invalidUPN(String), unknownSchool, otherSchool(String) }

    struct Slot {
        let urn: String
        let upn: String
        let year: AcademicYear
        let yearStartDay: Int
        let state: SlotState
        /// `state` is `.ok` (read per mark without touching the enum's payload).
        let isOK: Bool
        let enrolment: ClosedRange<Int>?
        var counts = MarkCounts()
    }

    /// Two bits (AM, PM) per day of an academic year (at most 366 days): 12 words per enrolment.
    static let wordsPerSlot = 12

    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister?, roster: PupilRoster?, codes: AttendanceCodeTable,
                            maxIssuesPerCode: Int = 200, splitAtBytes: Int? = nil) throws -> ImportOutcome<AttendanceTally> {
        if let merged = readSplit(path: path, displayName: displayName, options: options, register: register,
                                  roster: roster, codes: codes, maxIssuesPerCode: maxIssuesPerCode,
                                  threshold: splitAtBytes ?? splitThreshold) {
            return finish(merged)
        }
        return finish(try scan(path: path, displayName: displayName, options: options,
                               lookups: Lookups(register: register, roster: roster, codes: codes),
                               maxIssuesPerCode: maxIssuesPerCode, range: nil, header: nil, deferSlotWarnings: false))
    }

    /// What one pass over the file (or one part of it) found, before the books are closed.
    struct Part {
        var stats: ImportStats
        var tableIssues: [DataQualityIssue]
        var budget: IssueBudget
        var slots: [Slot]
        var keys: [PupilKey]
        var slotOf: SlotTable
        var seen: [UInt64]
        var rejected: Int
        var warnings: Int
        /// Later parts only: the per-enrolment warnings (temporary UPN, not on roster), which are issued
        /// only if the first part never saw the enrolment; `position` is `budget.kept.count` when found.
        var pending: [(key: PupilKey, position: Int, issue: DataQualityIssue)]
        var lines: Int
    }

    /// The tables a pass looks marks up in, as copies with their own buffers: when parts are read at
    /// once, shared array buffers would have their reference counts bumped from both cores for every
    /// mark (cache-line ping-pong). Each thread makes one set and reuses it for every part it reads.
    struct Lookups {
        let codes: AttendanceCodeTable
        let register: SchoolRegister?
        let enrolments: EnrolmentIndex

        init(register: SchoolRegister?, roster: PupilRoster?, codes: AttendanceCodeTable) {
            self.codes = AttendanceCodeTable(entries: codes.entries)
            self.register = register.map { SchoolRegister($0.schools) }
            enrolments = roster.map(EnrolmentIndex.init) ?? EnrolmentIndex([])
        }
    }

    static func scan(path: String, displayName: String, options: FileOptions, lookups: Lookups,
                     maxIssuesPerCode: Int, range: Range<Int>?, header: HeaderMap?, deferSlotWarnings: Bool) throws -> Part {
        let displayName = String(decoding: Array(displayName.utf8), as: UTF8.self)
        var scan = Scan(displayName: displayName, deferSlotWarnings: deferSlotWarnings, codes: lookups.codes,
                        register: lookups.register, enrolments: lookups.enrolments, maxIssuesPerCode: maxIssuesPerCode)
        scan.overrides = options.overrides
        var lines = 0
        // Read with the wide layouts' schema (only URN and UPN required); `Scan.begin` tells the layout
        // from the headings and reports the long layout's missing columns for a file in neither.
        let (stats, headerIssues) = try TableImporter(schema: wideSchema(), path: path, displayName: displayName, options: options)
            .streamRaw(range: range, header: header, linesRead: &lines, handler: &scan)
        scan.flush()
        var tableIssues = headerIssues
        if scan.isWide, let first = scan.wide.columns.map(\.firstDay).min(), let last = scan.wide.columns.map(\.firstDay).max() {
            let n = scan.noMarkSessions
            let noMarks = n == 0 ? "every session of the pupils' enrolments has a mark"
                                 : "\(n) session\(n == 1 ? "" : "s") with no mark recorded (`-` or blank) counted as neither present nor absent (no_mark_recorded)"
            tableIssues.append(DataQualityIssue(
                file: displayName, line: scan.map.line, column: nil, value: nil, code: .layoutRead,
                message: "Read as \(scan.wide.description(first: CalendarDate(dayNumber: first), last: CalendarDate(dayNumber: last))); \(noMarks).",
                severity: .info))
        }
        return Part(stats: stats, tableIssues: tableIssues, budget: scan.budget, slots: scan.slots, keys: scan.keys,
                    slotOf: scan.slotOf, seen: scan.seen, rejected: scan.rejected, warnings: scan.warnings,
                    pending: scan.pending, lines: lines)
    }

    static func finish(_ part: Part) -> ImportOutcome<AttendanceTally> {
        // Rows refused here never reached TableImporter as rejections (so the issue list stays bounded):
        // move them from accepted to rejected to keep read = accepted + rejected.
        var books = part.stats
        books.rowsAccepted -= part.rejected
        books.rowsRejected += part.rejected
        books.warnings += part.warnings
        let tallies = part.slots.compactMap { slot -> AttendanceTally? in
            let c = slot.counts
            guard case .ok = slot.state, c.firstDay <= c.lastDay else { return nil }
            var t = AttendanceTally(year: slot.year, urn: slot.urn, upn: slot.upn, source: .marks)
            t.attended = Int(c.present + c.approved)
            t.approvedActivity = Int(c.approved)
            t.authorised = Int(c.authorised)
            t.unauthorised = Int(c.unauthorised)
            t.possible = t.attended + t.absent
            t.notPossible = Int(c.notPossible)
            t.firstDate = CalendarDate(dayNumber: c.firstDay)
            t.lastDate = CalendarDate(dayNumber: c.lastDay)
            return t
        }
        return ImportOutcome(records: tallies, stats: books, issues: part.tableIssues + part.budget.issues())
    }

    /// Files at least this big are read as two halves on two threads (see `readSplit`).
    /// `TRUSTDATA_MARKS_SPLIT_BYTES` overrides it (tests use it to run the split path on small files).
    static var splitThreshold: Int {
        getenv("TRUSTDATA_MARKS_SPLIT_BYTES").flatMap { Int(String(cString: $0)) } ?? 32 << 20
    }

    /// Parts a big file is read in: about one per 64 MiB, at most 8. More parts than threads keep both
    /// cores busy to the end when one of them is slowed by other work on the machine.
    static func partCount(size: Int) -> Int { max(2, min(8, size >> 26)) }

    /// Reads a big marks file as parts on two threads and merges them into exactly what one sequential
    /// pass gives: the file is cut after a line break near each part's end, only when the header and
    /// the 128 KiB around each cut hold no quote mark (so no quoted field can span it); each later
    /// part's lines are numbered after the parts before it; its per-enrolment warnings are dropped for
    /// enrolments an earlier part already saw; its issues are budgeted after theirs, in file order.
    /// Returns nil (the caller reads sequentially) when the file is small, a cut is unsafe, a part
    /// fails or is not UTF-8, or a session is marked in two parts (the duplicate must then be reported
    /// at the later mark's line, which only the sequential pass knows).
    static func readSplit(path: String, displayName: String, options: FileOptions, register: SchoolRegister?,
                          roster: PupilRoster?, codes: AttendanceCodeTable, maxIssuesPerCode: Int, threshold: Int,
                          parts: Int? = nil) -> Part? {
        guard let (cuts, size, header) = splitPlan(path: path, displayName: displayName, options: options,
                                                   threshold: threshold, parts: parts) else { return nil }
        let bounds = [0] + cuts + [size]
        let ranges = (0 ..< bounds.count - 1).map { bounds[$0] ..< bounds[$0 + 1] }
        // Parts are handed out in file order to whichever thread is free (`WorkQueue`).
        let queue = WorkQueue(count: ranges.count)
        let results = ConcurrentResults<Result<Part, Error>>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            guard var k = queue.take() else { return }
            let lookups = Lookups(register: register, roster: roster, codes: codes)
            while true {
                results.set(k, Result {
                    try scan(path: path, displayName: displayName, options: options, lookups: lookups,
                             maxIssuesPerCode: maxIssuesPerCode, range: ranges[k], header: k == 0 ? nil : header,
                             deferSlotWarnings: k > 0)
                })
                guard let next = queue.take() else { break }
                k = next
            }
        }
        var merged: Part?
        for result in results.values() {
            guard case .success(let part)? = result else { return nil }
            if var sofar = merged {
                merged = nil   // `sofar` the only owner, so it grows in place
                guard merge(into: &sofar, part) else { return nil }
                merged = sofar
            } else {
                merged = part
            }
        }
        return merged
    }

    /// (cut offsets, file size, header map) or nil when the file should be read in one pass.
    static func splitPlan(path: String, displayName: String, options: FileOptions, threshold: Int,
                          parts: Int? = nil) -> ([Int], Int, HeaderMap)? {
        // Fixed values widen every row (`FixedColumns`): such files are read in one pass.
        guard options.fixed.isEmpty else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        guard size >= threshold else { return nil }
        let window = 1 << 16
        func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return nil }
                got += n
            }
            return buffer
        }
        guard let head = bytes(0, window), let lf = head.firstIndex(of: 0x0A), !head[..<lf].contains(0x22) else { return nil }
        let count = parts ?? partCount(size: size)
        var cuts: [Int] = []
        for j in 1 ..< count {
            let target = size / count * j
            guard target - window > lf, let around = bytes(target - window, 2 * window), !around.contains(0x22),
                  let cut = around[window...].firstIndex(of: 0x0A) else { return nil }
            let split = target - window + cut + 1
            guard (split < size) && (split > (cuts.last ?? 0)) else { return nil }
            cuts.append(split)
        }
        guard !cuts.isEmpty,
              let row = try? CSVReader.readAll(data: Array(head[...lf])).first,
              let (map, _) = try? HeaderMap.resolve(header: row.fields.map { $0.trimmingCharacters(in: .whitespaces) },
                                                    schema: schema, overrides: options.overrides, path: displayName) else { return nil }
        return (cuts, size, map)
    }

    /// Two consecutive parts (`m` from the file's start, its own warnings issued) as one pass over both
    /// would have found them, in `m`; false (and `m` half-merged, to be dropped) when a session is marked
    /// in both or either is not UTF-8. In place: merging into a copy copied every table of the parts
    /// read so far at each of the (serial) merges.
    static func merge(into m: inout Part, _ b: Part) -> Bool {
        guard m.stats.encoding == TextEncoding.utf8.rawValue, b.stats.encoding == TextEncoding.utf8.rawValue else { return false }
        let w = wordsPerSlot
        // The first part's enrolments are the slots before this count (`b`'s new ones are appended), and
        // `b` holds each enrolment once, so `m`'s tables answer for the first part as it was.
        let firstSlots = m.slots.count
        let firstLines = m.lines
        for (j, key) in b.keys.enumerated() {
            let other = b.slots[j]
            if let i = m.slotOf[key] {
                for k in 0 ..< w {
                    let bits = b.seen[j * w + k]
                    if m.seen[i * w + k] & bits != 0 { return false }
                    m.seen[i * w + k] |= bits
                }
                m.slots[i].counts.add(other.counts)
            } else {
                m.slotOf.insert(key, slot: m.slots.count)
                m.slots.append(other)
                m.keys.append(key)
                m.seen += b.seen[j * w ..< (j + 1) * w]
            }
        }
        func shifted(_ issue: DataQualityIssue) -> DataQualityIssue {
            var issue = issue
            issue.line = issue.line.map { $0 + firstLines }
            return issue
        }
        m.tableIssues += b.tableIssues.map(shifted)
        m.stats.rowsRead += b.stats.rowsRead
        m.stats.rowsAccepted += b.stats.rowsAccepted
        m.stats.rowsRejected += b.stats.rowsRejected
        m.stats.warnings += b.stats.warnings
        m.stats.bytes += b.stats.bytes
        m.rejected += b.rejected
        m.warnings += b.warnings
        var p = 0
        let kept = b.budget.kept
        for i in 0 ... kept.count {
            while p < b.pending.count && b.pending[p].position <= i {
                let item = b.pending[p]
                p += 1
                if let i = m.slotOf[item.key], i < firstSlots { continue }
                m.warnings += 1
                if m.budget.wants(item.issue.code) { m.budget.add(shifted(item.issue)) }
            }
            if i < kept.count, m.budget.wants(kept[i].code) { m.budget.add(shifted(kept[i])) }
        }
        var keptCounts: [IssueCode: Int] = [:]
        for issue in kept { keptCounts[issue.code, default: 0] += 1 }
        for (code, n) in b.budget.counts { m.budget.countMore(code, n - keptCounts[code, default: 0]) }
        m.pending = []
        m.lines += b.lines
        return true
    }

    static func enrolmentText(_ r: ClosedRange<Int>) -> String {
        let from = r.lowerBound == Int.min ? "no admission date" : "admitted \(CalendarDate(dayNumber: r.lowerBound).iso)"
        let to = r.upperBound == Int.max ? "no leaving date" : "left \(CalendarDate(dayNumber: r.upperBound).iso)"
        return "\(from), \(to)"
    }
}

extension CalendarDate {
    /// The date of a day number (days since 1970-01-01), the inverse of `dayNumber`.
    init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self = CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }
}
