/// A problem that makes a whole input file unusable. The run stops before any output is written.
public enum ImportError: Error, Equatable, CustomStringConvertible, Sendable {
    case fileMissing(dataset: String, path: String)
    case unreadable(dataset: String, path: String, reason: String)
    case empty(dataset: String, path: String)
    case missingColumns(dataset: String, path: String, missing: [String], found: [String], closest: [String: String])
    case malformed(dataset: String, path: String, line: Int, byteOffset: Int, reason: String)
    case invalidMapping(dataset: String, column: String, reason: String)
    /// The file is not CSV text (UTF-16, gzip, zip, an Excel workbook, XML): named for what it is.
    case notCSV(dataset: String, path: String, explanation: String)
    /// A value the pipeline entry fixes for the file (`- path: …, urn: …`) that cannot be used.
    case invalidFixedValue(dataset: String, path: String, column: String, value: String, reason: String)
    /// The file was read but gives the run nothing (every row rejected, or no rows for the year).
    case unusable(dataset: String, path: String, reason: String)
    /// A results input with no rows for the pipeline's academic year (`message` names the files and years).
    case noRowsForYear(paths: String, message: String)

    public var description: String {
        switch self {
        case let .fileMissing(dataset, path):
            return "The \(dataset) file \(path) does not exist. Check the path in the pipeline file (paths are relative to its `root`)."
        case let .unreadable(dataset, path, reason):
            return "The \(dataset) file \(path) could not be read: \(reason)."
        case let .empty(dataset, path):
            return "The \(dataset) file \(path) is empty: it needs at least a header row. Re-export it from the MIS."
        case let .missingColumns(dataset, path, missing, found, closest):
            let hints = missing.map { column -> String in
                if let near = closest[column] { return "`\(column)` (closest heading in the file: `\(near)`)" }
                return "`\(column)`"
            }
            // With no hint for a column, say so: the list of headings is then where to look.
            let unsure = closest.count < missing.count
                ? " No heading in the file is clearly \(missing.count == 1 ? "it" : "the missing ones"); the file's headings are: "
                : " Columns found: "
            return """
            The \(dataset) file \(path) has no column for \(hints.joined(separator: ", ")).\(unsure)\
            \(found.map { "`\($0)`" }.joined(separator: ", ")). \
            Rename the heading in the export, or map it in the pipeline file under `column_mappings: \(dataset):`.
            """
        case let .malformed(dataset, path, line, byteOffset, reason):
            return "The \(dataset) file \(path) is not valid CSV at line \(line) (byte \(byteOffset)): \(reason). Re-export it, or fix that line."
        case let .notCSV(dataset, path, explanation):
            return "The \(dataset) file \(path) is not a CSV file: \(explanation). Nothing was read from it."
        case let .invalidFixedValue(dataset, path, column, value, reason):
            let what = value.isEmpty ? "" : " `\(column): \(value)`"
            return "The pipeline's entry for the \(dataset) file \(path)\(what) cannot be used: \(reason)."
        case let .unusable(dataset, path, reason):
            return "Nothing in the \(dataset) file \(path) can be used: \(reason) Fix the file (or its column mapping) and run again; the run stopped before writing anything."
        case let .noRowsForYear(_, message):
            return "\(message) The run stopped before writing anything."
        case let .invalidMapping(dataset, column, reason):
            return "The pipeline's column mapping for \(dataset) names `\(column)`: \(reason)."
        }
    }
}

/// Why one row was not used; becomes a `DataQualityIssue` with severity `rejected`.
public struct RowRejection: Error, Sendable {
    public let column: String?
    public let value: String?
    public let code: IssueCode
    public let message: String

    public init(column: String?, value: String?, code: IssueCode, message: String) {
        self.column = column
        self.value = value
        self.code = code
        self.message = message
    }
}
