/// A problem writing a workbook. The final path is never left half-written.
public enum WorkbookError: Error, CustomStringConvertible, Equatable {
    case invalidSheetName(String, reason: String)
    case xlsx(code: Int, message: String, context: String)
    case rowOutOfOrder(sheet: String, row: Int, lastRow: Int)
    case cannotCreate(path: String, reason: String)
    case cannotRename(from: String, to: String, reason: String)
    case closed(path: String)

    public var description: String {
        switch self {
        case let .invalidSheetName(name, reason):
            return "`\(name)` cannot be a sheet name: \(reason)."
        case let .xlsx(code, message, context):
            return "libxlsxwriter error \(code) (\(message)) while \(context)."
        case let .rowOutOfOrder(sheet, row, lastRow):
            return "Sheet `\(sheet)`: row \(row + 1) was written after row \(lastRow + 1); constant-memory workbooks are written top to bottom (a bug in the sheet layout)."
        case let .cannotCreate(path, reason):
            return "Could not create the workbook \(path): \(reason)."
        case let .cannotRename(from, to, reason):
            return "Could not move the finished workbook \(from) to \(to): \(reason). The previous file at that path is unchanged."
        case .closed(let path):
            return "The workbook \(path) was already closed."
        }
    }
}
