/// `data-quality.csv`: every issue the import stage found, one row each.
public enum DataQualityCSV {
    public static let columns = ["file", "line", "column", "value", "code", "message", "urn", "upn", "severity"]

    public static func render(_ issues: [DataQualityIssue]) -> String {
        var csv = CSVText(header: columns)
        for i in issues {
            csv.appendRow([i.file, i.line.map(String.init) ?? "", i.column ?? "", i.value ?? "",
                           i.code.rawValue, i.message, i.urn ?? "", i.upn ?? "", i.severity.rawValue])
        }
        return csv.text
    }
}
