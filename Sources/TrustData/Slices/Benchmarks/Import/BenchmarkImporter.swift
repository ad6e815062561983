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
            return BenchmarkFigure(year: year, level: level, area: try row.require("area"), measure: measure,
                                   group: group, value: value, source: source)
        }
    }
}
