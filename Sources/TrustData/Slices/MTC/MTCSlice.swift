/// The multiplication tables check (Year 4, June): average score out of 25 and % of eligible pupils
/// scoring full marks, by group (`PupilGroup.withFSM`), every year in the files, with the pupils who did
/// not take it counted by reason (definitions: `MTCFigures`).
public enum MTCSlice: Slice {
    public typealias Settings = MTCSettings
    public typealias Rows = MTCData
    public typealias Index = PupilResultsIndex<MTCRecord>
    public typealias SchoolPart = MTCReport
    public typealias TrustPart = MTCReport

    public static let id = "mtc"
    public static var schemas: [DatasetSchema] { [MTCImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { MTCMeasures.definitions }
    /// The reasons for not taking the check, in the reference folder.
    public static let codesFile = "mtc-codes.csv"

    public static func read(_ inputs: SliceInputs<MTCSlice>) throws -> (MTCData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads multiplication check results but names no `inputs.reference` folder; the check needs its \(codesFile).")
        }
        var log = ImportLog()
        let codes = try CodeTable<MTCRecord.Reason>.load(codesFile, folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        let records = try PupilResults.readAll(paths, dataset: "multiplication check", pipelineYear: inputs.academicYear, log: &log) { path in
            try MTCImporter.read(path: inputs.resolve(path), displayName: path, options: inputs.options(id, path: path),
                                 register: inputs.register, codes: codes)
        }
        return (MTCData(records: records), log)
    }

    public static func finish(_ first: MTCData, inputs: SliceInputs<MTCSlice>, roster: PupilRoster, log: inout ImportLog) -> MTCData {
        MTCData(records: PupilResults.dropOtherSchools(first.records, roster: roster, dataset: "multiplication check results", log: &log))
    }

    /// The books the withheld-figure rule and the left-out notes read (`Slice.rowBooks`).
    public static var rowBooks: [RowBook<MTCSlice>] {
        [RowBook(inputKey: id, words: "multiplication check", short: "multiplication check", leftOut: (id, ["mtc."]), pipelineYearOnly: true,
                 counted: { rowsCounted($0, year: $1) })]
    }

    static func rowsCounted(_ data: MTCData, year: AcademicYear) -> [String: Int] { PupilResults.rowsCounted(data.records, year: year) }

    public static func index(_ rows: MTCData, context: AnalysisContext) -> PupilResultsIndex<MTCRecord> {
        PupilResultsIndex(rows.records, context: context)
    }

    public static func school(_ school: School, index: PupilResultsIndex<MTCRecord>, context: AnalysisContext) -> MTCReport {
        report(index.records(school.urn), years: index.years, school: school, context: context)
    }

    /// The trust pools every pupil (never an average of school figures).
    public static func trust(_ index: PupilResultsIndex<MTCRecord>, schools: [MTCReport], context: AnalysisContext) -> MTCReport {
        report(index.all, years: index.years, school: nil, context: context)
    }

    static func report(_ records: [(MTCRecord, [PupilGroup])], years: [AcademicYear], school: School?, context: AnalysisContext) -> MTCReport {
        var report = MTCReport()
        report.years = years.map { MTCYear.make($0, records: records) }.filter { $0.all.eligible + $0.all.count(.notEligible) > 0 }
        report.measures = report.years.flatMap { $0.measures(school: school, context: context) }
        if school != nil {
            report.pupils = records.filter { $0.0.year == context.year }.map(\.0).sorted { ($0.score ?? -1, $0.upn) < ($1.score ?? -1, $1.upn) }
        }
        return report
    }

    public static func writeSchoolSheets(_ part: MTCReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try MTCSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: MTCReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try MTCSheets.writeTrustSheet(part, trust: trust, workbook: workbook, context: context)
    }
}

public struct MTCData: Sendable {
    public var records: [MTCRecord]
    public init(records: [MTCRecord] = []) { self.records = records }
}

public struct MTCReport: Sendable {
    public var measures: [MeasureRow] = []
    public var withheld: String?
    public var years: [MTCYear] = []
    /// A school's pupils in the pipeline's year, lowest score first (none for the trust: privacy).
    public var pupils: [MTCRecord] = []
    public init() {}

    public func lead(_ year: AcademicYear) -> MTCYear? { years.first { $0.year == year } ?? years.last }
}

/// The `mtc:` block of the pipeline file.
public struct MTCSettings: SliceSettings, Hashable {
    /// List the school's Year 4 pupils with their scores on its sheet (for the outcomes meeting).
    public var listPupils: Bool = true

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listPupils = try c.decodeIfPresent(Bool.self, forKey: .listPupils) ?? MTCSettings().listPupils
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case listPupils = "list_pupils"
    }
}
