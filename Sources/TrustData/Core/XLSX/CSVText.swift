/// Builds RFC 4180 CSV text for the run's tidy outputs (`measures.csv`, `data-quality.csv`).
public struct CSVText {
    public private(set) var text = ""

    public init(header: [String]) { appendRow(header) }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    /// Made formula-safe (`formulaSafe`), then quoted only when needed. Every text field of every CSV
    /// output goes through here or through `CSVBytes.field`, which applies the same two rules.
    static func escape(_ field: String) -> String {
        let field = formulaSafe(field)
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// The outputs are opened in Excel by data managers, and Excel (like LibreOffice and Google Sheets)
    /// runs a cell starting with `=`, `+`, `-` or `@` as a formula, and one starting with a tab or CR
    /// after trimming it (CSV injection). OWASP's guidance ("CSV Injection"): prefix such a field with a
    /// single quote, which the spreadsheet shows as text. A field that is a plain number (`-3.5`,
    /// `+2`, `-1.2e3`) cannot run and is left as written, so numbers stay numbers. Text a school or
    /// pupil name, an id or a rejected value brings in is never otherwise rewritten.
    public static func formulaSafe(_ field: String) -> String {
        guard let first = field.utf8.first, startsFormula(first), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// The first bytes that make a spreadsheet read a cell as a formula: = + - @ TAB CR.
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    /// A sign, digits, at most one point and an optional exponent (`-12`, `+3.50`, `-1.2e-3`):
    /// what a spreadsheet reads as a number, never a formula. `-inf`, `-1+2` and `--1` are not.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = 0, point = false
        while let b = bytes.first {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == UInt8(ascii: "."), !point { point = true } else { break }
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var exponent = 0
            while let b = bytes.first, b >= 0x30 && b <= 0x39 { exponent += 1; bytes = bytes.dropFirst() }
            guard exponent > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// Numbers as plain decimals, rounded to 4 places to avoid float noise; empty for nil.
    public static func number(_ value: Double?) -> String {
        var bytes: [UInt8] = []
        CSVNumber.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
