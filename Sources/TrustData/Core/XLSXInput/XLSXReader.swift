/// Reads one worksheet of an .xlsx workbook row by row, streamed: the sheet's XML is inflated and
/// parsed 64 KiB at a time, and each chunk's finished rows go to the same sink the CSV reader feeds,
/// as the same kind of row (`CSVRawRow`), so importers never know which kind of file they read.
/// A row's `line` is its row number in the sheet (what Excel shows at the left).
///
/// Held in memory: the shared strings (the text a sheet's cells point at) and the styles, never
/// the sheet's rows.
public final class XLSXReader {
    public let name: String
    /// The worksheet read: the one asked for, or the first in tab order.
    public let sheetName: String
    public let sheetNames: [String]
    /// Bytes of sheet XML read by the last pass (inflated).
    public private(set) var bytesRead = 0
    /// The last row number seen by the last pass.
    private(set) var linesRead = 0

    private let zip: ZipArchive
    private let part: String
    private let date1904: Bool
    private let stylesPart: String?
    private let stringsPart: String?

    public init(path: String, sheet: String? = nil) throws {
        zip = try ZipArchive(path: path)
        name = path
        let parts = try XLSXWorkbookParts(zip: zip)
        sheetNames = parts.sheets.map(\.name)
        let chosen: XLSXWorkbookParts.Sheet
        if let sheet {
            // Sheet names are case-insensitive in Excel; surrounding spaces in the pipeline do not count.
            let wanted = sheet.trimmingCharacters(in: .whitespaces).lowercased()
            guard let match = parts.sheets.first(where: { $0.name.lowercased() == wanted }) else {
                throw XLSXError.noSuchSheet(path: path, sheet: sheet, sheets: sheetNames)
            }
            chosen = match
        } else {
            guard let first = parts.sheets.first else { throw XLSXError.noSheets(path: path) }
            chosen = first
        }
        sheetName = chosen.name
        part = chosen.part
        date1904 = parts.date1904
        stylesPart = parts.styles
        stringsPart = parts.sharedStrings
        guard zip.locate(part) != nil else { throw XLSXError.missingPart(path: path, part: part) }
    }

    public static func readAll(path: String, sheet: String? = nil) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        try XLSXReader(path: path, sheet: sheet).forEachRow { rows.append($0) }
        return rows
    }

    /// Calls `body` for every row with a cell, in sheet order.
    public func forEachRow(_ body: (CSVRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var sink = XLSXClosureSink(body: body)
            try forEachRawRow(into: &sink)
        }
    }

    func forEachRawRow<Sink: CSVRawRowSink>(into sink: inout Sink) throws {
        let styles = try stylesPart.map { try XLSXStyles(zip: zip, part: $0) } ?? XLSXStyles()
        let strings = try stringsPart.map { try XLSXSharedStrings(zip: zip, part: $0) } ?? XLSXSharedStrings()
        let events = XLSXSheetEvents(strings: strings, styles: styles, date1904: date1904)
        bytesRead = 0
        defer { linesRead = events.lastRowNumber }
        let stream = try XMLStream(events, part: part, file: name)
        try zip.read(part) { chunk in
            bytesRead += chunk.count
            try stream.parse(chunk)
            try deliver(events, to: &sink)
        }
        try stream.finish()
        try deliver(events, to: &sink)
    }

    /// Hands the rows finished so far to `sink`, as views of the events' buffers.
    private func deliver<Sink: CSVRawRowSink>(_ events: XLSXSheetEvents, to sink: inout Sink) throws {
        guard !events.rows.isEmpty else { return }
        try events.bytes.withUnsafeBufferPointer { bytes in
            try events.ends.withUnsafeBufferPointer { ends in
                var byteStart = 0, endStart = 0
                for row in events.rows {
                    try sink.take(CSVRawRow(
                        line: row.line, byteOffset: 0,
                        bytes: UnsafeBufferPointer(rebasing: bytes[byteStart ..< row.bytesEnd]),
                        ends: UnsafeBufferPointer(rebasing: ends[endStart ..< row.endsEnd])))
                    byteStart = row.bytesEnd
                    endStart = row.endsEnd
                }
            }
        }
        events.dropFinishedRows()
    }

    /// The column letter of field `index` (A for 0), as Excel heads the sheet.
    public static func columnLetters(_ index: Int) -> String { XLSXSheetEvents.columnLetters(index) }
}

private struct XLSXClosureSink: CSVRawRowSink {
    let body: (CSVRow) throws -> Void
    func take(_ row: CSVRawRow) throws { try body(CSVRow(row)) }
}
