/// judgements.csv: the trust's own termly reviews (no export holds them): the summer review of the year
/// before the current one and the autumn and spring reviews of the current year (those up to the last
/// day of the data, when the marks stop early), for every school.
/// The first four schools are fixed so the card shows each case: Ashcombe's finance set Poor with a
/// warning notice and FREP (as its figures say); Brookfield's finance set Universal on a plan to reach
/// 5% while its figures say Concerning (a disagreement the card flags), and its education Poor at two
/// reviews running with an open REP; Castlemere Universal throughout; Dunmore education Concerning.
extension TrustGenerator {
    static let judgementHeader = ["urn", "school_name", "review_date", "term", "education_category", "finance_category",
                                  "rep_status", "rep_start", "rep_review", "frep_status", "frep_start", "frep_review",
                                  "warning_notice", "warning_notice_issued", "warning_notice_deadline", "plan_to_reach_5pct",
                                  "ceo_directives_met", "health_check_date", "next_steps", "curriculum_tiers", "notes"]

    static let nextSteps = [
        "Embed the new phonics scheme in Year 1; leaders to check fidelity half-termly",
        "Raise attendance of disadvantaged pupils: first-day calling and a weekly review",
        "Writing moderation with a partner school before the KS2 submission",
        "Reduce supply costs through the trust's staffing pool",
        "Sustain: share reading practice across the trust",
    ]
    static let areas = ["English", "Maths", "Science", "History", "Geography", "Computing"]

    func writeJudgements(_ out: ByteSink) -> Int {
        out.line(TrustGenerator.judgementHeader)
        let current = options.currentYear.startYear
        // Summer review of last year (July), autumn (December) and spring (March) reviews of this year.
        let reviews: [(CalendarDate, String)] = [
            (CalendarDate(year: current, month: 7, day: 10)!, "Summer \(current)"),
            (CalendarDate(year: current, month: 12, day: 11)!, "Autumn \(current)"),
            (CalendarDate(year: current + 1, month: 3, day: 26)!, "Spring \(current + 1)"),
        ].filter { review in options.marksThrough.map { review.0 <= $0 } ?? true }   // no review after the data ends
        var lines = 1
        for school in schools {
            var r = SeededRandom(seed: options.seed, 9, UInt64(school.index))
            for (k, (date, term)) in reviews.enumerated() {
                out.line(judgementRow(school, review: k, latest: k == reviews.count - 1, date: date, term: term, random: &r))
                lines += 1
            }
        }
        return lines
    }

    private func judgementRow(_ school: GeneratedSchool, review k: Int, latest: Bool, date: CalendarDate, term: String,
                              random r: inout SeededRandom) -> [String] {
        let fixed: [(education: String, finance: String)] = [("Concerning", "Poor"), ("Poor", "Universal"),
                                                              ("Universal", "Universal"), ("Concerning", "Universal")]
        var education: String, finance: String
        if school.index < fixed.count {
            (education, finance) = fixed[school.index]
        } else {
            education = ["Universal", "Universal", "Concerning", "Poor"][r.int(0...3)]
            finance = school.reservesPctGAG < 3 ? "Poor" : school.reservesPctGAG < 5 ? "Concerning" : "Universal"
        }
        // Ashcombe's finance slid from Concerning at the summer review.
        if school.index == 0 && k == 0 { finance = "Concerning" }
        let d = { (days: Int) in CalendarDate(dayNumber: date.dayNumber + days).uk }
        let poorEducation = education == "Poor"
        let poorFinance = finance == "Poor"
        let rep = poorEducation ? ["Open", CalendarDate(year: options.currentYear.startYear, month: 6, day: 3)!.uk, d(56)] : ["None", "", ""]
        let frep = poorFinance ? ["Open", d(-20), d(70)] : ["None", "", ""]
        let notice = poorFinance && k > 0 ? ["Issued", CalendarDate(year: options.currentYear.startYear, month: 12, day: 6)!.uk,
                                             CalendarDate(year: options.currentYear.startYear + 1, month: 5, day: 30)!.uk] : ["None", "", ""]
        // Brookfield's finance is set Universal on a credible plan to reach 5% (its figures say Concerning).
        let plan = school.index == 1 || school.reservesPctGAG >= 5 ? "Y" : "N"
        let directives = poorFinance || poorEducation ? (latest ? "N" : "Y") : "Y"
        var tiers: [String] = []
        for area in TrustGenerator.areas.prefix(3 + r.int(0...3)) {
            let base = poorEducation ? 3 : education == "Concerning" ? 2 : 1
            tiers.append("\(area) \(min(5, base + r.int(0...2)))")
        }
        let steps = TrustGenerator.nextSteps[(school.index + k) % TrustGenerator.nextSteps.count]
        let notes = latest ? "Reviewed by the CEO and CFO with the headteacher" : ""
        return [school.urn, school.name, date.uk, term, education, finance] + rep + frep + notice
            + [plan, directives, d(-14), steps, tiers.joined(separator: "; "), notes]
    }
}
