/// The published lines of one academy (or trust) for one year, added into trustdata's fields by the
/// mapping (`finance-line-codes.csv`): each line's value goes to its field and to the total it is a part
/// of, so a file that gives both the parts and the total is checked, and one that gives only the parts
/// gets its total from them.
struct FinanceLineValues {
    private(set) var fields: [FinanceField: Double] = [:]
    private(set) var parts: [FinanceField: Double] = [:]
    /// How many lines fed each total (a total from no lines is no total).
    private var partCount: [FinanceField: Int] = [:]

    mutating func add(_ line: FinanceLine, _ value: Double) {
        let v = value * line.sign
        if let f = line.field { fields[f, default: 0] += v }
        if let t = line.addsTo {
            parts[t, default: 0] += v
            partCount[t, default: 0] += 1
        }
    }

    /// Notes a line whose column is in the file but whose cell is blank: the field is given (as £0), not missing.
    mutating func given(_ line: FinanceLine) {
        if let f = line.field, fields[f] == nil { fields[f] = 0 }
    }

    var isEmpty: Bool { fields.isEmpty && parts.isEmpty }

    private func total(_ f: FinanceField) -> Double? {
        fields[f] ?? ((partCount[f] ?? 0) > 0 ? parts[f] : nil)
    }

    /// The fields a record cannot do without, missing from these lines.
    var missingEssentials: [FinanceField] {
        [FinanceField.totalIncome, .totalExpenditure, .carriedForward].filter { total($0) == nil }
    }

    /// The figures, or nil when an essential field is missing (`missingEssentials`).
    var figures: FinanceFigures? {
        guard let income = total(.totalIncome), let expenditure = total(.totalExpenditure),
              let carried = fields[.carriedForward] else { return nil }
        return FinanceFigures(gag: fields[.gag], otherDfE: fields[.otherDfE], otherGovernment: fields[.otherGovernment],
                              selfGenerated: fields[.selfGenerated], totalIncome: income, staffCosts: fields[.staffCosts],
                              totalExpenditure: expenditure, broughtForward: fields[.broughtForward], carriedForward: carried,
                              transfers: fields[.transfers], pupilsFTE: fields[.pupils], cash: fields[.cash])
    }

    /// Parts against the published totals, and the published in-year balance against income −
    /// expenditure: (field, message) for each difference over the tolerance.
    func reconcile(tolerance: Double) -> [(FinanceField, String)] {
        let m = FinanceText.money
        var out: [(FinanceField, String)] = []
        for (t, name) in [(FinanceField.totalIncome, "income"), (.totalExpenditure, "expenditure")] {
            guard let published = fields[t], (partCount[t] ?? 0) > 0, let sum = parts[t], abs(sum - published) > tolerance else { continue }
            out.append((t, "the \(name) lines add up to \(m(sum)) but the total \(name) line is \(m(published)): a difference of \(m(published - sum))."))
        }
        if let balance = fields[.inYearBalance], let income = total(.totalIncome), let expenditure = total(.totalExpenditure),
           abs(balance - (income - expenditure)) > tolerance {
            out.append((.inYearBalance, "the in-year balance line is \(m(balance)) but income \(m(income)) − expenditure \(m(expenditure)) is \(m(income - expenditure)): a difference of \(m(balance - (income - expenditure)))."))
        }
        return out
    }

    /// The measures a file cannot give because it has no line for a field, in plain words (one notice per
    /// file rather than one per row).
    static func unavailable(_ figures: [FinanceFigures]) -> [String] {
        guard !figures.isEmpty else { return [] }
        var out: [String] = []
        if figures.allSatisfy({ $0.gag == nil }) {
            out.append("no GAG: reserves as % of GAG, income beyond GAG and the finance category's GAG tests (the 3% and 5% levels) cannot be given")
        }
        if figures.allSatisfy({ $0.broughtForward == nil }) {
            out.append("no reserves brought forward: the check that brought forward + in-year balance = carried forward cannot be made (opening reserves are worked back from the carried-forward figure)")
        }
        if figures.allSatisfy({ $0.staffCosts == nil }) {
            out.append("no staff costs: staff costs as % of expenditure and of income cannot be given")
        }
        return out
    }
}
