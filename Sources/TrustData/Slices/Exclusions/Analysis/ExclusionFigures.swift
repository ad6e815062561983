/// Counts behind one group's exclusion figures in one year. DfE (Suspensions and permanent exclusions
/// in England; pupil exclusion statistics methodology): suspension rate = suspensions ÷ pupils on roll
/// × 100, permanent exclusion rate = permanent exclusions ÷ pupils on roll × 100 (both per 100 pupils;
/// a pupil suspended twice counts twice), one-or-more suspension rate = pupils (enrolments) with at least
/// one suspension ÷ pupils on roll × 100. Pupils on roll: the school's roster for the year (DfE uses the
/// census headcount). The % with two or more suspensions is the trust's repeat-suspension measure on the
/// same denominator (DfE publishes no benchmark for it).
public struct ExclusionFigures: Sendable, Hashable {
    public var roll = 0
    public var suspensions = 0
    public var permanent = 0
    public var pupilsSuspended = 0
    public var pupilsSuspendedTwice = 0
    public var sessions = 0.0

    public init() {}

    static func per100(_ n: Int, _ roll: Int) -> Double? { roll == 0 ? nil : Double(n) * 100 / Double(roll) }

    public var suspensionRate: Double? { Self.per100(suspensions, roll) }
    public var permanentRate: Double? { Self.per100(permanent, roll) }
    public var oneOrMore: Proportion { Proportion(pupilsSuspended, of: roll) }
    public var twoOrMore: Proportion { Proportion(pupilsSuspendedTwice, of: roll) }
}

/// One year's exclusions for a school or the trust, by group, with the reasons and (for a school) the
/// exclusions themselves.
public struct ExclusionYear: PupilResultsYear {
    public let year: AcademicYear
    public let groups: [GroupFigures<ExclusionFigures>]
    /// Suspensions and permanent exclusions by reason code, most first.
    public let reasons: [(code: String, meaning: String, suspensions: Int, permanent: Int)]
    public let exclusions: [ExclusionRecord]
    /// Exclusions of pupils not on the school's roster for the year: counted, but not in the denominator.
    public let notOnRoll: Int

    public var all: ExclusionFigures { groups.first { $0.group == .all }?.figures ?? ExclusionFigures() }
    /// Pupils on roll, or exclusions (of pupils not on the roster).
    public var hasFigures: Bool { all.roll > 0 || all.suspensions + all.permanent > 0 }

    /// DfE's rates differ by phase and the benchmark files hold state-funded primary figures only: a
    /// school of another phase (a trust with one) gets no national or LA figure.
    public func measures(school: School?, context: AnalysisContext) -> [MeasureRow] {
        let comparable = school.map(ExclusionsSlice.isPrimary) ?? context.schools.allSatisfy(ExclusionsSlice.isPrimary)
        var rows: [MeasureRow] = []
        for g in groups {
            let f = g.figures, group = g.group
            rows.append(context.measure("exclusions.suspension_rate", group: group, year: year, school: school, value: f.suspensionRate,
                                        numerator: Double(f.suspensions), denominator: Double(f.roll), cohort: f.roll))
            rows.append(context.measure("exclusions.permanent_exclusion_rate", group: group, year: year, school: school, value: f.permanentRate,
                                        numerator: Double(f.permanent), denominator: Double(f.roll), cohort: f.roll))
            rows.append(context.measure("exclusions.one_or_more_suspensions", group: group, year: year, school: school, proportion: f.oneOrMore))
            rows.append(context.measure("exclusions.two_or_more_suspensions", group: group, year: year, school: school, proportion: f.twoOrMore))
        }
        let a = all
        rows.append(context.measure("exclusions.suspensions", year: year, school: school, value: Double(a.suspensions), numerator: Double(a.suspensions)))
        rows.append(context.measure("exclusions.permanent_exclusions", year: year, school: school, value: Double(a.permanent), numerator: Double(a.permanent)))
        rows.append(context.measure("exclusions.sessions_lost", year: year, school: school, value: a.sessions, numerator: a.sessions))
        guard !comparable else { return latestPublished(rows, school: school, context: context) }
        for i in rows.indices where rows[i].national != nil || rows[i].la != nil {
            rows[i].national = nil
            rows[i].la = nil
            rows[i].nationalBasis = "no national figure for this phase in the benchmark files (state-funded primary only)"
        }
        return rows
    }

    /// DfE publishes a year's exclusion statistics the following July (the benchmark files reach 2023/24),
    /// so a year with no national figure yet is compared with the latest published one — national and LA
    /// of that year — and the basis names it ("LA tables (England row, LAIT) of 2023/24, the latest published").
    func latestPublished(_ rows: [MeasureRow], school: School?, context: AnalysisContext) -> [MeasureRow] {
        var rows = rows
        for i in rows.indices where rows[i].national == nil {
            guard let latest = context.benchmarks.latestNational(before: year, rows[i].measure, rows[i].group) else { continue }
            rows[i].national = latest.value
            rows[i].la = school.flatMap { context.benchmarks.la(latest.year, $0.laName, rows[i].measure, rows[i].group)?.value }
            rows[i].nationalYear = latest.year.description
            rows[i].nationalBasis = "\(latest.basisText) of \(latest.year), the latest published"
        }
        return rows
    }

    /// `records`: the school's (or trust's) exclusions with their pupils' groups; `roll`: its pupils on
    /// roll in the year with their groups. Pupils are counted per enrolment (school and UPN), as DfE does.
    static func make(_ year: AcademicYear, records: [(ExclusionRecord, [PupilGroup])], roll: [(String, [PupilGroup])], listExclusions: Bool) -> ExclusionYear {
        var tally = GroupTally(ExclusionFigures())
        var onRoll: Set<String> = []
        for (key, groups) in roll {
            onRoll.insert(key)
            tally.add(groups) { $0.roll += 1 }
        }
        let thisYear = records.filter { $0.0.year == year }
        var perPupil: [String: (count: Int, groups: [PupilGroup])] = [:]
        var reasons: [String: (meaning: String, suspensions: Int, permanent: Int)] = [:]
        var notOnRoll = 0
        for (r, groups) in thisYear {
            let key = "\(r.urn)|\(r.upn)"
            if !onRoll.contains(key) { notOnRoll += 1 }
            tally.add(groups) { f in
                if r.permanent { f.permanent += 1 } else { f.suspensions += 1 }
                f.sessions += r.sessions ?? 0
            }
            if !r.permanent { perPupil[key, default: (0, groups)].count += 1 }
            var reason = reasons[r.reason, default: (r.reasonMeaning, 0, 0)]
            if r.permanent { reason.permanent += 1 } else { reason.suspensions += 1 }
            reasons[r.reason] = reason
        }
        for (_, p) in perPupil {
            tally.add(p.groups) { f in
                f.pupilsSuspended += 1
                if p.count >= 2 { f.pupilsSuspendedTwice += 1 }
            }
        }
        let reasonList = reasons.map { (code: $0.key, meaning: $0.value.meaning, suspensions: $0.value.suspensions, permanent: $0.value.permanent) }
            .sorted { ($1.suspensions + $1.permanent, $0.code) < ($0.suspensions + $0.permanent, $1.code) }
        let list = listExclusions ? thisYear.map(\.0).sorted { ($0.startDate.iso, $0.upn) < ($1.startDate.iso, $1.upn) } : []
        return ExclusionYear(year: year, groups: tally.groups, reasons: reasonList, exclusions: list, notOnRoll: notOnRoll)
    }
}

/// The exclusions measure ids (a contract: add, never rename).
public enum ExclusionMeasures {
    static let source = "DfE Suspensions and permanent exclusions in England (pupil exclusion statistics methodology): rates are per 100 pupils on roll (headcount): suspensions ÷ pupils × 100, permanent exclusions ÷ pupils × 100, pupils with one or more suspensions ÷ pupils × 100; counted per enrolment."

    public static let definitions: [MeasureDefinition] = [
        MeasureDefinition("exclusions.suspension_rate", "Suspension rate (suspensions per 100 pupils on roll)", unit: .ratePer100,
                          numerator: "suspensions (fixed-period and lunchtime) starting in the year", denominator: "pupils on roll (roster for the year)", source: source, higherIsBetter: false),
        MeasureDefinition("exclusions.permanent_exclusion_rate", "Permanent exclusion rate (per 100 pupils on roll)", unit: .ratePer100,
                          numerator: "permanent exclusions starting in the year", denominator: "pupils on roll (roster for the year)", source: source, higherIsBetter: false),
        MeasureDefinition("exclusions.one_or_more_suspensions", "% of pupils with one or more suspensions", unit: .percent,
                          numerator: "pupils with at least one suspension in the year", denominator: "pupils on roll (roster for the year)", source: source, higherIsBetter: false),
        MeasureDefinition("exclusions.two_or_more_suspensions", "% of pupils with two or more suspensions (repeat suspensions)", unit: .percent,
                          numerator: "pupils with at least two suspensions in the year", denominator: "pupils on roll (roster for the year)",
                          source: "Trust measure on DfE's one-or-more basis (same denominator); DfE publishes no benchmark for it.", higherIsBetter: false),
        MeasureDefinition("exclusions.suspensions", "Number of suspensions", unit: .count, numerator: "suspensions starting in the year", source: source, higherIsBetter: false),
        MeasureDefinition("exclusions.permanent_exclusions", "Number of permanent exclusions", unit: .count, numerator: "permanent exclusions starting in the year", source: source, higherIsBetter: false),
        MeasureDefinition("exclusions.sessions_lost", "Sessions (half days) lost to suspensions and permanent exclusions", unit: .count,
                          numerator: "sessions given in the export (days × 2 where only days are given)", source: source, higherIsBetter: false),
    ]
}
