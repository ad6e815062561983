import Foundation

/// What a slice's import may see of the pipeline: its own settings and files, the column mappings, the
/// reference folder, the year and the school register. Not the whole pipeline, so the slices do not
/// depend on the pipeline stage that runs them.
public struct SliceInputs<S: Slice>: Sendable {
    public let settings: S.Settings
    public let register: SchoolRegister
    public let academicYear: AcademicYear
    /// The files under each of the slice's input keys, as written in the pipeline file.
    let files: [String: [String]]
    /// The reference folder (code tables) as written in the pipeline file.
    public let reference: String?
    let columnMappings: [String: [String: String]]
    /// The folder relative paths resolve against.
    let root: String

    public init(settings: S.Settings, register: SchoolRegister, academicYear: AcademicYear, files: [String: [String]],
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
    public func paths(_ key: String) -> [String] { files[key] ?? [] }

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
