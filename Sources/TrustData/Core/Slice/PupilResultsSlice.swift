/// A slice whose rows are pupils' results read from one kind of export with a code table (EYFS profile,
/// multiplication check, suspensions and exclusions): it states what differs — its record, its code
/// table, its words, how one file is read and how one year is tallied — and this protocol's extension
/// does the rest the same way for each: reading every file (`PupilResults.readAll`), dropping rows that
/// claim another school's pupil once the roster is read, the row book of the withheld-figure rule,
/// the index, the school and pooled trust reports, and the trust sheet.
public protocol PupilResultsSlice: Slice
where Rows == PupilResultsRows<Record>, FirstRead == Rows, SchoolPart == PupilResultsReport<Year>, TrustPart == PupilResultsReport<Year>,
      Index: PupilResultsIndexing, Index.Record == Record {
    associatedtype Record: PupilResult & Pseudonymisable
    /// How a code in the slice's reference table counts.
    associatedtype Code: RawRepresentable & Sendable & Hashable where Code.RawValue == String
    associatedtype Year: PupilResultsYear

    /// The code table in the reference folder (`eyfs-outcomes.csv`).
    static var codesFile: String { get }
    static var words: PupilResultsWords { get }
    /// One row per pupil and year (a second is a duplicate); false: one per event (a suspension).
    static var onePerPupilYear: Bool { get }
    /// Whether a rejected row leaves its pupil out of the slice's figures (`RowBook.leftOut`).
    static var rejectedRowLeavesPupilOut: Bool { get }
    /// The sheets' titles, definition and tables.
    static var sheet: PupilResultsSheet { get }

    /// Reads one file (the slice's importer).
    static func readFile(path: String, displayName: String, options: FileOptions, register: SchoolRegister?,
                         codes: CodeTable<Code>) throws -> ImportOutcome<Record>
    /// Checks the kept rows against the roster once it is read (default: none); issues go to `log`.
    static func checkAgainstRoster(_ records: [Record], roster: PupilRoster, log: inout ImportLog)
    /// One year's figures for a school (or the trust when `school` is nil) from its records.
    static func year(_ year: AcademicYear, records: [(Record, [PupilGroup])], index: Index, school: School?, context: AnalysisContext) -> Year
}

/// What a pupil-results slice's messages call its data.
public struct PupilResultsWords: Sendable {
    /// "EYFS profile": in issues about its rows and in the withheld-figure reason ("rows of EYFS profile").
    public let dataset: String
    /// "EYFS profiles": what a row claiming another school's pupil is a row of.
    public let rows: String
    /// "an EYFS profile export": what the pipeline reads, when it names no reference folder.
    public let export: String
    /// "EYFS": a withheld figure's cell.
    public let short: String

    public init(dataset: String, rows: String, export: String, short: String) {
        self.dataset = dataset
        self.rows = rows
        self.export = export
        self.short = short
    }
}

/// A pupil-results slice's rows: every file's records in one list.
public struct PupilResultsRows<Record: PupilResult>: Sendable {
    public var records: [Record]
    public init(records: [Record] = []) { self.records = records }
}

/// `--pseudonymise`: each record's UPN and names replaced, keyed on the original UPN as on the roster.
extension PupilResultsRows: Pseudonymisable where Record: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> PupilResultsRows {
        PupilResultsRows(records: records.map { $0.pseudonymised(by: p) })
    }
}

/// One year's figures of a pupil-results slice for a school or the trust.
public protocol PupilResultsYear: Sendable {
    var year: AcademicYear { get }
    /// Whether any pupil counts in the year (a year with none has no figures and no sheet).
    var hasFigures: Bool { get }
    /// The year's rows of `measures.csv` for `school` (the trust when nil).
    func measures(school: School?, context: AnalysisContext) -> [MeasureRow]
}

/// A school's or the trust's figures from a pupil-results slice: `measures` for measures.csv and the
/// card, `years` (those with figures, oldest first) for the sheets.
public struct PupilResultsReport<Year: PupilResultsYear>: WithholdableReport {
    public var measures: [MeasureRow] = []
    public var withheld: String?
    public var years: [Year] = []
    public init() {}

    /// The pipeline's year, else the latest year with figures.
    public func lead(_ year: AcademicYear) -> Year? { years.first { $0.year == year } ?? years.last }
}

/// An index a pupil-results slice analyses from: its records by school (`results`), and whatever else
/// the slice keeps beside them (the pupils on roll, for exclusions).
public protocol PupilResultsIndexing: Sendable {
    associatedtype Record: PupilResult
    var results: PupilResultsIndex<Record> { get }
}

extension PupilResultsIndex: PupilResultsIndexing {
    public var results: PupilResultsIndex<R> { self }
}

extension PupilResultsSlice {
    public static var onePerPupilYear: Bool { true }
    public static var rejectedRowLeavesPupilOut: Bool { true }
    public static func checkAgainstRoster(_ records: [Record], roster: PupilRoster, log: inout ImportLog) {}

    public static func read(_ inputs: SliceInputs<Self>) throws -> (Rows, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads \(words.export) but names no `inputs.reference` folder; it needs its \(codesFile).")
        }
        var log = ImportLog()
        let codes = try CodeTable<Code>.load(codesFile, folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        let records = try PupilResults.readAll(paths, dataset: words.dataset, unique: onePerPupilYear, pipelineYear: inputs.academicYear, log: &log) { path in
            try readFile(path: inputs.resolve(path), displayName: path, options: inputs.options(id, path: path), register: inputs.register, codes: codes)
        }
        return (Rows(records: records), log)
    }

    public static func finish(_ first: Rows, inputs: SliceInputs<Self>, roster: PupilRoster, log: inout ImportLog) -> Rows {
        let kept = PupilResults.dropOtherSchools(first.records, roster: roster, dataset: words.rows, log: &log)
        checkAgainstRoster(kept, roster: roster, log: &log)
        return Rows(records: kept)
    }

    /// The book the withheld-figure rule and the left-out notes read (`Slice.rowBooks`): the pipeline's
    /// year's rows counted per school.
    public static var rowBooks: [RowBook<Self>] {
        [RowBook(inputKey: id, words: words.dataset, short: words.short, leftOut: rejectedRowLeavesPupilOut ? (id, ["\(id)."]) : nil,
                 pipelineYearOnly: true, counted: { rows, year in PupilResults.rowsCounted(rows.records, year: year) })]
    }

    public static func school(_ school: School, index: Index, context: AnalysisContext) -> SchoolPart {
        report(index.results.records(school.urn), index: index, school: school, context: context)
    }

    /// The trust pools every pupil (never an average of school figures).
    public static func trust(_ index: Index, schools: [SchoolPart], context: AnalysisContext) -> TrustPart {
        report(index.results.all, index: index, school: nil, context: context)
    }

    static func report(_ records: [(Record, [PupilGroup])], index: Index, school: School?, context: AnalysisContext) -> PupilResultsReport<Year> {
        var report = PupilResultsReport<Year>()
        report.years = index.results.years.map { year($0, records: records, index: index, school: school, context: context) }.filter(\.hasFigures)
        report.measures = report.years.flatMap { $0.measures(school: school, context: context) }
        return report
    }

    public static func writeTrustSheets(_ part: TrustPart, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try sheet.writeTrust(part, schools: trust.schools.compactMap { s in s.part(Self.self).map { (s.school.name, $0.measures) } },
                             workbook: workbook, context: context)
    }
}

extension PupilResultsSlice where Index == PupilResultsIndex<Record> {
    public static func index(_ rows: Rows, context: AnalysisContext) -> Index { PupilResultsIndex(rows.records, context: context) }
}
