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
        var byGroup: [PupilGroup: AttendanceFigures] = [:]
        var absentees: [Absentee] = []
        var first: CalendarDate?, last: CalendarDate?
        var notOnRoster = 0
        var sources: Set<AttendanceTally.Source> = []
        for t in tallies {
            sources.insert(t.source)
            if let d = t.firstDate, first.map({ d < $0 }) ?? true { first = d }
            if let d = t.lastDate, last.map({ d > $0 }) ?? true { last = d }
            let match = index.match(urn: t.urn, upn: t.upn, year: year)
            if match == nil { notOnRoster += 1 }
            var groups = match.map { PupilGroup.memberships(of: $0.pupil.characteristics) } ?? [.all]
            if let y = match?.yearGroup, let g = PupilGroup.yearGroup(y) { groups.append(g) }
            for g in groups { byGroup[g, default: AttendanceFigures()].add(t, settings: settings) }
            if listPupils, t.missed(atLeast: settings.persistentAbsenceThreshold) {
                absentees.append(Absentee(upn: t.upn, name: match?.pupil.displayName ?? "(not on roster)", yearGroup: match?.yearGroup,
                                          possible: t.possible, missed: t.absent, authorised: t.authorised,
                                          unauthorised: t.unauthorised, severe: t.missed(atLeast: settings.severeAbsenceThreshold)))
            }
        }
        // Worst first, then by name: the order a meeting works through the list.
        absentees.sort { ($1.rate, $0.name, $0.upn) < ($0.rate, $1.name, $1.upn) }
        let order = PupilGroup.characteristicGroups + PupilGroup.yearGroups
        let groups = order.compactMap { g -> GroupFigures? in
            guard let f = byGroup[g] ?? (g == .all ? AttendanceFigures() : nil) else { return nil }
            return GroupFigures(group: g, figures: f)
        }
        return AttendanceYear(year: year, firstDate: first, lastDate: last, sources: sources, groups: groups,
                              absentees: absentees, notOnRoster: notOnRoster)
    }

    func measures(school: School?, context: AnalysisContext) -> [MeasureRow] {
        groups.flatMap { g in
            g.figures.measures.map { m in
                // Session rates: n is the pupils behind them (small-cohort flag), not the sessions.
                context.measure(m.id, group: g.group.rawValue, year: year, school: school, value: m.proportion.percent,
                                numerator: Double(m.proportion.numerator), denominator: Double(m.proportion.denominator),
                                cohort: g.figures.enrolments)
            }
        }
    }
}
