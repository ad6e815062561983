/// `run-report.json`: what a run read, rejected, wrote and how long each stage took.
public struct RunReport: Codable, Sendable {
    public struct StageTiming: Codable, Sendable {
        public let stage: String
        public let seconds: Double
    }

    public var trustdataVersion = TrustDataVersion.current
    public var pipeline: String
    public var academicYear: String
    public var inputs: [ImportStats] = []
    public var issueCounts: [String: Int] = [:]
    public var filesWritten: [String] = []
    public var stages: [StageTiming] = []
    public var schools: Int = 0
    public var measures: Int = 0
    public var threads: Int = 1
    /// For the benchmark only: not among the coding keys, so not in the file.
    public var writeCPU = WriteCPU()

    enum CodingKeys: String, CodingKey {
        case trustdataVersion = "trustdata_version"
        case pipeline
        case academicYear = "academic_year"
        case inputs
        case issueCounts = "issue_counts"
        case filesWritten = "files_written"
        case stages, schools, measures, threads
    }
}
