/// The EYFS profile (Reception, summer term): % of children reaching a good level of development (GLD),
/// % at the expected level in all 17 ELGs, the average number of ELGs at the expected level, and % at
/// the expected level in each area of learning, by group (`PupilGroup.withFSM`), every year in the files.
/// Definitions: DfE "Early years foundation stage profile results" methodology (see `EYFSGoals`).
public enum EYFSSlice: PupilResultsSlice {
    public typealias Settings = EYFSSettings
    public typealias Record = EYFSRecord
    public typealias Code = EYFSRecord.Outcome
    public typealias Year = EYFSYear
    public typealias Index = PupilResultsIndex<EYFSRecord>

    public static let id = "eyfs"
    public static var schemas: [DatasetSchema] { [EYFSImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { EYFSMeasures.definitions }
    /// The outcome codes in the reference folder.
    public static let codesFile = "eyfs-outcomes.csv"
    public static let words = PupilResultsWords(dataset: "EYFS profile", rows: "EYFS profiles", export: "an EYFS profile export", short: "EYFS")
    public static var sheet: PupilResultsSheet { EYFSSheets.sheet }

    public static func readFile(path: String, displayName: String, options: FileOptions, register: SchoolRegister?,
                                codes: CodeTable<EYFSRecord.Outcome>) throws -> ImportOutcome<EYFSRecord> {
        try EYFSImporter.read(path: path, displayName: displayName, options: options, register: register, codes: codes)
    }

    public static func year(_ year: AcademicYear, records: [(EYFSRecord, [PupilGroup])], index: Index, school: School?, context: AnalysisContext) -> EYFSYear {
        EYFSYear.make(year, records: records, listChildren: school != nil, roster: context.roster)
    }

    public static func writeSchoolSheets(_ part: EYFSReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try EYFSSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }
}

/// The imported EYFS profiles.
public typealias EYFSData = PupilResultsRows<EYFSRecord>

/// A school's or the trust's EYFS figures.
public typealias EYFSReport = PupilResultsReport<EYFSYear>
