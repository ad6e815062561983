/// The README's measures reference, generated from the catalogue so it never drifts from the code.
extension MeasureCatalog {
    public static func markdownReference() -> String {
        func cell(_ s: String) -> String { s.isEmpty ? "" : s.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["## Measures reference", "",
                     "Every `measure` id in `measures.csv` and the workbooks (`trustdata explain <id>` prints one). Percentages are 0–100 in `measures.csv`; `finance.category` is in the `text` column. A figure withheld because most of its rows were rejected keeps its row with empty numbers and `Withheld: …` in `text` (see [Outputs](#outputs)).",
                     "", "| measure | what it means | unit | numerator | denominator |", "|---|---|---|---|---|"]
        for d in all {
            let unit = d.unit.rawValue + (d.higherIsBetter ? "" : " (lower is better)")
            lines.append("| `\(d.id)` | \(cell(d.title)) | \(unit) | \(cell(d.numerator)) | \(cell(d.denominator)) |")
        }
        lines += ["", "Group ids (the `group` column):", "", "| group | who |", "|---|---|"]
        for g in PupilGroup.allCases { lines.append("| `\(g.rawValue)` | \(g.label) |") }
        lines.append("| `cost_centre.<name>` | One cost centre in budget monitoring (`finance.monitoring.*`), e.g. `cost_centre.teaching_staff`; the name as written is in the `text` column |")
        return lines.joined(separator: "\n")
    }
}
