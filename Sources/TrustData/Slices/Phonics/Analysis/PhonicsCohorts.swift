/// Finds the Year 1 and Year 2 cohorts of a school (or the trust, `urn` nil) and where each pupil stands.
///
/// Built once per run and shared by every school of the fan-out: the records are indexed by (year,
/// year group, UPN) and grouped by school, and the roster's Year 2 pupils by school, so a school never
/// rescans the trust's records or roster (building this per school was a tenth of the run, profiled).
public struct PhonicsCohorts: Sendable {
    let data: PhonicsData
    let context: AnalysisContext
    /// Years with any result, oldest first (`PhonicsData.years`).
    let years: [AcademicYear]
    /// A, D, L, Q: the codes counted separately (`PhonicsData.excludedCodes`).
    let excludedCodes: [String]
    private let yearsPresent: Set<AcademicYear>
    private let byYearAndUPN: [RecordKey: Int]
    /// Each school's records as positions in `data.records`, in file order (a copy of every record
    /// grouped by school doubled them for the whole analysis; a school's are copied while it is analysed).
    private let recordsBySchool: [String: [Int32]]
    /// Roster rows in Year 2 (any year), in roster order, as positions in `context.roster.pupils`: all,
    /// and by school (two copies of those rows were held for the whole analysis).
    private let rosterYear2: [Int32]
    private let rosterYear2BySchool: [String: [Int32]]

    private struct RecordKey: Hashable {
        let year: AcademicYear
        let yearGroup: Int
        let upn: String
    }

    public init(data: PhonicsData, context: AnalysisContext) {
        self.data = data
        self.context = context
        yearsPresent = Set(data.records.map(\.year))
        years = yearsPresent.sorted()
        excludedCodes = data.excludedCodes
        var index: [RecordKey: Int] = [:]
        index.reserveCapacity(data.records.count)
        var bySchool: [String: [Int32]] = [:]
        for (i, r) in data.records.enumerated() {
            // First record wins, as before.
            let key = RecordKey(year: r.year, yearGroup: r.yearGroup, upn: r.upn)
            if index[key] == nil { index[key] = i }
            bySchool[r.urn, default: []].append(Int32(i))
        }
        byYearAndUPN = index
        recordsBySchool = bySchool
        let pupils = context.roster.pupils
        var year2: [Int32] = []
        var year2BySchool: [String: [Int32]] = [:]
        for i in pupils.indices where pupils[i].yearGroup == 2 {
            year2.append(Int32(i))
            year2BySchool[pupils[i].urn, default: []].append(Int32(i))
        }
        rosterYear2 = year2
        rosterYear2BySchool = year2BySchool
    }

    func record(_ year: AcademicYear, yearGroup: Int, _ upn: String) -> PhonicsRecord? {
        byYearAndUPN[RecordKey(year: year, yearGroup: yearGroup, upn: upn)].map { data.records[$0] }
    }

    /// The records at this school (the trust's when nil), in file order.
    private func records(_ urn: String?) -> [PhonicsRecord] {
        guard let urn else { return data.records }
        return (recordsBySchool[urn] ?? []).map { data.records[Int($0)] }
    }

    func groups(_ upn: String, _ year: AcademicYear, _ record: PhonicsRecord?) -> [PupilGroup] {
        let roster = context.roster.pupil(year, upn)?.characteristics
        let c = record.map { $0.characteristics.filled(from: roster) } ?? roster ?? PupilCharacteristics()
        return PupilGroup.memberships(of: c)
    }

    func name(_ upn: String, _ year: AcademicYear, _ record: PhonicsRecord?) -> String {
        if let s = record?.surname, let f = record?.forename { return "\(s), \(f)" }
        return context.roster.pupil(year, upn)?.displayName ?? record?.surname ?? upn
    }

    static func collect(_ statuses: [(PhonicsStatus, [PupilGroup])]) -> [PhonicsYear.GroupFigures] {
        // Slots by `PupilGroup.position` (characteristic groups come first); a slot is filled once any
        // pupil is in its group, as the dictionary entry was.
        var byGroup = [PhonicsFigures?](repeating: nil, count: PupilGroup.characteristicGroups.count + PupilGroup.yearGroups.count)
        for (status, groups) in statuses {
            for g in groups {
                if byGroup[g.position] == nil { byGroup[g.position] = PhonicsFigures() }
                byGroup[g.position]!.add(status)
            }
        }
        return PupilGroup.characteristicGroups.compactMap { g in
            guard let f = byGroup[g.position] ?? (g == .all ? PhonicsFigures() : nil) else { return nil }
            return PhonicsYear.GroupFigures(group: g, figures: f)
        }
    }

    func year(_ year: AcademicYear, urn: String?) -> PhonicsYear {
        let here = records(urn)
        // Only a school lists its pupils (privacy); the trust skips the names and sorting altogether.
        let listPupils = urn != nil
        var notYetMet: [PhonicsYear.PupilNotMet] = []
        // Year 1: pupils who took (or were coded for) the check this year at this school.
        let y1Records = here.filter { $0.year == year && $0.yearGroup == 1 }
        let y1 = PhonicsCohorts.collect(y1Records.map { r in
            let status = PhonicsStatus(r.outcome)
            if listPupils, status != .met {
                notYetMet.append(.init(upn: r.upn, name: name(r.upn, year, r), yearGroup: 1, mark: r.mark, status: status))
            }
            return (status, groups(r.upn, year, r))
        })

        // By the end of Year 2: needs last year's Year 1 results, or nobody could have met it in Year 1.
        var byY2: [PhonicsYear.GroupFigures]?
        var basis = "No Year 1 results for \(year.previous) in the data, so % by the end of Year 2 cannot be worked out."
        if yearsPresent.contains(year.previous) {
            var cohort: [String] = []
            var inCohort: Set<String> = []
            func join(_ upn: String) { if inCohort.insert(upn).inserted { cohort.append(upn) } }
            let pupils = context.roster.pupils
            let rosterY2 = (urn.map { rosterYear2BySchool[$0] ?? [] } ?? rosterYear2).lazy.map { pupils[Int($0)] }.filter { $0.academicYear == year }
            for r in here where r.year == year && r.yearGroup == 2 { join(r.upn) }
            if rosterY2.isEmpty {
                basis = "Year 2 cohort: this year's Year 2 retakes plus last year's Year 1 pupils here (no \(year) Year 2 roster)."
                for r in here where r.year == year.previous && r.yearGroup == 1 { join(r.upn) }
            } else {
                basis = "Year 2 cohort: pupils on the \(year) roster in Year 2, plus any Year 2 retakes here."
                for p in rosterY2 { join(p.upn) }
            }
            byY2 = PhonicsCohorts.collect(cohort.map { upn in
                let inY1 = record(year.previous, yearGroup: 1, upn)
                let retake = record(year, yearGroup: 2, upn)
                let status: PhonicsStatus
                if inY1?.met == true || retake?.met == true {
                    status = .met
                } else if let retake {
                    status = PhonicsStatus(retake.outcome)
                } else if let inY1 {
                    // Not met in Year 1 and no retake recorded: not met by the end of Year 2.
                    status = PhonicsStatus(inY1.outcome)
                } else {
                    status = .noResult
                }
                if listPupils, status != .met {
                    notYetMet.append(.init(upn: upn, name: name(upn, year, retake ?? inY1), yearGroup: 2,
                                           mark: retake?.mark ?? inY1?.mark, status: status))
                }
                return (status, groups(upn, year, retake ?? inY1))
            })
        }
        notYetMet.sort { ($0.yearGroup, $0.name, $0.upn) < ($1.yearGroup, $1.name, $1.upn) }
        return PhonicsYear(year: year, threshold: data.codes.threshold(year), y1: y1, byY2: byY2, byY2Basis: basis,
                           notYetMet: notYetMet)
    }
}
