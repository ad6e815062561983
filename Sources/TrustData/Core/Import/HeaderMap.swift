/// Where each canonical column of a schema sits in one particular file.
public struct HeaderMap: Sendable {
    public let headers: [String]
    /// The mapped columns' names and positions, searched in turn by `nameKey` (then compared in full):
    /// a schema has a few dozen columns at most, and this is cheaper than hashing the name, which every
    /// cell of every row did.
    private let names: [String]
    private let keys: [UInt64]
    private let positions: [Int]
    /// The worksheet the headings are on, when the file is a workbook (positions then carry it).
    public private(set) var sheet: String?
    /// How many of `headers` are the sheet's own columns (the rest are fixed by the pipeline entry).
    private var sheetColumns = 0
    /// The line (a workbook's row) the headings are on: 1 unless title rows stand above them.
    public private(set) var line = 1

    public init(headers: [String], positions: [String: Int]) {
        self.headers = headers
        let mapped = positions.sorted { $0.key < $1.key }
        names = mapped.map(\.key)
        keys = names.map(HeaderMap.nameKey)
        self.positions = mapped.map(\.value)
    }

    /// A name's UTF-8 length and first seven bytes in one word: different words, different names.
    @inline(__always)
    static func nameKey(_ name: String) -> UInt64 {
        let utf8 = name.utf8
        let fast = utf8.withContiguousStorageIfAvailable { b -> UInt64 in
            var key = UInt64(truncatingIfNeeded: b.count) << 56
            for i in 0 ..< min(7, b.count) { key |= UInt64(b[i]) << (8 * UInt64(i)) }
            return key
        }
        if let fast { return fast }
        var key = UInt64(truncatingIfNeeded: utf8.count) << 56
        for (i, b) in utf8.prefix(7).enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
        return key
    }

    public func index(of column: String) -> Int? {
        let key = HeaderMap.nameKey(column)
        for i in keys.indices where keys[i] == key && names[i] == column { return positions[i] }
        return nil
    }

    public func has(_ column: String) -> Bool { index(of: column) != nil }
    /// The heading as the file wrote it, for messages that point the user at their own export.
    public func heading(of column: String) -> String {
        index(of: column).map { headers[$0] } ?? column
    }

    /// Where a column is, for an issue's `column`: its heading in a CSV file; in a workbook the heading
    /// with its sheet and column letter, `Reading (sheet Results, column C)`, as Excel labels it.
    public func position(of column: String) -> String {
        guard let sheet else { return heading(of: column) }
        guard let i = index(of: column) else { return "\(column) (sheet \(sheet))" }
        // A column the pipeline entry fixes is not in the sheet: its heading alone.
        guard i < sheetColumns else { return headers[i] }
        return "\(headers[i]) (sheet \(sheet), column \(XLSXReader.columnLetters(i)))"
    }

    /// This map with its columns on worksheet `sheet` (nil for CSV), its headings on `line`.
    func inSheet(_ sheet: String?, columns: Int, line: Int = 1) -> HeaderMap {
        var map = self
        map.sheet = sheet
        map.sheetColumns = columns
        map.line = line
        return map
    }

    /// Matches a header row against a schema. `overrides` (from the pipeline's `column_mappings`) name
    /// the exact heading to use for a canonical column and win over the built-in aliases.
    /// Returns the map plus warnings for duplicate headings; throws when a required column is missing.
    public static func resolve(header: [String], schema: DatasetSchema, overrides: [String: String] = [:],
                               path: String) throws -> (HeaderMap, [DataQualityIssue]) {
        let normalised = header.map(DatasetSchema.normalise)
        var positions: [String: Int] = [:]
        var issues: [DataQualityIssue] = []
        for (canonical, heading) in overrides {
            guard schema.column(canonical) != nil else {
                throw ImportError.invalidMapping(dataset: schema.dataset, column: canonical,
                                                 reason: "no such column; known columns are \(schema.columns.map(\.name).joined(separator: ", "))")
            }
            guard let i = normalised.firstIndex(of: DatasetSchema.normalise(heading)) else {
                throw ImportError.invalidMapping(dataset: schema.dataset, column: canonical,
                                                 reason: "the heading `\(heading)` is not in \(path)")
            }
            positions[canonical] = i
        }
        for column in schema.columns where positions[column.name] == nil {
            let names = ([column.name] + column.aliases).map(DatasetSchema.normalise)
            let matches = normalised.indices.filter { names.contains(normalised[$0]) }
            // Prefer the canonical name, then aliases in the order listed (the most specific first).
            let ranked = matches.sorted { (names.firstIndex(of: normalised[$0])!, $0) < (names.firstIndex(of: normalised[$1])!, $1) }
            guard let first = ranked.first else { continue }
            positions[column.name] = first
            for other in ranked.dropFirst() where normalised[other] == normalised[first] {
                issues.append(DataQualityIssue(
                    file: path, line: 1, column: header[other], value: header[other], code: .duplicateColumn,
                    message: "The heading `\(header[other])` appears more than once; column \(first + 1) is used and column \(other + 1) ignored.",
                    severity: .warning))
            }
        }
        let missing = schema.columns.filter { $0.required && positions[$0.name] == nil }.map(\.name)
        if !missing.isEmpty {
            var closest: [String: String] = [:]
            // Headings other columns use, or named as another column (a second `UPN` beside the first),
            // can never be the one the user meant for a missing column.
            var taken = Set(positions.values)
            for column in schema.columns where positions[column.name] != nil {
                let names = Set(([column.name] + column.aliases).map(DatasetSchema.normalise))
                for i in normalised.indices where names.contains(normalised[i]) { taken.insert(i) }
            }
            for name in missing {
                if let hint = HeadingHint.closest(to: schema.column(name)!, header: header, taken: taken) { closest[name] = hint }
            }
            throw ImportError.missingColumns(dataset: schema.dataset, path: path, missing: missing, found: header, closest: closest)
        }
        return (HeaderMap(headers: header, positions: positions), issues)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
