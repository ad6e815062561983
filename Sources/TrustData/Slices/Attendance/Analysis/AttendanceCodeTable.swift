import Foundation

/// The dated register-code table (`inputs/reference/attendance-codes.csv`). Codes changed on
/// 19 August 2024 (School Attendance (Pupil Registration) (England) Regulations 2024): `H`, `J`, `Y`
/// were withdrawn, `K`, `C1`, `C2`, `J1`, `Q`, `Y1`–`Y7` added, so a mark is classified by the rule in
/// force on its own date. Lookups go through a precomputed table keyed by the code's bytes: the
/// marks importer classifies millions of rows and must never scan the table per row.
public struct AttendanceCodeTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let category: AttendanceCategory
        public let validFrom: CalendarDate?
        public let validTo: CalendarDate?
        public let meaning: String
    }

    /// A dated rule as day numbers, so the hot path compares integers.
    struct Rule: Sendable {
        let from: Int
        let to: Int
        let category: AttendanceCategory
        let entry: Int
    }

    /// The outcome of classifying one mark.
    public enum Classification: Equatable, Sendable {
        case category(AttendanceCategory)
        /// The code is not in the table at all.
        case unknown
        /// The code is in the table but no row covers this date (e.g. `H` after 18 Aug 2024).
        case notValidOnDate
    }

    public let entries: [Entry]
    /// Every code's rules, grouped by code (table order within a code), in one flat array so a lookup
    /// touches no nested array (no retain/release per mark).
    private var rules: [Rule]
    /// For a one-byte code, its span of `rules` (start, count); count 0 when the code is unknown.
    private var singleByte: [(start: Int32, count: Int32)]
    private var multiByte: [UInt32: (start: Int32, count: Int32)]

    public init(entries: [Entry]) {
        self.entries = entries
        var single: [[Rule]] = Array(repeating: [], count: 256)
        var multi: [UInt32: [Rule]] = [:]
        var multiOrder: [UInt32] = []
        for (i, e) in entries.enumerated() {
            let rule = Rule(from: e.validFrom?.dayNumber ?? Int.min, to: e.validTo?.dayNumber ?? Int.max,
                            category: e.category, entry: i)
            let bytes = Array(e.code.utf8)
            if bytes.count == 1 {
                single[Int(bytes[0])].append(rule)
            } else if let key = AttendanceCodeTable.pack(bytes) {
                if multi[key] == nil { multiOrder.append(key) }
                multi[key, default: []].append(rule)
            }
        }
        rules = []
        singleByte = Array(repeating: (0, 0), count: 256)
        multiByte = [:]
        for b in 0..<256 where !single[b].isEmpty {
            singleByte[b] = (Int32(rules.count), Int32(single[b].count))
            rules += single[b]
        }
        for key in multiOrder {
            let list = multi[key]!
            multiByte[key] = (Int32(rules.count), Int32(list.count))
            rules += list
        }
    }

    /// Packs a code of one to three bytes into an integer key; nil for anything longer or empty.
    @inline(__always)
    static func pack<C: Collection>(_ bytes: C) -> UInt32? where C.Element == UInt8 {
        guard (1...3).contains(bytes.count) else { return nil }
        var key: UInt32 = 0
        var shift: UInt32 = 0
        for b in bytes {
            key |= UInt32(b) << shift
            shift += 8
        }
        return key
    }

    /// Classifies a packed code (see `pack`) on a day number (`CalendarDate.dayNumber`).
    @inline(__always)
    public func classify(packed key: UInt32, day: Int) -> Classification {
        let span = key < 256 ? singleByte[Int(key)] : (multiByte[key] ?? (0, 0))
        if span.count == 0 { return .unknown }
        var i = Int(span.start)
        let end = i + Int(span.count)
        while i < end {
            let rule = rules[i]
            if rule.from <= day && day <= rule.to { return .category(rule.category) }
            i += 1
        }
        return .notValidOnDate
    }

    public func classify(_ code: String, on date: CalendarDate) -> Classification {
        guard let key = AttendanceCodeTable.pack(Array(code.utf8)) else { return .unknown }
        return classify(packed: key, day: date.dayNumber)
    }

    /// The rows for a code, for messages that say when it was valid.
    public func rows(for code: String) -> [Entry] { entries.filter { $0.code == code } }

    /// Why a code cannot be used on a date, naming the dates it is valid, for the data manager.
    public func explain(_ code: String, on date: CalendarDate) -> String {
        let rows = rows(for: code)
        if rows.isEmpty {
            return "Register code `\(code)` on \(date.iso) is not in the attendance code table (inputs/reference/attendance-codes.csv); the mark is not counted."
        }
        let spans = rows.map { "\($0.validFrom?.iso ?? "any date") to \($0.validTo?.iso ?? "now")" }.joined(separator: "; ")
        return "Register code `\(code)` is not valid on \(date.iso) (valid \(spans)); the DfE code set changed on 19 August 2024. The mark is not counted."
    }

    public static let schema = DatasetSchema(dataset: "attendance-codes", columns: [
        ColumnSpec("code", required: true),
        ColumnSpec("category", required: true),
        ColumnSpec("valid_from"),
        ColumnSpec("valid_to"),
        ColumnSpec("meaning"),
    ])

    /// Reads the table. Rows whose dates overlap another row of the same code are rejected: the design
    /// rule is at most one row per code for any date, so a mark can never be classified two ways.
    public static func read(path: String, displayName: String) throws -> (AttendanceCodeTable, ImportStats, [DataQualityIssue]) {
        var entries: [Entry] = []
        let outcome = try TableImporter(schema: schema, path: path, displayName: displayName).run { row -> Entry? in
            let code = try row.require("code")
            let categoryText = try row.require("category")
            guard let category = AttendanceCategory(tableName: categoryText) else {
                throw row.reject("category", categoryText, .unknownCode,
                                 "`\(categoryText)` is not a category; use present, approved_activity, authorised_absence, unauthorised_absence or not_possible.")
            }
            let from = try row.date("valid_from")
            let to = try row.date("valid_to")
            if let from, let to, to < from {
                throw row.reject("valid_to", to.iso, .invalidDate, "valid_to \(to.iso) is before valid_from \(from.iso).")
            }
            let lo = from?.dayNumber ?? Int.min, hi = to?.dayNumber ?? Int.max
            for other in entries where other.code == code {
                let olo = other.validFrom?.dayNumber ?? Int.min, ohi = other.validTo?.dayNumber ?? Int.max
                if lo <= ohi && olo <= hi {
                    throw row.reject("code", code, .duplicateKey,
                                     "Code `\(code)` already has a row covering some of these dates; each code may have at most one row for any date.")
                }
            }
            let entry = Entry(code: code, category: category, validFrom: from, validTo: to, meaning: row.text("meaning") ?? "")
            entries.append(entry)
            return entry
        }
        return (AttendanceCodeTable(entries: outcome.records), outcome.stats, outcome.issues)
    }
}
