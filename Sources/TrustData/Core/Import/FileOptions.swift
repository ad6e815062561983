/// How one input file is read beyond its dataset's schema: the pipeline's column mappings for the
/// dataset, the values the file's pipeline entry fixes for what the file lacks
/// (`- path: exports/Ashcombe KS2 2025.csv` with `urn: 138031`, `academic_year: 2024/25`), and the
/// register's DfE numbers, so a file naming its schools by LAESTAB instead of URN can be read.
///
/// A dictionary literal is the column mappings alone (`[:]`, `["surname": "Legal Surname"]`).
public struct FileOptions: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// Canonical column → the heading the export uses (`column_mappings:`).
    public var overrides: [String: String]
    /// Canonical column → the value every row of the file takes (the pipeline entry's fixed values).
    /// `laestab` is also accepted here for a dataset with a `urn` column: it stands for that school's URN.
    public var fixed: [String: String]
    /// LAESTAB (seven digits) → URN, from the register's `laestab` column.
    public var laestab: [String: String]
    /// The worksheet to read when the file is an Excel workbook (the entry's `sheet:`); nil: the first.
    public var sheet: String?

    public init(overrides: [String: String] = [:], fixed: [String: String] = [:], laestab: [String: String] = [:],
                sheet: String? = nil) {
        self.overrides = overrides
        self.fixed = fixed
        self.laestab = laestab
        self.sheet = sheet
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(overrides: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
