/// `data-quality.csv`: every issue the import stage found, one row each (never capped: a systematic
/// fault in a marks file gives a row per mark).
public enum DataQualityCSV {
    public static let columns = ["file", "line", "column", "value", "code", "message", "urn", "upn", "severity"]

    public static func render(_ issues: [DataQualityIssue]) -> String {
        var bytes: [UInt8] = []
        render(issues, piece: 1 << 20) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the file to `path` atomically (`AtomicFile`), in pieces of about 1 MiB, through the same
    /// byte writer as measures.csv (every text field formula-safe): a file of hundreds of thousands of
    /// issues is never built whole as a String.
    public static func write(_ issues: [DataQualityIssue], to path: String) throws {
        try AtomicFile.write(to: path) { write in try render(issues, piece: 1 << 20, write) }
    }

    static func render(_ issues: [DataQualityIssue], piece: Int, _ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var csv = CSVBytes(capacity: piece + 4096)
        csv.appendRow(columns)
        for i in issues {
            csv.field(i.file)
            if let line = i.line { csv.number(Double(line)) } else { csv.field("") }
            csv.field(i.column ?? "")
            csv.field(i.value ?? "")
            csv.field(i.code.rawValue)
            csv.field(i.message)
            csv.field(i.urn ?? "")
            csv.field(i.upn ?? "")
            csv.field(i.severity.rawValue)
            csv.endRow()
            if csv.count >= piece { try csv.flush(emit) }
        }
        try csv.flush(emit)
    }
}
