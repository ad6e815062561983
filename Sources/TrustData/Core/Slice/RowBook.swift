/// How one kind of a slice's files answers for its rejected rows: which pupils a rejected row leaves out
/// of the slice's figures (`RejectedPupils`) and when a school's figures are withheld because most of
/// its rows were rejected (`WithheldFigures`). A slice lists one per kind of file whose rows are a
/// pupil's (`Slice.rowBooks`); the pipeline loops over them, so a new slice with pupil rows adds its
/// books here rather than in the pipeline.
public struct RowBook<S: Slice>: Sendable {
    /// The key under `inputs:` of the files (`ks2`, `attendance_summary`).
    public let inputKey: String
    /// "KS2 results" in "rows of KS2 results" (the sheet's reason), and "KS2" for a figure's cell.
    public let words: String, short: String
    /// Pupils left out by a rejected row are counted once per `name` and school (files sharing a name
    /// count a pupil once) and marked on the figures whose ids start with one of `prefixes`. Nil when a
    /// rejected row removes no pupil (an attendance mark removes a session).
    public let leftOut: (name: String, prefixes: [String])?
    /// The rule counts, and withholds, the pipeline's year only (rejected rows carry no trustworthy
    /// year); false: every year (a marks file is one run of the register).
    public let pipelineYearOnly: Bool
    /// Rows counted per URN (in the pipeline's year when `pipelineYearOnly`).
    let counted: @Sendable (S.Rows, AcademicYear) -> [String: Int]
    /// Withholds the school part's figures of `year` (nil: every year) with the reason and the cell's words.
    let withhold: @Sendable (inout S.SchoolPart, _ reason: String, _ short: String, _ year: String?) -> Void
    /// Whether the part is withheld already (by an earlier book: its wider reason is kept).
    let isWithheld: @Sendable (S.SchoolPart) -> Bool
}

extension RowBook where S.SchoolPart: WithholdableReport {
    public init(inputKey: String, words: String, short: String, leftOut: (name: String, prefixes: [String])?,
                pipelineYearOnly: Bool, counted: @escaping @Sendable (S.Rows, AcademicYear) -> [String: Int]) {
        self.inputKey = inputKey
        self.words = words
        self.short = short
        self.leftOut = leftOut
        self.pipelineYearOnly = pipelineYearOnly
        self.counted = counted
        withhold = { part, reason, short, year in part.withhold(reason, short: short, year: year) }
        isWithheld = { $0.withheld != nil }
    }
}
