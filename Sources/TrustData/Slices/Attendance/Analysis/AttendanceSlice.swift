import Foundation

/// The attendance slice: imports its files, computes its measures per school and for the trust.
/// Rates follow the DfE pupil absence methodology: sessions over possible sessions; persistent (≥ 10%)
/// and severe (≥ 50%) absence over enrolments, so a pupil at two schools counts at each.
public enum AttendanceSlice: Slice {
    public typealias Settings = AttendanceSettings
    public typealias Rows = AttendanceData
    public typealias Index = AttendanceEnrolments
    public typealias SchoolPart = AttendanceSchoolReport
    public typealias TrustPart = AttendanceTrustReport
    public static let id = "attendance"
    public static var measureDefinitions: [MeasureDefinition] { MeasureCatalog.attendanceMeasures }
    /// Marks first: a school whose marks are withheld keeps that (wider) reason. A rejected mark removes
    /// a session, not a pupil, and the marks rule counts every year; a rejected summary row leaves its
    /// pupil out of the attendance figures of the pipeline's year.
    public static var rowBooks: [RowBook<AttendanceSlice>] {
        [RowBook(inputKey: AttendanceMarksImporter.schema.dataset, words: "attendance-marks", short: "marks", leftOut: nil,
                 pipelineYearOnly: false, counted: { data, _ in marksRowsCounted(data) }),
         RowBook(inputKey: AttendanceSummaryImporter.schema.dataset, words: "attendance-summary", short: "summary",
                 leftOut: ("attendance", ["attendance."]), pipelineYearOnly: true, counted: { summaryRowsCounted($0, year: $1) })]
    }
    public static var schemas: [DatasetSchema] { [AttendanceMarksImporter.schema, AttendanceSummaryImporter.schema] }

    /// The summary files, read alongside the roster (they need only the register); the marks need the
    /// roster and are read in `finish`. The summary's result waits there, so the marks' books and
    /// errors come first, as when the files were read one after another.
    public struct FirstRead: Sendable {
        let summary: Result<([SummaryFile], ImportLog), Error>
    }

    /// One summary file's tallies, with each accepted row's tally and line (`SummaryRows.rowLines`).
    public struct SummaryFile: Sendable {
        public let file: String
        public let tallies: [AttendanceTally]
        let rowLines: [UInt64]

        /// The tallies of pupils not on another school's roll; each row of the others is rejected
        /// (`pupil_at_another_school`) into `log`, where the file's books move it from accepted to rejected.
        func own(_ others: OtherSchoolsPupils, log: inout ImportLog) -> [AttendanceTally] {
            let refused = tallies.indices.filter { others.isAnotherSchools(upn: tallies[$0].upn, claimedBy: tallies[$0].urn) }
            guard !refused.isEmpty else { return tallies }
            let isRefused = Set(refused)
            var rejected: [DataQualityIssue] = []
            for packed in rowLines where isRefused.contains(Int(packed >> 32)) {
                let t = tallies[Int(packed >> 32)]
                rejected.append(others.rejection(file: file, line: Int(packed & 0xFFFF_FFFF), urn: t.urn, upn: t.upn,
                                                 dataset: "attendance summary rows"))
            }
            log.rejectAccepted(rejected.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
            return tallies.indices.filter { !isRefused.contains($0) }.map { tallies[$0] }
        }
    }

    public static func read(_ inputs: SliceInputs<AttendanceSlice>) -> (FirstRead, ImportLog)? {
        guard !inputs.isEmpty else { return nil }
        return (FirstRead(summary: Result { try loadSummary(inputs) }), ImportLog())
    }

    /// The marks, checked against each pupil's admission and leaving dates on the roster, then the
    /// summary read earlier.
    public static func finish(_ first: FirstRead, inputs: SliceInputs<AttendanceSlice>, roster: PupilRoster,
                              log: inout ImportLog) throws -> AttendanceData {
        let marksPaths = inputs.paths("attendance_marks")
        var fromMarks: [AttendanceTally] = []
        if !marksPaths.isEmpty {
            guard let reference = inputs.reference else {
                throw PipelineError.configuration("The pipeline reads attendance marks but names no `inputs.reference` folder; the marks need its attendance-codes.csv.")
            }
            let display = (reference as NSString).appendingPathComponent("attendance-codes.csv")
            let (codes, stats, issues) = try AttendanceCodeTable.read(path: inputs.resolve(display), displayName: display)
            log.record(stats, issues)
            for path in marksPaths {
                fromMarks += log.take(try AttendanceMarksImporter.read(
                    path: inputs.resolve(path), displayName: path, options: inputs.options("attendance_marks", path: path),
                    // Every issue is kept (data-quality.csv lists them all); `max_issues_per_code` only shortens
                    // the Data quality sheets (`DataQualitySheet`).
                    register: inputs.register, roster: roster, codes: codes, maxIssuesPerCode: .max))
            }
        }
        // Summary rows for a pupil on another school's roll (and not on the claimed one's) count nowhere,
        // as the marks do (`AttendanceMarksScan`): the summary is read before the roster, so here.
        var (files, summaryLog) = try first.summary.get()
        let others = OtherSchoolsPupils(roster: roster)
        var fromSummary: [AttendanceTally] = []
        for i in files.indices { fromSummary += files[i].own(others, log: &summaryLog) }
        files = []
        log.append(summaryLog)
        return AttendanceData(marks: fromMarks, summary: fromSummary, log: &log)
    }

    /// The attendance summary files alone, with their own books.
    public static func loadSummary(_ inputs: SliceInputs<AttendanceSlice>) throws -> ([SummaryFile], ImportLog) {
        var log = ImportLog()
        var files: [SummaryFile] = []
        for path in inputs.paths("attendance_summary") {
            let (outcome, rowLines) = try AttendanceSummaryImporter.readWithLines(
                path: inputs.resolve(path), displayName: path, options: inputs.options("attendance_summary", path: path),
                register: inputs.register)
            files.append(SummaryFile(file: path, tallies: log.take(outcome), rowLines: rowLines))
        }
        return (files, log)
    }

    /// Attendance-summary rows counted per school in `year` (each tally adds up its rows), for the
    /// withheld-figure rule (`WithheldFigures`).
    static func summaryRowsCounted(_ data: AttendanceData, year: AcademicYear) -> [String: Int] {
        data.tallies.reduce(into: [:]) { counts, t in
            if t.source == .summary && t.year == year { counts[t.urn, default: 0] += t.rows }
        }
    }

    /// Attendance-marks rows counted per school, every year (a marks row is one session, possible or
    /// not), for the withheld-figure rule (`WithheldFigures`).
    static func marksRowsCounted(_ data: AttendanceData) -> [String: Int] {
        data.tallies.reduce(into: [:]) { counts, t in
            if t.source == .marks { counts[t.urn, default: 0] += t.possible + t.notPossible }
        }
    }

    public static func index(_ rows: AttendanceData, context: AnalysisContext) -> AttendanceEnrolments {
        AttendanceEnrolments(data: rows, context: context)
    }

    public static func school(_ school: School, index: AttendanceEnrolments, context: AnalysisContext) -> AttendanceSchoolReport {
        self.school(school, enrolments: index, context: context)
    }

    public static func trust(_ index: AttendanceEnrolments, schools: [AttendanceSchoolReport], context: AnalysisContext) -> AttendanceTrustReport {
        trust(enrolments: index, schools: schools, context: context)
    }

    public static func writeSchoolSheets(_ part: AttendanceSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try AttendanceSheets.writeSchoolSheets(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: AttendanceTrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try AttendanceSheets.writeTrustSheets(part, trust: trust, workbook: workbook, context: context)
    }

    public static func school(_ school: School, data: AttendanceData, context: AnalysisContext) -> AttendanceSchoolReport {
        self.school(school, enrolments: AttendanceEnrolments(data: data, context: context), context: context)
    }

    /// One school from the tallies and roster indexed once for the whole run (`AttendanceEnrolments`).
    public static func school(_ school: School, enrolments: AttendanceEnrolments, context: AnalysisContext) -> AttendanceSchoolReport {
        let years = build(enrolments.tallies(at: school.urn), index: enrolments.index, context: context, listPupils: true)
        var report = AttendanceSchoolReport()
        report.urn = school.urn
        report.years = years
        report.measures = years.flatMap { $0.measures(school: school, context: context) }
        return report
    }

    /// The trust as one pooled cohort of enrolments (never an average of school rates).
    public static func trust(data: AttendanceData, schools: [AttendanceSchoolReport], context: AnalysisContext) -> AttendanceTrustReport {
        trust(enrolments: AttendanceEnrolments(data: data, context: context), schools: [], context: context)
    }

    /// `schools`: the reports `school(_:enrolments:context:)` made from these same enrolments (or none).
    /// Every trust figure is a sum of whole-number counts over enrolments, so the trust is the schools'
    /// figures added up, plus the tallies of any school not among them: the same numbers as pooling
    /// every tally again, without joining every enrolment to the roster a second time (profiled: the
    /// largest serial part of the analysis).
    public static func trust(enrolments: AttendanceEnrolments, schools: [AttendanceSchoolReport], context: AnalysisContext) -> AttendanceTrustReport {
        let urns = schools.compactMap(\.urn)
        let covered = Set(urns)
        let years: [AttendanceYear]
        if urns.count == schools.count, covered.count == urns.count {
            let rest = enrolments.schoolURNs.filter { !covered.contains($0) }.flatMap { enrolments.tallies(at: $0) }
            years = AttendanceYear.pooled(schools.map(\.years) + [build(rest, index: enrolments.index, context: context, listPupils: false)])
        } else {
            years = build(enrolments.data.tallies, index: enrolments.index, context: context, listPupils: false)
        }
        var report = AttendanceTrustReport()
        report.years = years
        report.measures = years.flatMap { $0.measures(school: nil, context: context) }
        return report
    }

    static func build(_ tallies: [AttendanceTally], index: EnrolmentIndex, context: AnalysisContext, listPupils: Bool) -> [AttendanceYear] {
        Dictionary(grouping: tallies, by: \.year).sorted { $0.key < $1.key }.map { year, list in
            AttendanceYear.build(year: year, tallies: list, index: index, settings: context.config.attendance, listPupils: listPupils)
        }
    }
}

/// The imported attendance: one tally per enrolment per year, from marks or summaries.
public struct AttendanceData: Sendable {
    public var tallies: [AttendanceTally]

    public init(tallies: [AttendanceTally] = []) { self.tallies = tallies }

    /// Marks are the finer source: where both files cover one enrolment in one year, the marks are used
    /// and the overlap reported.
    init(marks: [AttendanceTally], summary: [AttendanceTally], log: inout ImportLog) {
        // Keyed by values rather than `"year|urn|upn"` text (the same grouping: see `EnrolmentKey`): this
        // runs alone after the marks, and building two strings per enrolment was most of its time.
        var covered = Set<EnrolmentKey>(minimumCapacity: marks.count)
        for i in marks.indices { covered.insert(EnrolmentKey(year: marks[i].year.startYear, urn: marks[i].urn, upn: marks[i].upn)) }
        var issues: [DataQualityIssue] = []
        var kept: [AttendanceTally] = []
        // Room for both at once: appending the summary to the marks' own array regrew it to twice the
        // marks, the run's largest import array (25 MB on a 100-school trust, heaptrack).
        kept.reserveCapacity(marks.count + summary.count)
        kept.append(contentsOf: marks)
        for t in summary {
            if covered.contains(EnrolmentKey(year: t.year.startYear, urn: t.urn, upn: t.upn)) {
                issues.append(DataQualityIssue(
                    file: "attendance_summary", line: nil, column: nil, value: t.upn, code: .duplicateKey,
                    message: "UPN \(t.upn) at \(t.urn) in \(t.year) is in both the marks and the summary file; the marks are used.",
                    severity: .warning, urn: t.urn, upn: t.upn))
            } else {
                kept.append(t)
            }
        }
        log.add(issues)
        tallies = kept
    }
}

public struct AttendanceSchoolReport: Sendable {
    /// The school's URN (set by `AttendanceSlice.school`), so the trust can add up school figures.
    public var urn: String?
    public var measures: [MeasureRow] = []
    /// Every year in the data, oldest first.
    public var years: [AttendanceYear] = []
    public init() {}

    /// Why the school's figures are withheld (most of its marks or summary rows rejected:
    /// `WithheldFigures`), or nil.
    /// The years stay for the trust's pooled figures; the school's sheet and measures show the reason.
    public var withheld: String?

    /// The pipeline's year, or the latest year present.
    public func lead(_ year: AcademicYear) -> AttendanceYear? { years.first { $0.year == year } ?? years.last }

}

public struct AttendanceTrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public var years: [AttendanceYear] = []
    public init() {}

    public func lead(_ year: AcademicYear) -> AttendanceYear? { years.first { $0.year == year } ?? years.last }
}
