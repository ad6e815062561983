/// What the academy card shows where: the trusts' card appendix on one landscape A4 page, in two
/// panels of figures (left: context, phonics, EYFS, KS2, multiplication check; right: attendance,
/// behaviour, finance, then Ofsted and next steps and the categories in words), and the tier and
/// interventions across the foot. Each block reads one slice's figures from the measure table; a
/// block with no figures says which data the run lacks, in words.
enum CardLayout {
    /// A block of figures with three years, n, target, national and LA, or of words (`text`).
    struct Block {
        let title: String
        let lines: [CardBlocks.Line]
        /// What the card says when the run has none of the block's figures.
        let noData: String
    }

    static let context = Block(title: "Context", lines: [
        .init("context.number_on_roll", "Number on roll"),
        .init("context.roll_change", "Roll change on last year"),
        .init("context.capacity_used", "% of capacity"),
        .init("context.disadvantaged", "% disadvantaged"),
        .init("context.eal", "% EAL"),
        .init("context.sen_support", "% SEN support"),
        .init("context.ehcp", "% EHCP"),
    ], noData: "No pupil roster for this year")

    static let phonics = Block(title: "Phonics", lines: [
        .init("phonics.y1.expected", "Y1: % meeting standard"),
        .init("phonics.y1.expected", "Y1 disadvantaged: % meeting", group: "disadvantaged"),
        .init("phonics.by_y2.expected", "By end of Y2: % meeting"),
    ], noData: "No phonics data supplied")

    static let eyfs = Block(title: "EYFS", lines: [
        .init("eyfs.gld", "Good level of development"),
        .init("eyfs.gld", "GLD disadvantaged", group: "disadvantaged"),
    ], noData: "No EYFS data supplied")

    static let ks2 = Block(title: "KS2", lines: [
        .init("ks2.rwm.expected", "RWM: % expected"),
        .init("ks2.rwm.higher", "RWM: % higher"),
        .init("ks2.rwm.expected", "RWM disadv.: % expected", group: "disadvantaged"),
        .init("ks2.reading.expected", "Reading: % expected"),
        .init("ks2.writing.expected", "Writing: % expected"),
        .init("ks2.maths.expected", "Maths: % expected"),
        .init("ks2.gps.expected", "GPS: % expected"),
    ], noData: "No KS2 results supplied")

    static let mtc = Block(title: "Multiplication check (Y4)", lines: [
        .init("mtc.average_score", "Average score (of 25)"),
        .init("mtc.full_marks", "% full marks"),
    ], noData: "No multiplication check data supplied")

    static let attendance = Block(title: "Attendance", lines: CardBlocks.attendance.lines, noData: "No attendance data supplied")

    static let behaviour = Block(title: "Behaviour", lines: [
        .init("exclusions.suspension_rate", "Suspensions per 100"),
        .init("exclusions.one_or_more_suspensions", "% with 1+ suspensions"),
        .init("exclusions.two_or_more_suspensions", "% with 2+ suspensions"),
        .init("exclusions.permanent_exclusion_rate", "Perm. exclusions per 100"),
    ], noData: "No behaviour (suspensions and exclusions) data supplied")

    static let finance = Block(title: "Finance", lines: [
        .init("finance.reserves_pct_gag", "Reserves as % of GAG"),
        .init("finance.reserves_pct_income", "Reserves as % of income"),
        .init("finance.in_year_balance", "In-year balance"),
    ], noData: "No finance figures supplied")

    static let left = [context, phonics, eyfs, ks2, mtc]
    static let right = [attendance, behaviour, finance]

    /// The text figures the Ofsted, next-steps and category rows read.
    static let textMeasures = [
        "ofsted.latest_inspection", "ofsted.overall_effectiveness", "ofsted.previous_grade", "ofsted.safeguarding",
        "ofsted.category_of_concern", "ofsted.ungraded_outcome",
        "judgements.review_date", "judgements.health_check_date", "judgements.next_steps", "judgements.curriculum_tiers",
        "judgements.rep_status", "judgements.frep_status", "judgements.warning_notice",
    ] + OfstedRecord.reportCardAreas.map { "ofsted.report_card.\($0.id)" }

    /// Every measure the card reads (for `CardFigures`).
    static var measureIDs: [String] { (left + right).flatMap { $0.lines.map(\.measure.text) } + textMeasures }

    /// The Ofsted and next-steps rows in words: (label, text); `nil` text rows are left out.
    static func ofstedRows(_ text: (String) -> String?) -> [(String, String)] {
        var rows: [(String, String)] = []
        guard text("ofsted.latest_inspection") != nil else {
            rows.append(("Ofsted", "No Ofsted inspection data supplied"))
            return rows + nextSteps(text)
        }
        rows.append(("Latest inspection", text("ofsted.latest_inspection")!))
        let card = OfstedRecord.reportCardAreas.compactMap { area in text("ofsted.report_card.\(area.id)").map { "\(area.heading) \($0)" } }
        if let overall = text("ofsted.overall_effectiveness") {
            rows.append(("Overall effectiveness", overall))
        } else if !card.isEmpty {
            rows.append(("Report card", card.joined(separator: "; ")))
        }
        var safety = text("ofsted.safeguarding").map { "Safeguarding \($0)" } ?? ""
        if let concern = text("ofsted.category_of_concern") { safety += (safety.isEmpty ? "" : "; ") + "category of concern \(concern)" }
        if let previous = text("ofsted.previous_grade") { safety += (safety.isEmpty ? "" : "; ") + "previous grade \(previous)" }
        if let ungraded = text("ofsted.ungraded_outcome") { safety += (safety.isEmpty ? "" : "; ") + "ungraded: \(ungraded)" }
        if !safety.isEmpty { rows.append(("Safeguarding, history", safety)) }
        return rows + nextSteps(text)
    }

    /// Health check, next steps, curriculum tiers and plans from the judgements file.
    static func nextSteps(_ text: (String) -> String?) -> [(String, String)] {
        guard text("judgements.review_date") != nil else { return [("Next steps", "No judgements file supplied (health check, next steps, plans)")] }
        var rows: [(String, String)] = []
        let check = text("judgements.health_check_date").map { "Health check \($0)" }
        let steps = [check, text("judgements.next_steps")].compactMap { $0 }
        rows.append(("Next steps", steps.isEmpty ? "None recorded" : steps.joined(separator: ": ")))
        if let tiers = text("judgements.curriculum_tiers") { rows.append(("Curriculum tiers", tiers)) }
        // Plans with the same status said together ("FREP, warning notice None"), so the row stays one line.
        var plans: [(names: [String], status: String)] = []
        for (name, id) in [("REP", "judgements.rep_status"), ("FREP", "judgements.frep_status"), ("warning notice", "judgements.warning_notice")] {
            guard let status = text(id) else { continue }
            if let i = plans.firstIndex(where: { $0.status == status }) { plans[i].names.append(name) } else { plans.append(([name], status)) }
        }
        if !plans.isEmpty {
            let said = plans.map { "\($0.names.joined(separator: ", ")) \($0.status)" }.joined(separator: "; ")
            rows.append(("Plans", said.prefix(1).uppercased() + said.dropFirst()))
        }
        return rows
    }
}
