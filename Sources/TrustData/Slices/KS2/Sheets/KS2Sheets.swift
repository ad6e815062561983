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

/// The headline rows every KS2 table shows, in the order the DfE tables use.
struct KS2HeadlineLine {
    let subject: KS2Subject
    let kind: KS2Figure
    let label: String

    var id: MeasureID { .ks2(subject, kind) }
    var isPercent: Bool { kind != .averageScaledScore }

    static let all: [KS2HeadlineLine] = KS2Subject.allCases.flatMap { s -> [KS2HeadlineLine] in
        var lines = [KS2HeadlineLine(subject: s, kind: .expected, label: "% expected standard"),
                     KS2HeadlineLine(subject: s, kind: .higher, label: s == .writing ? "% greater depth" : "% higher standard")]
        if s.isTest { lines.append(KS2HeadlineLine(subject: s, kind: .averageScaledScore, label: "Average scaled score")) }
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
