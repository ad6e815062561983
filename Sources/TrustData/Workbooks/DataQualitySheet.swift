/// The "Data quality" sheet: every issue, then what each input file gave and the issues counted by code.
///
/// Layout (top to bottom, as constant-memory workbooks need): title and note; the issue table's header
/// on row 4, frozen and filterable, with one issue per row below it; then the two count tables (rows
/// by file, issues by code) in the same columns, so the frozen header stays one row whatever the number
/// of files, and the sheet prints on one A4 landscape width (issue #20).
/// In a school's workbook only issues whose URN is that school's appear (privacy: no other school's
/// pupils), and the file counts are that school's rejected rows and warnings.
public enum DataQualitySheet {
    public static let sheetName = "Data quality"
    static let issueColumns = ["File", "Line", "Column", "Value", "Code", "Message", "URN", "UPN", "Severity"]
    static let headerRow = 3
    /// File, line, column, value, code, message (wide: it wraps), URN, UPN, severity: 1,277 px, one A4
    /// landscape width at 77% (text at 8.5 pt).
    static let columnWidths: [Double] = [26, 10, 14, 16, 24, 52, 9, 15, 10]

    /// The trust workbook's sheet: every file's accounting and every issue.
    /// Without `pupil_level_in_trust`, UPNs are hidden here (privacy): the file and line still find the
    /// row, and each school's own workbook and data-quality.csv show it in full.
    public static func writeTrust(into workbook: Workbook, trust: String, log: ImportLog, showPupils: Bool = false,
                                  listPerCode: Int = 200) throws {
        let files = log.stats.map { s -> [CellValue] in
            // The dataset last, in the wide message column; the counts in the narrow ones.
            [.string(s.file), .number(Double(s.rowsRead)), .number(Double(s.rowsAccepted)),
             .number(Double(s.rowsRejected)), .number(Double(s.warnings)), .string(s.dataset)]
        }
        try write(into: workbook, title: "\(trust) — data quality",
                  note: "Rows read = accepted + rejected for every file. Rejected rows are not used; warnings are rows used with something to check. Fix issues in the export and re-run.",
                  fileHeader: ["File", "Rows read", "Accepted", "Rejected", "Warnings", "Dataset"], files: files,
                  issues: log.issues, listPerCode: listPerCode, hideUPNs: !showPupils)
    }

    /// A school workbook's sheet: only the issues about this school's rows.
    public static func writeSchool(into workbook: Workbook, school: School, issues allIssues: [DataQualityIssue],
                                   listPerCode: Int = 200) throws {
        let issues = allIssues.filter { $0.urn == school.urn }
        var order: [String] = []
        var counts: [String: (rejected: Int, warnings: Int)] = [:]
        for issue in issues {
            if counts[issue.file] == nil { order.append(issue.file) }
            var c = counts[issue.file] ?? (0, 0)
            if issue.severity == .rejected { c.rejected += 1 } else if issue.severity == .warning { c.warnings += 1 }
            counts[issue.file] = c
        }
        let files = order.map { f -> [CellValue] in
            [.string(f), .number(Double(counts[f]!.rejected)), .number(Double(counts[f]!.warnings))]
        }
        try write(into: workbook, title: "\(school.name) (URN \(school.urn)) — data quality",
                  note: "Only this school's rows. Rejected rows are not used in any figure; warnings are rows used with something to check. The trust workbook has every file's full accounting.",
                  fileHeader: ["File", "Rejected rows", "Warnings"], files: files, issues: issues, listPerCode: listPerCode)
    }

    static func write(into workbook: Workbook, title: String, note: String, fileHeader: [String],
                      files: [[CellValue]], issues allIssues: [DataQualityIssue], listPerCode: Int, hideUPNs: Bool = false) throws {
        // Only the rows the sheet lists are redacted (a marks file can give hundreds of thousands of issues).
        let shown = listed(allIssues, perCode: listPerCode)
        let issues = hideUPNs ? shown.map(withoutUPN) : shown
        let ws = try workbook.addWorksheet(sheetName)
        // Rejected rows quote the values they carried (UPNs, names): marked whenever there are any.
        ws.pupilLevel = !issues.isEmpty
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        // Laid out for one landscape page width at 8 pt or more (issue #20): the message wraps in one wide
        // column and rows grow to fit; the counts tables reuse the issue columns below the list.
        for (col, width) in columnWidths.enumerated() { try ws.setColumnWidth(col, col, width) }

        // Constant-memory sheets check ranges against rows not yet flushed: set these before writing.
        let lastIssueRow = headerRow + issues.count
        ws.freezePanes(row: headerRow + 1, col: 0)
        try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: max(lastIssueRow, headerRow + 1), lastCol: issueColumns.count - 1)
        try ws.repeatRows(first: headerRow, last: headerRow)
        let wrapped = CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top }
        try ws.merge(row: 0, firstCol: 0, lastCol: 8, title, .title)
        try ws.merge(row: 1, firstCol: 0, lastCol: 8, note + " Counts by file and by code are below the list.", wrapped)
        try ws.writeRow(headerRow, issueColumns.map(CellValue.string), from: 0, .header)
        let text = CellFormat(verticalAlign: .top, wrap: true)
        for (n, i) in issues.enumerated() {
            try ws.writeRow(headerRow + 1 + n, [.string(i.file), i.line.map { .number(Double($0)) } ?? .blank,
                                                .optionalString(i.column), .optionalString(i.value), .string(i.code.rawValue),
                                                .string(i.message), .optionalString(i.urn), .optionalString(i.upn),
                                                .string(i.severity.rawValue)], from: 0, text)
        }
        if issues.isEmpty { try ws.write(headerRow + 1, 0, .string("No issues found"), .note) }

        // The counts: every issue, not only the listed ones.
        var r = max(lastIssueRow, headerRow + 1) + 2
        try ws.write(r, 0, .string("Rows by file"), .sectionHeader)
        r += 1
        try ws.writeRow(r, fileHeader.map(CellValue.string), from: 0, .header)
        for file in files { r += 1; try ws.writeRow(r, file, from: 0, text) }
        if files.isEmpty { r += 1; try ws.write(r, 0, .string("No input files"), .note) }
        r += 2
        try ws.write(r, 0, .string("Issues by code"), .sectionHeader)
        r += 1
        try ws.writeRow(r, ["Code", "Rejected", "Warnings", "Information", "Total"].map(CellValue.string), from: 0, .header)
        var byCode: [IssueCode: [DataQualityIssue.Severity: Int]] = [:]
        for issue in allIssues { byCode[issue.code, default: [:]][issue.severity, default: 0] += 1 }
        for code in byCode.keys.sorted() {
            let c = byCode[code]!
            r += 1
            try ws.writeRow(r, [.string(code.rawValue), .number(Double(c[.rejected] ?? 0)), .number(Double(c[.warning] ?? 0)),
                                .number(Double((c[.info] ?? 0) + (c[.fatal] ?? 0))), .number(Double(c.values.reduce(0, +)))], from: 0)
        }
        if byCode.isEmpty { r += 1; try ws.write(r, 0, .string("No issues"), .note) }
    }

    /// The issues the sheet lists: of each file's issues with one code, the first `perCode` in full, then
    /// one row saying how many more there are. Nothing is dropped from the run: data-quality.csv lists
    /// every issue, and the counts below the list count every issue.
    static func listed(_ issues: [DataQualityIssue], perCode: Int) -> [DataQualityIssue] {
        struct Run: Hashable { let file: String; let code: IssueCode }
        var seen: [Run: Int] = [:]
        var order: [Run] = []
        var out: [DataQualityIssue] = []
        var last: [Run: DataQualityIssue] = [:]
        for issue in issues {
            let run = Run(file: issue.file, code: issue.code)
            let n = seen[run, default: 0] + 1
            seen[run] = n
            if n <= perCode { out.append(issue) } else if n == perCode + 1 { order.append(run) }
            last[run] = issue
        }
        for run in order {
            let more = seen[run]! - perCode
            let sample = last[run]!
            out.append(DataQualityIssue(
                file: run.file, line: nil, column: nil, value: "\(more) more", code: run.code,
                message: "\(seen[run]!) rows of \(run.file) have this problem (\(run.code.rawValue)); the first \(perCode) are listed here, the other \(more) \(more == 1 ? "is" : "are") in data-quality.csv, which lists every issue.",
                severity: sample.severity, urn: issues.allSatisfy { $0.urn == sample.urn } ? sample.urn : nil))
        }
        return out
    }

    static let hiddenUPN = "[UPN hidden]"

    /// The issue with its UPN taken out of every column, for trust-level sheets.
    static func withoutUPN(_ issue: DataQualityIssue) -> DataQualityIssue {
        var redacted = issue
        var upns = Set<String>()
        if let upn = issue.upn, !upn.isEmpty { upns.insert(upn) }
        // An invalid UPN in a UPN column is still a pupil identifier.
        if let column = issue.column, DatasetSchema.normalise(column).contains("upn"), let value = issue.value, !value.isEmpty {
            upns.insert(value)
        }
        for upn in upns {
            redacted.value = redacted.value?.replacingOccurrences(of: upn, with: hiddenUPN)
            redacted.message = redacted.message.replacingOccurrences(of: upn, with: hiddenUPN)
        }
        redacted.upn = issue.upn == nil ? nil : hiddenUPN
        return redacted
    }
}
