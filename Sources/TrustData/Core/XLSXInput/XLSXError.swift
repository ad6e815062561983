/// Problems reading an .xlsx workbook, worded for the data manager who has to fix or re-save it.
public enum XLSXError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// A part every workbook has (its sheet list, a sheet it names) is not in the zip.
    case missingPart(path: String, part: String)
    case malformed(path: String, part: String, reason: String)
    case noSuchSheet(path: String, sheet: String, sheets: [String])
    case noSheets(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "the workbook \(path) could not be opened (\(reason)); open it in Excel and save it again as .xlsx"
        case let .missingPart(path, part):
            return "the workbook \(path) has no \(part) inside; it is damaged or not an Excel workbook. Open it in Excel and save it again as .xlsx"
        case let .malformed(path, part, reason):
            return "the workbook \(path) is damaged (\(part): \(reason)); open it in Excel and save it again as .xlsx"
        case let .noSuchSheet(path, sheet, sheets):
            return "the workbook \(path) has no sheet named `\(sheet)`; its sheets are \(sheets.map { "`\($0)`" }.joined(separator: ", ")). Correct `sheet:` in the pipeline file"
        case let .noSheets(path):
            return "the workbook \(path) has no worksheets"
        }
    }
}
