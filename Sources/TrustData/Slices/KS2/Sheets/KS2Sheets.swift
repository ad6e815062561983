/// The KS2 sheets: a school's "KS2" and "Outcomes meeting" sheets, and the trust's "KS2" sheet.
public enum KS2Sheets {
    public static func writeSchoolSheets(_ r: KS2SchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try KS2SchoolSheet(report: r, school: school.school, context: context).write(into: workbook)
        try OutcomesMeetingSheet(report: r, school: school.school, context: context).write(into: workbook)
    }

    public static func writeTrustSheets(_ r: KS2TrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try KS2TrustSheet(report: r, trust: trust, context: context).write(into: workbook)
    }
}

/// Measures indexed by (URN, year, id, group) for laying out tables. The key is a struct of the four
/// texts (not one interpolated string: building that per figure was most of the cost of the index),
/// and the index holds each row's place, not a copy of the row.
struct KS2MeasureIndex {
    private struct Key: Hashable {
        let urn: String
        let year: String
        let measure: String
        let group: String

        /// The four texts' bytes folded into one word (FNV-1a), then one combine: handing each text to
        /// the hasher cost about 850 instructions a key, and building the index hashes a key per KS2
        /// figure of the school (of every school for the trust sheet). Equality still compares all four.
        func hash(into hasher: inout Hasher) {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            KS2MeasureIndex.fold(urn, into: &h)
            KS2MeasureIndex.fold(year, into: &h)
            KS2MeasureIndex.fold(measure, into: &h)
            KS2MeasureIndex.fold(group, into: &h)
            hasher.combine(h)
        }
    }

    /// Folds a text's UTF-8 bytes into `h` (FNV-1a), then a separator byte, so ("ab", "c") and ("a", "bc")
    /// fold differently. For hashing keys of several texts in one combine.
    @inline(__always)
    static func fold(_ text: String, into h: inout UInt64) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        if done == nil { for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
        h = (h ^ 0xFF) &* 0x100_0000_01B3
    }

    private let parts: [[MeasureRow]]
    private var rows: [Key: (part: Int, row: Int)] = [:]

    init(_ measures: [MeasureRow]) { self.init(parts: [measures], capacity: measures.count) }

    /// The rows of `parts` in order, as if joined; only those whose URN, year and group `keep` accepts
    /// (key fields only, so that every row of a kept key is seen and the last one still wins).
    init(parts: [[MeasureRow]], capacity: Int = 0, keep: ((_ urn: String, _ year: String, _ group: String) -> Bool)? = nil) {
        self.parts = parts
        var rows: [Key: (part: Int, row: Int)] = [:]
        rows.reserveCapacity(capacity)
        for (p, measures) in parts.enumerated() {
            measures.withUnsafeBufferPointer { buffer in
                for i in buffer.indices where keep?(buffer[i].urn, buffer[i].year, buffer[i].group) ?? true {
                    rows[Key(urn: buffer[i].urn, year: buffer[i].year, measure: buffer[i].measure, group: buffer[i].group)] = (p, i)
                }
            }
        }
        self.rows = rows
    }

    func get(_ urn: String, _ year: AcademicYear, _ id: String, _ group: String = "all") -> MeasureRow? {
        rows[Key(urn: urn, year: year.description, measure: id, group: group)].map { parts[$0.part][$0.row] }
    }
}

/// The headline rows every KS2 table shows, in the order the DfE tables use.
struct KS2HeadlineLine {
    let subject: KS2Subject
    let kind: String
    let label: String

    var id: String { "ks2.\(subject.rawValue).\(kind)" }
    var isPercent: Bool { kind != "average_scaled_score" }

    static let all: [KS2HeadlineLine] = KS2Subject.allCases.flatMap { s -> [KS2HeadlineLine] in
        var lines = [KS2HeadlineLine(subject: s, kind: "expected", label: "% expected standard"),
                     KS2HeadlineLine(subject: s, kind: "higher", label: s == .writing ? "% greater depth" : "% higher standard")]
        if s.isTest { lines.append(KS2HeadlineLine(subject: s, kind: "average_scaled_score", label: "Average scaled score")) }
        return lines
    }

    /// A figure of this line in its own kind of cell: a percentage or a scaled score.
    func cell(_ value: Double?) -> CellValue { isPercent ? .optionalPercent(value) : .optionalNumber(value) }

    /// The headline table's body, written once for every table that lists the lines (school headline,
    /// trust side by side, trust trends): one row per line, subject and measure in the first two
    /// columns, the rest from `cells(line, format, row)`. Returns the row after the last.
    static func writeRows(_ ws: Worksheet, from first: Int,
                          _ cells: (_ line: KS2HeadlineLine, _ format: CellFormat, _ row: Int) throws -> Void) throws -> Int {
        var row = first
        for line in all {
            try ws.write(row, 0, .string(line.subject.label))
            try ws.write(row, 1, .string(line.label))
            try cells(line, line.isPercent ? .percent : .decimal1, row)
            row += 1
        }
        return row
    }
}

enum KS2Cells {
    static let small = "⚑"

    /// A figure in its own format: a percentage (0–100 → fraction) or a scaled score.
    static func value(_ row: MeasureRow?, percent: Bool) -> CellValue {
        percent ? .optionalPercent(row?.value) : .optionalNumber(row?.value)
    }

    /// "3/8" beside a percentage, "n 4" beside an average; flagged when the group is small.
    static func n(_ row: MeasureRow?, percent: Bool) -> CellValue {
        guard let row, let d = row.denominator else { return .blank }
        let text = percent ? "\(Int(row.numerator ?? 0))/\(Int(d))" : "n \(Int(d))"
        return .string(row.smallCohort ? "\(text) \(small)" : text)
    }

    /// Percentage-point or scaled-score differences.
    static func diff(_ v: Double?) -> CellValue { .optionalNumber(v) }

    /// Coloured by the band of the row's kind of measure (% at a standard, or average scaled score);
    /// grey italics, never coloured, for a group under the minimum size.
    static func ragFormat(_ base: CellFormat, _ row: MeasureRow?, context: AnalysisContext) -> CellFormat {
        let small = row?.smallCohort ?? false
        let kind = RAGThresholds.Kind.of(measure: row?.measure ?? "", unit: row.flatMap { MeasureCatalog.definition($0.measure)?.unit })
        return RAG.styled(base, RAG.status(difference: row?.diffNational, kind: kind, small: small, settings: context.config.settings), small: small)
    }

    static func oneDecimal(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) + ".0" : String(r)
    }
}
