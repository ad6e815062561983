/// The trust's own targets (`targets.csv`): `year,urn,measure,group,target`.
public enum TargetsImporter {
    public static let schema = DatasetSchema(dataset: "targets", columns: [
        ColumnSpec("year", aliases: ["Academic Year"], required: true),
        ColumnSpec("urn", aliases: ["School URN"], required: true),
        ColumnSpec("measure", aliases: ["Measure", "Measure ID"], required: true),
        ColumnSpec("group", aliases: ["Group", "Pupil Group"]),
        ColumnSpec("target", aliases: ["Target", "Value"], required: true),
    ])

    public static func read(path: String, displayName: String, options: FileOptions = [:]) throws -> ImportOutcome<Target> {
        var seen: [Target.Key: (value: Double, line: Int)] = [:]
        return try read(path: path, displayName: displayName, options: options, seen: &seen)
    }

    /// `seen` carries the targets of earlier files, so a conflict across two targets files is found too.
    /// Two different targets for the same school, measure, group and year: the first is used and the
    /// second is kept out with a warning (the same value twice is harmless and passes).
    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            seen: inout [Target.Key: (value: Double, line: Int)]) throws -> ImportOutcome<Target> {
        var seenHere = seen
        defer { seen = seenHere }
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row -> Target? in
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
            let target = Target(year: year, urn: urn, measure: measure, group: group, value: try row.requiredDecimal("target"))
            if let first = seenHere[target.key] {
                if first.value != target.value {
                    row.warn("target", CSVText.number(target.value), .conflictingTargets,
                             "\(year) \(measure) (\(group)) for \(urn) already has the target \(CSVText.number(first.value)) (line \(first.line)); this \(CSVText.number(target.value)) conflicts with it and is not used. Keep one target per school, measure, group and year.")
                }
                return nil
            }
            seenHere[target.key] = (target.value, row.line)
            return target
        }
    }
}
