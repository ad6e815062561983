/// The last sheet of every workbook: what the run was, where the comparison figures come from, and
/// how to read the colours — so a workbook forwarded on its own still explains itself.
public enum AboutSheet {
    public static func write(into workbook: Workbook, title: String, context: AnalysisContext, notes: [String] = []) throws {
        let ws = try workbook.addWorksheet("About")
        try ws.setColumnWidth(0, 0, 28)
        try ws.setColumnWidth(1, 1, 100)
        let config = context.config
        var row = 0
        try ws.write(row, 0, .string(title), .title)
        row += 2
        let settings = config.settings
        let facts: [(String, String)] = [
            ("Trust", config.trust),
            ("Academic year", config.academicYear.description),
            ("Pipeline", config.name),
            ("Made by", "trustdata \(TrustDataVersion.current), offline; same inputs give an identical workbook"),
            ("Pupil data", "From the trust's own exports. Treat this workbook as personal data."),
            ("National and LA figures", "Published DfE statistics, each with its source in inputs/benchmarks/ (national.csv, la.csv). A blank comparison means no published figure is known."),
            ("Colours", settings.rag.legend(RAGThresholds.Kind.allCases)),
            ("Small groups", "Groups with fewer than \(settings.minGroupSize) pupils are marked small: one pupil moves the figure a lot."),
            ("Percentages", "Every percentage is shown with its numerator and denominator; trust figures pool all the trust's pupils (never an average of school percentages)."),
            ("Definitions", "Run `trustdata explain <measure id>` for any figure, or see the measures reference in the README."),
        ]
        for (label, text) in facts {
            try ws.write(row, 0, .string(label), CellFormat(bold: true, verticalAlign: .top))
            try ws.write(row, 1, .string(text), CellFormat(verticalAlign: .top, wrap: true))
            row += 1
        }
        for note in notes {
            try ws.write(row, 1, .string(note), CellFormat(verticalAlign: .top, wrap: true))
            row += 1
        }
    }

    static func signed(_ v: Double) -> String { v >= 0 ? "+\(CSVText.number(v))" : CSVText.number(v) }
}
