/// Everything an analysis needs besides its own dataset: settings, register, roster and comparisons.
/// A value type, shared read-only across the per-school Dispatch fan-out.
public struct AnalysisContext: Sendable {
    /// What the analysis and the sheets read of the pipeline (not its files or stages).
    public let config: AnalysisConfig
    public let schools: [School]
    public let roster: PupilRoster
    public let benchmarks: BenchmarkLookup
    public let targets: TargetLookup
    /// Each school's LA name normalised once (`LocalAuthorityName.normalise`), for the LA comparisons.
    private let laAreas: [String: String]
    /// Measures with any national, LA or target figure: for the others (over half the rows of a large
    /// trust, FFT among them) the three comparison lookups are skipped, as they could only miss.
    private let comparedMeasures: Set<String>

    public init(config: AnalysisConfig, schools: [School], roster: PupilRoster, benchmarks: BenchmarkLookup, targets: TargetLookup) {
        self.config = config
        self.schools = schools
        self.roster = roster
        self.benchmarks = benchmarks
        self.targets = targets
        comparedMeasures = benchmarks.measureIDs.union(targets.measureIDs)
        laAreas = Dictionary(schools.map { ($0.laName, LocalAuthorityName.normalise($0.laName)) }, uniquingKeysWith: { a, _ in a })
    }

    public var year: AcademicYear { config.academicYear }
    public var minGroupSize: Int { config.settings.minGroupSize }

    /// A measure row with its national, LA and target comparisons filled in. `school` nil means the
    /// trust as one cohort (LA left empty: the trust's schools can sit in several LAs).
    public func measure(_ id: MeasureID, group: MeasureGroup = .all, year: AcademicYear, school: School?,
                        proportion: Proportion) -> MeasureRow {
        measure(id, group: group, year: year, school: school, value: proportion.percent,
                numerator: Double(proportion.numerator), denominator: Double(proportion.denominator),
                cohort: proportion.denominator)
    }

    public func measure(_ id: MeasureID, group: MeasureGroup = .all, year: AcademicYear, school: School?, value: Double?,
                        numerator: Double? = nil, denominator: Double? = nil, cohort: Int? = nil,
                        period: FigurePeriod? = nil) -> MeasureRow {
        measure(id, compared: isCompared(id), group: group, year: year, yearText: year.description, school: school,
                value: value, numerator: numerator, denominator: denominator, cohort: cohort, period: period)
    }

    public func measure(_ id: MeasureID, group: PupilGroup, year: AcademicYear, school: School?,
                        proportion: Proportion) -> MeasureRow {
        measure(id, group: MeasureGroup(group), year: year, school: school, proportion: proportion)
    }

    public func measure(_ id: MeasureID, group: PupilGroup, year: AcademicYear, school: School?, value: Double?,
                        numerator: Double? = nil, denominator: Double? = nil, cohort: Int? = nil,
                        period: FigurePeriod? = nil) -> MeasureRow {
        measure(id, group: MeasureGroup(group), year: year, school: school, value: value, numerator: numerator,
                denominator: denominator, cohort: cohort, period: period)
    }

    /// Whether `id` has any national, LA or target figure (else `measure` skips the three lookups).
    func isCompared(_ id: MeasureID) -> Bool { comparedMeasures.contains(id.text) }

    /// `measure` with `isCompared(id)` and `year.description` worked out by the caller, once for many
    /// rows (hashing every row's id and formatting its year showed in profiles of the KS2 rows).
    func measure(_ id: MeasureID, compared: Bool, group: MeasureGroup, year: AcademicYear, yearText: String, school: School?,
                 proportion: Proportion) -> MeasureRow {
        measure(id, compared: compared, group: group, year: year, yearText: yearText, school: school, value: proportion.percent,
                numerator: Double(proportion.numerator), denominator: Double(proportion.denominator),
                cohort: proportion.denominator)
    }

    func measure(_ id: MeasureID, compared: Bool, group: MeasureGroup, year: AcademicYear, yearText: String, school: School?,
                 value: Double?, numerator: Double? = nil, denominator: Double? = nil, cohort: Int? = nil,
                 period: FigurePeriod? = nil) -> MeasureRow {
        let urn = school?.urn ?? MeasureRow.trustURN
        // A part-year figure is compared only with figures for the same period (DfE attendance collection
        // by term): `period.benchmark` is that period's key, and a period no benchmark covers finds none.
        let key = period?.benchmark ?? BenchmarkPeriod.fullYear
        let national = compared ? benchmarks.national(year, id.text, group.text, period: key) : nil
        var row = MeasureRow(
            year: yearText, urn: urn, school: school?.name ?? config.trust, measure: id.text, group: group.text,
            numerator: numerator, denominator: denominator, value: value,
            national: national?.value,
            la: !compared ? nil : school.flatMap { benchmarks.la(year, normalisedArea: laAreas[$0.laName] ?? LocalAuthorityName.normalise($0.laName), id.text, group.text, period: key)?.value },
            target: compared ? targets.target(year, urn, id.text, group.text) : nil,
            laName: school?.laName,
            smallCohort: cohort.map { $0 > 0 && $0 < minGroupSize } ?? false)
        row.nationalBasis = national?.basisText
        if let period {
            row.period = period.text
            if national == nil, period.isPartYear {
                row.nationalBasis = "no national figure for the same period (\(period.text)): not rated"
            }
        }
        return row
    }
}
