/// The import stage's result: every input, typed and checked, ready for analysis.
public struct TrustDataset: Sendable {
    public var register: SchoolRegister
    public var roster: PupilRoster
    public var benchmarks: BenchmarkLookup
    public var targets: TargetLookup
    public var ks2: KS2Data?
    public var phonics: PhonicsData?
    public var attendance: AttendanceData?
    public var finance: FinanceData?
    public var log: ImportLog

    public init(register: SchoolRegister, roster: PupilRoster, benchmarks: BenchmarkLookup, targets: TargetLookup, log: ImportLog) {
        self.register = register
        self.roster = roster
        self.benchmarks = benchmarks
        self.targets = targets
        self.log = log
    }
}
