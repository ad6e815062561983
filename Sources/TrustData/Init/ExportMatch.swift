/// How well one export fits one input of the pipeline (`trustdata init`): which input key it would go
/// under, the layout recognised, the column mappings and fixed values it needs, and what could not be
/// placed. `placed` is false when a required column is neither in the file nor inferable.
public struct ExportMatch: Sendable, Equatable {
    /// The key under `inputs:` (`pupils`, `ks2`, `attendance_marks`…).
    public var inputKey: String
    public var layout: String
    /// 0…1: the share of the file's headings the input uses, times the share of checked values that
    /// look right (URNs, UPNs, years, dates), lowered for each column only guessed from a near heading.
    public var confidence: Double
    /// Canonical column → the file's heading, for columns found only by a near spelling (written under
    /// `column_mappings:` so the user can check them).
    public var columnMappings: [String: String] = [:]
    /// Columns the file lacks but its name gives (`urn`, `academic_year`), with where the value came from.
    public var fixedValues: [String: (value: String, from: String)] = [:]
    /// Required columns neither in the file nor inferable.
    public var missing: [String] = []
    /// The file's headings the input does not use.
    public var unused: [String] = []
    /// Doubts about values (`URN` column: 3 of 40 values are not six-digit URNs).
    public var notes: [String] = []
    /// Headings matched by name or alias (how specific the match is; the best input explains most).
    public var matched: Int = 0

    public init(inputKey: String, layout: String, confidence: Double) {
        self.inputKey = inputKey
        self.layout = layout
        self.confidence = confidence
    }

    public var placed: Bool { missing.isEmpty }

    public static func == (a: ExportMatch, b: ExportMatch) -> Bool {
        a.inputKey == b.inputKey && a.layout == b.layout && a.confidence == b.confidence && a.columnMappings == b.columnMappings
            && a.fixedValues.mapValues(\.value) == b.fixedValues.mapValues(\.value) && a.missing == b.missing
            && a.unused == b.unused && a.notes == b.notes && a.matched == b.matched
    }
}
