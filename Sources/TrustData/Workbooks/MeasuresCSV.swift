/// `measures.csv`: one row per figure. The first thirteen columns are the published contract; the
/// columns after them were added later and may grow (never renamed).
public enum MeasuresCSV {
    public static let columns = [
        "year", "urn", "school", "measure", "group", "numerator", "denominator", "value", "national", "la",
        "diff_national", "diff_la", "target",
        // Extensions, in the order they were added.
        "diff_target", "la_name", "small_cohort", "text",
    ]

    public static func render(_ rows: [MeasureRow]) -> String {
        var csv = CSVText(header: columns)
        for r in rows {
            csv.appendRow([
                r.year, r.urn, r.school, r.measure, r.group,
                CSVText.number(r.numerator), CSVText.number(r.denominator), CSVText.number(r.value),
                CSVText.number(r.national), CSVText.number(r.la), CSVText.number(r.diffNational),
                CSVText.number(r.diffLA), CSVText.number(r.target), CSVText.number(r.diffTarget),
                r.laName ?? "", r.smallCohort ? "true" : "", r.text ?? "",
            ])
        }
        return csv.text
    }
}
