import Foundation

/// The columns a file gets from its pipeline entry rather than from its own cells: each fixed value
/// the file has no column for is a column of its own after the file's last (so messages name it
/// `urn (fixed in the pipeline)`); a fixed value for a column the file does have fills that column's
/// blank cells only (the file's own values win). A file naming schools by DfE number (LAESTAB) instead
/// of URN gets a `urn (from LAESTAB)` column looked up in the register, row by row.
///
/// Every row handed to a dataset's parser is the file's row widened this way, so every dataset, every
/// column and both row paths (`RowParser` and the byte-level handlers) see fixed values as cells.
struct FixedColumns {
    /// Headings the file itself has.
    let width: Int
    /// The bytes of each fixed column added after the file's own.
    let appended: [[UInt8]]
    /// File columns whose blank cells take a fixed value.
    let fills: [(position: Int, value: [UInt8])]
    /// The file's LAESTAB column when the URN is looked up from it (the looked-up URN goes last).
    let laestabColumn: Int?
    let laestabHeading: String
    let laestab: [String: String]
    /// The widened row, rebuilt in place for each row.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Headings DfE and MIS exports give the LAESTAB (normalised as `DatasetSchema.normalise` does).
    static let laestabHeadings = ["laestab", "dfenumber", "dfeno", "dfeestablishmentnumber", "laestabnumber", "dfenumberlaestab"]

    /// What a header with `options` becomes: the headings to resolve (the file's, then the added
    /// columns'), the column mappings pointing the schema's columns at them, the widening plan (nil when
    /// nothing is fixed or looked up) and the notices about fixed values the file also has columns for.
    static func plan(header: [String], schema: DatasetSchema, options: FileOptions, path: String)
        throws -> (header: [String], overrides: [String: String], columns: FixedColumns?, issues: [DataQualityIssue]) {
        var fixed = options.fixed
        guard !fixed.isEmpty || (schema.column("urn") != nil && !options.laestab.isEmpty) else {
            return (header, options.overrides, nil, [])
        }
        let normalised = header.map(DatasetSchema.normalise)
        func position(_ column: String) -> Int? {
            if let heading = options.overrides[column] { return normalised.firstIndex(of: DatasetSchema.normalise(heading)) }
            guard let spec = schema.column(column) else { return nil }
            let names = ([spec.name] + spec.aliases).map(DatasetSchema.normalise)
            return names.lazy.compactMap { normalised.firstIndex(of: $0) }.first
        }
        // A fixed LAESTAB names the school: it stands for that school's URN.
        if let number = fixed.removeValue(forKey: "laestab"), fixed["urn"] == nil {
            guard let digits = LAESTAB.digits(number) else {
                throw ImportError.invalidFixedValue(dataset: schema.dataset, path: path, column: "laestab", value: number,
                                                    reason: "a LAESTAB is the three-digit LA number and the four-digit establishment number, e.g. 881/2345")
            }
            guard let urn = options.laestab[digits] else {
                throw ImportError.invalidFixedValue(dataset: schema.dataset, path: path, column: "laestab", value: number,
                                                    reason: options.laestab.isEmpty ? "the school register (schools.csv) has no `laestab` column to look it up in; add one, or give `urn:` instead"
                                                                                      : "no school in the register (schools.csv) has that LAESTAB; check the number or give `urn:` instead")
            }
            fixed["urn"] = urn
        }
        var headings = header
        var overrides = options.overrides
        var appended: [[UInt8]] = []
        var fills: [(Int, [UInt8])] = []
        var issues: [DataQualityIssue] = []
        for column in fixed.keys.sorted() {
            let value = fixed[column]!
            guard schema.column(column) != nil else {
                throw ImportError.invalidFixedValue(dataset: schema.dataset, path: path, column: column, value: value,
                                                    reason: "\(schema.dataset) files have no such column; known columns are \(schema.columns.map(\.name).joined(separator: ", "))")
            }
            if let i = position(column) {
                fills.append((i, Array(value.utf8)))
                issues.append(DataQualityIssue(
                    file: path, line: 1, column: header[i], value: value, code: .fixedValueInFile,
                    message: "The file has its own `\(header[i])` column, so the pipeline's `\(column): \(value)` is used only where that column is blank; the file's own values win.",
                    severity: .info))
            } else {
                let heading = "\(column) (fixed in the pipeline)"
                headings.append(heading)
                overrides[column] = heading
                appended.append(Array(value.utf8))
            }
        }
        var laestabColumn: Int?
        var laestabHeading = ""
        if schema.column("urn") != nil, fixed["urn"] == nil, position("urn") == nil,
           let i = normalised.firstIndex(where: laestabHeadings.contains) {
            guard !options.laestab.isEmpty else {
                throw ImportError.invalidFixedValue(dataset: schema.dataset, path: path, column: header[i], value: "",
                                                    reason: "the file names schools by DfE number (LAESTAB) but the school register (schools.csv) has no `laestab` column to find their URNs; add one")
            }
            laestabColumn = i
            laestabHeading = header[i]
            let heading = "urn (from \(header[i]))"
            headings.append(heading)
            overrides["urn"] = heading
        }
        guard !appended.isEmpty || !fills.isEmpty || laestabColumn != nil else { return (header, options.overrides, nil, issues) }
        let columns = FixedColumns(width: header.count, appended: appended, fills: fills, laestabColumn: laestabColumn,
                                   laestabHeading: laestabHeading, laestab: options.laestab)
        return (headings, overrides, columns, issues)
    }

    /// Hands `body` the row widened with the fixed columns; returns the rejection instead when the row's
    /// LAESTAB is not a school of the register.
    mutating func widen<R>(_ row: CSVRawRow, _ body: (CSVRawRow) throws -> R) throws -> Result<R, RowRejection> {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for i in 0 ..< width {
            let field = row.field(i)
            if let fill = fills.first(where: { $0.position == i }), ValueParsers.trimmedASCII(field).isEmpty {
                bytes += fill.value
            } else {
                bytes.append(contentsOf: field)
            }
            ends.append(bytes.count)
        }
        for value in appended {
            bytes += value
            ends.append(bytes.count)
        }
        if let column = laestabColumn {
            let raw = row[column].trimmingCharacters(in: .whitespaces)
            guard let digits = LAESTAB.digits(raw) else {
                return .failure(RowRejection(column: laestabHeading, value: raw, code: raw.isEmpty ? .missingValue : .invalidURN,
                                             message: raw.isEmpty ? "`\(laestabHeading)` is empty; the file has no URN column, so every row needs the school's DfE number (LAESTAB)."
                                                                  : "`\(raw)` is not a DfE number (LAESTAB): three digits for the LA and four for the school, e.g. 881/2345."))
            }
            guard let urn = laestab[digits] else {
                return .failure(RowRejection(column: laestabHeading, value: raw, code: .unknownSchool,
                                             message: "No school in the register (schools.csv) has the DfE number \(LAESTAB.display(digits)); add its `laestab` there or correct the number."))
            }
            bytes += Array(urn.utf8)
            ends.append(bytes.count)
        }
        return .success(try bytes.withUnsafeBufferPointer { b in
            try ends.withUnsafeBufferPointer { e in
                try body(CSVRawRow(line: row.line, byteOffset: row.byteOffset, bytes: b, ends: e))
            }
        })
    }
}
