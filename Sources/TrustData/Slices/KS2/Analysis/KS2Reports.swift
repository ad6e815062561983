/// What one school's KS2 sheets show: its measures, its pupils (this school only: privacy) and the
/// small-cohort context.
public struct KS2SchoolReport: Sendable {
    public var measures: [MeasureRow] = []
    /// Why the school's figures for the pipeline's year are withheld (`WithheldFigures`), or nil.
    public var withheld: String?
    public var school: School?
    /// This school's pupils, every year (the Outcomes meeting sheet shows the lead year).
    public var pupils: [KS2Pupil] = []
    public var years: [AcademicYear] = []
    /// The year the sheets lead with: the pipeline's year, or the latest in the data when it has none.
    public var leadYear: AcademicYear?
    public var fftBenchmark: String = "FFT20"

    public init() {}

    public init(school: School, pupils: [KS2Pupil], years: [AcademicYear], context: AnalysisContext) {
        self.school = school
        self.pupils = pupils
        self.years = years
        let present = Set(pupils.map(\.year))
        leadYear = present.contains(context.year) || present.isEmpty ? context.year : present.max()
        fftBenchmark = context.config.ks2.fftBenchmark
    }

    /// Pupils in the eligible cohort of at least one subject in `year`.
    public func eligible(_ year: AcademicYear) -> Int { KS2SchoolReport.eligible(pupils, year) }

    /// What one pupil is worth in percentage points this year (domain.md: small cohorts).
    public func onePupilPercent(_ year: AcademicYear) -> Double? {
        let n = eligible(year)
        return n == 0 ? nil : 100 / Double(n)
    }

    static func eligible(_ pupils: [KS2Pupil], _ year: AcademicYear) -> Int {
        pupils.filter { p in p.year == year && KS2Subject.assessed.contains { p.result($0).inDenominator } }.count
    }

    /// Lead-year pupils for the Outcomes meeting sheet.
    public var leadPupils: [KS2Pupil] { pupils.filter { $0.year == leadYear } }
}

/// The trust's KS2 figures (pooled over all pupils) and every school's report for side-by-side tables.
public struct KS2TrustReport: Sendable {
    public var measures: [MeasureRow] = []
    public var schools: [KS2SchoolReport] = []
    public var years: [AcademicYear] = []
    public var leadYear: AcademicYear?
    public var fftBenchmark: String = "FFT20"
    public var eligibleByYear: [AcademicYear: Int] = [:]

    public init() {}

    public init(pupils: [KS2Pupil], years: [AcademicYear], context: AnalysisContext) {
        self.years = years
        let present = Set(pupils.map(\.year))
        leadYear = present.contains(context.year) || present.isEmpty ? context.year : present.max()
        fftBenchmark = context.config.ks2.fftBenchmark
        for year in years { eligibleByYear[year] = KS2SchoolReport.eligible(pupils, year) }
    }

    /// As above, counting the eligible from the pupils' facts (no result lookups).
    init(pupils: [KS2Pupil], facts: [KS2PupilFacts], at positions: [Int], years: [AcademicYear], context: AnalysisContext) {
        self.years = years
        let present = Set(pupils.map(\.year))
        leadYear = present.contains(context.year) || present.isEmpty ? context.year : present.max()
        fftBenchmark = context.config.ks2.fftBenchmark
        for year in years {
            eligibleByYear[year] = positions.reduce(0) { n, i in
                facts[i].year == year && KS2Subject.assessed.contains { facts[i].subject($0).inDenominator } ? n + 1 : n
            }
        }
    }
}
