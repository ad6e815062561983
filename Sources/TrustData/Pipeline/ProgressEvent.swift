/// What the runner reports as it goes, for the CLI to show (the library never prints).
public enum ProgressEvent: Sendable {
    case stageStarted(String)
    case stageFinished(String, seconds: Double)
    case fileImported(ImportStats)
    case schoolAnalysed(urn: String, done: Int, of: Int)
    case fileWritten(String)
    case warning(String)
}
