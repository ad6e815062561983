/// The multiplication tables check (Year 4, June): average score out of 25 and % of eligible pupils
/// scoring full marks, by group (`PupilGroup.withFSM`), every year in the files, with the pupils who did
/// not take it counted by reason (definitions: `MTCFigures`).
public enum MTCSlice: PupilResultsSlice {
    public typealias Settings = MTCSettings
    public typealias Record = MTCRecord
    public typealias Code = MTCRecord.Reason
    public typealias Year = MTCYear
    public typealias Index = PupilResultsIndex<MTCRecord>

    public static let id = "mtc"
    public static var schemas: [DatasetSchema] { [MTCImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { MTCMeasures.definitions }
    /// The reasons for not taking the check, in the reference folder.
    public static let codesFile = "mtc-codes.csv"
    public static let words = PupilResultsWords(dataset: "multiplication check", rows: "multiplication check results",
                                                export: "multiplication check results", short: "multiplication check")
    public static var sheet: PupilResultsSheet { MTCSheets.sheet }

    public static func readFile(path: String, displayName: String, options: FileOptions, register: SchoolRegister?,
                                codes: CodeTable<MTCRecord.Reason>) throws -> ImportOutcome<MTCRecord> {
        try MTCImporter.read(path: path, displayName: displayName, options: options, register: register, codes: codes)
    }

    public static func year(_ year: AcademicYear, records: [(MTCRecord, [PupilGroup])], index: Index, school: School?, context: AnalysisContext) -> MTCYear {
        MTCYear.make(year, records: records, listPupils: school != nil && year == context.year)
    }

    public static func writeSchoolSheets(_ part: MTCReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try MTCSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }
}

public typealias MTCData = PupilResultsRows<MTCRecord>
public typealias MTCReport = PupilResultsReport<MTCYear>

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
