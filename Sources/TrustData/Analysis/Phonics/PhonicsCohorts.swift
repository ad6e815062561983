/// Finds the Year 1 and Year 2 cohorts of a school (or the trust, `urn` nil) and where each pupil stands.
struct PhonicsCohorts {
    let data: PhonicsData
    let context: AnalysisContext
    private let byYearAndUPN: [String: PhonicsRecord]

    init(data: PhonicsData, context: AnalysisContext) {
        self.data = data
        self.context = context
        byYearAndUPN = Dictionary(data.records.map { ("\($0.year)|\($0.yearGroup)|\($0.upn)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    func record(_ year: AcademicYear, yearGroup: Int, _ upn: String) -> PhonicsRecord? { byYearAndUPN["\(year)|\(yearGroup)|\(upn)"] }

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
        var byGroup: [PupilGroup: PhonicsFigures] = [:]
        for (status, groups) in statuses { for g in groups { byGroup[g, default: PhonicsFigures()].add(status) } }
        return PupilGroup.characteristicGroups.compactMap { g in
            guard let f = byGroup[g] ?? (g == .all ? PhonicsFigures() : nil) else { return nil }
            return PhonicsYear.GroupFigures(group: g, figures: f)
        }
    }

    func year(_ year: AcademicYear, urn: String?) -> PhonicsYear {
        func here(_ u: String) -> Bool { urn == nil || urn == u }
        var notYetMet: [PhonicsYear.PupilNotMet] = []
        // Year 1: pupils who took (or were coded for) the check this year at this school.
        let y1Records = data.records.filter { $0.year == year && $0.yearGroup == 1 && here($0.urn) }
        let y1 = PhonicsCohorts.collect(y1Records.map { r in
            let status = PhonicsStatus(r.outcome)
            if status != .met {
                notYetMet.append(.init(upn: r.upn, name: name(r.upn, year, r), yearGroup: 1, mark: r.mark, status: status))
            }
            return (status, groups(r.upn, year, r))
        })

        // By the end of Year 2: needs last year's Year 1 results, or nobody could have met it in Year 1.
        var byY2: [PhonicsYear.GroupFigures]?
        var basis = "No Year 1 results for \(year.previous) in the data, so % by the end of Year 2 cannot be worked out."
        if data.records.contains(where: { $0.year == year.previous }) {
            var cohort: [String] = []
            var inCohort: Set<String> = []
            func join(_ upn: String) { if inCohort.insert(upn).inserted { cohort.append(upn) } }
            let rosterY2 = context.roster.pupils.filter { $0.academicYear == year && $0.yearGroup == 2 && here($0.urn) }
            for r in data.records where r.year == year && r.yearGroup == 2 && here(r.urn) { join(r.upn) }
            if rosterY2.isEmpty {
                basis = "Year 2 cohort: this year's Year 2 retakes plus last year's Year 1 pupils here (no \(year) Year 2 roster)."
                for r in data.records where r.year == year.previous && r.yearGroup == 1 && here(r.urn) { join(r.upn) }
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
                if status != .met {
                    notYetMet.append(.init(upn: upn, name: name(upn, year, retake ?? inY1), yearGroup: 2,
                                           mark: retake?.mark ?? inY1?.mark, status: status))
                }
                return (status, groups(upn, year, retake ?? inY1))
            })
        }
        notYetMet.sort { ($0.yearGroup, $0.name, $0.upn) < ($1.yearGroup, $1.name, $1.upn) }
        return PhonicsYear(year: year, threshold: data.codes.threshold(year), y1: y1, byY2: byY2, byY2Basis: basis,
                           notYetMet: urn == nil ? [] : notYetMet)
    }
}
