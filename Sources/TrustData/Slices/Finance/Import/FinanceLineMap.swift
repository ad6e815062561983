import Foundation

/// The published finance layouts trustdata reads besides its own `finance.csv`.
public enum FinanceLayout: String, Sendable, Hashable, CaseIterable {
    /// Academies accounts return, academy level: one row per academy, one column per line code.
    case aarAcademy = "aar_academy"
    /// DfE's financial benchmarking and insights tool: the academies transparency file, one row per academy.
    case benchmarking
    /// Budget forecast return (trust level): one row per line (`EFALineNo`), periods in columns.
    case bfr
    /// The BFR's three-year summary: one row per line, whole years in columns.
    case bfr3y = "bfr_3y"

    /// How the layout is named in reasons, bases and messages.
    public var label: String {
        switch self {
        case .aarAcademy: return "AAR"
        case .benchmarking: return "benchmarking file"
        case .bfr: return "BFR"
        case .bfr3y: return "BFR three-year summary"
        }
    }
}

/// trustdata's finance fields a published line can feed (`FinanceFigures`), plus `in_year_balance`, which is
/// only checked against income − expenditure.
public enum FinanceField: String, Sendable, Hashable, CaseIterable {
    case gag = "gag_income"
    case otherDfE = "other_dfe_income"
    case otherGovernment = "other_government_income"
    case selfGenerated = "self_generated_income"
    case totalIncome = "total_income"
    case staffCosts = "staff_costs"
    case totalExpenditure = "total_expenditure"
    case broughtForward = "revenue_reserves_brought_forward"
    case carriedForward = "revenue_reserves_carried_forward"
    case inYearBalance = "in_year_balance"
    case transfers
    case pupils = "pupils_fte"
    case cash
}

/// One row of `finance-line-codes.csv`: a published line (a line code or heading) and the trustdata field
/// it feeds, for the return years it applies to, with DfE's own description. The mapping is data: a new
/// return year with new codes is new rows, not new code.
public struct FinanceLine: Sendable, Hashable {
    /// Flows add up over a year's periods; a balance is the value at the end of the last period; a count
    /// (pupils) is taken like a balance and never scaled by `bfr_in_thousands`.
    public enum Kind: String, Sendable, Hashable { case flow, balance, count }

    public var layout: FinanceLayout
    public var from: AcademicYear?
    public var to: AcademicYear?
    /// The line code (`BAI010-T`, `430`) or, for the benchmarking file, the heading itself.
    public var code: String
    /// The column heading as published (`BNCH11110T (EFA Revenue Grants)`); matched like any heading.
    public var heading: String
    /// nil for a line read for a total only (`-` in the file).
    public var field: FinanceField?
    /// The total the line is a part of (reconciliation), if any.
    public var addsTo: FinanceField?
    public var sign: Double
    public var kind: Kind
    public var description: String
    /// False where the mapping is an assumption (the file's `confirmed` column says `assumed`).
    public var confirmed: Bool

    public func applies(to year: AcademicYear) -> Bool {
        (from.map { year >= $0 } ?? true) && (to.map { year <= $0 } ?? true)
    }
}

/// `inputs/reference/finance-line-codes.csv`, read once per run.
public struct FinanceLineMap: Sendable {
    public static let fileName = "finance-line-codes.csv"
    public let lines: [FinanceLine]

    public init(lines: [FinanceLine]) { self.lines = lines }

    /// Every line of a layout (any year): the columns a file of that layout may have.
    public func lines(_ layout: FinanceLayout) -> [FinanceLine] { lines.filter { $0.layout == layout } }

    /// The lines of a layout that apply to one return year.
    public func lines(_ layout: FinanceLayout, year: AcademicYear) -> [FinanceLine] {
        lines.filter { $0.layout == layout && $0.applies(to: year) }
    }

    static let schema = DatasetSchema(dataset: "finance-line-codes", columns: [
        ColumnSpec("layout", required: true), ColumnSpec("from_year"), ColumnSpec("to_year"),
        ColumnSpec("line_code", required: true), ColumnSpec("heading"), ColumnSpec("field", required: true),
        ColumnSpec("adds_to"), ColumnSpec("sign"), ColumnSpec("kind"), ColumnSpec("dfe_description", required: true),
        ColumnSpec("confirmed"), ColumnSpec("source"),
    ])

    /// Reads the mapping from the reference folder, its books in `log`.
    public static func load(folder: String, displayFolder: String, log: inout ImportLog) throws -> FinanceLineMap {
        let path = (folder as NSString).appendingPathComponent(fileName)
        let display = (displayFolder as NSString).appendingPathComponent(fileName)
        let lines = log.take(try TableImporter(schema: schema, path: path, displayName: display).run { row -> FinanceLine? in
            let layoutText = try row.require("layout")
            guard let layout = FinanceLayout(rawValue: layoutText) else {
                throw row.reject("layout", layoutText, .unknownCode, "`\(layoutText)` is not a layout; use \(FinanceLayout.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            func field(_ column: String) throws -> FinanceField? {
                guard let text = row.text(column), text != "-" else { return nil }
                guard let f = FinanceField(rawValue: text) else {
                    throw row.reject(column, text, .unknownCode, "`\(text)` is not a finance field; use - or one of \(FinanceField.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return f
            }
            let kindText = row.text("kind") ?? "flow"
            guard let kind = FinanceLine.Kind(rawValue: kindText) else {
                throw row.reject("kind", kindText, .unknownCode, "`\(kindText)` is not flow, balance or count.")
            }
            let code = try row.require("line_code")
            return FinanceLine(layout: layout, from: try row.academicYear("from_year"), to: try row.academicYear("to_year"),
                               code: code, heading: row.text("heading") ?? code, field: try field("field"),
                               addsTo: try field("adds_to"), sign: try row.decimal("sign") ?? 1, kind: kind,
                               description: try row.require("dfe_description"),
                               confirmed: (row.text("confirmed") ?? "yes").lowercased() != "assumed")
        })
        return FinanceLineMap(lines: lines)
    }
}
