/// The school register, `schools.csv`: `urn,school_name,la_name,phase,capacity` (optional `joined_trust`).
public enum SchoolsImporter {
    public static let schema = DatasetSchema(dataset: "schools", columns: [
        ColumnSpec("urn", aliases: ["School URN", "URN", "Establishment URN"], required: true, meaning: "six-digit DfE URN"),
        ColumnSpec("school_name", aliases: ["School Name", "Name", "Establishment Name", "SCHNAME", "School"], required: true),
        ColumnSpec("la_name", aliases: ["LA", "LA Name", "Local Authority", "LANAME", "LA (name)"], required: true),
        ColumnSpec("phase", aliases: ["Phase", "Phase of Education", "Phase of Education (name)"]),
        ColumnSpec("capacity", aliases: ["School Capacity", "Capacity"]),
        ColumnSpec("joined_trust", aliases: ["Joined Trust", "Join Date", "Date Joined"]),
    ])

    public static func read(path: String, displayName: String, overrides: [String: String] = [:]) throws -> ImportOutcome<School> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, overrides: overrides).run { row in
            let urn = try row.urn()
            guard seen.insert(urn).inserted else {
                throw row.reject("urn", urn, .duplicateKey, "URN \(urn) is listed twice in the register; keep one row per school.")
            }
            return School(
                urn: urn,
                name: try row.require("school_name"),
                laName: try row.require("la_name"),
                phase: row.text("phase") ?? "Primary",
                capacity: try row.integer("capacity", in: 1...10_000),
                joinedTrust: try row.date("joined_trust"))
        }
    }
}
