/// The school register, `schools.csv`: `urn,school_name,la_name,phase,capacity` (optional `joined_trust`,
/// and `laestab`, the DfE number, for exports that name schools by it).
public enum SchoolsImporter {
    public static let schema = DatasetSchema(dataset: "schools", columns: [
        ColumnSpec("urn", aliases: ["School URN", "URN", "Establishment URN"], required: true, meaning: "six-digit DfE URN"),
        ColumnSpec("school_name", aliases: ["School Name", "Name", "Establishment Name", "SCHNAME", "School"], required: true),
        ColumnSpec("la_name", aliases: ["LA", "LA Name", "Local Authority", "LANAME", "LA (name)"], required: true),
        ColumnSpec("phase", aliases: ["Phase", "Phase of Education", "Phase of Education (name)"]),
        ColumnSpec("capacity", aliases: ["School Capacity", "Capacity"]),
        ColumnSpec("joined_trust", aliases: ["Joined Trust", "Join Date", "Date Joined"]),
        ColumnSpec("laestab", aliases: ["LAESTAB", "DfE Number", "DfE No", "LA/ESTAB", "DfE Establishment Number"],
                   meaning: "the DfE number, 881/2345 or 8812345: lets exports that name schools by it be read"),
    ])

    public static func read(path: String, displayName: String, options: FileOptions = [:]) throws -> ImportOutcome<School> {
        var seen: Set<String> = []
        var seenLAESTAB: [String: String] = [:]
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let urn = try row.urn()
            guard seen.insert(urn).inserted else {
                throw row.reject("urn", urn, .duplicateKey, "URN \(urn) is listed twice in the register; keep one row per school.")
            }
            var laestab: String?
            if let text = row.text("laestab") {
                guard let digits = LAESTAB.digits(text) else {
                    throw row.reject("laestab", text, .invalidNumber, "`\(text)` is not a DfE number (LAESTAB): three digits for the LA and four for the school, e.g. 881/2345 or 8812345.")
                }
                if let other = seenLAESTAB[digits] {
                    throw row.reject("laestab", text, .duplicateKey, "DfE number \(LAESTAB.display(digits)) is given to URN \(other) too; each school has its own.")
                }
                seenLAESTAB[digits] = urn
                laestab = digits
            }
            return School(
                urn: urn,
                name: try row.require("school_name"),
                laName: try row.require("la_name"),
                phase: row.text("phase") ?? "Primary",
                capacity: try row.integer("capacity", in: 1...10_000),
                joinedTrust: try row.date("joined_trust"),
                laestab: laestab)
        }
    }
}
