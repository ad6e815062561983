/// The school "Behaviour" sheet (suspension and permanent exclusion rates with national and LA, by
/// group, reasons, trend, and the exclusions themselves) and the trust's schools side by side.
enum ExclusionsSheets {
    static let headline: [FigureTables.Line] = [
        .init("exclusions.suspension_rate", "Suspension rate (per 100 pupils)"),
        .init("exclusions.permanent_exclusion_rate", "Permanent exclusion rate (per 100 pupils)"),
        .init("exclusions.one_or_more_suspensions", "% of pupils with one or more suspensions"),
        .init("exclusions.two_or_more_suspensions", "% of pupils with two or more suspensions"),
        .init("exclusions.suspensions", "Suspensions"),
        .init("exclusions.permanent_exclusions", "Permanent exclusions"),
        .init("exclusions.sessions_lost", "Sessions lost"),
    ]
    static let sheet = PupilResultsSheet(
        name: "Behaviour", schoolTitle: "Suspensions and permanent exclusions", trustTitle: "Suspensions and permanent exclusions",
        basis: "DfE: suspension rate = suspensions ÷ pupils on roll × 100 and permanent exclusion rate likewise (a pupil suspended twice counts twice); one-or-more = pupils with at least one suspension ÷ pupils on roll × 100. Lower is better. National and LA: state-funded primary (LAIT, to 2023/24).",
        pooled: "pupil", headline: headline, trend: Array(headline.prefix(3)), trustLines: headline,
        trustLandscape: true, trustColumns: (14, 11), trustNote: { $0 == "exclusions.suspension_rate" })

    static func writeSchoolSheet(_ part: ExclusionsReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try sheet.writeSchool(part, listsPupils: context.config.exclusions.listExclusions, school: school, workbook: workbook, context: context,
                              notes: { lead in
            lead.notOnRoll > 0 ? ["\(lead.notOnRoll) exclusion(s) of pupils not on the roster for \(lead.year): counted, not in the pupils on roll (see Data quality)."] : []
        }, tables: { ws, row, lead, rows in
            let year = lead.year.description
            try FigureTables.byGroup(ws, row: &row, title: "Suspension rate by group", measure: "exclusions.suspension_rate", rows: rows, year: year, context: context)
            try FigureTables.byGroup(ws, row: &row, title: "% of pupils with one or more suspensions by group", measure: "exclusions.one_or_more_suspensions",
                                     rows: rows, year: year, context: context)
            guard !lead.reasons.isEmpty else { return }
            try PupilResultsSheet.list(ws, row: &row, title: "By reason (DfE reason codes)", header: ["Reason", "Suspensions", "Permanent"], rows: lead.reasons.map { r in
                [.string(r.code.isEmpty ? "(no reason given)" : "\(r.code) — \(r.meaning)"), .number(Double(r.suspensions)), .number(Double(r.permanent))]
            })
            row += 1
        }, list: { ws, row, lead in
            try PupilResultsSheet.list(ws, row: &row, title: "Suspensions and permanent exclusions in \(lead.year) (\(lead.exclusions.count))",
                                       header: ["UPN", "Name", "Start date", "Type", "Sessions", "Reason"], rows: lead.exclusions.map { e in
                [.string(e.upn), .string(e.displayName(roster: context.roster)), .string(e.startDate.uk), .string(e.permanent ? "Permanent" : "Suspension"),
                 .optionalNumber(e.sessions), .string(e.reason.isEmpty ? "" : "\(e.reason) — \(e.reasonMeaning)")]
            })
        })
    }
}
