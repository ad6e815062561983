/// `data-quality.csv`: every issue the import stage found, one row each.
public enum DataQualityCSV {
    public static let columns = ["file", "line", "column", "value", "code", "message", "urn", "upn", "severity"]

    public static func render(_ issues: [DataQualityIssue]) -> String {
        var csv = CSVText(header: columns)
        for i in issues {
            csv.appendRow([i.file, i.line.map(String.init) ?? "", i.column ?? "", spreadsheetSafe(i.value ?? ""),
                           i.code.rawValue, i.message, i.urn ?? "", i.upn ?? "", i.severity.rawValue])
        }
        return csv.text
    }

    /// This file is opened in Excel by the data manager, and Excel runs a cell starting with `=`, `+`,
    /// `-` or `@` as a formula (CSV injection). A rejected value like that gets a leading apostrophe,
    /// which Excel shows as text; a plain negative number such as `-12.5` is left as it is.
    static func spreadsheetSafe(_ value: String) -> String {
        guard let first = value.first, "=+-@".contains(first) else { return value }
        if first == "-", Double(value) != nil { return value }
        return "'" + value
    }
}
