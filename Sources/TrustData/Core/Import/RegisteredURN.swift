/// The URN cell of a plain row as `RowParser.urn` gives it, for a school in the register, with a
/// number for the school (its place in the order URNs were first seen) for keys. Rows come grouped by
/// school, so most repeat the previous row's URN: its `String`, register check and number are then
/// reused rather than rebuilt and hashed again.
struct RegisteredURN {
    let register: SchoolRegister?
    private var numbers: [String: Int] = [:]
    private var lastDigits = -1
    private var last = ""
    private var lastNumber = 0

    init(register: SchoolRegister?) {
        self.register = register
    }

    /// The URN and its number when the cell is six digits (spaces and tabs around them trimmed) of a
    /// school in the register (any school when there is none); nil for anything else, which
    /// `RowParser` then reports.
    @inline(__always)
    mutating func read(_ row: CSVRawRow, _ column: Int?) -> (urn: String, school: Int)? {
        let b = ValueParsers.trimmedASCII(row.cell(column))
        guard b.count == 6, let digits = ValueParsers.digits(b, 0, 6) else { return nil }
        if digits == lastDigits { return (last, lastNumber) }
        let urn = String(decoding: b, as: UTF8.self)
        if let register, !register.contains(urn) { return nil }
        lastDigits = digits
        last = urn
        lastNumber = school(urn)
        return (urn, lastNumber)
    }

    /// The number of a URN (any text `RowParser.urn` accepted), the next free one when it is new.
    mutating func school(_ urn: String) -> Int {
        if let number = numbers[urn] { return number }
        let number = numbers.count
        numbers[urn] = number
        return number
    }
}
