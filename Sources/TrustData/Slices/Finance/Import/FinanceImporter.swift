/// `finance.csv`: one row per academy per financial year and status, plus `CENTRAL` rows for the
/// trust's central services. Income and costs must not be negative; balances may be. Rows whose parts
/// do not add up are kept with a `does_not_add_up` warning giving the amounts (the CFO decides which
/// figure is wrong; dropping the row would hide the academy from the workbook).
public enum FinanceImporter {
    public static let schema = DatasetSchema(dataset: "finance", columns: [
        ColumnSpec("financial_year", aliases: ["Year", "Financial Year", "FY", "Academic Year"], required: true,
                   meaning: "academy financial year, September–August: 2024/25, 2024-25 or 2025"),
        ColumnSpec("urn", aliases: ["URN", "School URN", "Academy URN"], required: true, meaning: "school URN, or CENTRAL"),
        // Never "Type": DfE files and GIAS extracts carry an establishment type column ("Academy converter").
        ColumnSpec("status", aliases: ["Status", "Basis", "Figure Type", "Budget Status"], required: true, meaning: "actual, budget or forecast"),
        ColumnSpec("gag_income", aliases: ["GAG", "GAG Income", "General Annual Grant"], required: true),
        ColumnSpec("other_dfe_income", aliases: ["Other DfE Income", "Other DfE/ESFA Income", "Other DfE Grants"], required: true),
        ColumnSpec("other_government_income", aliases: ["Other Government Income", "Other Government Grants", "LA Income"], required: true),
        ColumnSpec("self_generated_income", aliases: ["Self Generated Income", "Self-generated Income", "Other Income"], required: true),
        ColumnSpec("total_income", aliases: ["Total Income", "Total Revenue Income"], required: true),
        ColumnSpec("staff_costs", aliases: ["Staff Costs", "Total Staff Costs"], required: true),
        ColumnSpec("total_expenditure", aliases: ["Total Expenditure", "Total Costs", "Total Revenue Expenditure"], required: true),
        ColumnSpec("revenue_reserves_brought_forward", aliases: ["Reserves Brought Forward", "Revenue Reserves B/F", "Balance Brought Forward"], required: true),
        ColumnSpec("revenue_reserves_carried_forward", aliases: ["Reserves Carried Forward", "Revenue Reserves C/F", "Balance Carried Forward", "Revenue Reserves"], required: true),
        ColumnSpec("transfers", aliases: ["Transfers", "Transfers Between Funds", "Reserve Transfers"], meaning: "transfers into (+) or out of (−) revenue reserves"),
        ColumnSpec("capital_income", aliases: ["Capital Income", "Capital Grants"], meaning: "capital income; not part of total (revenue) income"),
        ColumnSpec("pupils_fte", aliases: ["Pupils FTE", "Pupils", "FTE Pupils", "Number on Roll"]),
        ColumnSpec("cash", aliases: ["Cash", "Cash at Bank", "Cash Balance", "Cash at Year End"], meaning: "cash at the end of the year (optional)"),
        ColumnSpec("previous_category", aliases: ["Previous Category", "Last Category", "Previous Finance Category"],
                   meaning: "finance category at the last review: Universal, Concerning, Poor, Deficient, Unacceptable"),
    ])

    public static func read(path: String, displayName: String, options: FileOptions = [:], register: SchoolRegister,
                            settings: FinanceSettings = FinanceSettings(), seen: inout Set<String>) throws -> ImportOutcome<FinanceRecord> {
        try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let year = try row.requiredAcademicYear("financial_year")
            let urnText = try row.require("urn")
            let urn: String
            if urnText.uppercased() == MeasureRow.centralURN {
                urn = MeasureRow.centralURN   // central services are not a school: no register check
                row.urn = urn
            } else {
                urn = try row.urn()
                try register.check(urn, row: row)
            }
            let statusText = try row.require("status")
            guard let status = FinanceStatus(rawValue: statusText.lowercased()) else {
                throw row.reject("status", statusText, .unknownCode, "`\(statusText)` is not a status; use actual, budget or forecast.")
            }
            let key = "\(year)|\(urn)|\(status.rawValue)"
            guard !seen.contains(key) else {
                throw row.reject("urn", urn, .duplicateKey, "A second \(status.rawValue) row for \(urn) in \(year); keep one row per academy, year and status.")
            }
            func money(_ column: String) throws -> Double? {
                guard let v = try row.decimal(column) else { return nil }
                guard v >= 0 else {
                    throw row.reject(column, row.text(column), .outOfRange,
                                     "\(row.map.heading(of: column)) is \(FinanceText.money(v)); income and costs cannot be negative (only reserves balances and transfers can).")
                }
                return v
            }
            func needed(_ column: String) throws -> Double {
                _ = try row.require(column)
                return try money(column)!
            }
            func balance(_ column: String) throws -> Double {
                _ = try row.require(column)
                return try row.decimal(column)!
            }
            let figures = FinanceFigures(
                gag: try needed("gag_income"), otherDfE: try money("other_dfe_income"),
                otherGovernment: try money("other_government_income"), selfGenerated: try money("self_generated_income"),
                totalIncome: try needed("total_income"), staffCosts: try money("staff_costs"),
                totalExpenditure: try needed("total_expenditure"),
                broughtForward: try row.decimal("revenue_reserves_brought_forward"),
                carriedForward: try balance("revenue_reserves_carried_forward"),
                transfers: try row.decimal("transfers"), capitalIncome: try money("capital_income"),
                pupilsFTE: try money("pupils_fte"), cash: try row.decimal("cash"))
            var previous: TrustCategory?
            if let text = row.text("previous_category") {
                if let c = TrustCategory(parsing: text) {
                    previous = c
                } else {
                    row.warn("previous_category", text, .unknownCode, "`\(text)` is not a finance category (Universal, Concerning, Poor, Deficient, Unacceptable); ignored, so Unacceptable cannot be decided for this academy.")
                }
            }
            for (column, message) in reconcile(figures, tolerance: settings.reconciliationTolerance) {
                row.warn(column, nil, .doesNotAddUp, "\(urn) \(year) \(status.rawValue): \(message)")
            }
            seen.insert(key)
            return FinanceRecord(year: year, urn: urn, status: status, figures: figures, previousCategory: previous,
                                 file: displayName, line: row.line)
        }
    }

    /// The within-row checks: parts add up to the totals and reserves roll forward. Each difference is
    /// returned with the column it concerns and a message giving the amounts.
    public static func reconcile(_ f: FinanceFigures, tolerance: Double) -> [(String, String)] {
        var out: [(String, String)] = []
        let m = FinanceText.money
        if let parts = f.incomeParts, abs(parts - f.totalIncome) > tolerance {
            out.append(("total_income", "income parts add up to \(m(parts)) (GAG \(m(f.gag ?? 0)) + other DfE \(m(f.otherDfE!)) + other government \(m(f.otherGovernment!)) + self-generated \(m(f.selfGenerated!))) but total income is \(m(f.totalIncome)): a difference of \(m(f.totalIncome - parts))."))
        }
        if let staff = f.staffCosts, staff - f.totalExpenditure > tolerance {
            out.append(("staff_costs", "staff costs \(m(staff)) are more than total expenditure \(m(f.totalExpenditure)) (by \(m(staff - f.totalExpenditure))); staff costs are part of expenditure."))
        }
        if let bf = f.broughtForward {
            let expected = bf + f.inYearBalance + (f.transfers ?? 0)
            if abs(expected - f.carriedForward) > tolerance {
                let transfers = f.transfers.map { " + transfers \(m($0))" } ?? ""
                out.append(("revenue_reserves_carried_forward", "carried forward should be brought forward \(m(bf)) + in-year balance \(m(f.inYearBalance)) (income \(m(f.totalIncome)) − expenditure \(m(f.totalExpenditure)))\(transfers) = \(m(expected)), but is \(m(f.carriedForward)): a difference of \(m(f.carriedForward - expected))."))
            }
        }
        return out
    }

    /// Across years: an entity's actual brought-forward should equal last year's actual carried-forward.
    public static func checkContinuity(_ records: [FinanceRecord], settings: FinanceSettings) -> [DataQualityIssue] {
        let actuals = records.filter { $0.status == .actual }
        let byKey = Dictionary(actuals.map { ("\($0.urn)|\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
        var issues: [DataQualityIssue] = []
        for r in actuals.sorted(by: { ($0.urn, $0.year) < ($1.urn, $1.year) }) {
            guard let bf = r.figures.broughtForward, let last = byKey["\(r.urn)|\(r.year.previous)"] else { continue }
            let cf = last.figures.carriedForward
            guard abs(bf - cf) > settings.reconciliationTolerance else { continue }
            issues.append(DataQualityIssue(
                file: r.file, line: r.line, column: "revenue_reserves_brought_forward", value: CSVText.number(bf), code: .doesNotAddUp,
                message: "\(r.urn) \(r.year) actual: reserves brought forward \(FinanceText.money(bf)) differ from \(r.year.previous)'s carried forward \(FinanceText.money(cf)) (\(last.file) line \(last.line)) by \(FinanceText.money(bf - cf)).",
                severity: .warning, urn: r.isCentral ? nil : r.urn))
        }
        return issues
    }
}
