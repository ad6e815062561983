@testable import TrustData

// The README's worked example of adding a dataset ("Adding a dataset"), compiled and run by
// `ExampleSliceTests` so it cannot go stale. In the product it would be Sources/TrustData/Slices/EYFS/
// plus the line `EYFSSlice.self,` in SliceRegistry.all.

/// The EYFS profile: % of Reception pupils reaching a good level of development (GLD). DfE: a child
/// has a GLD when they reach the expected level in the early learning goals of the prime areas and of
/// literacy and mathematics; the export gives that as `gld` Y/N per pupil.
enum EYFSSlice: Slice {
    typealias Settings = EYFSSettings
    typealias Rows = EYFSRows
    typealias Index = [String: [EYFSRecord]]   // the records by URN, built once for every school
    typealias SchoolPart = EYFSReport
    typealias TrustPart = EYFSReport

    static let id = "eyfs"   // the pipeline's `inputs: eyfs:`, `eyfs:` block and column mapping
    static let measureDefinitions = [
        MeasureDefinition("eyfs.gld", "EYFS: % of pupils reaching a good level of development", unit: .percent,
                          numerator: "pupils at the expected level in the prime areas, literacy and mathematics",
                          denominator: "pupils assessed", source: "DfE EYFS profile: good level of development."),
    ]

    static var schemas: [DatasetSchema] { [schema] }   // `inputs: eyfs:`, `column_mappings: eyfs:`
    static let schema = DatasetSchema(dataset: id, columns: [
        ColumnSpec("academic_year", aliases: ["Year"], required: true),
        ColumnSpec("urn", aliases: ["School URN"], required: true),
        ColumnSpec("upn", aliases: ["UPN"], required: true),
        ColumnSpec("gld", aliases: ["GLD", "Good Level of Development"], required: true),
    ])

    static func read(_ inputs: SliceInputs<EYFSSlice>) throws -> (EYFSRows, ImportLog)? {
        guard !inputs.isEmpty else { return nil }
        var log = ImportLog()
        var records: [EYFSRecord] = []
        for path in inputs.paths(id) {
            records += log.take(try TableImporter(schema: schema, path: inputs.resolve(path), displayName: path,
                                                  options: inputs.options(id, path: path)).run { row in
                let year = try row.requiredAcademicYear("academic_year")
                let urn = try row.urn()
                guard inputs.register.contains(urn) else {
                    throw row.reject("urn", urn, .unknownSchool, "URN \(urn) is not in the school register.")
                }
                guard let gld = try row.bool("gld") else { throw row.reject("gld", nil, .missingValue, "`gld` is empty; use Y or N.") }
                return EYFSRecord(year: year, urn: urn, upn: try row.upn().value, gld: gld)
            })
        }
        return (EYFSRows(records: records), log)
    }

    static func index(_ rows: EYFSRows, context: AnalysisContext) -> [String: [EYFSRecord]] {
        Dictionary(grouping: rows.records, by: \.urn)
    }

    static func school(_ school: School, index: [String: [EYFSRecord]], context: AnalysisContext) -> EYFSReport {
        EYFSReport(measures: gld(index[school.urn] ?? [], school: school, context: context))
    }

    /// The trust pools every pupil (never an average of school percentages).
    static func trust(_ index: [String: [EYFSRecord]], schools: [EYFSReport], context: AnalysisContext) -> EYFSReport {
        EYFSReport(measures: gld(index.values.flatMap { $0 }, school: nil, context: context))
    }

    static func gld(_ records: [EYFSRecord], school: School?, context: AnalysisContext) -> [MeasureRow] {
        let year = records.filter { $0.year == context.year }
        return [context.measure("eyfs.gld", year: context.year, school: school,
                                proportion: Proportion(year.filter(\.gld).count, of: year.count))]
    }

    static func writeSchoolSheets(_ part: EYFSReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        let ws = try workbook.addWorksheet("EYFS")
        try ws.write(0, 0, .string("EYFS — \(school.school.name) — \(context.year)"), .title)
        try ws.writeRow(2, [.string("Measure"), .string("% good level of development"), .string("National")], from: 0, .header)
        let gld = part.measures.first
        try ws.write(3, 0, .string("Good level of development"))
        try ws.write(3, 1, .optionalPercent(gld?.value), .percent)
        try ws.write(3, 2, .optionalPercent(gld?.national), .percent)
    }
}

/// The `eyfs:` block of the pipeline file (none of its own yet; every slice has one).
struct EYFSSettings: SliceSettings {
    static let keys: [String] = []
    init() {}
}

struct EYFSRecord: Sendable {
    var year: AcademicYear
    var urn: String
    var upn: String
    var gld: Bool
}

struct EYFSRows: Sendable, Pseudonymisable {
    var records: [EYFSRecord]

    /// Pupil rows: the compiler will not accept the slice until they can be pseudonymised.
    func pseudonymised(by p: Pseudonymiser) -> EYFSRows {
        EYFSRows(records: records.map { EYFSRecord(year: $0.year, urn: $0.urn, upn: p.upn($0.upn), gld: $0.gld) })
    }
}

struct EYFSReport: SliceReport {
    var measures: [MeasureRow]
}
