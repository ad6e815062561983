/// One year's attendance for a school or the trust: the date window, every group's figures and (for a
/// school) its persistently absent pupils.
public struct AttendanceYear: Sendable {
    public struct GroupFigures: Sendable {
        public let group: PupilGroup
        public let figures: AttendanceFigures
    }

    /// A persistently absent pupil, for the school's own sheet only (privacy).
    public struct Absentee: Sendable, Hashable {
        public let upn: String
        public let name: String
        public let yearGroup: Int?
        public let possible: Int
        public let missed: Int
        public let authorised: Int
        public let unauthorised: Int
        public let severe: Bool
        /// The pupil's absence rate 0–100.
        public var rate: Double { possible == 0 ? 0 : Double(missed) * 100 / Double(possible) }
    }

    public let year: AcademicYear
    /// The first and last dates with data (marks, or summary periods); nil when the source gave no dates.
    public let firstDate: CalendarDate?
    public let lastDate: CalendarDate?
    public let sources: Set<AttendanceTally.Source>
    /// Characteristic groups then year groups; groups nobody belongs to are left out (except `all`).
    public let groups: [GroupFigures]
    public let absentees: [Absentee]
    /// Enrolments with marks but no roster row: counted in `all` only.
    public let notOnRoster: Int
    /// Reception and nursery enrolments: below compulsory school age, so kept out of every
    /// characteristic group (the headline rates compared with national) and shown in their own row.
    public var belowCompulsoryAge: Int = 0

    /// The period the figures cover, and the benchmark period they may be compared with.
    public var period: FigurePeriod { FigurePeriod.of(year: year, first: firstDate, last: lastDate) }

    public var all: AttendanceFigures { groups.first { $0.group == .all }?.figures ?? AttendanceFigures() }
    public func figures(_ group: PupilGroup) -> AttendanceFigures? { groups.first { $0.group == group }?.figures }

    /// "2 Sep 2024 to 18 Jul 2025", stated on every sheet.
    public var windowText: String {
        guard let firstDate, let lastDate else { return "\(year) (the summary file gives no period dates)" }
        return "\(firstDate.uk) to \(lastDate.uk)"
    }

    /// Builds a year from enrolment tallies (all of one year), joining each to the roster for its groups.
    static func build(year: AcademicYear, tallies: [AttendanceTally], index: EnrolmentIndex,
                      settings: AttendanceSettings, listPupils: Bool) -> AttendanceYear {
        // Figures per group in `order` slots (a dictionary update per tally and group showed in profiles);
        // a slot is filled once any tally belongs to its group, as the dictionary entry was.
        let order = AttendanceYear.groupOrder
        var byGroup = [AttendanceFigures?](repeating: nil, count: order.count)
        func add(_ g: PupilGroup, _ t: AttendanceTally) {
            let slot = AttendanceYear.slot(g)
            if byGroup[slot] == nil { byGroup[slot] = AttendanceFigures() }
            byGroup[slot]!.add(t, settings: settings)
        }
        var absentees: [Absentee] = []
        var first: CalendarDate?, last: CalendarDate?
        var notOnRoster = 0
        var belowAge = 0
        var fromMarks = false, fromSummary = false
        for t in tallies {
            switch t.source {
            case .marks: fromMarks = true
            case .summary: fromSummary = true
            }
            if let d = t.firstDate, first.map({ d < $0 }) ?? true { first = d }
            if let d = t.lastDate, last.map({ d > $0 }) ?? true { last = d }
            let match = index.match(urn: t.urn, upn: t.upn, year: year)
            if match == nil { notOnRoster += 1 }
            var groups = match.map { PupilGroup.memberships(of: $0.pupil.characteristics) } ?? [.all]
            // Scope (DfE pupil absence methodology): the headline rates and persistent/severe absence
            // cover pupils of compulsory school age, 5–15 at the start of the year, i.e. Year 1 to Year 11.
            // Reception (and nursery) enrolments count in their own year-group row only. A pupil not on
            // the roster has no known year group and stays in the headline.
            if let y = match?.yearGroup, y <= 0 {
                groups = []
                belowAge += 1
            }
            if let y = match?.yearGroup, let g = PupilGroup.yearGroup(y) { groups.append(g) }
            for g in groups { add(g, t) }
            if listPupils, t.missed(atLeast: settings.persistentAbsenceThreshold) {
                absentees.append(Absentee(upn: t.upn, name: match?.pupil.displayName ?? "(not on roster)", yearGroup: match?.yearGroup,
                                          possible: t.possible, missed: t.absent, authorised: t.authorised,
                                          unauthorised: t.unauthorised, severe: t.missed(atLeast: settings.severeAbsenceThreshold)))
            }
        }
        // Worst first, then by name: the order a meeting works through the list.
        absentees.sort { ($1.rate, $0.name, $0.upn) < ($0.rate, $1.name, $1.upn) }
        var sources: Set<AttendanceTally.Source> = []
        if fromMarks { sources.insert(.marks) }
        if fromSummary { sources.insert(.summary) }
        let groups = order.enumerated().compactMap { slot, g -> GroupFigures? in
            guard let f = byGroup[slot] ?? (g == .all ? AttendanceFigures() : nil) else { return nil }
            return GroupFigures(group: g, figures: f)
        }
        var built = AttendanceYear(year: year, firstDate: first, lastDate: last, sources: sources, groups: groups,
                                   absentees: absentees, notOnRoster: notOnRoster)
        built.belowCompulsoryAge = belowAge
        return built
    }

    /// Years of several disjoint sets of enrolments as if built from all their tallies at once (no pupil
    /// list): counts added, date window widened, sources joined. A group appears when it appears in any
    /// part (`all` always), as in `build`.
    static func pooled(_ parts: [[AttendanceYear]]) -> [AttendanceYear] {
        var byYear: [AcademicYear: [AttendanceYear]] = [:]
        for list in parts { for y in list { byYear[y.year, default: []].append(y) } }
        return byYear.keys.sorted().map { year in
            var figures = [AttendanceFigures?](repeating: nil, count: groupOrder.count)
            var first: CalendarDate?, last: CalendarDate?
            var sources: Set<AttendanceTally.Source> = []
            var notOnRoster = 0
            var belowAge = 0
            for y in byYear[year]! {
                belowAge += y.belowCompulsoryAge
                for g in y.groups {
                    let slot = AttendanceYear.slot(g.group)
                    if figures[slot] == nil { figures[slot] = AttendanceFigures() }
                    figures[slot]!.add(g.figures)
                }
                if let d = y.firstDate, first.map({ d < $0 }) ?? true { first = d }
                if let d = y.lastDate, last.map({ d > $0 }) ?? true { last = d }
                sources.formUnion(y.sources)
                notOnRoster += y.notOnRoster
            }
            let groups = groupOrder.enumerated().compactMap { slot, g -> GroupFigures? in
                guard let f = figures[slot] ?? (g == .all ? AttendanceFigures() : nil) else { return nil }
                return GroupFigures(group: g, figures: f)
            }
            var pooled = AttendanceYear(year: year, firstDate: first, lastDate: last, sources: sources, groups: groups,
                                        absentees: [], notOnRoster: notOnRoster)
            pooled.belowCompulsoryAge = belowAge
            return pooled
        }
    }

    /// Characteristic groups then year groups: the order sheets and measures list them.
    static let groupOrder = PupilGroup.characteristicGroups + PupilGroup.yearGroups

    /// A group's position in `groupOrder`, without hashing.
    static func slot(_ g: PupilGroup) -> Int { g.position }

    func measures(school: School?, context: AnalysisContext) -> [MeasureRow] {
        let period = self.period
        return groups.flatMap { g in
            g.figures.measures.map { m in
                // Session rates: n is the pupils behind them (small-cohort flag), not the sessions.
                context.measure(m.id, group: g.group, year: year, school: school, value: m.proportion.percent,
                                numerator: Double(m.proportion.numerator), denominator: Double(m.proportion.denominator),
                                cohort: g.figures.enrolments, period: period)
            }
        }
    }
}
