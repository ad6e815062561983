/// A school's Ofsted inspection as rows of `measures.csv`, under the pipeline's year (the inspection
/// in force when the run is made). Grades are text in the `text` column (rules test them with
/// `is_one_of`) with the number beside them: OEIF 1 Outstanding – 4 Inadequate, report cards
/// 1 Exceptional – 5 Urgent improvement (lower is better).
enum OfstedMeasures {
    static let source = "Ofsted management information, state-funded schools, latest inspections (one row per URN)."
    static let reportCardSource = source + " Report cards (school inspection toolkit from November 2025): Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement (1–5)."
    static let oeifSource = source + " Education inspection framework graded inspections: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate; none from September 2024 (Not judged)."

    static let definitions: [MeasureDefinition] = [
        MeasureDefinition("ofsted.latest_inspection", "Latest Ofsted inspection: date and type (text)", unit: .category, source: source),
        MeasureDefinition("ofsted.overall_effectiveness", "Ofsted overall effectiveness (text; value 1–4; the latest graded inspection, when no report card came after it)", unit: .count, source: oeifSource, higherIsBetter: false),
        MeasureDefinition("ofsted.previous_grade", "Ofsted overall effectiveness before the latest inspection (text; value 1–4)", unit: .count, source: oeifSource, higherIsBetter: false),
        MeasureDefinition("ofsted.safeguarding", "Safeguarding at the latest inspection (text: Met / Not met for a report card, Effective / Not effective for a graded inspection)", unit: .category, source: source),
        MeasureDefinition("ofsted.category_of_concern", "Ofsted category of concern (text: SM special measures, SWK serious weaknesses)", unit: .category, source: source),
        MeasureDefinition("ofsted.ungraded_outcome", "Outcome of the latest ungraded inspection (text, e.g. School remains Good), with its date", unit: .category, source: source),
    ] + OfstedRecord.reportCardAreas.map { area in
        MeasureDefinition("ofsted.report_card.\(area.id)", "Ofsted report card: \(area.heading) (text; value 1 Exceptional – 5 Urgent improvement)", unit: .count, source: reportCardSource, higherIsBetter: false)
    } + OfstedRecord.oeifAreas.map { area in
        MeasureDefinition("ofsted.oeif.\(area.id)", "Ofsted graded inspection: \(area.heading) (text; value 1–4)", unit: .count, source: oeifSource, higherIsBetter: false)
    }

    static func rows(_ r: OfstedRecord, school: School, context: AnalysisContext) -> [MeasureRow] {
        var rows: [MeasureRow] = []
        func add(_ id: MeasureID, _ text: String?, value: Double? = nil) {
            guard let text else { return }
            var row = context.measure(id, year: context.year, school: school, value: value)
            row.text = text
            rows.append(row)
        }
        if let latest = r.latest { add("ofsted.latest_inspection", "\(latest.date.uk): \(latest.type)") }
        if let g = r.graded {
            if r.gradedIsCurrent {
                add("ofsted.overall_effectiveness", g.overall?.word ?? "Not judged", value: g.overall.map { Double($0.rawValue) })
                for area in OfstedRecord.oeifAreas {
                    if let grade = g.grades[area.id] { add(MeasureID("ofsted", "oeif", area.id), grade.word, value: Double(grade.rawValue)) }
                }
                if let previous = r.previousOverall { add("ofsted.previous_grade", previous.word, value: Double(previous.rawValue)) }
            } else if let overall = g.overall {
                // A report card came after it: the graded inspection's grade is the previous one.
                add("ofsted.previous_grade", "\(overall.word) (\(g.start.uk))", value: Double(overall.rawValue))
            } else if let previous = r.previousOverall {
                add("ofsted.previous_grade", previous.word, value: Double(previous.rawValue))
            }
        } else if let previous = r.previousOverall {
            add("ofsted.previous_grade", previous.word, value: Double(previous.rawValue))
        }
        if let card = r.reportCard, !r.gradedIsCurrent {
            for area in OfstedRecord.reportCardAreas {
                if let grade = card.grades[area.id] { add(MeasureID("ofsted", "report_card", area.id), grade.word, value: Double(grade.rawValue)) }
            }
            add("ofsted.safeguarding", card.safeguarding)
        } else if let effective = r.graded?.safeguardingEffective {
            add("ofsted.safeguarding", effective ? "Effective" : "Not effective")
        }
        let concern = [r.gradedIsCurrent ? r.graded?.categoryOfConcern : r.reportCard?.categoryOfConcern].compactMap { $0 }.first { !$0.isEmpty }
        add("ofsted.category_of_concern", concern)
        if let u = r.ungraded, let outcome = u.outcome { add("ofsted.ungraded_outcome", "\(outcome) (\(u.date.uk))") }
        return rows
    }
}
