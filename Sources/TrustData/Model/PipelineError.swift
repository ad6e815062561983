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
            let stop = reason.last.map { ".?!".contains($0) } == true ? "" : "."
            return "The pipeline file \(path) is not valid: \(reason)\(stop)"
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
