import Foundation

/// The trust's judgements file (`judgements.csv`, one per term or one for the year): one row per
/// academy per review, written by the trust (no export holds it). Columns by name; every column but
/// the URN and the review date may be blank ("not stated").
public enum JudgementsImporter {
    public static let schema = DatasetSchema(dataset: JudgementsSlice.id, columns: [
        ColumnSpec("urn", aliases: ["URN", "School URN", "Academy URN"], required: true, meaning: "school URN"),
        ColumnSpec("school_name", aliases: ["School", "School Name", "Academy"], meaning: "for people reading the file; not used"),
        ColumnSpec("review_date", aliases: ["Date", "Review Date", "Date of Review", "Date Set"], required: true,
                   meaning: "date the CEO/CFO set these judgements (dd/mm/yyyy or yyyy-mm-dd)"),
        ColumnSpec("term", aliases: ["Term", "Review Term"], meaning: "the term as the trust names it (Autumn 2024)"),
        ColumnSpec("education_category", aliases: ["Education Category", "School Improvement Category", "SI Category"],
                   meaning: "set by the CEO: \(TrustCategory.wordList)"),
        ColumnSpec("finance_category", aliases: ["Finance Category", "Financial Category"],
                   meaning: "set by the CFO: \(TrustCategory.wordList)"),
        ColumnSpec("rep_status", aliases: ["REP", "REP Status", "Recovery Plan Status"], meaning: "education recovery plan: None, Open or Closed"),
        ColumnSpec("rep_start", aliases: ["REP Start", "REP Date", "REP Start Date"], meaning: "date the REP started"),
        ColumnSpec("rep_review", aliases: ["REP Review", "REP Review Date", "REP End", "REP End Date"], meaning: "next review (or, when closed, end) of the REP"),
        ColumnSpec("frep_status", aliases: ["FREP", "FREP Status", "Financial Recovery Plan Status"], meaning: "financial recovery plan: None, Open or Closed"),
        ColumnSpec("frep_start", aliases: ["FREP Start", "FREP Date", "FREP Start Date"], meaning: "date the FREP started"),
        ColumnSpec("frep_review", aliases: ["FREP Review", "FREP Review Date", "FREP End", "FREP End Date"], meaning: "next review (or, when closed, end) of the FREP"),
        ColumnSpec("warning_notice", aliases: ["Warning Notice", "Warning Notice Status", "Financial Warning Notice"],
                   meaning: "financial warning notice: None, Issued or Lifted"),
        ColumnSpec("warning_notice_issued", aliases: ["Warning Notice Issued", "Warning Notice Date", "Date Warning Notice Issued"]),
        ColumnSpec("warning_notice_deadline", aliases: ["Warning Notice Deadline", "Warning Notice Target Date", "Warning Notice Lifted"],
                   meaning: "date the notice's targets are due (or it was lifted)"),
        ColumnSpec("plan_to_reach_5pct", aliases: ["Plan to Reach 5%", "Realistic Plan to Reach 5%", "Plan to reach 5% reserves", "Reserves Plan"],
                   meaning: "a realistic plan to reach 5% reserves is in place: Y/N"),
        ColumnSpec("ceo_directives_met", aliases: ["CEO Letter Directives Met", "CEO Directives Met", "Directives Met"],
                   meaning: "the directives of the CEO's letter were met: Y/N"),
        ColumnSpec("health_check_date", aliases: ["Health Check Date", "Health Check", "Date of Health Check"]),
        ColumnSpec("next_steps", aliases: ["Next Steps", "Health Check Next Steps"]),
        ColumnSpec("curriculum_tiers", aliases: ["Curriculum Tiers", "Curriculum Area Tiers", "Subject Tiers"],
                   meaning: "area and tier 1–5, separated by semicolons: `English 2; Maths 3`"),
        ColumnSpec("notes", aliases: ["Notes", "Comments"]),
    ])

    /// `seen`: (URN, review date) of the rows already read (across files): a second row for the same
    /// review is rejected, the first kept.
    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister,
                            seen: inout Set<String>) throws -> ImportOutcome<TrustJudgement> {
        try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let urn = try row.urn()
            try register.check(urn, row: row)
            guard let date = try row.date("review_date") else { throw row.missing("review_date") }
            func category(_ column: String) throws -> TrustCategory? {
                guard let t = row.text(column) else { return nil }
                guard let c = TrustCategory(parsing: t) else {
                    throw row.reject(column, t, .unknownCode, "`\(t)` is not a category; use \(TrustCategory.wordList).")
                }
                return c
            }
            func plan(_ prefix: String) throws -> TrustJudgement.Plan {
                var status: PlanStatus?
                if let t = row.text("\(prefix)_status") {
                    guard let s = PlanStatus(parsing: t) else {
                        throw row.reject("\(prefix)_status", t, .unknownCode, "`\(t)` is not a plan status; use None, Open or Closed.")
                    }
                    status = s
                }
                return TrustJudgement.Plan(status: status, start: try row.date("\(prefix)_start"), review: try row.date("\(prefix)_review"))
            }
            var notice: WarningNoticeStatus?
            if let t = row.text("warning_notice") {
                guard let s = WarningNoticeStatus(parsing: t) else {
                    throw row.reject("warning_notice", t, .unknownCode, "`\(t)` is not a warning-notice status; use None, Issued or Lifted.")
                }
                notice = s
            }
            let finance = FinanceJudgement(
                category: try category("finance_category"), frep: try plan("frep"), warningNotice: notice,
                warningNoticeIssued: try row.date("warning_notice_issued"), warningNoticeDeadline: try row.date("warning_notice_deadline"),
                planToReach5Pct: try row.bool("plan_to_reach_5pct"), ceoLetterDirectivesMet: try row.bool("ceo_directives_met"))
            var judgement = TrustJudgement(
                urn: urn, reviewDate: date, term: row.text("term"), educationCategory: try category("education_category"),
                rep: try plan("rep"), finance: finance, healthCheckDate: try row.date("health_check_date"),
                nextSteps: row.text("next_steps"), curriculumTiers: try tiers(row), notes: row.text("notes"))
            judgement.file = displayName
            judgement.line = row.line
            guard seen.insert("\(urn)|\(date.iso)").inserted else {
                throw row.reject("review_date", row.text("review_date"), .duplicateKey,
                                 "URN \(urn) already has judgements dated \(date.uk); keep one row per academy and review (the first is used).")
            }
            try checkConsistency(judgement, row: &row)
            return judgement
        }
    }

    /// `English 2; Maths 3` (also `English: 2`, `English=2`, `|` between areas).
    static func tiers(_ row: RowParser) throws -> [TrustJudgement.CurriculumTier] {
        guard let text = row.text("curriculum_tiers") else { return [] }
        var out: [TrustJudgement.CurriculumTier] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "|" }) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let digits = String(item.reversed().prefix { $0.isNumber }.reversed())
            let area = item.dropLast(digits.count).trimmingCharacters(in: CharacterSet(charactersIn: " :=\t"))
            guard let tier = Int(digits), !area.isEmpty else {
                throw row.reject("curriculum_tiers", text, .invalidNumber,
                                 "`\(item)` is not an area and a tier; write each as `Area tier` separated by semicolons: `English 2; Maths 3`.")
            }
            guard (1...5).contains(tier) else {
                throw row.reject("curriculum_tiers", text, .outOfRange, "`\(item)`: curriculum tiers run from 1 to 5.")
            }
            out.append(.init(area: area, tier: tier))
        }
        return out
    }

    /// Kept with a warning: a warning notice in force beside a Universal or Concerning finance category
    /// (a notice follows reserves below the warning level, which is Poor), and a plan reviewed before it started.
    static func checkConsistency(_ j: TrustJudgement, row: inout RowParser) throws {
        if j.finance.warningNotice == .issued, let c = j.finance.category, c < .poor {
            row.warn("warning_notice", "Issued", .inconsistentValues,
                     "A warning notice is in force but the finance category is \(c.rawValue); a notice normally goes with Poor or worse. Both are shown as set.")
        }
        for (name, plan) in [("rep", j.rep), ("frep", j.finance.frep)] {
            if let s = plan.start, let r = plan.review, r < s {
                row.warn("\(name)_review", r.uk, .inconsistentValues,
                         "The \(name.uppercased()) review date \(r.uk) is before its start \(s.uk); check the dates.")
            }
        }
    }
}
