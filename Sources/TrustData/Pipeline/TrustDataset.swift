/// The import stage's result: every input, typed and checked, ready for analysis.
public struct TrustDataset: Sendable {
    public var register: SchoolRegister
    public var roster: PupilRoster
    public var benchmarks: BenchmarkLookup
    public var targets: TargetLookup
    /// Each slice's rows, by slice (`rows(_:)`); a slice the pipeline names no files for has none.
    var slices = SliceValues<any Sendable>()
    public var log: ImportLog

    public init(register: SchoolRegister, roster: PupilRoster, benchmarks: BenchmarkLookup, targets: TargetLookup, log: ImportLog) {
        self.register = register
        self.roster = roster
        self.benchmarks = benchmarks
        self.targets = targets
        self.log = log
    }

    /// The slice's imported rows (nil when the pipeline names none of its files).
    public func rows<S: Slice>(_ slice: S.Type) -> S.Rows? { slices.get(S.self, as: S.Rows.self) }

    public mutating func setRows<S: Slice>(_ rows: S.Rows?, for slice: S.Type) { slices.set(S.self, rows) }

    /// Lets go of every slice's rows (the analysis, once it has indexed them).
    mutating func releaseSliceRows() { slices = SliceValues() }
}
