/// National and LA comparison figures in the project's own format (`inputs/benchmarks/national.csv`,
/// `la.csv`): `year,area,measure,group,value,source`. Every row must name its source.
public enum BenchmarkImporter {
    public static let schema = DatasetSchema(dataset: "benchmarks", columns: [
        ColumnSpec("year", aliases: ["Academic Year", "time_period"], required: true),
        ColumnSpec("area", aliases: ["Area", "LA", "la_name"], required: true),
        ColumnSpec("measure", required: true),
        ColumnSpec("group", aliases: ["breakdown"]),
        ColumnSpec("value", required: true),
        ColumnSpec("source", required: true),
        ColumnSpec("basis"),
        ColumnSpec("period"),
    ])

    public static func read(path: String, displayName: String, level: BenchmarkFigure.Level) throws -> ImportOutcome<BenchmarkFigure> {
        try TableImporter(schema: schema, path: path, displayName: displayName).run { row in
            let year = try row.requiredAcademicYear("year")
            let measure = try row.require("measure")
            guard MeasureCatalog.isKnown(measure) else {
                throw row.reject("measure", measure, .unknownCode, "`\(measure)` is not a measure id; \(MeasureCatalog.suggestion(for: measure)).")
            }
            let group = row.text("group") ?? "all"
            guard PupilGroup(rawValue: group) != nil else {
                throw row.reject("group", group, .unknownCode, "`\(group)` is not a group id.")
            }
            let source = try row.require("source")
            guard let value = try row.decimal("value") else {
                throw row.reject("value", "", .missingValue, "A benchmark row needs a value; leave unknown figures out of the file instead.")
            }
            var basis: BenchmarkBasis?
            if let text = row.text("basis") {
                guard let b = BenchmarkBasis(rawValue: text) else {
                    throw row.reject("basis", text, .unknownCode, "`\(text)` is not a basis; use \(BenchmarkBasis.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                basis = b
            }
            let period = row.text("period") ?? BenchmarkPeriod.fullYear
            guard BenchmarkPeriod.isValid(period) else {
                throw row.reject("period", period, .unknownCode, "`\(period)` is not a period; leave it empty for a full year, or use \(BenchmarkPeriod.autumnTerm) or to_<yyyy-mm-dd> (year to date).")
            }
            return BenchmarkFigure(year: year, level: level, area: try row.require("area"), measure: measure,
                                   group: group, value: value, source: source, basis: basis, period: period)
        }
    }
}
