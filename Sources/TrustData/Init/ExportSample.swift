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
    /// The line (a workbook's row) the headings are on: 1 unless a report title stands above them.
    public let headerLine: Int

    public init(path: String, headings: [String], rows: [[String]], sheet: String? = nil, headerLine: Int = 1) {
        self.path = path
        self.headings = headings
        self.rows = rows
        self.sheet = sheet
        self.headerLine = headerLine
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
        guard let headerIndex = headerRow(sink.rows) else { throw ImportError.empty(dataset: "export", path: path) }
        let headings = sink.rows[headerIndex].map { $0.trimmingCharacters(in: .whitespaces) }
        let rows = sink.rows[(headerIndex + 1)...].filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return ExportSample(path: path, headings: headings, rows: Array(rows.prefix(limit)), sheet: source.sheet, headerLine: sink.lines[headerIndex])
    }

    /// Which of the first rows holds the headings, with its line: the first with at least two cells
    /// filled and at least half as many as the fullest of the first `TableBooks.headerSearchRows` rows.
    /// A report title, a date line or a blank line above the headings fills one cell or none; the
    /// import then finds the same row by the dataset's own headings (`TableBooks.header`).
    static func headerRow(_ rows: [[String]]) -> Int? {
        let top = rows.prefix(TableBooks.headerSearchRows)
        let filled = top.map { $0.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count }
        guard let widest = filled.max(), widest > 0 else { return nil }
        return filled.firstIndex { $0 >= min(2, widest) && 2 * $0 >= widest }
    }
}

private struct SampleSink: CSVRawRowSink {
    struct Enough: Error {}
    /// Rows kept: the title rows and headings, and `limit` data rows after them.
    let keep: Int
    var rows: [[String]] = []
    var lines: [Int] = []

    init(limit: Int) { keep = limit + TableBooks.headerSearchRows }

    mutating func take(_ row: CSVRawRow) throws {
        rows.append(CSVRow(row).fields)
        lines.append(row.line)
        if rows.count >= keep { throw Enough() }
    }
}
