/// Suspensions and permanent exclusions from the MIS behaviour export: DfE's suspension and permanent
/// exclusion rates per 100 pupils on roll, % of pupils with one or more and with two or more suspensions,
/// by group (`PupilGroup.withFSM`), every year in the files (definitions: `ExclusionFigures`). The pupils
/// on roll come from the roster, so the slice completes its rows once the roster is read.
public enum ExclusionsSlice: PupilResultsSlice {
    public typealias Settings = ExclusionsSettings
    public typealias Record = ExclusionRecord
    public typealias Code = ExclusionRecord.Kind
    public typealias Year = ExclusionYear
    public typealias Index = ExclusionsIndex

    public static let id = "exclusions"
    public static var schemas: [DatasetSchema] { [ExclusionsImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { ExclusionMeasures.definitions }
    /// Categories and reasons, in the reference folder.
    public static let codesFile = "exclusion-codes.csv"
    public static let words = PupilResultsWords(dataset: "suspensions and exclusions", rows: "suspensions and exclusions",
                                                export: "a suspensions and exclusions export", short: "exclusions")
    /// A pupil may be suspended more than once.
    public static let onePerPupilYear = false
    /// A rejected suspension removes no pupil from the figures (the pupils on roll come from the roster).
    public static let rejectedRowLeavesPupilOut = false
    public static var sheet: PupilResultsSheet { ExclusionsSheets.sheet }

    public static func readFile(path: String, displayName: String, options: FileOptions, register: SchoolRegister?,
                                codes: CodeTable<ExclusionRecord.Kind>) throws -> ImportOutcome<ExclusionRecord> {
        try ExclusionsImporter.read(path: path, displayName: displayName, options: options, register: register, codes: codes)
    }

    /// An exclusion of a pupil not on the school's roster for that year is counted, but the pupil is
    /// not in the denominator: said once per row so the roster can be corrected.
    public static func checkAgainstRoster(_ records: [ExclusionRecord], roster: PupilRoster, log: inout ImportLog) {
        var warnings: [DataQualityIssue] = []
        for r in records where !roster.isEmpty && roster.pupil(r.year, r.upn)?.urn != r.urn {
            warnings.append(DataQualityIssue(file: r.file, line: r.line, column: "upn", value: r.upn, code: .notOnRoster,
                                             message: "UPN \(r.upn) is not on the roster of URN \(r.urn) for \(r.year); the exclusion is counted but the pupil is not among the pupils on roll the rates divide by.",
                                             severity: .warning, urn: r.urn, upn: r.upn))
        }
        log.add(warnings)
    }

    public static func index(_ rows: ExclusionsData, context: AnalysisContext) -> ExclusionsIndex { ExclusionsIndex(rows, context: context) }

    /// The pupils on roll (the school's, or every school's for the trust) are the denominators.
    public static func year(_ year: AcademicYear, records: [(ExclusionRecord, [PupilGroup])], index: ExclusionsIndex, school: School?,
                            context: AnalysisContext) -> ExclusionYear {
        ExclusionYear.make(year, records: records, roll: index.roll(school?.urn, year), listExclusions: school != nil)
    }

    /// The benchmark files hold state-funded primary rates (LAIT `PriFixedEx`, `PriPermEx`,
    /// `Pri_ Pup_FixedEx`); infant and junior schools are primary phase too.
    static func isPrimary(_ school: School) -> Bool {
        let phase = school.phase.lowercased()
        return ["primary", "infant", "junior", "first"].contains { phase.contains($0) }
    }

    public static func writeSchoolSheets(_ part: ExclusionsReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try ExclusionsSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }
}

public typealias ExclusionsData = PupilResultsRows<ExclusionRecord>

/// The exclusions by school with the pupils' groups, and the pupils on roll by school and year with
/// theirs (the denominators), worked out once for the run.
public struct ExclusionsIndex: PupilResultsIndexing {
    public let results: PupilResultsIndex<ExclusionRecord>
    private let rollBySchoolYear: [String: [(String, [PupilGroup])]]

    init(_ data: ExclusionsData, context: AnalysisContext) {
        results = PupilResultsIndex(data.records, context: context)
        let years = Set(results.years)
        var roll: [String: [(String, [PupilGroup])]] = [:]
        for p in context.roster.pupils where years.contains(p.academicYear) {
            roll["\(p.urn)|\(p.academicYear)", default: []].append(("\(p.urn)|\(p.upn)", PupilGroup.memberships(of: p.characteristics, fsm: p.fsm)))
        }
        rollBySchoolYear = roll
    }

    /// Pupils on roll (enrolment key and groups) at `urn` (every school when nil) in `year`.
    func roll(_ urn: String?, _ year: AcademicYear) -> [(String, [PupilGroup])] {
        if let urn { return rollBySchoolYear["\(urn)|\(year)"] ?? [] }
        return rollBySchoolYear.filter { $0.key.hasSuffix("|\(year)") }.sorted { $0.key < $1.key }.flatMap(\.value)
    }
}

public typealias ExclusionsReport = PupilResultsReport<ExclusionYear>

/// The `exclusions:` block of the pipeline file.
public struct ExclusionsSettings: SliceSettings, Hashable {
    /// List each suspension and permanent exclusion (pupil, date, sessions, reason) on the school's sheet.
    public var listExclusions: Bool = true

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listExclusions = try c.decodeIfPresent(Bool.self, forKey: .listExclusions) ?? ExclusionsSettings().listExclusions
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case listExclusions = "list_exclusions"
    }
}
