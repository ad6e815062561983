/// How a cell looks, as a value: workbooks cache one C format per distinct `CellFormat`.
public struct CellFormat: Hashable, Sendable {
    public enum Align: Hashable, Sendable { case left, centre, right }
    public enum VerticalAlign: Hashable, Sendable { case top, centre, bottom }

    public var bold = false
    public var italic = false
    public var fontSize: Double?
    public var fontColor: UInt32?
    public var fill: UInt32?
    public var numberFormat: String?
    public var align: Align?
    public var verticalAlign: VerticalAlign?
    public var wrap = false
    public var border = false
    public var bottomBorder = false
    public var indent = 0

    public init(bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
                fill: UInt32? = nil, numberFormat: String? = nil, align: Align? = nil,
                verticalAlign: VerticalAlign? = nil, wrap: Bool = false, border: Bool = false,
                bottomBorder: Bool = false, indent: Int = 0) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.numberFormat = numberFormat
        self.align = align
        self.verticalAlign = verticalAlign
        self.wrap = wrap
        self.border = border
        self.bottomBorder = bottomBorder
        self.indent = indent
    }

    /// Every field but the number format's text, which counts by its length (hashing a text in full
    /// normalises its Unicode, "£"), packed into three words for three combines rather than twelve:
    /// formats are looked up per cell. Equality still compares it all.
    public func hash(into hasher: inout Hasher) {
        var flags: UInt64 = (bold ? 1 : 0) | (italic ? 2 : 0) | (wrap ? 4 : 0) | (border ? 8 : 0) | (bottomBorder ? 16 : 0)
        flags |= UInt64(truncatingIfNeeded: indent) << 8
        flags |= UInt64(align.map { $0 == .left ? 1 : $0 == .centre ? 2 : 3 } ?? 0) << 16
        flags |= UInt64(verticalAlign.map { $0 == .top ? 1 : $0 == .centre ? 2 : 3 } ?? 0) << 20
        flags |= UInt64(numberFormat.map { $0.utf8.count + 1 } ?? 0) << 32
        hasher.combine(flags)
        // A colour is 24 bits: bit 32 marks one that is set, so nil and 0x000000 hash apart.
        hasher.combine(UInt64(fontColor.map { UInt64($0) | 1 << 32 } ?? 0) << 24 ^ (fill.map { UInt64($0) | 1 << 32 } ?? 0))
        hasher.combine(fontSize?.bitPattern ?? 1)
    }

    /// A copy with some properties changed: `CellFormat.percent.with { $0.bold = true }`.
    public func with(_ change: (inout CellFormat) -> Void) -> CellFormat {
        var copy = self
        change(&copy)
        return copy
    }

    public static let percentFormat = "0.0%"
    public static let plain = CellFormat()
    public static let percent = CellFormat(numberFormat: percentFormat)
    public static let integer = CellFormat(numberFormat: "#,##0")
    public static let decimal1 = CellFormat(numberFormat: "0.0")
    /// Signed points for differences from national: +3.2 / -1.5.
    public static let points = CellFormat(numberFormat: "+0.0;-0.0;0.0")
    /// Pounds in thousands with a thousands separator, as trustees' papers show them: £1,234k.
    public static let thousandsGBP = CellFormat(numberFormat: "£#,##0,\"k\";-£#,##0,\"k\"")
    public static let gbp = CellFormat(numberFormat: "£#,##0;-£#,##0")
    /// Whole pounds that never change unit with the workbook's money unit (amounts per pupil).
    public static let gbpExact = CellFormat(numberFormat: "£#,##0;-£#,##0;£0")
    public static let date = CellFormat(numberFormat: "dd/mm/yyyy")
    public static let title = CellFormat(bold: true, fontSize: 14)
    public static let subtitle = CellFormat(italic: true, fontColor: 0x595959)
    public static let header = CellFormat(bold: true, fill: 0xDDEBF7, wrap: true, bottomBorder: true)
    public static let sectionHeader = CellFormat(bold: true, fontSize: 12, fontColor: 0x1F4E79)
    public static let note = CellFormat(italic: true, fontColor: 0x595959, wrap: false)
}
