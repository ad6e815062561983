extension ImportLog {
    /// Gives every issue about a workbook its sheet and column letter, as the importer's own issues
    /// already have them (`HeaderMap.position(of:)`): issues raised after the import (a slice joining
    /// rows to the roster, duplicates across files) name only the column, and the data manager looking
    /// at the workbook needs to know where it is.
    public mutating func placeWorkbookIssues() {
        var files: [String: ImportStats] = [:]
        for s in stats where s.sheet != nil { files[s.file] = s }
        guard !files.isEmpty else { return }
        updateIssues { issue in
            guard let s = files[issue.file], let sheet = s.sheet else { return }
            guard let column = issue.column else {
                issue.column = "sheet \(sheet)"
                return
            }
            if column.contains("(sheet ") || column.hasPrefix("sheet ") { return }
            let wanted = DatasetSchema.normalise(column)
            if let i = s.headings.firstIndex(where: { $0 == column }) ?? s.headings.firstIndex(where: { DatasetSchema.normalise($0) == wanted }) {
                issue.column = "\(s.headings[i]) (sheet \(sheet), column \(XLSXReader.columnLetters(i)))"
            } else {
                issue.column = "\(column) (sheet \(sheet))"
            }
        }
    }
}
