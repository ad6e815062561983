import Foundation
import Yams

/// A pipeline file (`pipelines/*.yml`): which inputs, which year, thresholds. See `pipelines/sample.yml`
/// for a commented example.
public struct PipelineConfig: Decodable, Sendable {
    public var version: Int
    /// The run's name; outputs go to `output` (default `outputs/<name>`).
    public var name: String
    public var trust: String
    /// The year the workbooks lead with; earlier years in the inputs appear as trends.
    public var academicYear: AcademicYear
    /// The folder relative paths start from, itself relative to the pipeline file's folder.
    public var root: String?
    public var output: String?
    public var inputs: InputFiles
    /// Per dataset, canonical column → the heading the export uses (`pupils: {surname: "Legal Surname"}`).
    public var columnMappings: [String: [String: String]]?
    public var settings: PipelineSettings
    /// Each slice's block (`ks2:`, `finance:`, …), by slice (`sliceSettings(_:)`).
    var slices = SliceValues<any Sendable>()
    public var frameworks: FrameworksSettings

    /// Where the pipeline file itself lives; set when loaded, used to resolve relative paths.
    public var baseDirectory: String = "."

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, trust, root, output, inputs, settings, frameworks
        case academicYear = "academic_year"
        case columnMappings = "column_mappings"
    }

    /// Every top-level key: the pipeline's own, then each slice's block.
    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) + SliceRegistry.all.map { $0.id } }

    /// A slice's settings: its block of the file, or its defaults when the file has none.
    public func sliceSettings<S: Slice>(_ slice: S.Type) -> S.Settings { slices.get(S.self, as: S.Settings.self) ?? S.Settings() }

    public mutating func setSliceSettings<S: Slice>(_ settings: S.Settings, for slice: S.Type) { slices.set(S.self, settings) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        name = try c.decode(String.self, forKey: .name)
        trust = try c.decode(String.self, forKey: .trust)
        academicYear = try c.decode(AcademicYear.self, forKey: .academicYear)
        root = try c.decodeIfPresent(String.self, forKey: .root)
        output = try c.decodeIfPresent(String.self, forKey: .output)
        inputs = try c.decode(InputFiles.self, forKey: .inputs)
        columnMappings = try c.decodeIfPresent([String: [String: String]].self, forKey: .columnMappings)
        settings = try c.decodeIfPresent(PipelineSettings.self, forKey: .settings) ?? PipelineSettings()
        frameworks = try c.decodeIfPresent(FrameworksSettings.self, forKey: .frameworks) ?? FrameworksSettings()
        let sections = try decoder.container(keyedBy: AnyKey.self)
        for slice in SliceRegistry.all { try decodeSettings(slice, from: sections) }
    }

    private mutating func decodeSettings<S: Slice>(_ slice: S.Type, from sections: KeyedDecodingContainer<AnyKey>) throws {
        if let settings = try sections.decodeIfPresent(S.Settings.self, forKey: AnyKey(S.id)) { setSliceSettings(settings, for: S.self) }
    }

    public static let supportedVersion = 1

    /// Loads and checks a pipeline file; every problem is a `PipelineError` naming the file and key.
    public static func load(path: String) throws -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError.fileMissing(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError.invalid(path: path, reason: "the file is not UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses a pipeline file strictly: a YAML syntax error, an unknown key anywhere in the sections
    /// trustdata reads (`PipelineKeys`) or a value of the wrong kind stops here, before any import,
    /// with its line and column.
    public static func parse(yaml: String, path: String) throws -> PipelineConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PipelineError.invalid(path: path, reason: "the file is empty; start from pipelines/sample.yml")
            }
            root = node
        } catch let error as YamlError {
            throw PipelineError.invalid(path: path, reason: PipelineError.explain(error))
        }
        try PipelineKeys.check(root, path: path)
        var config: PipelineConfig
        do {
            config = try YAMLDecoder().decode(PipelineConfig.self, from: yaml)
        } catch let error as DecodingError {
            throw PipelineError.invalid(path: path, reason: PipelineError.explain(error, in: root))
        } catch {
            throw PipelineError.invalid(path: path, reason: "\(error)")
        }
        guard config.version == supportedVersion else {
            throw PipelineError.invalid(path: path, reason: "`version: \(config.version)` is not supported; this trustdata reads version \(supportedVersion)")
        }
        config.baseDirectory = (path as NSString).deletingLastPathComponent
        if config.baseDirectory.isEmpty { config.baseDirectory = "." }
        return config
    }

    /// The folder every relative path in the file resolves against.
    public var rootDirectory: String {
        let r = root ?? "."
        if r.hasPrefix("/") { return (r as NSString).standardizingPath }
        var base = baseDirectory
        // `..` only folds away in an absolute path, so anchor relative ones at the working folder.
        if !base.hasPrefix("/") { base = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base) }
        return ((base as NSString).appendingPathComponent(r) as NSString).standardizingPath
    }

    /// A path as the user would type it from the working folder (for messages).
    public static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return ((rootDirectory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    public var outputDirectory: String { resolve(output ?? "outputs/\(name)") }

    public func columnMapping(for dataset: String) -> [String: String] { columnMappings?[dataset] ?? [:] }

    /// How to read one of the shared inputs (`pupils`, `targets`, `performance_tables`): its column
    /// mappings and the values its entry fixes (`FileOptions`).
    public func options(for dataset: String, entry: InputEntry, register: SchoolRegister?) -> FileOptions {
        FileOptions(overrides: columnMapping(for: dataset), fixed: entry.fixed, laestab: register?.urnsByLAESTAB ?? [:], sheet: entry.sheet)
    }

    /// What the analysis and the sheets see of this pipeline.
    public var analysisConfig: AnalysisConfig {
        AnalysisConfig(name: name, trust: trust, academicYear: academicYear, settings: settings, slices: slices)
    }

    /// What a slice's import sees of this pipeline (`SliceInputs`).
    public func sliceInputs<S: Slice>(_ slice: S.Type, register: SchoolRegister) -> SliceInputs<S> {
        var files: [String: [InputEntry]] = [:]
        for key in S.inputKeys { files[key] = inputs[key]?.entries ?? [] }
        return SliceInputs(settings: sliceSettings(S.self), register: register, academicYear: academicYear, files: files,
                           reference: inputs.reference, columnMappings: columnMappings ?? [:], root: rootDirectory)
    }
}

extension PipelineError {
    /// As above, led by the line and column the error's path points at in the file.
    static func explain(_ error: DecodingError, in root: Node) -> String {
        let codingPath: [CodingKey]
        var node: Node
        switch error {
        case let .keyNotFound(_, context):
            codingPath = context.codingPath
            node = PipelineKeys.node(at: codingPath, in: root)
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            codingPath = context.codingPath
            node = PipelineKeys.node(at: codingPath, in: root)
            // An unknown key inside a rule points at the key itself, not its value.
            if case .dataCorrupted = error, let key = PipelineKeys.keyNode(at: codingPath, in: root) { node = key }
        @unknown default:
            return explain(error)
        }
        let place = PipelineKeys.place(node)
        return place.isEmpty ? explain(error) : place + " " + explain(error)
    }

    /// A YAML syntax error, with the line and column where the parser gave up.
    static func explain(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return "line \(mark.line), column \(mark.column): the YAML is not valid: \(problem)\(while_); check the indentation and the `:` after each key"
        case let .reader(problem, offset, _, _):
            return "the YAML could not be read\(offset.map { " at byte \($0)" } ?? ""): \(problem)"
        default:
            return "the YAML is not valid: \(error)"
        }
    }
}
