import Foundation

/// The EYFS profile (Reception, summer term): % of children reaching a good level of development (GLD),
/// % at the expected level in all 17 ELGs, the average number of ELGs at the expected level, and % at
/// the expected level in each area of learning, by group (`PupilGroup.withFSM`), every year in the files.
/// Definitions: DfE "Early years foundation stage profile results" methodology (see `EYFSGoals`).
public enum EYFSSlice: Slice {
    public typealias Settings = EYFSSettings
    public typealias Rows = EYFSData
    public typealias Index = PupilResultsIndex<EYFSRecord>
    public typealias SchoolPart = EYFSReport
    public typealias TrustPart = EYFSReport

    public static let id = "eyfs"
    public static var schemas: [DatasetSchema] { [EYFSImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { EYFSMeasures.definitions }
    /// The outcome codes in the reference folder.
    public static let codesFile = "eyfs-outcomes.csv"

    public static func read(_ inputs: SliceInputs<EYFSSlice>) throws -> (EYFSData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads an EYFS profile export but names no `inputs.reference` folder; EYFS needs its \(codesFile).")
        }
        var log = ImportLog()
        let codes = try CodeTable<EYFSRecord.Outcome>.load(codesFile, folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        let records = try PupilResults.readAll(paths, dataset: "EYFS profile", pipelineYear: inputs.academicYear, log: &log) { path in
            try EYFSImporter.read(path: inputs.resolve(path), displayName: path, options: inputs.options(id, path: path),
                                  register: inputs.register, codes: codes)
        }
        return (EYFSData(records: records), log)
    }

    public static func finish(_ first: EYFSData, inputs: SliceInputs<EYFSSlice>, roster: PupilRoster, log: inout ImportLog) -> EYFSData {
        EYFSData(records: PupilResults.dropOtherSchools(first.records, roster: roster, dataset: "EYFS profiles", log: &log))
    }

    /// EYFS rows counted per school in `year`, for the withheld-figure rule (`WithheldFigures`).
    /// The books the withheld-figure rule and the left-out notes read (`Slice.rowBooks`).
    public static var rowBooks: [RowBook<EYFSSlice>] {
        [RowBook(inputKey: id, words: "EYFS profile", short: "EYFS", leftOut: (id, ["eyfs."]), pipelineYearOnly: true,
                 counted: { rowsCounted($0, year: $1) })]
    }

    static func rowsCounted(_ data: EYFSData, year: AcademicYear) -> [String: Int] { PupilResults.rowsCounted(data.records, year: year) }

    public static func index(_ rows: EYFSData, context: AnalysisContext) -> PupilResultsIndex<EYFSRecord> { PupilResultsIndex(rows.records, context: context) }

    public static func school(_ school: School, index: PupilResultsIndex<EYFSRecord>, context: AnalysisContext) -> EYFSReport {
        report(index.records(school.urn), years: index.years, school: school, context: context)
    }

    /// The trust pools every child (never an average of school percentages).
    public static func trust(_ index: PupilResultsIndex<EYFSRecord>, schools: [EYFSReport], context: AnalysisContext) -> EYFSReport {
        report(index.all, years: index.years, school: nil, context: context)
    }

    static func report(_ records: [(EYFSRecord, [PupilGroup])], years: [AcademicYear], school: School?, context: AnalysisContext) -> EYFSReport {
        var report = EYFSReport()
        report.years = years.map { EYFSYear.make($0, records: records, listChildren: school != nil, roster: context.roster) }
            .filter { $0.all.pupils > 0 || $0.year == context.year }
        report.measures = report.years.filter { $0.all.pupils > 0 }.flatMap { $0.measures(school: school, context: context) }
        return report
    }

    public static func writeSchoolSheets(_ part: EYFSReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try EYFSSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: EYFSReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try EYFSSheets.writeTrustSheet(part, trust: trust, workbook: workbook, context: context)
    }
}

/// The imported EYFS profiles.
public struct EYFSData: Sendable {
    public var records: [EYFSRecord]
    public init(records: [EYFSRecord] = []) { self.records = records }
}

/// A school's or the trust's EYFS figures: `measures` for measures.csv and the card, `years` for the sheets.
public struct EYFSReport: Sendable {
    public var measures: [MeasureRow] = []
    public var withheld: String?
    public var years: [EYFSYear] = []
    public init() {}

    /// The pipeline's year, else the latest year with figures.
    public func lead(_ year: AcademicYear) -> EYFSYear? {
        years.first { $0.year == year && $0.all.pupils > 0 } ?? years.last { $0.all.pupils > 0 }
    }
}
