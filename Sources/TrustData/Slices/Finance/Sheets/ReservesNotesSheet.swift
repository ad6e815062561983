/// The Checks sheet (reconciliation differences and rejected rows) and the Notes sheet (every
/// definition and rule the workbook uses, with the pipeline's thresholds).
enum ReservesNotesSheet {
    static func writeChecks(_ report: FinanceTrustReport, into wb: Workbook) throws {
        let ws = try wb.addWorksheet("Checks")
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 2, 10)
        try ws.setColumnWidth(3, 3, 30)
        try ws.setColumnWidth(4, 5, 16)
        try ws.setColumnWidth(6, 6, 120)
        try ws.write(0, 0, .string("Checks: do the parts add up, and do reserves roll forward?"), .title)
        try ws.write(1, 0, .string("Warnings are kept rows whose figures do not reconcile (differences over £\(FinanceText.number(report.settings.reconciliationTolerance))); rejected rows are left out of every figure."), .subtitle)
        var row = 3
        if !report.forecasts.isEmpty {
            row = try writeForecasts(ws, report.forecasts, row: row)
        }
        let returned = report.trustYears.filter { $0.returned != nil }
        if !returned.isEmpty {
            row = try writeReturned(ws, returned, tolerance: report.settings.reconciliationTolerance, row: row)
        }
        let headerRow = row
        try ws.writeRow(row, ["File", "Line", "URN", "Column", "Check", "Outcome", "Detail"].map(CellValue.string), .header)
        row += 1
        if report.issues.isEmpty {
            try ws.write(row, 0, .string("Every row reconciles."), FinanceFormats.rag(.plain, .green))
            return
        }
        for i in report.issues {
            try ws.writeRow(row, [.string(i.file), i.line.map { .number(Double($0)) } ?? .blank, .optionalString(i.urn),
                                  .optionalString(i.column), .string(i.code.rawValue)])
            try ws.write(row, 5, .string(i.severity == .rejected ? "row rejected" : i.severity.rawValue),
                         FinanceFormats.rag(.plain, i.severity == .rejected ? .red : .amber))
            try ws.write(row, 6, .string(i.message))
            row += 1
        }
        try ws.autofilter(firstRow: headerRow, firstCol: 0, lastRow: row - 1, lastCol: 6)
        ws.freezePanes(row: headerRow + 1, col: 0)
    }

    /// Budget file forecast against the monitoring outturn used in its place: the two expenditure
    /// figures, their difference and both in-year balances, so a deficit in one is visible beside the other.
    static func writeForecasts(_ ws: Worksheet, _ forecasts: [ForecastReconciliation], row start: Int) throws -> Int {
        func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + FinanceText.money(v) }
        var row = start
        try ws.write(row, 0, .string("One forecast: the latest monitoring outturn replaces the budget file's forecast expenditure (income stays the budget file's)"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["Academy", "Year", "URN", "Outturn used", "Budget file expenditure", "Monitoring outturn",
                              "Difference (outturn − budget file); in-year balance: budget file → outturn"].map(CellValue.string), .header)
        for f in forecasts {
            row += 1
            try ws.writeRow(row, [.string(f.name), .string(f.year.description), .string(f.urn),
                                  .string("month \(f.month) (\(f.monthName)) for the \(f.budgetBasis.rawValue)")])
            try ws.write(row, 4, .number(f.budgetExpenditure), FinanceFormats.money)
            try ws.write(row, 5, .number(f.outturnExpenditure), FinanceFormats.money)
            let flip = (f.budgetBalance >= 0) != (f.outturnBalance >= 0)
            try ws.write(row, 6, .string("\(signed(f.difference)); in-year balance \(signed(f.budgetBalance)) → \(signed(f.outturnBalance))"
                                         + (flip ? (f.outturnBalance < 0 ? " — the outturn forecasts a deficit the budget file does not" : " — the outturn forecasts a surplus where the budget file had a deficit") : "")),
                         FinanceFormats.rag(.plain, flip ? .amber : nil))
        }
        return row + 2
    }

    /// The trust-level return (BFR) against the academies' and central services' own figures for the same
    /// year: income, expenditure and reserves side by side with the differences.
    static func writeReturned(_ ws: Worksheet, _ years: [TrustFinanceYear], tolerance: Double, row start: Int) throws -> Int {
        func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + FinanceText.money(v) }
        var row = start
        try ws.write(row, 0, .string("The trust's budget forecast return against the academies' and central services' figures (the academies' are used)"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["Year", "Academies + central", "Return", "", "Income: return − academies", "Expenditure: return − academies",
                              "Reserves: academies → return (difference)"].map(CellValue.string), .header)
        for t in years {
            guard let r = t.returned else { continue }
            row += 1
            let a = t.consolidated.figures, b = r.figures
            try ws.writeRow(row, [.string(t.year.description), .string(t.consolidated.basisText), .string(r.basisText), .blank,
                                  .string(signed(b.totalIncome - a.totalIncome)), .string(signed(b.totalExpenditure - a.totalExpenditure))])
            let off = abs(b.carriedForward - a.carriedForward) > tolerance
            try ws.write(row, 6, .string("\(FinanceText.money(a.carriedForward)) → \(FinanceText.money(b.carriedForward)) (\(signed(b.carriedForward - a.carriedForward)))"),
                         FinanceFormats.rag(.plain, off ? .amber : nil))
        }
        return row + 2
    }

    static func write(_ report: FinanceTrustReport, context: AnalysisContext, into wb: Workbook) throws {
        let s = report.settings
        let ws = try wb.addWorksheet("Definitions")
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 30)
        try ws.setColumnWidth(1, 1, 100)
        try ws.write(0, 0, .string("Definitions used in this workbook"), .title)
        let n = FinanceText.number
        let rules: [(String, String)] = [
            ("Financial year", "Academies' financial year runs September–August, the same as the academic year, and is written 2024/25 here and in measures.csv (finance.csv may write 2024/25, 2024-25 or 2025)."),
            ("Basis", "Per academy and year, the actual figures are used where given, else the latest forecast, else the budget. One forecast: when budget monitoring for that year gives a forecast outturn for every cost centre, the latest month's outturn replaces the budget file's total expenditure (income and opening reserves stay the budget file's) and the basis says which month; the Checks sheet shows both and the difference. Trust rows built from different bases say 'mixed'."),
            ("Money", "\(context.config.settings.moneyUnit.words) with a thousands separator (the cell holds the exact pound amount; pipeline setting money_unit). Amounts per pupil in whole pounds."),
            ("Revenue reserves", "Revenue reserves carried forward: unrestricted funds plus unspent GAG, not tied up in fixed assets (DfE)."),
            ("Reserves % of GAG", "Revenue reserves ÷ GAG income. The trust's policy framing."),
            ("Reserves % of income", "Revenue reserves ÷ total (revenue) income. DfE's framing; DfE sets no required level."),
            ("In-year balance", "Total income − total expenditure (revenue; capital income is not included). Shown in £ and as % of total income."),
            ("Staff costs", "Staff costs ÷ total expenditure, and ÷ total income."),
            ("Income beyond GAG", "(Total income − GAG) ÷ GAG: other DfE, other government and self-generated income as % of GAG."),
            ("Universal", "Balanced in-year (balance ≥ £0) and reserves ≥ \(n(s.universalReservesPctGAG))% of GAG, and no cost centre over profile."),
            ("Concerning", "Not Universal and not Poor: an in-year deficit the opening reserves cover, reserves from \(n(s.poorReservesPctGAG))% up to \(n(s.universalReservesPctGAG))% of GAG, or a cost centre over its straight-line profile by more than \(n(s.overProfileMarginPct))%."),
            ("Poor", "Reserves below \(n(s.poorReservesPctGAG))% of GAG (exactly \(n(s.poorReservesPctGAG))% is not Poor), or an in-year deficit larger than the reserves at the start of the year."),
            ("Unacceptable", "Poor now and Poor or worse at the previous review: the warning-notice targets were missed. Needs the previous category: the optional finance.csv column previous_category, else the pipeline's finance.previous_categories. Without it an academy can be at worst Poor (or Deficient)."),
            ("Deficient", "Revenue reserves at the end of the year below £\(n(s.deficientReservesBelow)) (deficient_reserves_below): the academy has spent more than it has, a cumulative deficit. The last level, beyond Unacceptable, whatever the previous category."),
            ("Reasons", "Every category lists each rule that produced it, with the amounts, in plain words."),
            ("Indicated and set", "'Indicated by the figures' is the category the rules above give from the figures. 'Set by CEO/CFO' is the category the CEO and CFO actually set at the review, from the trust judgements file, with the plan to reach \(n(s.universalReservesPctGAG))%, the FREP or warning-notice status and dates and whether the CEO letter's directives were met. Where the two differ the Summary flags it: the set category wins for the trust's actions, the indicated one says what the figures alone show."),
            ("Change since last year", "The category now against the previous review's (finance.csv previous_category or finance.previous_categories), else against the category last year's figures indicate. Worse is red, better green."),
            ("Forecast years", "Years after the lead year, from a three-year budget (budget or forecast rows in finance.csv for those years) or the trust's budget forecast return (bfr: prior, current and next year; bfr_3y: the three years after the current one). The BFR is trust level and has no GAG line, so reserves as % of GAG is blank for years only it covers; % of income and the in-year balance are given."),
            ("Policy levels", "The dashed lines on the Trend chart: Universal at \(n(s.universalReservesPctGAG))% of GAG (universal_reserves_pct_gag) and the warning-notice level at \(n(s.poorReservesPctGAG))% (poor_reserves_pct_gag)."),
            ("Cash", "Cash at the end of the year, where finance.csv gives a cash column: shown beside reserves, not used in any category."),
            ("Published layouts", "The academies accounts return (aar), the financial benchmarking transparency file (finance_benchmarking) and the budget forecast return (bfr, bfr_3y) are read through inputs/reference/finance-line-codes.csv: each line code or heading → a trustdata field and the total it adds to, dated by return year, with DfE's description and whether the mapping is confirmed or assumed. A file without a line (GAG, brought-forward reserves, staff costs) is used for what it has, and the Checks sheet says which measures it cannot give."),
            ("Straight-line profile", "Annual budget × month ÷ 12, month 1 = September … 12 = August (budget_monitoring.csv month: 1–12 or a month name). The latest month given for the year is used."),
            ("Over profile", "Spend to date more than \(n(s.overProfileMarginPct))% above the profile (over_profile_margin_pct)."),
            ("Forecast vs budget", "Forecast outturn − annual budget; positive is a forecast overspend."),
            ("DfE framing (trust)", "Trust reserves below \(n(s.dfeLowPctIncome))% or above \(n(s.dfeHighPctIncome))% of total income are flagged; most trusts hold 5–20% and DfE asks extra questions above 20%."),
            ("Trust consolidation", "The sum of every academy's and central services' figures as given. Any top-slice charged by central services appears both as central income and academy expenditure (no elimination): trust income and expenditure are grossed up by it, while the in-year balance and reserves are unaffected."),
            ("Central reserve per pupil", "Central services' reserves ÷ the academies' pupils (FTE, from finance.csv pupils_fte); each academy's share = that × its pupils. Only when every academy with figures gives pupils_fte."),
            ("Checks", "Income parts (GAG + other DfE + other government + self-generated) must equal total income; staff costs cannot exceed total expenditure; carried forward must equal brought forward + in-year balance (+ transfers); an academy's actual brought forward must equal last year's actual carried forward. Differences over £\(n(s.reconciliationTolerance)) are warnings with the amounts; the row is kept."),
            ("Central services", "Rows with urn CENTRAL are the trust's central services: not a school, not checked against the register, not categorised."),
        ]
        var row = 2
        try ws.writeRow(row, [.string("Term"), .string("Definition")], .header)
        row += 1
        for (term, text) in rules {
            try ws.write(row, 0, .string(term), CellFormat(bold: true, verticalAlign: .top))
            try ws.write(row, 1, .string(text), FinanceFormats.wrapTop)
            row += 1
        }
        row += 1
        try ws.write(row, 0, .string("measures.csv ids"), .sectionHeader)
        row += 1
        for d in MeasureCatalog.all where d.id.hasPrefix("finance.") {
            try ws.write(row, 0, .string(d.id), CellFormat(verticalAlign: .top))
            let parts = [d.title, d.numerator.isEmpty ? nil : "numerator: \(d.numerator)", d.denominator.isEmpty ? nil : "denominator: \(d.denominator)", d.source]
            try ws.write(row, 1, .string(parts.compactMap { $0 }.joined(separator: ". ")), FinanceFormats.wrapTop)
            row += 1
        }
        row += 1
        try ws.write(row, 0, .string("Made by"), CellFormat(bold: true))
        try ws.write(row, 1, .string("trustdata \(TrustDataVersion.current), pipeline \(context.config.name); same inputs give an identical workbook."))
    }
}
