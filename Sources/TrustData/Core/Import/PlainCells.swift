/// Cell reads for `TableRowHandler.plain`, over the reader's bytes. Each gives the answer the matching
/// `RowParser` accessor gives for the same cell when the cell has a plain shape, and nil ("not plain:
/// let `RowParser` decide") otherwise; an optional value reads as `.some(nil)` when its cell is blank.
/// A column is passed as its index in the row (nil when the file has no such column: a blank cell).
extension CSVRawRow {
    @inline(__always)
    func cell(_ column: Int?) -> UnsafeBufferPointer<UInt8> {
        column.map(field) ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    /// True when the cell is empty or spaces and tabs only (`RowParser.text` reads it as nil).
    @inline(__always)
    func isBlank(_ column: Int?) -> Bool {
        ValueParsers.trimmedASCII(cell(column)).isEmpty
    }

    /// The trimmed cell when it is all ASCII with no carriage return: what the `ValueParsers` byte
    /// parsers see of the `String` `RowParser.text` gives them. nil for any other cell.
    @inline(__always)
    func ascii(_ column: Int?) -> ValueParsers.ASCIIBytes? {
        let b = cell(column)
        for c in b where c >= 0x80 || c == 0x0D { return nil }
        return ValueParsers.ASCIIBytes(bytes: ValueParsers.trimmedASCII(b))
    }

    /// `RowParser.text`: the trimmed cell as a `String` (built the same way), nil when blank.
    @inline(__always)
    func text(_ column: Int?) -> String? {
        guard let column else { return nil }
        let b = field(column)
        // ASCII ends that are not spaces or tabs: `RowParser.trimmed` keeps the text as it is.
        if let first = b.first, let last = b.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return String(decoding: b, as: UTF8.self) }
        let value = RowParser.trimmed(String(decoding: b, as: UTF8.self))
        return value.isEmpty ? nil : value
    }

    /// An optional coded value (yes/no, sex, SEN...): `.some(nil)` when blank, the parsed value, or nil
    /// when the byte parser does not recognise it.
    @inline(__always)
    func optional<T>(_ column: Int?, _ parse: (ValueParsers.ASCIIBytes) -> T?) -> T?? {
        guard let b = ascii(column) else { return nil }
        if b.count == 0 { return .some(nil) }
        return parse(b).map { .some($0) }
    }

    /// `RowParser.date`: `.some(nil)` when blank.
    @inline(__always)
    func date(_ column: Int?) -> CalendarDate?? {
        if let date = ValueParsers.quickDate(cell(column)) { return date }
        return isBlank(column) ? .some(nil) : nil
    }

    /// `RowParser.integer(_:in:)`: `.some(nil)` when blank.
    @inline(__always)
    func integer(_ column: Int?, in range: ClosedRange<Int>) -> Int?? {
        // Spelled out: `range.contains(v) ? v : nil` typed as `Int?` and came back as `.some(nil)`, "blank",
        // so an out-of-range value in an optional column passed as blank instead of going to `parse`.
        if let v = ValueParsers.quickInteger(cell(column)) {
            guard range.contains(v) else { return Int??.none }
            return .some(v)
        }
        return isBlank(column) ? .some(nil) : nil
    }

    /// `RowParser.decimal(_:in:)`: `.some(nil)` when blank (read from the same `String`).
    @inline(__always)
    func decimal(_ column: Int?, in range: ClosedRange<Double>) -> Double?? {
        guard let t = text(column) else { return .some(nil) }
        guard let v = ValueParsers.decimal(t), range.contains(v) else { return nil }
        return v
    }

    /// `RowParser.academicYear` for a cell in a plain form.
    @inline(__always)
    func academicYear(_ column: Int?) -> AcademicYear? {
        ValueParsers.quickAcademicYear(cell(column))
    }

    /// A permanent UPN (`RowParser.upn`'s value); nil for a temporary one (it carries a warning) or anything
    /// that is not one.
    @inline(__always)
    func permanentUPN(_ column: Int?) -> String? {
        guard case .success(let upn)? = UPN.validateASCII(bytes: cell(column)), !upn.isTemporary else { return nil }
        return upn.value
    }
}

extension CalendarDate {
    /// False only when both dates are given and `last` is before `first` (a row `RowParser` rejects).
    static func inOrder(_ first: CalendarDate?, _ last: CalendarDate?) -> Bool {
        guard let first, let last else { return true }
        return !(last < first)
    }
}
