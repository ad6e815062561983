/// One file under a dataset's key in `inputs:`, with the values the file lacks, fixed for every row:
///
/// ```yaml
/// ks2:
///   - path: exports/Ashcombe KS2 2025.csv
///     urn: 138031              # or laestab: 881/2345
///     academic_year: 2024/25
///   - exports/trust-wide.csv   # a plain path: everything comes from the file
///   - path: exports/Results.xlsx
///     sheet: KS2 2025          # a workbook's sheet (default: its first)
/// ```
///
/// Any key besides the entry's own (`options`) is a column of the dataset (checked against its schema
/// by the strict pipeline reader); a fixed value fills a column the file lacks, or the blank cells of
/// one it has (`FixedColumns`).
public struct InputEntry: Codable, Sendable, Hashable {
    /// The path as written in the pipeline file (relative to `root:`).
    public var path: String
    /// Canonical column → the value every row of the file takes.
    public var fixed: [String: String]
    /// The worksheet to read when the file is an Excel workbook; nil: its first sheet.
    public var sheet: String?

    /// Keys of an entry that are not columns.
    public static let options = ["path", "sheet"]

    public init(path: String, fixed: [String: String] = [:], sheet: String? = nil) {
        self.path = path
        self.fixed = fixed
        self.sheet = sheet
    }

    public init(from decoder: Decoder) throws {
        if let one = try? decoder.singleValueContainer().decode(String.self) {
            self.init(path: one)
            return
        }
        let c = try decoder.container(keyedBy: AnyKey.self)
        let path = try c.decode(String.self, forKey: AnyKey("path"))
        // A sheet named `2025` is a number to YAML: read it as the text it is.
        let sheet = try (try? c.decodeIfPresent(String.self, forKey: AnyKey("sheet"))) ?? c.decodeIfPresent(Int.self, forKey: AnyKey("sheet")).map(String.init)
        var fixed: [String: String] = [:]
        for key in c.allKeys where !InputEntry.options.contains(key.stringValue) {
            // `urn: 138031` and `academic_year: 2025` are numbers to YAML; the importer reads them as text.
            if let text = try? c.decode(String.self, forKey: key) {
                fixed[key.stringValue] = text
            } else if let number = try? c.decode(Int.self, forKey: key) {
                fixed[key.stringValue] = String(number)
            } else {
                throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                    codingPath: c.codingPath + [key], debugDescription: "a fixed value must be a single value such as 138031 or 2024/25"))
            }
        }
        self.init(path: path, fixed: fixed, sheet: sheet)
    }

    public func encode(to encoder: Encoder) throws {
        guard !fixed.isEmpty || sheet != nil else {
            var one = encoder.singleValueContainer()
            return try one.encode(path)
        }
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(path, forKey: AnyKey("path"))
        try c.encodeIfPresent(sheet, forKey: AnyKey("sheet"))
        for (key, value) in fixed.sorted(by: { $0.key < $1.key }) { try c.encode(value, forKey: AnyKey(key)) }
    }
}
