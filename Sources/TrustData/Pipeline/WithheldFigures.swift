/// The withheld-figure rule, one for every dataset: when more than half of a school's rows of a dataset
/// were rejected, that dataset's figures for the school are withheld and say why (`WithholdableReport`).
/// Past half, most of the school's rows are missing from the figures, so a percentage over what is left
/// describes a few pupils, not the school.
///
/// A school's rows are the rows counted for it plus the rejected rows with its URN that its own workbook
/// shows (`SchoolIssues`: a row claiming it for another school's pupil is not its row). Rejected rows
/// carry no trustworthy year, so, as for pupils left out (`RejectedPupils`), they are attached to the
/// pipeline's year: KS2, phonics and attendance-summary rows counted are that year's, and that year's
/// figures are withheld. Attendance marks are counted over every year in the files, and every
/// attendance figure of the school is withheld (a marks file is one run of the register).
public struct WithheldFigures: Sendable {
    /// More than this share of a school's rows rejected withholds its figures.
    public static let above = 0.5

    /// One dataset's rows: its files (as the pipeline names them), the rows counted per URN, and the
    /// words for it in the reasons.
    struct Dataset: Sendable {
        /// "KS2 results" in "rows of KS2 results", and "KS2" for the cell.
        let words: String, short: String
        let files: Set<String>
        let counted: [String: Int]
        /// The year whose figures are withheld (nil: every year).
        let year: AcademicYear?
    }

    let ks2: Dataset?, phonics: Dataset?, marks: Dataset?, summary: Dataset?
    let eyfs: Dataset?, mtc: Dataset?, exclusions: Dataset?

    public init(dataset: TrustDataset, inputs: InputFiles, year: AcademicYear) {
        func files(_ list: FileList?) -> Set<String> { Set(list?.paths ?? []) }
        ks2 = dataset.ks2.map { Dataset(words: "KS2 results", short: "KS2", files: files(inputs.ks2),
                                        counted: KS2Slice.rowsCounted($0, year: year), year: year) }
        phonics = dataset.phonics.map { Dataset(words: "phonics results", short: "phonics", files: files(inputs.phonics),
                                                counted: PhonicsSlice.rowsCounted($0, year: year), year: year) }
        marks = dataset.attendance.map { Dataset(words: "attendance-marks", short: "marks", files: files(inputs.attendanceMarks),
                                                 counted: AttendanceSlice.marksRowsCounted($0), year: nil) }
        summary = dataset.attendance.map { Dataset(words: "attendance-summary", short: "summary", files: files(inputs.attendanceSummary),
                                                   counted: AttendanceSlice.summaryRowsCounted($0, year: year), year: year) }
        eyfs = dataset.eyfs.map { Dataset(words: "EYFS profile", short: "EYFS", files: files(inputs["eyfs"]),
                                          counted: EYFSSlice.rowsCounted($0, year: year), year: year) }
        mtc = dataset.mtc.map { Dataset(words: "multiplication check", short: "multiplication check", files: files(inputs["mtc"]),
                                        counted: MTCSlice.rowsCounted($0, year: year), year: year) }
        exclusions = dataset.exclusions.map { Dataset(words: "suspensions and exclusions", short: "exclusions", files: files(inputs["exclusions"]),
                                                      counted: ExclusionsSlice.rowsCounted($0, year: year), year: year) }
    }

    /// Withholds what the rule says in `report`; `issues`: the school's own (`SchoolIssues.issues(for:)`).
    public func apply(to report: inout SchoolReport, issues: [DataQualityIssue]) {
        let urn = report.school.urn
        Self.apply(ks2, to: &report.ks2, urn: urn, issues: issues)
        Self.apply(phonics, to: &report.phonics, urn: urn, issues: issues)
        // Marks first: a school whose marks are withheld keeps that (wider) reason.
        Self.apply(marks, to: &report.attendance, urn: urn, issues: issues)
        if report.attendance?.withheld == nil { Self.apply(summary, to: &report.attendance, urn: urn, issues: issues) }
        Self.apply(eyfs, to: &report.eyfs, urn: urn, issues: issues)
        Self.apply(mtc, to: &report.mtc, urn: urn, issues: issues)
        Self.apply(exclusions, to: &report.exclusions, urn: urn, issues: issues)
    }

    static func apply<R: WithholdableReport>(_ dataset: Dataset?, to part: inout R?, urn: String, issues: [DataQualityIssue]) {
        guard let dataset, part != nil, !dataset.files.isEmpty,
              let (reason, short) = withheld(dataset, urn: urn, issues: issues) else { return }
        part?.withhold(reason, short: short, year: dataset.year?.description)
    }

    /// Why `urn`'s figures of `dataset` are withheld, or nil. `reason` is for the sheet; `short` fits a
    /// figure's cell (measures.csv's `text`, the academy card).
    static func withheld(_ dataset: Dataset, urn: String, issues: [DataQualityIssue]) -> (reason: String, short: String)? {
        var rejected = 0
        for issue in issues where issue.severity == .rejected && issue.urn == urn && dataset.files.contains(issue.file) { rejected += 1 }
        let total = (dataset.counted[urn] ?? 0) + rejected
        guard total > 0, Double(rejected) > above * Double(total) else { return nil }
        let pct = Int((Double(rejected) / Double(total) * 100).rounded())
        let year = dataset.year.map { " for \($0)" } ?? ""
        return ("Withheld: \(rejected) of this school's \(total) \(dataset.words) rows\(year) (\(pct)%) were rejected, more than half, so the figures would describe only what is left. Fix the rows listed in data-quality.csv and run again.",
                "Withheld: \(rejected) of \(total) \(dataset.short) rows rejected (\(pct)%)")
    }
}
