/// Builds RFC 4180 CSV text for the run's tidy outputs (`measures.csv`, `data-quality.csv`).
public struct CSVText {
    public private(set) var text = ""

    public init(header: [String]) { appendRow(header) }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    /// Quotes only when needed. Values are never rewritten: these files are read by BI tools, which
    /// need the exact text; formula safety belongs to the workbook writer.
    static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// Numbers as plain decimals, rounded to 4 places to avoid float noise; empty for nil.
    public static func number(_ value: Double?) -> String {
        var bytes: [UInt8] = []
        CSVNumber.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
