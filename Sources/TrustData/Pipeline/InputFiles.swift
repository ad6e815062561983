/// One or several files for a dataset: a pipeline may write `ks2: a.csv` or `ks2: [2024.csv, 2025.csv]`.
public struct FileList: Codable, Sendable, Hashable {
    public var paths: [String]

    public init(_ paths: [String]) { self.paths = paths }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            paths = [one]
        } else {
            paths = try container.decode([String].self)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(paths)
    }
}

/// Which input files a pipeline reads. Relative paths resolve against the pipeline's `root`.
public struct InputFiles: Codable, Sendable, Hashable {
    /// The school register: `urn,school_name,la_name,phase,capacity` (required).
    public var schools: String
    /// The pupil roster as at census.
    public var pupils: FileList?
    public var ks2: FileList?
    public var phonics: FileList?
    public var attendanceSummary: FileList?
    public var attendanceMarks: FileList?
    public var finance: FileList?
    public var budgetMonitoring: FileList?
    public var targets: FileList?
    /// A folder holding `national.csv` and `la.csv` in the benchmark format.
    public var benchmarks: String?
    /// A DfE performance-tables KS2 download (`england_ks2final.csv`), used for national and LA rows.
    public var performanceTables: FileList?
    /// The folder of code tables (`ks2-codes.csv`, `phonics-codes.csv`, `attendance-codes.csv`, …).
    public var reference: String?

    public init(schools: String) { self.schools = schools }

    enum CodingKeys: String, CodingKey {
        case schools, pupils, ks2, phonics, finance, targets, benchmarks, reference
        case attendanceSummary = "attendance_summary"
        case attendanceMarks = "attendance_marks"
        case budgetMonitoring = "budget_monitoring"
        case performanceTables = "performance_tables"
    }
}
