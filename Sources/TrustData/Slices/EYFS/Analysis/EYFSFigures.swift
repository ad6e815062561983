/// Counts behind one group's EYFS figures in one year. DfE's percentages are of all children assessed
/// (EYFS profile results methodology: "count (and derived percentage of all children)"); a child coded
/// not assessed counts in the denominator as not at the expected level. The ELG-based figures need the
/// 17 outcomes, so their denominator is the children whose export gave them.
public struct EYFSFigures: Sendable, Hashable {
    public var pupils = 0
    public var gld = 0
    /// Children whose 17 ELG outcomes were given (the denominator of every ELG-based figure).
    public var withGoals = 0
    public var allGoals = 0
    /// ELGs at the expected level, summed over `withGoals` children (for the average).
    public var goalsExpected = 0
    public var commLangLit = 0
    /// Children at the expected level in every ELG of each area, by `EYFSArea.allCases` position.
    public var areas = [Int](repeating: 0, count: EYFSArea.allCases.count)
    public var notAssessed = 0

    public init() {}

    mutating func add(_ r: EYFSRecord) {
        pupils += 1
        if r.gld { gld += 1 }
        guard r.hasGoals else { return }
        withGoals += 1
        goalsExpected += r.expectedCount
        if r.expectedCount == EYFSGoals.all.count { allGoals += 1 }
        if r.expected(in: EYFSGoals.commLangLit) { commLangLit += 1 }
        for (i, area) in EYFSArea.allCases.enumerated() where r.expected(in: area.goals) { areas[i] += 1 }
        if r.notAssessed { notAssessed += 1 }
    }

    public var gldProportion: Proportion { Proportion(gld, of: pupils) }
    public var averageGoals: Double? { withGoals == 0 ? nil : Double(goalsExpected) / Double(withGoals) }
    public func area(_ a: EYFSArea) -> Proportion { Proportion(areas[EYFSArea.allCases.firstIndex(of: a)!], of: withGoals) }
}

/// One year's EYFS profile for a school or the trust: figures by group and (for a school) the children
/// who did not reach a good level of development.
public struct EYFSYear: PupilResultsYear {
    public struct ChildNotGLD: Sendable, Hashable {
        public let upn: String
        public let name: String
        /// The GLD areas not at the expected level, in words ("Literacy, Mathematics"), or "" when only the flag was given.
        public let areasBelow: String
        public let goalsExpected: Int?
    }

    public let year: AcademicYear
    public let groups: [GroupFigures<EYFSFigures>]
    public let notGLD: [ChildNotGLD]

    public var all: EYFSFigures { groups.first { $0.group == .all }?.figures ?? EYFSFigures() }
    public var hasFigures: Bool { all.pupils > 0 }

    /// The rows of `measures.csv`: every measure by every group with pupils (ELG-based ones only where
    /// outcomes were given), and the count of children not assessed.
    public func measures(school: School?, context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        for g in groups {
            let f = g.figures, group = g.group
            rows.append(context.measure("eyfs.gld", group: group, year: year, school: school, proportion: f.gldProportion))
            guard f.withGoals > 0 else { continue }
            rows.append(context.measure("eyfs.all_elgs.expected", group: group, year: year, school: school, proportion: Proportion(f.allGoals, of: f.withGoals)))
            rows.append(context.measure("eyfs.average_elgs", group: group, year: year, school: school, value: f.averageGoals,
                                        numerator: Double(f.goalsExpected), denominator: Double(f.withGoals), cohort: f.withGoals))
            rows.append(context.measure("eyfs.comm_lang_lit.expected", group: group, year: year, school: school, proportion: Proportion(f.commLangLit, of: f.withGoals)))
            for area in EYFSArea.allCases {
                rows.append(context.measure(area.measure, group: group, year: year, school: school, proportion: f.area(area)))
            }
        }
        if all.withGoals > 0 {
            let n = Double(all.notAssessed)
            rows.append(context.measure("eyfs.not_assessed", year: year, school: school, value: n, numerator: n))
        }
        return rows
    }

    /// Tallies the year's records by group (`PupilGroup.withFSM`; a group with no child is left out,
    /// `all` never is), listing the children without a GLD when `listChildren` (a school's sheet only).
    static func make(_ year: AcademicYear, records: [(EYFSRecord, [PupilGroup])], listChildren: Bool, roster: PupilRoster) -> EYFSYear {
        var tally = GroupTally(EYFSFigures())
        var notGLD: [ChildNotGLD] = []
        for (r, groups) in records where r.year == year {
            tally.add(groups) { $0.add(r) }
            if listChildren, !r.gld {
                let name = r.displayName(roster: roster)
                let below = r.hasGoals ? EYFSArea.gldAreas.filter { !r.expected(in: $0.goals) }.map(\.label).joined(separator: ", ") : ""
                notGLD.append(ChildNotGLD(upn: r.upn, name: name, areasBelow: below, goalsExpected: r.hasGoals ? r.expectedCount : nil))
            }
        }
        notGLD.sort { ($0.name, $0.upn) < ($1.name, $1.upn) }
        return EYFSYear(year: year, groups: tally.groups, notGLD: notGLD)
    }
}
