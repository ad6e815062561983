import Foundation

/// Reads one CSV row through a `HeaderMap`: typed accessors that reject the row with the column, value
/// and a message the data manager can act on, and collect warnings about rows that are kept.
public struct RowParser {
    public let row: CSVRow
    public let map: HeaderMap
    public let file: String
    public var warnings: [DataQualityIssue] = []
    /// Set these as soon as they are known so every issue about the row carries them.
    public var urn: String?
    public var upn: String?

    public init(row: CSVRow, map: HeaderMap, file: String) {
        self.row = row
        self.map = map
        self.file = file
    }

    public var line: Int { row.line }

    /// The trimmed cell, or nil when the column is absent from this file or the cell is blank.
    public func text(_ column: String) -> String? {
        guard let i = map.index(of: column) else { return nil }
        let value = RowParser.trimmed(row[i])
        return value.isEmpty ? nil : value
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, skipping Foundation when neither end is whitespace (the
    /// usual case): the bridged trim was the largest single cost of importing a large roster (profiled).
    @inline(__always)
    static func trimmed(_ text: String) -> String {
        // Plain ASCII ends that are not spaces or tabs: nothing to trim (checked on the stored bytes).
        if let first = text.utf8.first, let last = text.utf8.last,
           first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return text }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 ? (s.value == 0x20 || s.value == 0x09) : CharacterSet.whitespaces.contains(s)
        }
        return isSpace(first) || isSpace(last) ? text.trimmingCharacters(in: .whitespaces) : text
    }

    public func has(_ column: String) -> Bool { map.has(column) }

    /// `body` over the bytes of the column's cell; nil when the column is absent. The byte-level parsers
    /// it feeds answer only the plain shapes and return nil for anything else, and the caller then takes
    /// the `String` path, so every answer (and every rejection message) is the one the `String` path gives.
    @inline(__always)
    func quick<R>(_ column: String, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        guard let i = map.index(of: column) else { return nil }
        return row.withFieldBytes(i) { body($0.bindMemory(to: UInt8.self)) }
    }

    public func reject(_ column: String?, _ value: String?, _ code: IssueCode, _ message: String) -> RowRejection {
        RowRejection(column: column.map(map.position(of:)), value: value, code: code, message: message)
    }

    public func require(_ column: String) throws -> String {
        guard let value = text(column) else {
            throw reject(column, "", .missingValue, "`\(map.heading(of: column))` is empty; every row needs it.")
        }
        return value
    }

    public mutating func warn(_ column: String?, _ value: String?, _ code: IssueCode, _ message: String) {
        warnings.append(DataQualityIssue(
            file: file, line: line, column: column.map(map.position(of:)), value: value, code: code,
            message: message, severity: .warning, urn: urn, upn: upn))
    }

    // MARK: Typed values (nil when the cell is blank; a rejection when it is present but wrong)

    public func integer(_ column: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        if let v = quick(column, ValueParsers.quickInteger), range?.contains(v) ?? true { return v }
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.integer(t) else {
            throw reject(column, t, .invalidNumber, "`\(t)` is not a whole number.")
        }
        if let range, !range.contains(v) {
            throw reject(column, t, .outOfRange, "\(v) is outside the allowed range \(range.lowerBound)–\(range.upperBound).")
        }
        return v
    }

    public func decimal(_ column: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.decimal(t) else {
            throw reject(column, t, .invalidNumber, "`\(t)` is not a number.")
        }
        if let range, !range.contains(v) {
            throw reject(column, t, .outOfRange, "\(t) is outside the allowed range \(range.lowerBound)–\(range.upperBound).")
        }
        return v
    }

    public func date(_ column: String) throws -> CalendarDate? {
        if let v = quick(column, ValueParsers.quickDate) { return v }
        guard let t = text(column) else { return nil }
        guard let v = CalendarDate(parsing: t) else {
            throw reject(column, t, .invalidDate, "`\(t)` is not a real date; write dd/mm/yyyy or yyyy-mm-dd.")
        }
        return v
    }

    public func bool(_ column: String) throws -> Bool? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.bool(t) else {
            throw reject(column, t, .invalidBoolean, "`\(t)` is not a yes/no value; use Y/N, Yes/No, T/F, True/False or 1/0.")
        }
        return v
    }

    public func gender(_ column: String) throws -> Gender? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.gender(t) else {
            throw reject(column, t, .invalidGender, "`\(t)` is not a recognised sex; use F/M or Female/Male.")
        }
        return v
    }

    public func sen(_ column: String) throws -> SENStatus? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.sen(t) else {
            throw reject(column, t, .invalidSEN, "`\(t)` is not an SEN status; use N (none), K (SEN support) or E (EHCP).")
        }
        return v
    }

    public func eal(_ column: String) throws -> Bool? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.eal(t) else {
            throw reject(column, t, .invalidBoolean, "`\(t)` is neither a yes/no EAL flag nor a first language.")
        }
        return v
    }

    public func yearGroup(_ column: String) throws -> Int? {
        guard let t = text(column) else { return nil }
        guard let v = ValueParsers.yearGroup(t) else {
            throw reject(column, t, .outOfRange, "`\(t)` is not a year group; use R or 1–14.")
        }
        return v
    }

    public func academicYear(_ column: String) throws -> AcademicYear? {
        if let v = quick(column, ValueParsers.quickAcademicYear) { return v }
        guard let t = text(column) else { return nil }
        guard let v = AcademicYear(parsing: t) else {
            throw reject(column, t, .invalidYear, "`\(t)` is not an academic year; write 2024/25, 2024-25 or 2025.")
        }
        return v
    }

    /// A six-digit URN; the register check (is it one of ours?) happens across files.
    public mutating func urn(_ column: String = "urn") throws -> String {
        let t = try require(column)
        let sixDigits = t.utf8.count == 6 && t.utf8.allSatisfy { $0 &- 0x30 < 10 }
        guard sixDigits || (t.count == 6 && t.allSatisfy(\.isNumber)) else {
            throw reject(column, t, .invalidURN, "`\(t)` is not a URN; URNs are six digits.")
        }
        urn = t
        return t
    }

    /// A validated UPN. Temporary UPNs are kept with a warning (they should be replaced once issued).
    public mutating func upn(_ column: String = "upn") throws -> UPN {
        let t = try require(column)
        upn = t
        switch UPN.validate(t) {
        case .success(let upn):
            if upn.isTemporary {
                warn(column, t, .temporaryUPN, "`\(t)` is a temporary UPN; replace it with the permanent UPN when it is issued.")
            }
            return upn
        case .failure(.wrongLength(let n)):
            throw reject(column, t, .invalidUPN, "`\(t)` has \(n) characters; a UPN has 13 (a letter then 12 characters).")
        case .failure(.badCharacters):
            throw reject(column, t, .invalidUPN, "`\(t)` is not a UPN: a letter, 11 digits, then a digit or (temporary UPN) a letter.")
        case .failure(.wrongCheckLetter(let expected)):
            throw reject(column, t, .invalidUPN, "`\(t)` fails the UPN check letter (expected \(expected)); check it for a typing error.")
        }
    }
}
