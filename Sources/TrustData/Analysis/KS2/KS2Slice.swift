/// The ks2 slice: imports its files, computes its measures per school and for the trust.
public enum KS2Slice {
    /// Reads the pipeline's ks2 inputs; nil when the pipeline names none.
    public static func load(_ config: PipelineConfig, register: SchoolRegister, log: inout ImportLog) throws -> KS2Data? {
        nil
    }

    public static func school(_ school: School, data: KS2Data, context: AnalysisContext) -> KS2SchoolReport {
        KS2SchoolReport()
    }

    public static func trust(data: KS2Data, schools: [KS2SchoolReport], context: AnalysisContext) -> KS2TrustReport {
        KS2TrustReport()
    }
}

/// The imported ks2 records.
public struct KS2Data: Sendable {
    public init() {}
}

public struct KS2SchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}

public struct KS2TrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}
