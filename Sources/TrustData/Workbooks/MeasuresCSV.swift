/// `measures.csv`: one row per figure. The first thirteen columns are the published contract; the
/// columns after them were added later and may grow (never renamed).
public enum MeasuresCSV {
    public static let columns = [
        "year", "urn", "school", "measure", "group", "numerator", "denominator", "value", "national", "la",
        "diff_national", "diff_la", "target",
        // Extensions, in the order they were added.
        "diff_target", "la_name", "small_cohort", "text",
    ]

    public static func render(_ rows: [MeasureRow]) -> String {
        String(decoding: renderBytes(parts: [rows]), as: UTF8.self)
    }

    /// The file's bytes for the rows of `parts` in order (`TrustReport.measureParts`, read in place),
    /// built in one buffer (see `CSVBytes`); what the output stage writes.
    public static func renderBytes(parts: [[MeasureRow]]) -> [UInt8] {
        var csv = CSVBytes(capacity: 128 * (parts.reduce(0) { $0 + $1.count } + 1))
        csv.appendRow(columns)
        for rows in parts {
            // Fields read in place: copying each row out retains and releases all its texts.
            rows.withUnsafeBufferPointer { buffer in
                for i in buffer.indices { append(buffer[i], to: &csv) }
            }
        }
        return csv.bytes
    }

    @inline(__always)
    static func append(_ r: borrowing MeasureRow, to csv: inout CSVBytes) {
        csv.field(r.year)
        csv.field(r.urn)
        csv.field(r.school)
        csv.field(r.measure)
        csv.field(r.group)
        csv.number(r.numerator)
        csv.number(r.denominator)
        csv.number(r.value)
        csv.number(r.national)
        csv.number(r.la)
        csv.number(r.diffNational)
        csv.number(r.diffLA)
        csv.number(r.target)
        csv.number(r.diffTarget)
        csv.field(r.laName ?? "")
        csv.field(r.smallCohort ? "true" : "")
        csv.field(r.text ?? "")
        csv.endRow()
    }
}
