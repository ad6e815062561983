/// One or several files for a dataset: a pipeline may write `ks2: a.csv`, `ks2: [2024.csv, 2025.csv]`,
/// or a list of entries with fixed values for what each file lacks (`InputEntry`).
public struct FileList: Codable, Sendable, Hashable {
    public var entries: [InputEntry]

    /// The paths as written in the pipeline file.
    public var paths: [String] { entries.map(\.path) }

    public init(_ paths: [String]) { entries = paths.map { InputEntry(path: $0) } }

    public init(entries: [InputEntry]) { self.entries = entries }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            entries = [InputEntry(path: one)]
        } else {
            entries = try container.decode([InputEntry].self)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}

/// Which input files a pipeline reads. Relative paths resolve against the pipeline's `root`. The
/// register, roster, targets, benchmarks and code tables are shared by every slice; each slice's own
/// files are under its input keys (`SliceRegistry.inputKeys`).
public struct InputFiles: Codable, Sendable, Hashable {
    /// The school register: `urn,school_name,la_name,phase,capacity` (required).
    public var schools: String
    /// The pupil roster as at census.
    public var pupils: FileList?
    public var targets: FileList?
    /// A folder holding `national.csv` and `la.csv` in the benchmark format.
    public var benchmarks: String?
    /// A DfE performance-tables KS2 download (`england_ks2final.csv`), used for national and LA rows.
    public var performanceTables: FileList?
    /// The folder of code tables (`ks2-codes.csv`, `phonics-codes.csv`, `attendance-codes.csv`, …).
    public var reference: String?
    /// Each slice's files, by input key (`ks2`, `attendance_marks`, …).
    public var sliceFiles: [String: FileList] = [:]

    public init(schools: String) { self.schools = schools }

    /// The files under one of a slice's input keys.
    public subscript(key: String) -> FileList? {
        get { sliceFiles[key] }
        set { sliceFiles[key] = newValue }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schools, pupils, targets, benchmarks, reference
        case performanceTables = "performance_tables"
    }

    /// Every key `inputs:` may hold: the shared inputs, then each slice's.
    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) + SliceRegistry.inputKeys }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schools = try c.decode(String.self, forKey: .schools)
        pupils = try c.decodeIfPresent(FileList.self, forKey: .pupils)
        targets = try c.decodeIfPresent(FileList.self, forKey: .targets)
        benchmarks = try c.decodeIfPresent(String.self, forKey: .benchmarks)
        performanceTables = try c.decodeIfPresent(FileList.self, forKey: .performanceTables)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        let any = try decoder.container(keyedBy: AnyKey.self)
        for key in SliceRegistry.inputKeys {
            sliceFiles[key] = try any.decodeIfPresent(FileList.self, forKey: AnyKey(key))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schools, forKey: .schools)
        try c.encodeIfPresent(pupils, forKey: .pupils)
        try c.encodeIfPresent(targets, forKey: .targets)
        try c.encodeIfPresent(benchmarks, forKey: .benchmarks)
        try c.encodeIfPresent(performanceTables, forKey: .performanceTables)
        try c.encodeIfPresent(reference, forKey: .reference)
        var any = encoder.container(keyedBy: AnyKey.self)
        for (key, files) in sliceFiles.sorted(by: { $0.key < $1.key }) { try any.encode(files, forKey: AnyKey(key)) }
    }
}
