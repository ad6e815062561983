/// What `trustdata init` found in an exports folder: the pipeline file it writes, and one line per file
/// for the table it prints.
public struct InitPlan: Sendable {
    public struct Row: Sendable, Equatable {
        public let file: String
        /// The input key the file went under, or nil when it was not placed.
        public let dataset: String?
        public let layout: String
        public let confidence: Double
        /// What could not be placed and why (a missing column, a doubt about values, a guessed mapping).
        public let notes: [String]
    }

    public let pipeline: String
    public let rows: [Row]
    public let academicYear: AcademicYear

    /// The table `trustdata init` prints: file → dataset, layout, confidence, what it could not place.
    public var table: String {
        let fileWidth = max(4, rows.map(\.file.count).max() ?? 4)
        let setWidth = max(7, rows.map { ($0.dataset ?? "not placed").count }.max() ?? 7)
        let layoutWidth = max(6, rows.map(\.layout.count).max() ?? 6)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = [pad("file", fileWidth) + "  " + pad("dataset", setWidth) + "  " + pad("layout", layoutWidth) + "  confidence  notes"]
        for r in rows {
            let confidence = r.dataset == nil ? "-" : String(Int((r.confidence * 100).rounded())) + "%"
            lines.append(pad(r.file, fileWidth) + "  " + pad(r.dataset ?? "not placed", setWidth) + "  " + pad(r.layout, layoutWidth)
                         + "  " + pad(confidence, 10) + "  " + r.notes.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
