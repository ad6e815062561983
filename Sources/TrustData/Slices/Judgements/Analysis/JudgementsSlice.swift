/// The trust's judgements: the categories, plans and notices the CEO and CFO set for each academy at
/// their termly reviews (`judgements.csv`). No export holds these. The card sets them beside what the
/// figures indicate under the pipeline's rules, the frameworks may test them, and the reserves workbook
/// reads the finance fields (`JudgementsSchoolReport.current?.finance`, `JudgementsTrustReport.current`).
public enum JudgementsSlice: Slice {
    public typealias Settings = JudgementsSettings
    public typealias Rows = JudgementsData
    public typealias Index = [String: [TrustJudgement]]
    public typealias SchoolPart = JudgementsSchoolReport
    public typealias TrustPart = JudgementsTrustReport
    public static let id = "judgements"
    public static var schemas: [DatasetSchema] { [JudgementsImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { JudgementsMeasures.definitions }

    public static func read(_ inputs: SliceInputs<JudgementsSlice>) throws -> (JudgementsData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        var log = ImportLog()
        var seen: Set<String> = []
        var records: [TrustJudgement] = []
        for path in paths {
            records += log.take(try JudgementsImporter.read(path: inputs.resolve(path), displayName: path,
                                                            options: inputs.options(id, path: path), register: inputs.register, seen: &seen))
        }
        return (JudgementsData(records: records), log)
    }

    /// Each school's reviews, oldest first.
    public static func index(_ rows: JudgementsData, context: AnalysisContext) -> [String: [TrustJudgement]] {
        Dictionary(grouping: rows.records, by: \.urn).mapValues { $0.sorted { $0.reviewDate < $1.reviewDate } }
    }

    public static func school(_ school: School, index: [String: [TrustJudgement]], context: AnalysisContext) -> JudgementsSchoolReport {
        var report = JudgementsSchoolReport(reviews: index[school.urn] ?? [], year: context.year)
        if let current = report.current {
            report.measures = JudgementsMeasures.rows(current, previous: report.previous, school: school, context: context)
        }
        return report
    }

    /// The trust part holds every school's current and previous review (the reserves workbook reads them); no pooled figures.
    public static func trust(_ index: [String: [TrustJudgement]], schools: [JudgementsSchoolReport], context: AnalysisContext) -> JudgementsTrustReport {
        var report = JudgementsTrustReport()
        for school in context.schools {
            let part = JudgementsSchoolReport(reviews: index[school.urn] ?? [], year: context.year)
            if let current = part.current { report.current[school.urn] = current }
            if let previous = part.previous { report.previous[school.urn] = previous }
        }
        return report
    }

    /// No sheet of its own: the judgements are on the academy card.
    public static func writeSchoolSheets(_ part: JudgementsSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {}
}

/// The imported reviews. School-level, no pupils: nothing to pseudonymise.
public struct JudgementsData: Sendable, Pseudonymisable {
    public var records: [TrustJudgement]
    public init(records: [TrustJudgement] = []) { self.records = records }
    public func pseudonymised(by p: Pseudonymiser) -> JudgementsData { self }
}

/// One school's reviews and the one in force for the pipeline's year.
public struct JudgementsSchoolReport: SliceReport {
    public var measures: [MeasureRow] = []
    /// Every review of the school, oldest first (later years' reviews included).
    public var reviews: [TrustJudgement] = []
    /// The latest review dated in or before the pipeline's academic year: the judgements in force.
    public var current: TrustJudgement?
    /// The review before `current` (the previous category, e.g. for "Unacceptable: targets missed").
    public var previous: TrustJudgement?

    public init() {}

    public init(reviews: [TrustJudgement], year: AcademicYear) {
        self.reviews = reviews
        let upToYear = reviews.filter { $0.reviewDate.academicYear <= year }
        current = upToYear.last
        previous = upToYear.dropLast().last
    }
}

/// Every school's review in force and the one before, by URN (what the reserves workbook reads).
public struct JudgementsTrustReport: SliceReport {
    public var measures: [MeasureRow] = []
    public var current: [String: TrustJudgement] = [:]
    public var previous: [String: TrustJudgement] = [:]
    public init() {}
}

/// The `judgements:` block: nothing to set yet (the file is the trust's own).
public struct JudgementsSettings: SliceSettings, Hashable {
    public init() {}
    public init(from decoder: Decoder) throws {}
    public static var keys: [String] { [] }
}
