/// What a KS2 code means for the figures (`inputs/reference/ks2-codes.csv`, configurable data).
/// DfE KS2 performance tables technical guidance: A, B, H, J, Q, U (T) count in the denominator as not
/// meeting the standard; L and M are excluded; F and P are not in this year's cohort.
public struct KS2Code: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case test, writing }
    public enum CountsAs: String, Sendable, Hashable {
        case notMet = "not_met", expected, higher, excluded
        case notInCohort = "not_in_cohort"
    }

    public let code: String
    public let kind: Kind
    public let meaning: String
    public let inDenominator: Bool
    public let countsAs: CountsAs
    public let inAverage: Bool
    public let validFrom: AcademicYear?
    public let validTo: AcademicYear?

    public func isValid(in year: AcademicYear) -> Bool {
        (validFrom.map { year >= $0 } ?? true) && (validTo.map { year <= $0 } ?? true)
    }
}

/// The code table, looked up by subject kind, code and year. An unknown code is reported, never guessed.
public struct KS2CodeTable: Sendable {
    public let codes: [KS2Code]

    public init(_ codes: [KS2Code]) { self.codes = codes }

    public func code(_ text: String, kind: KS2Code.Kind, year: AcademicYear) -> KS2Code? {
        let t = text.uppercased()
        return codes.first { $0.kind == kind && $0.code.uppercased() == t && $0.isValid(in: year) }
    }

    public static let fileName = "ks2-codes.csv"

    public static let schema = DatasetSchema(dataset: "ks2-codes", columns: [
        ColumnSpec("code", required: true),
        ColumnSpec("subject_kind", required: true),
        ColumnSpec("meaning", required: true),
        ColumnSpec("in_denominator", required: true),
        ColumnSpec("counts_as", required: true),
        ColumnSpec("in_average", required: true),
        ColumnSpec("valid_from"),
        ColumnSpec("valid_to"),
        ColumnSpec("note"),
    ])

    public static func read(path: String, displayName: String) throws -> ImportOutcome<KS2Code> {
        try TableImporter(schema: schema, path: path, displayName: displayName).run { row in
            let kindText = try row.require("subject_kind")
            guard let kind = KS2Code.Kind(rawValue: kindText.lowercased()) else {
                throw row.reject("subject_kind", kindText, .unknownCode, "`\(kindText)` is not a subject kind; use test or writing.")
            }
            let countsText = try row.require("counts_as")
            guard let counts = KS2Code.CountsAs(rawValue: countsText.lowercased()) else {
                throw row.reject("counts_as", countsText, .unknownCode, "`\(countsText)` is not one of not_met, expected, higher, excluded, not_in_cohort.")
            }
            guard let inDenominator = try row.bool("in_denominator") else {
                throw row.reject("in_denominator", "", .missingValue, "`in_denominator` is empty.")
            }
            return KS2Code(code: try row.require("code"), kind: kind, meaning: try row.require("meaning"),
                           inDenominator: inDenominator, countsAs: counts, inAverage: try row.bool("in_average") ?? false,
                           validFrom: try row.academicYear("valid_from"), validTo: try row.academicYear("valid_to"))
        }
    }
}
