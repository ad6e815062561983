import Foundation

/// The phonics outcome codes (`phonics-codes.csv`) and the pass mark per year (`phonics-thresholds.csv`).
/// STA phonics screening check ARA: `Wa` met, `Wt` not met. DfE's denominator is every pupil with a valid
/// outcome — Wa, Wt, A (absent), D (disapplied) and Q (maladministration): A, D and Q count as not meeting
/// the standard, so the figure covers all six-year-olds (DfE phonics screening check methodology); only
/// L (left) and pupils with no outcome are left out. A/D/L/Q are also counted separately. The threshold
/// has been 32 every year since 2012, but it is data.
public struct PhonicsCodeTable: Sendable {
    public enum CountsAs: String, Sendable, Hashable {
        case met, notMet = "not_met", excluded
        /// In the denominator as not meeting the standard, and counted separately (A, D, Q).
        case notMetCounted = "not_met_counted"
    }

    public struct Code: Sendable, Hashable {
        public let code: String
        public let meaning: String
        public let countsAs: CountsAs
    }

    public let codes: [String: Code]
    public let thresholds: [AcademicYear: Int]

    public init(codes: [Code], thresholds: [AcademicYear: Int]) {
        self.codes = Dictionary(codes.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        self.thresholds = thresholds
    }

    /// Codes match case-insensitively: MIS exports write `WA`, `wa` and `Wa`.
    public func code(_ text: String) -> Code? { codes[text.lowercased()] }
    public func threshold(_ year: AcademicYear) -> Int? { thresholds[year] }
    /// The codes counted separately (A, D, L, Q), sorted: both those out of the denominator and those in it
    /// as not met.
    public var excludedCodes: [Code] { codes.values.filter { $0.countsAs == .excluded || $0.countsAs == .notMetCounted }.sorted { $0.code < $1.code } }

    static let codesSchema = DatasetSchema(dataset: "phonics-codes", columns: [
        ColumnSpec("code", required: true), ColumnSpec("meaning"), ColumnSpec("counts_as", required: true),
    ])
    static let thresholdsSchema = DatasetSchema(dataset: "phonics-thresholds", columns: [
        ColumnSpec("academic_year", required: true), ColumnSpec("threshold", required: true), ColumnSpec("source"),
    ])

    /// Reads both files from the reference folder, recording their accounting in `log`.
    public static func load(folder: String, displayFolder: String, log: inout ImportLog) throws -> PhonicsCodeTable {
        let codesDisplay = (displayFolder as NSString).appendingPathComponent("phonics-codes.csv")
        let codes = log.take(try TableImporter(schema: codesSchema, path: (folder as NSString).appendingPathComponent("phonics-codes.csv"),
                                               displayName: codesDisplay).run { row -> Code? in
            let code = try row.require("code")
            let countsText = try row.require("counts_as")
            guard let counts = CountsAs(rawValue: countsText.lowercased()) else {
                throw row.reject("counts_as", countsText, .unknownCode, "`\(countsText)` is not met, not_met, not_met_counted or excluded.")
            }
            return Code(code: code, meaning: row.text("meaning") ?? code, countsAs: counts)
        })
        let thresholdsDisplay = (displayFolder as NSString).appendingPathComponent("phonics-thresholds.csv")
        let rows = log.take(try TableImporter(schema: thresholdsSchema, path: (folder as NSString).appendingPathComponent("phonics-thresholds.csv"),
                                              displayName: thresholdsDisplay).run { row -> (AcademicYear, Int)? in
            guard let threshold = try row.integer("threshold", in: 0...40) else {
                throw row.reject("threshold", "", .missingValue, "Every year needs a threshold (the pass mark out of 40).")
            }
            return (try row.requiredAcademicYear("academic_year"), threshold)
        })
        return PhonicsCodeTable(codes: codes, thresholds: Dictionary(rows, uniquingKeysWith: { a, _ in a }))
    }
}
