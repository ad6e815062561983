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
    public var ks2: KS2Settings
    public var phonics: PhonicsSettings
    public var attendance: AttendanceSettings
    public var finance: FinanceSettings
    public var frameworks: FrameworksSettings

    /// Where the pipeline file itself lives; set when loaded, used to resolve relative paths.
    public var baseDirectory: String = "."

    enum CodingKeys: String, CodingKey {
        case version, name, trust, root, output, inputs, settings, ks2, phonics, attendance, finance, frameworks
        case academicYear = "academic_year"
        case columnMappings = "column_mappings"
    }

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
        ks2 = try c.decodeIfPresent(KS2Settings.self, forKey: .ks2) ?? KS2Settings()
        phonics = try c.decodeIfPresent(PhonicsSettings.self, forKey: .phonics) ?? PhonicsSettings()
        attendance = try c.decodeIfPresent(AttendanceSettings.self, forKey: .attendance) ?? AttendanceSettings()
        finance = try c.decodeIfPresent(FinanceSettings.self, forKey: .finance) ?? FinanceSettings()
        frameworks = try c.decodeIfPresent(FrameworksSettings.self, forKey: .frameworks) ?? FrameworksSettings()
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

    public static func parse(yaml: String, path: String) throws -> PipelineConfig {
        var config: PipelineConfig
        do {
            config = try YAMLDecoder().decode(PipelineConfig.self, from: yaml)
        } catch let error as DecodingError {
            throw PipelineError.invalid(path: path, reason: PipelineError.explain(error))
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
}

/// A problem with the pipeline file itself.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    case fileMissing(path: String)
    case invalid(path: String, reason: String)
    case configuration(String)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            return "No pipeline file at \(path). Run `trustdata run` with no argument for the sample, or name a file under pipelines/."
        case let .invalid(path, reason):
            return "The pipeline file \(path) is not valid: \(reason)."
        case .configuration(let text):
            return text
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context.codingPath)
            return "the key `\(at.isEmpty ? "" : at + ".")\(key.stringValue)` is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "`\(path(context.codingPath))` has the wrong kind of value: \(context.debugDescription)"
        case let .dataCorrupted(context):
            return "`\(path(context.codingPath))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
