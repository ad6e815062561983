/// The trust's own targets (`targets.csv`): `year,urn,measure,group,target`.
public enum TargetsImporter {
    public static let schema = DatasetSchema(dataset: "targets", columns: [
        ColumnSpec("year", aliases: ["Academic Year"], required: true),
        ColumnSpec("urn", aliases: ["School URN"], required: true),
        ColumnSpec("measure", aliases: ["Measure", "Measure ID"], required: true),
        ColumnSpec("group", aliases: ["Group", "Pupil Group"]),
        ColumnSpec("target", aliases: ["Target", "Value"], required: true),
    ])

    public static func read(path: String, displayName: String, overrides: [String: String] = [:]) throws -> ImportOutcome<Target> {
        try TableImporter(schema: schema, path: path, displayName: displayName, overrides: overrides).run { row in
            let year = try row.requiredAcademicYear("year")
            let urnText = try row.require("urn")
            let urn = urnText.uppercased() == MeasureRow.trustURN ? MeasureRow.trustURN : try row.urn()
            let measure = try row.require("measure")
            guard MeasureCatalog.isKnown(measure) else {
                throw row.reject("measure", measure, .unknownCode, "`\(measure)` is not a measure id; \(MeasureCatalog.suggestion(for: measure)).")
            }
            let group = row.text("group") ?? "all"
            guard PupilGroup(rawValue: group) != nil else {
                throw row.reject("group", group, .unknownCode, "`\(group)` is not a group id; use one of \(PupilGroup.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return Target(year: year, urn: urn, measure: measure, group: group, value: try row.requiredDecimal("target"))
        }
    }
}
