/// Counts behind one group's multiplication check figures in one year. DfE (MTC attainment methodology
/// and data guidance): the **average score** is over pupils who took the check ("pupils that did not
/// complete the check are not included in average attainment scores"); the **% scoring full marks (25)**
/// is "calculated out of all eligible pupils, including those who did not take the check" — the basis
/// of LAIT's `Multiplication_Total`, so the school's figure is comparable with it. Pupils who left or were
/// wrongly registered are not eligible.
public struct MTCFigures: Sendable, Hashable {
    public var eligible = 0
    public var took = 0
    public var scoreSum = 0
    public var fullMarks = 0
    /// Pupils by reason for not taking the check (`MTCRecord.Reason.allCases` order).
    public var reasons = [Int](repeating: 0, count: MTCRecord.Reason.allCases.count)

    public init() {}

    mutating func add(_ r: MTCRecord) {
        if let reason = r.reason { reasons[MTCRecord.Reason.allCases.firstIndex(of: reason)!] += 1 }
        guard r.eligible else { return }
        eligible += 1
        guard let score = r.score else { return }
        took += 1
        scoreSum += score
        if score == MTCImporter.maxScore { fullMarks += 1 }
    }

    public var averageScore: Double? { took == 0 ? nil : Double(scoreSum) / Double(took) }
    public var fullMarksProportion: Proportion { Proportion(fullMarks, of: eligible) }
    public var tookProportion: Proportion { Proportion(took, of: eligible) }
    public func count(_ reason: MTCRecord.Reason) -> Int { reasons[MTCRecord.Reason.allCases.firstIndex(of: reason)!] }
}

/// One year's check for a school or the trust, by group, with (for a school) its pupils.
public struct MTCYear: PupilResultsYear {
    public let year: AcademicYear
    public let groups: [GroupFigures<MTCFigures>]
    /// A school's pupils in the year, lowest score first (none for the trust: privacy).
    public let pupils: [MTCRecord]
    public var all: MTCFigures { groups.first { $0.group == .all }?.figures ?? MTCFigures() }
    /// Pupils not eligible (left) count nowhere but still make the year one with check results.
    public var hasFigures: Bool { all.eligible + all.count(.notEligible) > 0 }

    public func measures(school: School?, context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        for g in groups {
            let f = g.figures, group = g.group
            rows.append(context.measure("mtc.average_score", group: group, year: year, school: school, value: f.averageScore,
                                        numerator: Double(f.scoreSum), denominator: Double(f.took), cohort: f.took))
            rows.append(context.measure("mtc.full_marks", group: group, year: year, school: school, proportion: f.fullMarksProportion))
            rows.append(context.measure("mtc.took_check", group: group, year: year, school: school, proportion: f.tookProportion))
        }
        for reason in MTCRecord.Reason.allCases {
            let n = Double(all.count(reason))
            rows.append(context.measure(reason.measure, year: year, school: school, value: n, numerator: n))
        }
        return rows
    }

    /// `listPupils`: keep the year's pupils (a school's sheet only).
    static func make(_ year: AcademicYear, records: [(MTCRecord, [PupilGroup])], listPupils: Bool) -> MTCYear {
        var tally = GroupTally(MTCFigures())
        for (r, groups) in records where r.year == year { tally.add(groups) { $0.add(r) } }
        let pupils = listPupils ? records.filter { $0.0.year == year }.map(\.0).sorted { ($0.score ?? -1, $0.upn) < ($1.score ?? -1, $1.upn) } : []
        return MTCYear(year: year, groups: tally.groups, pupils: pupils)
    }
}

/// The multiplication check measure ids (a contract: add, never rename).
public enum MTCMeasures {
    static let source = "DfE multiplication tables check attainment methodology: 25 questions, no pass mark; average score over pupils who took the check; % full marks out of all eligible pupils (those who took it and those absent, working below, just arrived, unable to participate or with no reason); pupils who left are not eligible."

    public static let definitions: [MeasureDefinition] = [
        MeasureDefinition("mtc.average_score", "Multiplication check: average score (out of 25)", unit: .score,
                          numerator: "sum of scores", denominator: "pupils who took the check", source: source),
        MeasureDefinition("mtc.full_marks", "Multiplication check: % of eligible pupils scoring full marks (25)", unit: .percent,
                          numerator: "pupils scoring 25", denominator: "eligible pupils (took the check, or did not for a reason other than leaving)", source: source),
        MeasureDefinition("mtc.took_check", "Multiplication check: % of eligible pupils who took the check", unit: .percent,
                          numerator: "pupils with a score", denominator: "eligible pupils", source: source),
    ] + MTCRecord.Reason.allCases.map { reason in
        MeasureDefinition(reason.measure.text, "Multiplication check: pupils who did not take it — \(reason.label)\(reason == .notEligible ? " (out of the figures)" : " (in the % full marks denominator)")",
                          unit: .pupils, numerator: "pupils with a reason counted as \(reason.rawValue) in mtc-codes.csv", source: source)
    }
}
