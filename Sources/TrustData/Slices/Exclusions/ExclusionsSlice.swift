/// Suspensions and permanent exclusions from the MIS behaviour export: DfE's suspension and permanent
/// exclusion rates per 100 pupils on roll, % of pupils with one or more and with two or more suspensions,
/// by group (`PupilGroup.withFSM`), every year in the files (definitions: `ExclusionFigures`). The pupils
/// on roll come from the roster, so the slice completes its rows once the roster is read.
public enum ExclusionsSlice: Slice {
    public typealias Settings = ExclusionsSettings
    public typealias Rows = ExclusionsData
    public typealias Index = ExclusionsIndex
    public typealias SchoolPart = ExclusionsReport
    public typealias TrustPart = ExclusionsReport

    public static let id = "exclusions"
    public static var schemas: [DatasetSchema] { [ExclusionsImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { ExclusionMeasures.definitions }
    /// Categories and reasons, in the reference folder.
    public static let codesFile = "exclusion-codes.csv"

    public static func read(_ inputs: SliceInputs<ExclusionsSlice>) throws -> (ExclusionsData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads a suspensions and exclusions export but names no `inputs.reference` folder; it needs \(codesFile).")
        }
        var log = ImportLog()
        let codes = try CodeTable<ExclusionRecord.Kind>.load(codesFile, folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        let records = try PupilResults.readAll(paths, dataset: "suspensions and exclusions", unique: false, pipelineYear: inputs.academicYear, log: &log) { path in
            try ExclusionsImporter.read(path: inputs.resolve(path), displayName: path, options: inputs.options(id, path: path),
                                        register: inputs.register, codes: codes)
        }
        return (ExclusionsData(records: records), log)
    }

    public static func finish(_ first: ExclusionsData, inputs: SliceInputs<ExclusionsSlice>, roster: PupilRoster, log: inout ImportLog) -> ExclusionsData {
        let kept = PupilResults.dropOtherSchools(first.records, roster: roster, dataset: "suspensions and exclusions", log: &log)
        // An exclusion of a pupil not on the school's roster for that year is counted, but the pupil is
        // not in the denominator: said once per row so the roster can be corrected.
        var warnings: [DataQualityIssue] = []
        for r in kept where !roster.isEmpty && roster.pupil(r.year, r.upn)?.urn != r.urn {
            warnings.append(DataQualityIssue(file: r.file, line: r.line, column: "upn", value: r.upn, code: .notOnRoster,
                                             message: "UPN \(r.upn) is not on the roster of URN \(r.urn) for \(r.year); the exclusion is counted but the pupil is not among the pupils on roll the rates divide by.",
                                             severity: .warning, urn: r.urn, upn: r.upn))
        }
        log.add(warnings)
        return ExclusionsData(records: kept)
    }

    /// The books the withheld-figure rule and the left-out notes read (`Slice.rowBooks`).
    public static var rowBooks: [RowBook<ExclusionsSlice>] {
        [RowBook(inputKey: id, words: "suspensions and exclusions", short: "exclusions", leftOut: nil, pipelineYearOnly: true,
                 counted: { rowsCounted($0, year: $1) })]
    }

    static func rowsCounted(_ data: ExclusionsData, year: AcademicYear) -> [String: Int] { PupilResults.rowsCounted(data.records, year: year) }

    public static func index(_ rows: ExclusionsData, context: AnalysisContext) -> ExclusionsIndex { ExclusionsIndex(rows, context: context) }

    public static func school(_ school: School, index: ExclusionsIndex, context: AnalysisContext) -> ExclusionsReport {
        report(index.results.records(school.urn), roll: { index.roll(school.urn, $0) }, years: index.results.years,
               school: school, comparable: isPrimary(school), context: context)
    }

    /// The trust pools every pupil: all its suspensions over all its pupils on roll.
    public static func trust(_ index: ExclusionsIndex, schools: [ExclusionsReport], context: AnalysisContext) -> ExclusionsReport {
        report(index.results.all, roll: { index.roll(nil, $0) }, years: index.results.years, school: nil,
               comparable: context.schools.allSatisfy(isPrimary), context: context)
    }

    /// The benchmark files hold state-funded primary rates (LAIT `PriFixedEx`, `PriPermEx`,
    /// `Pri_ Pup_FixedEx`); infant and junior schools are primary phase too.
    static func isPrimary(_ school: School) -> Bool {
        let phase = school.phase.lowercased()
        return ["primary", "infant", "junior", "first"].contains { phase.contains($0) }
    }

    static func report(_ records: [(ExclusionRecord, [PupilGroup])], roll: (AcademicYear) -> [(String, [PupilGroup])],
                       years: [AcademicYear], school: School?, comparable: Bool, context: AnalysisContext) -> ExclusionsReport {
        var report = ExclusionsReport()
        report.years = years.compactMap { y in
            let pupils = roll(y)
            guard !pupils.isEmpty || records.contains(where: { $0.0.year == y }) else { return nil }
            return ExclusionYear.make(y, records: records, roll: pupils, listExclusions: school != nil)
        }
        report.measures = report.years.flatMap { $0.measures(school: school, context: context, comparable: comparable) }
        return report
    }

    public static func writeSchoolSheets(_ part: ExclusionsReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try ExclusionsSheets.writeSchoolSheet(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: ExclusionsReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try ExclusionsSheets.writeTrustSheet(part, trust: trust, workbook: workbook, context: context)
    }
}

public struct ExclusionsData: Sendable {
    public var records: [ExclusionRecord]
    public init(records: [ExclusionRecord] = []) { self.records = records }
}

/// The exclusions by school with the pupils' groups, and the pupils on roll by school and year with
/// theirs (the denominators), worked out once for the run.
public struct ExclusionsIndex: Sendable {
    let results: PupilResultsIndex<ExclusionRecord>
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

public struct ExclusionsReport: Sendable {
    public var measures: [MeasureRow] = []
    public var withheld: String?
    public var years: [ExclusionYear] = []
    public init() {}

    public func lead(_ year: AcademicYear) -> ExclusionYear? { years.first { $0.year == year } ?? years.last }
}

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
