/// How one sheet goes onto A4 paper, worked out from its size when the workbook closes, so every sheet
/// prints readably by design: text never printed smaller than `minimumPrintedPoints`.
///
/// Portrait when the columns fit a portrait page at full size, else landscape; fitted to one page
/// width when that keeps text at the minimum size, else printed at the minimum size across several
/// page widths with the first columns repeated (a wide table reads on, never shrinks to nothing).
public struct PagePlan: Equatable, Sendable {
    public enum Orientation: Sendable, Equatable { case portrait, landscape }

    public var orientation: Orientation
    /// Fit to this many pages wide (and `fitTall` tall, 0 = as many as needed), or nil to print at `scale`.
    public var fitWide: Int?
    public var fitTall: Int
    /// Percent, when not fitted.
    public var scale: Int
    /// The size the sheet's text is printed at, as a share of its size on screen.
    public var printedScale: Double

    /// Sheets' body text is 11 pt; printed at least at 8 pt (issue #20).
    public static let bodyPoints = 11.0
    public static let minimumPrintedPoints = 8.0
    public static var minimumScale: Double { minimumPrintedPoints / bodyPoints }

    /// A4 less Excel's default margins (0.7 in each side, 0.75 in top and bottom), in pixels at 96 dpi
    /// for widths and points for heights.
    static func printableWidthPixels(_ o: Orientation) -> Double { (o == .portrait ? 8.27 - 1.4 : 11.69 - 1.4) * 96 }
    static func printableHeightPoints(_ o: Orientation) -> Double { (o == .portrait ? 11.69 - 1.5 : 8.27 - 1.5) * 72 }

    /// `widthPixels` of columns (and charts) to print, `heightPoints` of rows; `requested` orientation
    /// and `onePage` (a one-page summary such as the academy card) from the sheet.
    public static func plan(widthPixels: Double, heightPoints: Double, requested: Orientation?, onePage: Bool) -> PagePlan {
        let orientation = requested ?? (widthPixels <= printableWidthPixels(.portrait) ? .portrait : .landscape)
        let across = min(1, printableWidthPixels(orientation) / max(widthPixels, 1))
        if onePage {
            let both = min(across, printableHeightPoints(orientation) / max(heightPoints, 1))
            if both >= minimumScale {
                return PagePlan(orientation: orientation, fitWide: 1, fitTall: 1, scale: 100, printedScale: both)
            }
        }
        if across >= minimumScale {
            return PagePlan(orientation: orientation, fitWide: 1, fitTall: 0, scale: 100, printedScale: across)
        }
        let scale = Int((minimumScale * 100).rounded(.up))
        return PagePlan(orientation: orientation, fitWide: nil, fitTall: 0, scale: scale, printedScale: Double(scale) / 100)
    }
}

/// What every page of a workbook's sheets says at the top and bottom: trust, school, sheet, the "as at"
/// date (from the pipeline or the newest data, never the clock, so runs stay byte-identical), page x of y,
/// the data period of the sheet's figures and, on pupil-level sheets, the sensitivity marking.
public struct PageHeading: Sendable, Equatable {
    public var trust: String
    public var school: String?
    public var asAt: String

    public init(trust: String, school: String?, asAt: String) {
        self.trust = trust
        self.school = school
        self.asAt = asAt
    }

    public static let sensitivity = "OFFICIAL-SENSITIVE: contains pupil data"

    /// Excel header text: `&L` `&C` `&R` sections, `&8` the size, `&A` the sheet name; a literal `&`
    /// doubled. Excel allows 255 characters: long names are shortened first.
    /// Left: trust and school; centre: the sheet's name; right: the sensitivity marking on pupil-level
    /// sheets and the "as at" date.
    public func header(pupilLevel: Bool) -> String {
        let who = [trust, school].compactMap { $0 }.joined(separator: " — ")
        // (At most 110 + 60 + 45 characters with the codes, under Excel's 255.)
        let marking = pupilLevel ? Self.sensitivity + " · " : ""
        return "&L&8" + Self.escape(Self.shorten(who, to: 110)) + "&C&8&\"-,Bold\"&A&R&8" + marking + "As at " + Self.escape(asAt)
    }

    /// Left: the data period of the sheet's figures (room up to the page number); right: page x of y.
    public func footer(period: String?) -> String {
        // Excel allows 255 characters in all (a doubled `&` counts twice).
        var room = 170
        while true {
            let text = "&L&8" + Self.escape(Self.shorten(period ?? "", to: room)) + "&R&8Page &P of &N"
            if text.utf8.count <= 250 || room < 20 { return text }
            room -= 20
        }
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&&") }
    static func shorten(_ s: String, to count: Int) -> String { s.count <= count ? s : String(s.prefix(count - 1)) + "…" }
}
