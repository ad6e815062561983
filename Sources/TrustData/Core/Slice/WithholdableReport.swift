/// A slice's school part whose figures can be withheld when most of the school's rows for it were
/// rejected (`WithheldFigures`): the rows stay in `measures.csv` (the ids are a contract) with no
/// numbers and the reason in a few words as their text (the academy card shows that text); the slice's
/// sheet shows the whole `withheld` reason instead of its tables.
public protocol WithholdableReport: SliceReport {
    var measures: [MeasureRow] { get set }
    /// Why the school's figures are withheld, or nil.
    var withheld: String? { get set }
}

extension WithholdableReport {
    /// Withholds the figures of `year` (every year when nil): no numerator, denominator, value,
    /// comparison or target, and `short` as the text.
    public mutating func withhold(_ reason: String, short: String, year: String? = nil) {
        withheld = reason
        for i in measures.indices where year == nil || measures[i].year == year {
            measures[i].numerator = nil
            measures[i].denominator = nil
            measures[i].value = nil
            measures[i].national = nil
            measures[i].la = nil
            measures[i].target = nil
            measures[i].text = short
        }
    }
}
