/// The optional in-year assessments slice (Years 3–5): reads `assessments.csv` and, per school, takes
/// each pupil's result in each subject at the latest term of the pipeline's year with data, against
/// the FFT estimate — the same comparison as the Year 6 outcomes meeting, so the termly meeting covers
/// every year group. Scores: gap = score − estimated score, status from the gap with the KS2 tolerance
/// (`ks2.fft_tolerance`); bands: status compares bands. Estimates are not targets.
public enum AssessmentsSlice: Slice {
    public typealias Settings = AssessmentsSettings
    public typealias Rows = AssessmentsData
    public typealias Index = AssessmentsIndex
    public typealias SchoolPart = AssessmentsSchoolReport
    public typealias TrustPart = AssessmentsTrustReport
    public static let id = "assessments"
    public static var schemas: [DatasetSchema] { [AssessmentsImporter.schema] }
    /// Pupil-level only: no figures for measures.csv, so no definitions.
    public static var measureDefinitions: [MeasureDefinition] { [] }

    /// Reads the assessment files (they need only the register); nil when the pipeline names none.
    public static func read(_ inputs: SliceInputs<AssessmentsSlice>) throws -> (AssessmentsData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        var log = ImportLog()
        var records: [AssessmentRecord] = []
        for path in paths {
            records += log.take(try AssessmentsImporter.read(path: inputs.resolve(path), displayName: path,
                                                             options: inputs.options(id, path: path), register: inputs.register))
        }
        return (AssessmentsData(records: records), log)
    }

    public static func index(_ rows: AssessmentsData, context: AnalysisContext) -> AssessmentsIndex {
        AssessmentsIndex(rows, year: context.year)
    }

    /// One school's pupils at the latest term of `context.year` with data for the school (none: no term,
    /// no rows, no sheet).
    public static func school(_ school: School, index: AssessmentsIndex, context: AnalysisContext) -> AssessmentsSchoolReport {
        let mine = index.records(at: school.urn)
        guard let term = mine.map(\.term).max() else { return AssessmentsSchoolReport(year: context.year, term: nil, entries: []) }
        let tolerance = context.config.ks2.fftTolerance
        let entries = mine.filter { $0.term == term }.map { r -> AssessmentEntry in
            let roster = context.roster.pupil(r.year, r.upn)
            let characteristics = r.characteristics.filled(from: roster?.characteristics)
            return AssessmentEntry(record: r, surname: r.surname ?? roster?.surname ?? "", forename: r.forename ?? roster?.forename ?? "",
                                   characteristics: characteristics, comparison: compare(r.result, r.estimate, tolerance: tolerance))
        }
        return AssessmentsSchoolReport(year: context.year, term: term, entries: entries)
    }

    /// Pupil-level only: the trust workbook shows no pupils (privacy) and the slice adds no figures.
    public static func trust(_ index: AssessmentsIndex, schools: [AssessmentsSchoolReport], context: AnalysisContext) -> AssessmentsTrustReport {
        AssessmentsTrustReport()
    }

    public static func writeSchoolSheets(_ part: AssessmentsSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard part.term != nil, !part.entries.isEmpty else { return }
        try AssessmentsSheet.write(part, school: school.school, workbook: workbook, context: context)
    }

    /// The pupil against the estimate: (gap, status) for scores; (nil, status) for bands; nil without an estimate.
    public static func compare(_ result: AssessmentRecord.Value, _ estimate: AssessmentRecord.Value?, tolerance: Double) -> (gap: Double?, status: FFTGap.Status)? {
        switch (result, estimate) {
        case let (.score(score), .score(estimated)?):
            let gap = score - estimated
            return (gap, FFTGap.status(gap: gap, tolerance: tolerance))
        case let (.band(band), .band(estimated)?):
            guard let rank = KS2Standard.writingRank(band), let estimatedRank = KS2Standard.writingRank(estimated) else { return nil }
            return (nil, rank < estimatedRank ? .below : rank > estimatedRank ? .ahead : .inLine)
        default:
            return nil
        }
    }
}

/// The imported assessment rows.
public struct AssessmentsData: Sendable {
    public var records: [AssessmentRecord]
    public init(records: [AssessmentRecord]) { self.records = records }
}

/// A pupil's result in one subject at the school's latest term, against the estimate.
public struct AssessmentEntry: Sendable {
    public var record: AssessmentRecord
    public var surname: String
    public var forename: String
    /// From the file, filled from the roster where the file leaves them blank.
    public var characteristics: PupilCharacteristics
    public var comparison: (gap: Double?, status: FFTGap.Status)?
}

/// One school's Years 3–5 at the latest term with data (nil when the school has none this year).
public struct AssessmentsSchoolReport: SliceReport {
    public var year: AcademicYear
    public var term: AssessmentRecord.Term?
    public var entries: [AssessmentEntry]
    /// No figures for measures.csv: the slice is pupil-level, for the meeting.
    public var measures: [MeasureRow] { get { [] } set {} }
}

/// The trust's part: none (pupil-level data stays in school workbooks).
public struct AssessmentsTrustReport: SliceReport {
    public var measures: [MeasureRow] { get { [] } set {} }
}

/// The `assessments:` block of a pipeline file: no settings of its own (the status tolerance and the
/// FFT benchmark are the KS2 block's `fft_tolerance` and `fft_benchmark`).
public struct AssessmentsSettings: SliceSettings, Hashable {
    public init() {}
    public init(from decoder: Decoder) throws {}
    public static var keys: [String] { [] }
}

extension AssessmentsData: Pseudonymisable {
    /// `--pseudonymise`: UPNs and names replaced, keyed on the original UPN as on the roster.
    public func pseudonymised(by p: Pseudonymiser) -> AssessmentsData {
        AssessmentsData(records: records.map { r in
            var out = r
            out.upn = p.upn(r.upn)
            out.surname = r.surname.map { _ in p.surname(forUPN: r.upn) }
            out.forename = r.forename.map { _ in p.forename(forUPN: r.upn) }
            return out
        })
    }
}
