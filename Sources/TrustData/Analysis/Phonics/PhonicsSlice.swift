/// The phonics slice: imports its files, computes its measures per school and for the trust.
public enum PhonicsSlice {
    /// Reads the pipeline's phonics inputs; nil when the pipeline names none.
    public static func load(_ config: PipelineConfig, register: SchoolRegister, log: inout ImportLog) throws -> PhonicsData? {
        nil
    }

    public static func school(_ school: School, data: PhonicsData, context: AnalysisContext) -> PhonicsSchoolReport {
        PhonicsSchoolReport()
    }

    public static func trust(data: PhonicsData, schools: [PhonicsSchoolReport], context: AnalysisContext) -> PhonicsTrustReport {
        PhonicsTrustReport()
    }
}

/// The imported phonics records.
public struct PhonicsData: Sendable {
    public init() {}
}

public struct PhonicsSchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}

public struct PhonicsTrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}
