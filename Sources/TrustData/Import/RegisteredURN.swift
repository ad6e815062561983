/// The URN cell of a plain row as `RowParser.urn` gives it, for a school in the register. Rows come
/// grouped by school, so most repeat the previous row's URN: its `String` and register check are then
/// reused rather than rebuilt and hashed again.
struct RegisteredURN {
    let register: SchoolRegister?
    private var lastNumber = -1
    private var last = ""

    init(register: SchoolRegister?) {
        self.register = register
    }

    /// The URN when the cell is six digits (spaces and tabs around them trimmed) of a school in the
    /// register (any school when there is none); nil for anything else, which `RowParser` then reports.
    @inline(__always)
    mutating func read(_ row: CSVRawRow, _ column: Int?) -> String? {
        let b = ValueParsers.trimmedASCII(row.cell(column))
        guard b.count == 6, let number = ValueParsers.digits(b, 0, 6) else { return nil }
        if number == lastNumber { return last }
        let urn = String(decoding: b, as: UTF8.self)
        if let register, !register.contains(urn) { return nil }
        lastNumber = number
        last = urn
        return urn
    }
}
