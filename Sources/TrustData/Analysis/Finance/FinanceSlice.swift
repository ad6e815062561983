/// The finance slice: imports its files, computes its measures per school and for the trust.
public enum FinanceSlice {
    /// Reads the pipeline's finance inputs; nil when the pipeline names none.
    public static func load(_ config: PipelineConfig, register: SchoolRegister, log: inout ImportLog) throws -> FinanceData? {
        nil
    }

    public static func school(_ school: School, data: FinanceData, context: AnalysisContext) -> FinanceSchoolReport {
        FinanceSchoolReport()
    }

    public static func trust(data: FinanceData, schools: [FinanceSchoolReport], context: AnalysisContext) -> FinanceTrustReport {
        FinanceTrustReport()
    }
}

/// The imported finance records.
public struct FinanceData: Sendable {
    public init() {}
}

public struct FinanceSchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}

public struct FinanceTrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public init() {}
}
