import Foundation

/// A reference code table (`code,meaning,counts_as`, a CSV in the pipeline's reference folder) for the
/// slices whose export codes say how a row counts: EYFS outcomes, multiplication-check reasons for not
/// taking part, exclusion categories and reasons. Codes are data, edited when DfE or STA change them;
/// a code not in the table is reported by the importer, never guessed.
public struct CodeTable<CountsAs: RawRepresentable & Sendable & Hashable>: Sendable where CountsAs.RawValue == String {
    public struct Code: Sendable, Hashable {
        public let code: String
        public let meaning: String
        public let countsAs: CountsAs
    }

    /// The file's name in the reference folder (`eyfs-outcomes.csv`), for messages.
    public let file: String
    private let byText: [String: Code]
    /// Every code in file order.
    public let codes: [Code]

    public init(file: String, codes: [Code]) {
        self.file = file
        self.codes = codes
        byText = Dictionary(codes.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Codes match case-insensitively and on their meaning too (`A` or `Absent`): exports write either.
    public func code(_ text: String) -> Code? {
        let key = text.lowercased()
        return byText[key] ?? codes.first { $0.meaning.lowercased() == key }
    }

    /// The codes a row may use, for the message naming an unknown one.
    public var listed: String { codes.map(\.code).joined(separator: ", ") }

    /// Reads `file` from the reference folder, its rows accounted in `log` like any input.
    public static func load(_ file: String, folder: String, displayFolder: String, log: inout ImportLog) throws -> CodeTable {
        let schema = DatasetSchema(dataset: (file as NSString).deletingPathExtension, columns: [
            ColumnSpec("code", required: true), ColumnSpec("meaning"), ColumnSpec("counts_as", required: true),
        ])
        let display = (displayFolder as NSString).appendingPathComponent(file)
        let codes = log.take(try TableImporter(schema: schema, path: (folder as NSString).appendingPathComponent(file),
                                               displayName: display).run { row -> Code? in
            let code = try row.require("code")
            let countsText = try row.require("counts_as")
            guard let counts = CountsAs(rawValue: countsText.lowercased()) else {
                throw row.reject("counts_as", countsText, .unknownCode, "`\(countsText)` is not a `counts_as` value this table uses.")
            }
            return Code(code: code, meaning: row.text("meaning") ?? code, countsAs: counts)
        })
        return CodeTable(file: file, codes: codes)
    }
}
