/// Which cell styles show a number as a date. Excel stores a date as a day count (a serial number);
/// only the cell's number format (styles.xml: `cellXfs` → `numFmtId` → built-in id or `numFmts`
/// format code) says it is one.
struct XLSXStyles {
    /// `isDate[s]` for the style index `s` a cell carries (`<c s="3">`).
    private(set) var isDate: [Bool] = []

    init() {}

    init(zip: ZipArchive, part: String) throws {
        let events = StyleEvents()
        try XMLStream.parse(events, part: part, in: zip)
        isDate = events.cellFormats.map { id in
            if let code = events.customFormats[id] { return XLSXStyles.isDateFormat(code) }
            return XLSXStyles.builtInDates.contains(id)
        }
    }

    func dateStyle(_ s: Int) -> Bool { s >= 0 && s < isDate.count && isDate[s] }

    /// Built-in number formats that show a date (ECMA-376 Part 1, 18.8.30: 14–17 and 22 in every
    /// locale; 27–36 and 50–58 are the East Asian date formats). Time-only formats (18–21, 45–47)
    /// are not dates.
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    /// A custom format code shows a date when, outside quoted text, escapes and `[…]` (colours,
    /// conditions, elapsed time), it has a day or year part: `dd/mm/yyyy`, `d-mmm-yy`, `yyyy-mm-dd hh:mm`.
    /// `m` alone may mean minutes, so it does not count on its own.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if c == "\"" { inQuote = false }; continue }
            if inBracket { if c == "]" { inBracket = false }; continue }
            switch c {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case "d", "y": return true
            default: continue
            }
        }
        return false
    }
}

private final class StyleEvents: XMLEvents {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init), let code = attributes.string("formatCode") {
            customFormats[id] = code
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            cellFormats.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
        }
    }

    override func end(_ name: XMLName) {
        if name.is("cellXfs") { inCellXfs = false }
    }
}
