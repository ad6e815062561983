/// Turns a cohort's pupils (one school, or the whole trust pooled) into `measures.csv` rows: every
/// year present, every characteristic group, every subject; FFT-style summaries; disadvantaged gaps.
public enum KS2Measures {
    public static func rows(pupils: [KS2Pupil], school: School?, years: [AcademicYear], context: AnalysisContext) -> [MeasureRow] {
        rows(facts: pupils.map(KS2PupilFacts.init), school: school, years: years, context: context)
    }

    /// The rows from each pupil's facts (worked out once per run, not once per group and subject).
    static func rows(facts pupils: [KS2PupilFacts], school: School?, years: [AcademicYear], context: AnalysisContext) -> [MeasureRow] {
        rows(facts: pupils, at: Array(pupils.indices), school: school, years: years, context: context)
    }

    /// The rows of the pupils at `positions` in `pupils` (in that order).
    static func rows(facts pupils: [KS2PupilFacts], at positions: [Int], school: School?, years: [AcademicYear],
                     context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        let z = context.config.ks2.intervalZ
        // Ids, their comparison flags and each year's text worked out once per call, not once per row.
        let ids = KS2Subject.allCases.map { MeasureIDs($0, context: context) }
        let disadvantagedBit = KS2PupilFacts.groupBit(.disadvantaged), otherBit = KS2PupilFacts.groupBit(.notDisadvantaged)
        // Positions into `pupils`, never copies of the facts (copying them per group showed in profiles).
        for year in years {
            let cohort = positions.filter { pupils[$0].year == year }
            guard !cohort.isEmpty else { continue }
            let yearText = year.description
            for (i, group) in PupilGroup.characteristicGroups.enumerated() {
                let bit: UInt32 = 1 << UInt32(i)
                let members = cohort.filter { pupils[$0].isIn(groupBit: bit) }
                guard !members.isEmpty else { continue }
                let g = MeasureGroup(group)
                for subject in KS2Subject.allCases {
                    let a = KS2Attainment(subject, facts: pupils, at: members)
                    let id = ids[subject.index]
                    rows.append(context.measure(id.expected, group: g, year: year, yearText: yearText, school: school, proportion: a.expected))
                    rows.append(context.measure(id.higher, group: g, year: year, yearText: yearText, school: school, proportion: a.higher))
                    if subject.isTest {
                        rows.append(context.measure(id.averageScaledScore, group: g, year: year, yearText: yearText, school: school,
                                                    value: a.averageScaledScore, numerator: Double(a.scoreSum),
                                                    denominator: Double(a.scoreCount), cohort: a.scoreCount))
                    }
                    // Appended in place: a returned array of rows was copied row by row (profiled).
                    appendFFTRows(subject, FFTSummary(subject, facts: pupils, at: members, z: z), ids: id, group: g,
                                  year: year, yearText: yearText, school: school, context: context, to: &rows)
                }
            }
            let disadvantaged = cohort.filter { pupils[$0].isIn(groupBit: disadvantagedBit) }
            let other = cohort.filter { pupils[$0].isIn(groupBit: otherBit) }
            for subject in KS2Subject.allCases {
                let gap = DisadvantagedGap(subject: subject, year: year,
                                           disadvantaged: KS2Attainment(subject, facts: pupils, at: disadvantaged).expected,
                                           other: KS2Attainment(subject, facts: pupils, at: other).expected, benchmarks: context.benchmarks)
                for basis in DisadvantagedGap.Basis.allCases {
                    let n = basis == .inSchool ? min(gap.disadvantaged.denominator, gap.other.denominator) : gap.disadvantaged.denominator
                    guard gap.disadvantaged.denominator > 0 else { continue }
                    // numerator/denominator: the disadvantaged pupils behind the school figure; the
                    // comparison figure is in the matching ks2.<subject>.expected rows.
                    var row = context.measure(gap.measureID(basis), group: .disadvantaged, year: year, school: school,
                                              value: gap.gap(basis), numerator: Double(gap.disadvantaged.numerator),
                                              denominator: Double(gap.disadvantaged.denominator), cohort: n)
                    // The national figure the gap is taken against, or that DfE published none for the year.
                    if basis != .inSchool {
                        let group: PupilGroup = basis == .vsNationalOther ? .notDisadvantaged : .disadvantaged
                        row.nationalBasis = context.benchmarks.national(year, .ks2(subject, .expected), MeasureGroup(group))?.basisText
                            ?? "not published: DfE publishes no national \(group.label.lowercased()) figure for this subject and year in the benchmark files"
                    }
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// The FFT-style rows of one subject and group (none when nobody has an estimate), appended to `rows`.
    static func appendFFTRows(_ subject: KS2Subject, _ s: FFTSummary, ids: MeasureIDs, group: MeasureGroup, year: AcademicYear, yearText: String,
                              school: School?, context: AnalysisContext, to rows: inout [MeasureRow]) {
        guard s.estimatedCohort > 0 else { return }
        if subject != .rwm {
            rows.append(context.measure(ids.fftAtOrAbove, group: group, year: year, yearText: yearText, school: school, proportion: s.atOrAbove))
        }
        if subject.isTest, s.gapCount > 0 {
            rows.append(context.measure(ids.fftMeanGap, group: group, year: year, yearText: yearText, school: school, value: s.meanGap,
                                        numerator: s.gapSum, denominator: Double(s.gapCount), cohort: s.gapCount))
            if let low = s.intervalLow, let high = s.intervalHigh {
                rows.append(context.measure(ids.fftMeanGapLow, group: group, year: year, yearText: yearText, school: school, value: low,
                                            denominator: Double(s.gapCount), cohort: s.gapCount))
                rows.append(context.measure(ids.fftMeanGapHigh, group: group, year: year, yearText: yearText, school: school, value: high,
                                            denominator: Double(s.gapCount), cohort: s.gapCount))
            }
        }
        rows.append(context.measure(ids.fftEstimatedExpected, group: group, year: year, yearText: yearText, school: school,
                                    value: s.estimatedExpectedPercent, numerator: s.estimatedExpectedPupils,
                                    denominator: Double(s.estimatedCohort), cohort: s.estimatedCohort))
        rows.append(context.measure(ids.fftActualVsEstimated, group: group, year: year, yearText: yearText, school: school,
                                    value: s.actualVsEstimated, numerator: Double(s.actualExpected.numerator),
                                    denominator: Double(s.actualExpected.denominator), cohort: s.estimatedCohort))
    }

    /// A measure id and whether it has any comparison figure (`AnalysisContext.isCompared`).
    struct ComparedID: Sendable {
        let id: MeasureID
        let compared: Bool

        init(_ id: MeasureID, context: AnalysisContext) {
            self.id = id
            compared = context.isCompared(id)
        }
    }

    /// A subject's measure ids, built once per call of `rows` rather than interpolated for every row.
    struct MeasureIDs: Sendable {
        let expected, higher, averageScaledScore: ComparedID
        let fftAtOrAbove, fftMeanGap, fftMeanGapLow, fftMeanGapHigh, fftEstimatedExpected, fftActualVsEstimated: ComparedID

        init(_ subject: KS2Subject, context: AnalysisContext) {
            expected = ComparedID(.ks2(subject, .expected), context: context)
            higher = ComparedID(.ks2(subject, .higher), context: context)
            averageScaledScore = ComparedID(.ks2(subject, .averageScaledScore), context: context)
            fftAtOrAbove = ComparedID(.fft(subject, .atOrAboveEstimate), context: context)
            fftMeanGap = ComparedID(.fft(subject, .meanGap), context: context)
            fftMeanGapLow = ComparedID(.fft(subject, .meanGapLow), context: context)
            fftMeanGapHigh = ComparedID(.fft(subject, .meanGapHigh), context: context)
            fftEstimatedExpected = ComparedID(.fft(subject, .estimatedExpected), context: context)
            fftActualVsEstimated = ComparedID(.fft(subject, .actualVsEstimatedExpected), context: context)
        }
    }
}

extension AnalysisContext {
    fileprivate func measure(_ id: KS2Measures.ComparedID, group: MeasureGroup, year: AcademicYear, yearText: String, school: School?,
                             proportion: Proportion) -> MeasureRow {
        measure(id.id, compared: id.compared, group: group, year: year, yearText: yearText, school: school, proportion: proportion)
    }

    fileprivate func measure(_ id: KS2Measures.ComparedID, group: MeasureGroup, year: AcademicYear, yearText: String, school: School?,
                             value: Double?, numerator: Double? = nil, denominator: Double? = nil, cohort: Int? = nil) -> MeasureRow {
        measure(id.id, compared: id.compared, group: group, year: year, yearText: yearText, school: school, value: value,
                numerator: numerator, denominator: denominator, cohort: cohort)
    }
}

extension KS2Subject {
    /// The position in `allCases`.
    var index: Int {
        switch self {
        case .reading: return 0
        case .writing: return 1
        case .maths: return 2
        case .gps: return 3
        case .rwm: return 4
        }
    }
}
