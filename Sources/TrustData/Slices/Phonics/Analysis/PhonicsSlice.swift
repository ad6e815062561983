import Foundation

/// The phonics slice: imports its files, computes its measures per school and for the trust.
/// Two DfE measures: % of Year 1 meeting the standard, and % meeting it by the end of Year 2 (met in
/// Year 1 last year, or at this year's Year 2 retake, over the Year 2 cohort).
public enum PhonicsSlice: Slice {
    public typealias Settings = PhonicsSettings
    public typealias Rows = PhonicsData
    public typealias FirstRead = PhonicsData
    public typealias Index = PhonicsCohorts
    public typealias SchoolPart = PhonicsSchoolReport
    public typealias TrustPart = PhonicsTrustReport
    public static let id = "phonics"
    public static var schemas: [DatasetSchema] { [PhonicsImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { MeasureCatalog.phonicsMeasures }
    /// A rejected phonics row leaves its pupil out of the phonics figures of the pipeline's year.
    public static var rowBooks: [RowBook<PhonicsSlice>] {
        [RowBook(inputKey: id, words: "phonics results", short: "phonics", leftOut: (id, ["phonics."]), pipelineYearOnly: true,
                 counted: { rowsCounted($0, year: $1) })]
    }

    /// Reads the phonics files (they need only the register); nil when the pipeline names none.
    public static func read(_ inputs: SliceInputs<PhonicsSlice>) throws -> (PhonicsData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads phonics results but names no `inputs.reference` folder; phonics needs its phonics-codes.csv and phonics-thresholds.csv.")
        }
        var log = ImportLog()
        let codes = try PhonicsCodeTable.load(folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        var records: [PhonicsRecord] = []
        var seen: Set<String> = []
        for path in paths {
            for var r in log.take(try PhonicsImporter.read(path: inputs.resolve(path), displayName: path,
                                                           options: inputs.options(id, path: path), register: inputs.register,
                                                           codes: codes, maxMark: inputs.settings.maxMark)) {
                r.file = path
                // The same pupil and year in two files: the first file wins (each file checks its own rows).
                if seen.insert("\(r.year)|\(r.upn)").inserted { records.append(r) } else {
                    // Accepted by its file's importer, rejected here: the file's books move it (read = accepted + rejected).
                    log.rejectAccepted([DataQualityIssue(file: path, line: r.line, column: "upn", value: r.upn, code: .duplicateRow,
                                              message: "UPN \(r.upn) has a \(r.year) phonics result in an earlier file too; the first is used.",
                                              severity: .rejected, urn: r.urn, upn: r.upn)])
                }
            }
        }
        if let issue = YearCoverage.issue(dataset: "phonics", paths: paths, years: Set(records.map(\.year)), pipelineYear: inputs.academicYear) {
            log.add([issue])
        }
        return (PhonicsData(records: records, codes: codes), log)
    }

    /// A result claiming a school for a pupil on another school's roll (and not on its own) is rejected
    /// once the roster is read (`OtherSchoolsPupils`): it counts nowhere, and the pupil's UPN and name stay
    /// out of that school's workbook.
    public static func finish(_ first: PhonicsData, inputs: SliceInputs<PhonicsSlice>, roster: PupilRoster, log: inout ImportLog) -> PhonicsData {
        let others = OtherSchoolsPupils(roster: roster)
        var rejected: [DataQualityIssue] = []
        var data = first
        data.records = first.records.filter { r in
            guard others.isAnotherSchools(upn: r.upn, claimedBy: r.urn) else { return true }
            rejected.append(others.rejection(file: r.file, line: r.line, urn: r.urn, upn: r.upn, dataset: "phonics results"))
            return false
        }
        log.rejectAccepted(rejected)
        return data
    }

    /// Phonics rows counted per school in `year`, for the withheld-figure rule (`WithheldFigures`).
    static func rowsCounted(_ data: PhonicsData, year: AcademicYear) -> [String: Int] {
        data.records.reduce(into: [:]) { counts, r in if r.year == year { counts[r.urn, default: 0] += 1 } }
    }

    public static func index(_ rows: PhonicsData, context: AnalysisContext) -> PhonicsCohorts { PhonicsCohorts(data: rows, context: context) }

    public static func school(_ school: School, index: PhonicsCohorts, context: AnalysisContext) -> PhonicsSchoolReport {
        self.school(school, cohorts: index)
    }

    public static func trust(_ index: PhonicsCohorts, schools: [PhonicsSchoolReport], context: AnalysisContext) -> PhonicsTrustReport {
        trust(cohorts: index, schools: schools)
    }

    public static func writeSchoolSheets(_ part: PhonicsSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try PhonicsSheets.writeSchoolSheets(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: PhonicsTrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try PhonicsSheets.writeTrustSheets(part, trust: trust, workbook: workbook, context: context)
    }

    public static func school(_ school: School, data: PhonicsData, context: AnalysisContext) -> PhonicsSchoolReport {
        self.school(school, cohorts: PhonicsCohorts(data: data, context: context))
    }

    /// One school from the cohorts indexed once for the whole run (not once per school: profiled).
    public static func school(_ school: School, cohorts: PhonicsCohorts) -> PhonicsSchoolReport {
        var report = PhonicsSchoolReport()
        report.years = cohorts.years.map { cohorts.year($0, urn: school.urn) }
        report.measures = report.years.flatMap { $0.measures(school: school, context: cohorts.context, codes: cohorts.excludedCodes) }
        return report
    }

    /// The trust pooled over all its pupils (a pupil who met it in Year 1 at another trust school counts).
    public static func trust(data: PhonicsData, schools: [PhonicsSchoolReport], context: AnalysisContext) -> PhonicsTrustReport {
        trust(cohorts: PhonicsCohorts(data: data, context: context), schools: schools)
    }

    public static func trust(cohorts: PhonicsCohorts, schools: [PhonicsSchoolReport]) -> PhonicsTrustReport {
        var report = PhonicsTrustReport()
        report.years = cohorts.years.map { cohorts.year($0, urn: nil) }
        report.measures = report.years.flatMap { $0.measures(school: nil, context: cohorts.context, codes: cohorts.excludedCodes) }
        return report
    }
}

/// The imported phonics records.
public struct PhonicsData: Sendable {
    public var records: [PhonicsRecord]
    public var codes: PhonicsCodeTable

    public init(records: [PhonicsRecord] = [], codes: PhonicsCodeTable = PhonicsCodeTable(codes: [], thresholds: [:])) {
        self.records = records
        self.codes = codes
    }

    /// Years with any result, oldest first (the trend).
    public var years: [AcademicYear] { Set(records.map(\.year)).sorted() }
    /// A, D, L, Q: the codes counted separately.
    public var excludedCodes: [String] { codes.excludedCodes.map(\.code) }
}

public struct PhonicsSchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    /// Why the school's figures for the pipeline's year are withheld (`WithheldFigures`), or nil.
    public var withheld: String?
    public var years: [PhonicsYear] = []
    public init() {}
    public func lead(_ year: AcademicYear) -> PhonicsYear? { years.first { $0.year == year } ?? years.last }
}

public struct PhonicsTrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public var years: [PhonicsYear] = []
    public init() {}
    public func lead(_ year: AcademicYear) -> PhonicsYear? { years.first { $0.year == year } ?? years.last }
}
