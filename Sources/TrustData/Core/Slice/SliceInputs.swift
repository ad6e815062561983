import Foundation

/// What a slice's import may see of the pipeline: its own settings and files, the column mappings, the
/// reference folder, the year and the school register. Not the whole pipeline, so the slices do not
/// depend on the pipeline stage that runs them.
public struct SliceInputs<S: Slice>: Sendable {
    public let settings: S.Settings
    public let register: SchoolRegister
    public let academicYear: AcademicYear
    /// The files under each of the slice's input keys, as written in the pipeline file.
    let files: [String: [InputEntry]]
    /// The reference folder (code tables) as written in the pipeline file.
    public let reference: String?
    let columnMappings: [String: [String: String]]
    /// The folder relative paths resolve against.
    let root: String

    public init(settings: S.Settings, register: SchoolRegister, academicYear: AcademicYear, files: [String: [InputEntry]],
                reference: String?, columnMappings: [String: [String: String]], root: String) {
        self.settings = settings
        self.register = register
        self.academicYear = academicYear
        self.files = files
        self.reference = reference
        self.columnMappings = columnMappings
        self.root = root
    }

    /// The files named under `key` (one of `S.inputKeys`), as the user wrote them (for messages).
    public func paths(_ key: String) -> [String] { entries(key).map(\.path) }

    /// The entries under `key`: each file's path and the values the pipeline fixes for it.
    public func entries(_ key: String) -> [InputEntry] { files[key] ?? [] }

    /// How to read one of the files under `key` (`path` as `paths(_:)` gives it): the dataset's column
    /// mappings, the values its entry fixes, and the register's DfE numbers (`FileOptions`). Pass it to
    /// `TableImporter(schema:path:displayName:options:)`.
    public func options(_ key: String, path: String) -> FileOptions {
        let entry = entries(key).first { $0.path == path }
        return FileOptions(overrides: columnMapping(for: key), fixed: entry?.fixed ?? [:], laestab: register.urnsByLAESTAB,
                           sheet: entry?.sheet)
    }

    /// Whether the pipeline names any file of this slice.
    public var isEmpty: Bool { S.inputKeys.allSatisfy { paths($0).isEmpty } }

    /// A path from the pipeline file resolved against its root.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return ((root as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// Canonical column → the export's heading, for one input key.
    public func columnMapping(for key: String) -> [String: String] { columnMappings[key] ?? [:] }
}
