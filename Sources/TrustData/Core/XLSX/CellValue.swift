/// What goes in a cell. Text is always written as text: no input ever becomes a formula.
public enum CellValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    /// A fraction shown as a percentage (0.625 → 62.5%); percent cells get a % format by default.
    case percent(Double)
    case date(CalendarDate)
    case blank

    /// A number, or a blank cell when the figure is not available.
    public static func optionalNumber(_ value: Double?) -> CellValue { value.map(CellValue.number) ?? .blank }
    /// A 0–100 percentage as a percent cell, or blank when not available.
    public static func optionalPercent(_ value: Double?) -> CellValue { value.map { .percent($0 / 100) } ?? .blank }
    public static func optionalString(_ value: String?) -> CellValue { value.map(CellValue.string) ?? .blank }
}
