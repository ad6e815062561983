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
        let disadvantagedBit = KS2PupilFacts.groupBit(.disadvantaged), otherBit = KS2PupilFacts.groupBit(.notDisadvantaged)
        // Positions into `pupils`, never copies of the facts (copying them per group showed in profiles).
        for year in years {
            let cohort = positions.filter { pupils[$0].year == year }
            guard !cohort.isEmpty else { continue }
            for (i, group) in PupilGroup.characteristicGroups.enumerated() {
                let bit: UInt32 = 1 << UInt32(i)
                let members = cohort.filter { pupils[$0].isIn(groupBit: bit) }
                guard !members.isEmpty else { continue }
                let g = group.rawValue
                for subject in KS2Subject.allCases {
                    let a = KS2Attainment(subject, facts: pupils, at: members)
                    let base = "ks2.\(subject.rawValue)"
                    rows.append(context.measure("\(base).expected", group: g, year: year, school: school, proportion: a.expected))
                    rows.append(context.measure("\(base).higher", group: g, year: year, school: school, proportion: a.higher))
                    if subject.isTest {
                        rows.append(context.measure("\(base).average_scaled_score", group: g, year: year, school: school,
                                                    value: a.averageScaledScore, numerator: Double(a.scoreSum),
                                                    denominator: Double(a.scoreCount), cohort: a.scoreCount))
                    }
                    rows += fftRows(subject, FFTSummary(subject, facts: pupils, at: members, z: z), group: g, year: year, school: school, context: context)
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
                    rows.append(context.measure(gap.measureID(basis), group: PupilGroup.disadvantaged.rawValue, year: year, school: school,
                                                value: gap.gap(basis), numerator: Double(gap.disadvantaged.numerator),
                                                denominator: Double(gap.disadvantaged.denominator), cohort: n))
                }
            }
        }
        return rows
    }

    static func fftRows(_ subject: KS2Subject, _ s: FFTSummary, group: String, year: AcademicYear, school: School?,
                        context: AnalysisContext) -> [MeasureRow] {
        guard s.estimatedCohort > 0 else { return [] }
        let base = "fft.\(subject.rawValue)"
        var rows: [MeasureRow] = []
        if subject != .rwm {
            rows.append(context.measure("\(base).at_or_above_estimate", group: group, year: year, school: school, proportion: s.atOrAbove))
        }
        if subject.isTest, s.gapCount > 0 {
            rows.append(context.measure("\(base).mean_gap", group: group, year: year, school: school, value: s.meanGap,
                                        numerator: s.gapSum, denominator: Double(s.gapCount), cohort: s.gapCount))
            if let low = s.intervalLow, let high = s.intervalHigh {
                rows.append(context.measure("\(base).mean_gap_ci_low", group: group, year: year, school: school, value: low,
                                            denominator: Double(s.gapCount), cohort: s.gapCount))
                rows.append(context.measure("\(base).mean_gap_ci_high", group: group, year: year, school: school, value: high,
                                            denominator: Double(s.gapCount), cohort: s.gapCount))
            }
        }
        rows.append(context.measure("\(base).estimated_expected", group: group, year: year, school: school,
                                    value: s.estimatedExpectedPercent, numerator: s.estimatedExpectedPupils,
                                    denominator: Double(s.estimatedCohort), cohort: s.estimatedCohort))
        rows.append(context.measure("\(base).actual_vs_estimated_expected", group: group, year: year, school: school,
                                    value: s.actualVsEstimated, numerator: Double(s.actualExpected.numerator),
                                    denominator: Double(s.actualExpected.denominator), cohort: s.estimatedCohort))
        return rows
    }
}
