/// One column a dataset understands: its canonical name and the headings other systems use for it.
public struct ColumnSpec: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    public let required: Bool
    public let meaning: String

    public init(_ name: String, aliases: [String] = [], required: Bool = false, meaning: String = "") {
        self.name = name
        self.aliases = aliases
        self.required = required
        self.meaning = meaning
    }
}

/// The columns of one kind of input file. Columns are matched by name, never by position, because
/// MIS exports and DfE files add and move columns between versions.
public struct DatasetSchema: Sendable {
    public let dataset: String
    public let columns: [ColumnSpec]

    public init(dataset: String, columns: [ColumnSpec]) {
        self.dataset = dataset
        self.columns = columns
    }

    public func column(_ name: String) -> ColumnSpec? { columns.first { $0.name == name } }

    /// Headings compare case-, space- and punctuation-insensitively: `Legal Surname`, `legal_surname`
    /// and `LEGAL-SURNAME` are the same heading.
    public static func normalise(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}
