/// The reserves workbook's first sheet, for trustees: every academy, central services and the trust for
/// the pipeline's year — reserves, the in-year balance and cash, the category the figures indicate beside
/// the one the CEO/CFO set (flagged where they differ), the change since last year and the reasons in
/// plain words. The full figures are on the Figures sheet.
enum ReservesSummarySheet {
    static func write(_ report: FinanceTrustReport, judgements: [String: FinanceJudgement], context: AnalysisContext, into wb: Workbook) throws {
        let s = report.settings
        let unit = context.config.settings.moneyUnit
        let year = report.leadYear
        let showCash = report.academies.contains { $0.years.contains { $0.year == year && $0.figures.cash != nil } }
            || report.central.contains { $0.year == year && $0.figures.cash != nil }
        let ws = try wb.addWorksheet("Summary")
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        var headings = ["Academy", "URN", "Basis", "Revenue reserves £k", "Reserves % GAG", "Reserves % income", "In-year balance £k"]
        if showCash { headings.append("Cash £k") }
        let catCol = headings.count
        headings += ["Indicated by the figures", "Set by CEO/CFO", "Change since last year", "Why (the figures, in plain words)"]
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 1, 8)
        try ws.setColumnWidth(2, 2, 14)
        try ws.setColumnWidth(3, catCol - 1, 10)
        try ws.setColumnWidth(catCol, catCol + 1, 12)
        try ws.setColumnWidth(catCol + 2, catCol + 2, 16)
        try ws.setColumnWidth(catCol + 3, catCol + 3, 50)
        try ws.write(0, 0, .string("\(context.config.trust) — revenue reserves \(year)"), .title)
        try ws.write(1, 0, .string("Academy financial year \(year) (September–August). \(unit.words). Each row uses actuals where given, else the forecast, else the budget (Basis). Definitions: Definitions sheet; every figure: Figures sheet."), .subtitle)
        try ws.setRowHeight(3, 40)
        try ws.writeRow(3, headings.map { .string(unit.heading($0)) }, CellFormat.header.with { $0.verticalAlign = .bottom; $0.wrap = true })
        try ws.repeatRows(first: 3, last: 3)
        ws.freezePanes(row: 4, col: 1)
        var row = 4
        func figures(_ y: FinanceYear, bold: Bool = false) throws {
            let m = y.measure
            let b: (CellFormat) -> CellFormat = { f in f.with { $0.bold = bold; $0.verticalAlign = .top } }
            var cells: [(CellValue, CellFormat)] = [
                (.string(y.basisText), b(CellFormat(wrap: true))),
                (.number(m.revenueReserves), FinanceFormats.rag(b(.thousandsGBP), m.revenueReserves < 0 ? .red : nil)),
                (.optionalPercent(m.reservesPctGAG), FinanceFormats.rag(b(.percent), FinanceFormats.reservesRAG(m.reservesPctGAG, s))),
                (.optionalPercent(m.reservesPctIncome), b(.percent)),
                (.number(m.inYearBalance), FinanceFormats.rag(b(.thousandsGBP), m.inYearBalance < 0 ? .red : nil)),
            ]
            if showCash { cells.append((.optionalNumber(y.figures.cash), b(.thousandsGBP))) }
            try FinanceFormats.write(ws, row: row, from: 2, cells)
        }
        for a in report.academies {
            try ws.write(row, 0, .string(a.school.name), CellFormat(verticalAlign: .top))
            try ws.write(row, 1, .string(a.school.urn), CellFormat(verticalAlign: .top))
            if let y = a.years.first(where: { $0.year == year }) {
                try figures(y)
            } else {
                try ws.write(row, 2, .string("No finance figures for \(year)"), .note)
            }
            if let view = FinanceSlice.categoryView(a, judgement: judgements[a.school.urn]) {
                try writeCategory(ws, row: row, col: catCol, view, settings: s)
            }
            row += 1
        }
        if let c = report.central.first(where: { $0.year == year }) {
            try ws.write(row, 0, .string(TrustConsolidation.centralName), CellFormat(verticalAlign: .top))
            try ws.write(row, 1, .string(MeasureRow.centralURN), CellFormat(verticalAlign: .top))
            try figures(c)
            try ws.write(row, catCol + 3, .string("Central services are not categorised; % of GAG is blank when central services hold no GAG."),
                         CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
            row += 1
        }
        if let t = report.trustYears.first(where: { $0.year == year }) {
            let bold = CellFormat(bold: true, verticalAlign: .top)
            try ws.write(row, 0, .string(FinanceSheets.trustName), bold)
            try ws.write(row, 1, .string(MeasureRow.trustURN), bold)
            try figures(t.consolidated, bold: true)
            row += 2
            if let flag = t.flag, let pct = t.consolidated.measure.reservesPctIncome {
                try note(ws, &row, "DfE framing", "Trust reserves are \(FinanceText.pct(pct)) of total income: \(flag.text(s)).", flag.rag, lastCol: catCol + 3)
            }
            if let share = t.centralShare {
                try note(ws, &row, "Central reserve per pupil", "\(FinanceText.money(share.perPupil)) per pupil: central reserves \(FinanceText.money(share.centralReserves)) ÷ \(FinanceText.number(share.pupils)) pupils (FTE) across the academies.", nil, lastCol: catCol + 3)
            }
            if t.consolidated.figures.gag == nil {
                let from = t.isTrustReturnOnly ? "the budget forecast return has no GAG line (it gives the trust's totals only)" : "the figures give no GAG for every academy"
                let pct = t.consolidated.measure.reservesPctIncome.map { " (\(FinanceText.pct($0)))" } ?? ""
                try note(ws, &row, "Not given", "Reserves as % of GAG, income beyond GAG and the 3% and 5% GAG levels cannot be given for the trust: \(from). Reserves as % of total income are given\(pct).", .amber, lastCol: catCol + 3)
            }
            if !t.missing.isEmpty {
                try note(ws, &row, "Not in the trust total", "No figures for \(year): \(t.missing.joined(separator: ", ")). The trust total is short by their amounts.", .amber, lastCol: catCol + 3)
            }
        }
        let warnings = report.issues.filter { $0.code == .doesNotAddUp }.count
        let rejected = report.issues.filter { $0.severity == .rejected }.count
        if warnings + rejected > 0 {
            try note(ws, &row, "Checks", "\(warnings) reconciliation difference(s) and \(rejected) rejected row(s): see the Checks sheet.", .amber, lastCol: catCol + 3)
        }
        try writeJudgements(ws, report, judgements: judgements, row: row + 1, lastCol: catCol + 3)
    }

    /// A labelled line under the table, its text across the table's width.
    static func note(_ ws: Worksheet, _ row: inout Int, _ label: String, _ text: String, _ rag: RAG?, lastCol: Int = 8) throws {
        try ws.write(row, 0, .string(label), CellFormat(bold: true))
        try ws.merge(row: row, firstCol: 1, lastCol: lastCol, text, FinanceFormats.rag(.plain, rag))
        try ws.setRowHeight(row, 15)   // one line across the merged width (the estimate counts column B only)
        row += 1
    }

    /// Indicated, set (flagged amber where it differs), change (red worse, green better), plain reasons.
    static func writeCategory(_ ws: Worksheet, row: Int, col: Int, _ v: FinanceCategoryView, settings: FinanceSettings) throws {
        let bold = CellFormat(bold: true, verticalAlign: .top)
        try ws.write(row, col, .string(v.indicated.category.rawValue), FinanceFormats.rag(bold, v.indicated.category.rag))
        if let set = v.setCategory {
            let text = v.differs ? "\(set.rawValue) — differs" : set.rawValue
            try ws.write(row, col + 1, .string(text), FinanceFormats.rag(bold.with { $0.wrap = true }, v.differs ? .amber : set.rag))
        } else {
            try ws.write(row, col + 1, .string("not recorded"), CellFormat(italic: true, verticalAlign: .top))
        }
        if let change = v.change {
            try ws.write(row, col + 2, .string(change.text), FinanceFormats.rag(CellFormat(verticalAlign: .top, wrap: true), change.rag))
        }
        var reasons = v.plainReasons
        if let d = v.differenceText(settings) { reasons += " " + d + "." }
        try ws.write(row, col + 3, .string(reasons), FinanceFormats.wrapTop)
        // The reasons column wraps at about 58 characters: make the row tall enough to read them.
        if reasons.count > 58 { try ws.setRowHeight(row, Double((reasons.count + 57) / 58) * 13 + 2) }
    }

    /// What the CEO/CFO set, with the plan, the FREP or warning notice and the CEO letter, per academy.
    static func writeJudgements(_ ws: Worksheet, _ report: FinanceTrustReport, judgements: [String: FinanceJudgement], row start: Int, lastCol: Int) throws {
        var row = start
        try ws.write(row, 0, .string("Set by the CEO/CFO at the review (trust judgements file)"), .sectionHeader)
        row += 1
        guard report.academies.contains(where: { judgements[$0.school.urn] != nil }) else {
            try ws.write(row, 0, .string("No trust judgements file in this run: only the category the figures indicate is shown."), .note)
            return
        }
        let u = FinanceText.number(report.settings.universalReservesPctGAG)
        try ws.writeRow(row, ["Academy", "Set", "Indicated", "Plan to reach \(u)%", "Financial recovery plan", "Warning notice", "CEO letter directives met"]
            .map(CellValue.string), CellFormat.header.with { $0.wrap = true })
        row += 1
        func yesNo(_ b: Bool?) -> CellValue { b.map { .string($0 ? "Yes" : "No") } ?? .string("not recorded") }
        for a in report.academies {
            guard let j = judgements[a.school.urn] else { continue }
            let view = FinanceSlice.categoryView(a, judgement: j)
            try ws.write(row, 0, .string(a.school.name))
            let set = view?.setCategory ?? j.category
            try ws.write(row, 1, .optionalString(set?.rawValue), FinanceFormats.rag(CellFormat(bold: true), view?.differs == true ? .amber : set?.rag))
            try ws.write(row, 2, .optionalString(a.category?.category.rawValue))
            try ws.write(row, 3, yesNo(j.planToReach5Pct), FinanceFormats.rag(.plain, j.planToReach5Pct == false && (a.category?.category ?? .universal) > .universal ? .amber : nil))
            try ws.write(row, 4, .optionalString(j.frep.text.map { "FREP: " + $0 }), CellFormat(wrap: true))
            try ws.write(row, 5, .optionalString(j.warningNoticeText.map { "Warning notice: " + $0 }), CellFormat(wrap: true))
            try ws.write(row, 6, yesNo(j.ceoLetterDirectivesMet), FinanceFormats.rag(.plain, j.ceoLetterDirectivesMet == false ? .red : nil))
            row += 1
        }
    }
}
