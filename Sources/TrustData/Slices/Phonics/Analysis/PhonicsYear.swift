/// One year's phonics for a school or the trust: Year 1 and by-the-end-of-Year-2 figures by group,
/// and (for a school) the pupils who have not yet met the standard.
public struct PhonicsYear: Sendable {
    public struct GroupFigures: Sendable {
        public let group: PupilGroup
        public let figures: PhonicsFigures
    }

    public struct PupilNotMet: Sendable, Hashable {
        public let upn: String
        public let name: String
        public let yearGroup: Int
        public let mark: Int?
        public let status: PhonicsStatus
    }

    public let year: AcademicYear
    public let threshold: Int?
    public let y1: [GroupFigures]
    /// Nil when the data has no Year 1 results for the year before (nobody could have met it in Year 1).
    public let byY2: [GroupFigures]?
    /// How the Year 2 cohort was found, stated on the sheet.
    public let byY2Basis: String
    public let notYetMet: [PupilNotMet]

    public var y1All: PhonicsFigures { y1.first { $0.group == .all }?.figures ?? PhonicsFigures() }
    public var byY2All: PhonicsFigures? { byY2?.first { $0.group == .all }?.figures }

    func measures(school: School?, context: AnalysisContext, codes: [String]) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        func add(_ stage: PhonicsStage, _ groups: [GroupFigures]) {
            for g in groups {
                rows.append(context.measure(.phonicsExpected(stage), group: g.group, year: year, school: school, proportion: g.figures.expected))
            }
            let all = groups.first { $0.group == .all }?.figures ?? PhonicsFigures()
            for code in codes {
                let n = all.excluded[code, default: 0]
                rows.append(context.measure(.phonicsCount(stage, code: code), year: year, school: school, value: Double(n), numerator: Double(n)))
            }
        }
        add(.y1, y1)
        if let byY2 { add(.byY2, byY2) }
        return rows
    }
}
