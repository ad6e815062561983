/// The frameworks applied to every school of a run, each school on a table of its own rows and the
/// schools spread over threads: one table of the whole trust's rows was the largest serial part of
/// the analysis left (profiled).
///
/// The evaluator only ever asks for one school's rows (`urn`) of the measures the rules read, so a
/// table of just those rows gives the same answers, provided they all come from that school's report:
/// URNs unique in the register, every school's read rows under its own URN, and no trust-level row
/// under a school's URN. When any of that does not hold, the whole-trust table is used.
enum SchoolAssessments {
    static func assess(_ schools: [School], trust: TrustReport, settings: FrameworksSettings, currentYear: AcademicYear,
                       threads: Int) throws -> [SupportAssessment] {
        let read = FrameworkEvaluator.measuresRead(by: settings)
        let urns = Set(schools.map(\.urn))
        @Sendable func readRows(_ lists: [[MeasureRow]]) -> [MeasureRow] {
            var rows: [MeasureRow] = []
            for list in lists { for i in list.indices where read.contains(list[i].measure) { rows.append(list[i]) } }
            return rows
        }
        let trustRows = readRows(trust.trustMeasureParts)
        let separable = urns.count == schools.count && trust.schools.count == schools.count
            && zip(trust.schools, schools).allSatisfy { $0.school.urn == $1.urn }
            && !trustRows.contains { urns.contains($0.urn) }
        if separable {
            let assessed = try fanOut(schools.count, threads: threads) { i -> SupportAssessment? in
                let school = schools[i]
                let rows = readRows(trust.schools[i].measureParts)
                guard rows.allSatisfy({ $0.urn == school.urn }) else { return nil }
                return FrameworkEvaluator(settings: settings, table: MeasureTable(rows, currentYear: currentYear))
                    .assess(urn: school.urn, school: school.name)
            }
            if assessed.allSatisfy({ $0 != nil }) { return assessed.map { $0! } }
        }
        return FrameworkEvaluator(settings: settings, measureParts: trust.measureParts, currentYear: currentYear).assess(schools)
    }
}
