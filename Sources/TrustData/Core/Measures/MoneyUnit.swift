/// Money in the workbooks: one unit per workbook, from the pipeline's `settings.money_unit` (issue #20:
/// the card showed £ while reserves.xlsx showed £k). Amounts per pupil stay in whole pounds.
public enum MoneyUnit: String, Codable, Sendable, Hashable {
    case thousands, pounds

    /// The number format every money cell of a workbook takes.
    public var numberFormat: String { (self == .thousands ? CellFormat.thousandsGBP : CellFormat.gbp).numberFormat! }

    /// A column heading in this unit: "Income £k" becomes "Income £" in pounds.
    public func heading(_ text: String) -> String { self == .thousands ? text : text.replacingOccurrences(of: "£k", with: "£") }

    /// How the unit is said on a sheet: "£ in thousands".
    public var words: String { self == .thousands ? "£ in thousands" : "£ in whole pounds" }
}
