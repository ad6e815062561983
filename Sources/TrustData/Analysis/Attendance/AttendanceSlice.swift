/// The attendance slice: imports its files, computes its measures per school and for the trust.
public enum AttendanceSlice {
    /// Reads the pipeline's attendance inputs; nil when the pipeline names none.
    public static func load(_ config: PipelineConfig, register: SchoolRegister, log: inout ImportLog) throws -> AttendanceData? {
        nil
    }

    public static func school(_ school: School, data: AttendanceData, context: AnalysisContext) -> AttendanceSchoolReport {
        AttendanceSchoolReport()
    }

    public static func trust(data: AttendanceData, schools: [AttendanceSchoolReport], context: AnalysisContext) -> AttendanceTrustReport {
        AttendanceTrustReport()
    }
}

/// The imported attendance records.
public struct AttendanceData: Sendable {
    public init() {}
}

public struct AttendanceSchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}

public struct AttendanceTrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}
