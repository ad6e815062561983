/// Row accounting for one input file. `rowsRead == rowsAccepted + rowsRejected`, always.
public struct ImportStats: Hashable, Sendable, Codable {
    public var dataset: String
    public var file: String
    public var rowsRead: Int = 0
    public var rowsAccepted: Int = 0
    public var rowsRejected: Int = 0
    public var warnings: Int = 0
    public var bytes: Int = 0
    public var encoding: String = "utf-8"
    /// The worksheet read, when the file is an Excel workbook.
    public var sheet: String?
    /// A workbook's headings in column order (A first), so issues found after the import can still be
    /// placed at their sheet and column letter (`ImportLog.placeWorkbookIssues`). Empty for CSV.
    public var headings: [String] = []

    public init(dataset: String, file: String) {
        self.dataset = dataset
        self.file = file
    }

    public var reconciles: Bool { rowsRead == rowsAccepted + rowsRejected }

    enum CodingKeys: String, CodingKey {
        case dataset, file, warnings, bytes, encoding, sheet
        case rowsRead = "rows_read"
        case rowsAccepted = "rows_accepted"
        case rowsRejected = "rows_rejected"
    }
}

/// What an importer hands on: the typed records, its accounting and every issue it found.
public struct ImportOutcome<Record: Sendable>: Sendable {
    public var records: [Record]
    public var stats: ImportStats
    public var issues: [DataQualityIssue]

    public init(records: [Record], stats: ImportStats, issues: [DataQualityIssue]) {
        self.records = records
        self.stats = stats
        self.issues = issues
    }
}
