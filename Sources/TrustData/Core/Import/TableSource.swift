import Foundation

/// The rows of one input file, whatever kind of file it is: CSV text (UTF-8, Windows-1252 or UTF-16;
/// comma, semicolon or tab separated) through `CSVReader`, or one worksheet of an Excel workbook
/// through `XLSXReader`. Both hand the importer the same rows (`CSVRawRow`), so no importer knows which
/// it read; only the position in messages differs (a workbook's rows are its sheet's row numbers, and
/// its columns carry their letter).
enum TableSource {
    case csv(CSVReader)
    case xlsx(XLSXReader)

    /// Opens `path`: a zip that holds a workbook is read as .xlsx (its `sheet`, or the first); anything
    /// else as CSV, which names files that are neither (gzip, other zips, XML, .xls, PDF) for what they are.
    static func open(path: String, sheet: String?, range: Range<Int>?) throws -> TableSource {
        if range == nil, isWorkbook(path) { return .xlsx(try XLSXReader(path: path, sheet: sheet)) }
        return .csv(try range.map { try CSVReader(path: path, range: $0) } ?? CSVReader(path: path))
    }

    /// A zip archive holding a workbook's parts (or a zip named .xlsx/.xlsm, whose first member need not
    /// name them).
    static func isWorkbook(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        switch head.withUnsafeBufferPointer(FileKind.sniff) {
        case .zip(excel: true)?: return true
        case .zip(excel: false)?: return ["xlsx", "xlsm"].contains((path as NSString).pathExtension.lowercased())
        default: return false
        }
    }

    func forEachRawRow<Sink: CSVRawRowSink>(into sink: inout Sink) throws {
        switch self {
        case let .csv(reader): try reader.forEachRawRow(into: &sink)
        case let .xlsx(reader): try reader.forEachRawRow(into: &sink)
        }
    }

    var bytesRead: Int {
        switch self {
        case let .csv(reader): return reader.bytesRead
        case let .xlsx(reader): return reader.bytesRead
        }
    }

    var detectedEncoding: TextEncoding {
        if case let .csv(reader) = self { return reader.detectedEncoding }
        return .utf8
    }

    /// The last line (CSV) or sheet row (workbook) read.
    var linesRead: Int {
        switch self {
        case let .csv(reader): return reader.linesRead
        case let .xlsx(reader): return reader.linesRead
        }
    }

    /// The worksheet read, for positions in messages; nil for CSV.
    var sheet: String? {
        if case let .xlsx(reader) = self { return reader.sheetName }
        return nil
    }
}
