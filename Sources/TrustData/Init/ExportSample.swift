import Foundation

/// The first rows of one export, as `trustdata init` looks at it: its headings and up to `limit` data
/// rows, read through the same row source as an import (CSV in any dialect, or a workbook's first sheet).
public struct ExportSample: Sendable {
    /// The file's path as given (absolute or relative to the folder looked at).
    public let path: String
    public let headings: [String]
    public let rows: [[String]]
    /// The worksheet read, for a workbook.
    public let sheet: String?

    public init(path: String, headings: [String], rows: [[String]], sheet: String? = nil) {
        self.path = path
        self.headings = headings
        self.rows = rows
        self.sheet = sheet
    }

    /// The file name without its folder, and the folder's name: where a URN or year may be written.
    public var fileName: String { (path as NSString).lastPathComponent }
    public var folderName: String { ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent }

    /// The non-blank values of column `i` in the sample rows.
    public func values(_ i: Int) -> [String] {
        rows.compactMap { i < $0.count ? $0[i].trimmingCharacters(in: .whitespaces) : nil }.filter { !$0.isEmpty }
    }

    /// Reads the headings and the first `limit` rows of `path` (only those are read).
    public static func read(path: String, limit: Int = 200) throws -> ExportSample {
        let source = try TableSource.open(path: path, sheet: nil, range: nil)
        var sink = SampleSink(limit: limit)
        do {
            try source.forEachRawRow(into: &sink)
        } catch is SampleSink.Enough {}
        guard let headings = sink.headings else { throw ImportError.empty(dataset: "export", path: path) }
        return ExportSample(path: path, headings: headings, rows: sink.rows, sheet: source.sheet)
    }
}

private struct SampleSink: CSVRawRowSink {
    struct Enough: Error {}
    let limit: Int
    var headings: [String]?
    var rows: [[String]] = []

    mutating func take(_ row: CSVRawRow) throws {
        guard headings != nil else {
            headings = CSVRow(row).fields.map { $0.trimmingCharacters(in: .whitespaces) }
            return
        }
        if row.isBlank { return }
        rows.append(CSVRow(row).fields)
        if rows.count >= limit { throw Enough() }
    }
}
