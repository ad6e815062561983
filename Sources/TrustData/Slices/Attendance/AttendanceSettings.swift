/// Settings of the `attendance:` block of a pipeline file. Every field has a default so the block may be
/// left out.
public struct AttendanceSettings: SliceSettings, Hashable {
    /// DfE persistent absence: a pupil who misses 10% or more of their own possible sessions
    /// (DfE "Pupil absence in schools in England" methodology). Percent, compared with ≥.
    public var persistentAbsenceThreshold: Double = 10
    /// DfE severe absence: 50% or more of possible sessions missed.
    public var severeAbsenceThreshold: Double = 50
    /// Attendance-marks files run to millions of rows: a systematic fault (every weekend, one bad code)
    /// gives millions of issues. The Data quality sheets list this many rows of each file and code in
    /// full, then one row with the count of the rest; data-quality.csv always lists every issue.
    public var maxIssuesPerCode: Int = 200

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AttendanceSettings() // the defaults, written once (above)
        persistentAbsenceThreshold = try c.decodeIfPresent(Double.self, forKey: .persistentAbsenceThreshold) ?? d.persistentAbsenceThreshold
        severeAbsenceThreshold = try c.decodeIfPresent(Double.self, forKey: .severeAbsenceThreshold) ?? d.severeAbsenceThreshold
        maxIssuesPerCode = try c.decodeIfPresent(Int.self, forKey: .maxIssuesPerCode) ?? d.maxIssuesPerCode
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case persistentAbsenceThreshold = "persistent_absence_threshold"
        case severeAbsenceThreshold = "severe_absence_threshold"
        case maxIssuesPerCode = "max_issues_per_code"
    }
}
