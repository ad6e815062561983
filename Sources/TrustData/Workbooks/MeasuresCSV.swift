/// `measures.csv`: one row per figure. The first thirteen columns are the published contract; the
/// columns after them were added later and may grow (never renamed).
public enum MeasuresCSV {
    public static let columns = [
        "year", "urn", "school", "measure", "group", "numerator", "denominator", "value", "national", "la",
        "diff_national", "diff_la", "target",
        // Extensions, in the order they were added.
        "diff_target", "la_name", "small_cohort", "text",
        // Issue 16: which DfE national figure (basis and period), the figure's period, pupils left out
        // by rejected rows.
        "national_basis", "period", "left_out",
    ]

    public static func render(_ rows: [MeasureRow]) -> String {
        String(decoding: renderBytes(parts: [rows]), as: UTF8.self)
    }

    /// The file's bytes for the rows of `parts` in order (`TrustReport.measureParts`, read in place).
    public static func renderBytes(parts: [[MeasureRow]]) -> [UInt8] {
        var bytes: [UInt8] = []
        render(parts: parts, piece: 1 << 20) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes the file to `path` (atomically, see `AtomicFile`) in pieces of about 1 MiB: what the output
    /// stage does. Building the whole 17 MB first touched every page of a fresh buffer and wrote it back
    /// from memory; a piece is written while it is still in cache.
    public static func write(parts: [[MeasureRow]], to path: String) throws {
        try AtomicFile.write(to: path) { write in try render(parts: parts, piece: 1 << 20, write) }
    }

    /// Renders the rows of `parts` in order, handing `emit` the bytes each time about `piece` of them are
    /// ready, and the rest at the end.
    static func render(parts: [[MeasureRow]], piece: Int, _ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var csv = CSVBytes(capacity: piece + 4096)
        csv.appendRow(columns)
        for rows in parts {
            // Fields read in place: copying each row out retains and releases all its texts.
            try rows.withUnsafeBufferPointer { buffer in
                guard let first = buffer.baseAddress else { return }
                for i in buffer.indices {
                    append(first + i, to: &csv)
                    if csv.count >= piece { try csv.flush(emit) }
                }
            }
        }
        try csv.flush(emit)
    }

    @inline(__always)
    static func append(_ row: UnsafePointer<MeasureRow>, to csv: inout CSVBytes) {
        csv.field(row.pointee.year)
        csv.field(row.pointee.urn)
        csv.field(row.pointee.school)
        csv.field(row.pointee.measure)
        csv.field(row.pointee.group)
        csv.number(row.pointee.numerator)
        csv.number(row.pointee.denominator)
        csv.number(row.pointee.value)
        csv.number(row.pointee.national)
        csv.number(row.pointee.la)
        csv.number(row.pointee.diffNational)
        csv.number(row.pointee.diffLA)
        csv.number(row.pointee.target)
        csv.number(row.pointee.diffTarget)
        csv.field(row.pointee.laName ?? "")
        csv.field(row.pointee.smallCohort ? "true" : "")
        csv.field(row.pointee.text ?? "")
        csv.field(row.pointee.nationalBasis ?? "")
        csv.field(row.pointee.period ?? "")
        csv.number(row.pointee.leftOut.map(Double.init))
        csv.endRow()
    }
}
