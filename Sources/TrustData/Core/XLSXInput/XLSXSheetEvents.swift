import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a worksheet's XML into rows of cell text, as a CSV export of the same sheet would hold them:
/// shared and inline strings as written, numbers as Excel shows them in General format, dates (numbers
/// in a date style) as `yyyy-mm-dd`, booleans TRUE/FALSE, errors as their code (`#N/A`). Cells the
/// XML leaves out (empty cells) are empty fields, so field `i` is always column `i` (A = 0).
///
/// Finished rows collect in one byte buffer and an end table, laid out as the CSV reader's rows
/// (`CSVRawRow`), until the chunk being parsed is done; `XLSXReader` then hands them on.
final class XLSXSheetEvents: XMLEvents {
    let strings: XLSXSharedStrings
    let styles: XLSXStyles
    let date1904: Bool

    /// This chunk's finished rows and the row in progress: the bytes of every field, and each field's
    /// end counted from its row's first byte.
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// (sheet row number, end of its bytes, end of its field ends) for each finished row.
    var rows: [(line: Int, bytesEnd: Int, endsEnd: Int)] = []
    /// Where the row in progress starts in `bytes` and `ends`.
    var rowStart = 0
    var endsStart = 0
    var rowNumber = 0
    var lastRowNumber = 0

    private var column = 0
    private var nextColumn = 0
    private var type = CellType.number
    private var style = 0
    private var collecting = false
    private var inInline = false
    private var phonetic = 0
    private var hasValue = false
    private var text: [UInt8] = []

    enum CellType { case number, shared, inline, formulaText, boolean, error, isoDate }

    init(strings: XLSXSharedStrings, styles: XLSXStyles, date1904: Bool) {
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        super.init()
        bytes.reserveCapacity(1 << 17)
        ends.reserveCapacity(1 << 14)
        text.reserveCapacity(256)
    }

    /// Forgets the rows handed on; the row in progress moves to the front.
    func dropFinishedRows() {
        if rowStart > 0 { bytes.removeFirst(rowStart) }
        if endsStart > 0 { ends.removeFirst(endsStart) }
        rowStart = 0
        endsStart = 0
        rows.removeAll(keepingCapacity: true)
    }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("c") {
            column = attributes.raw("r").flatMap(XLSXSheetEvents.columnIndex) ?? nextColumn
            type = attributes.raw("t").map(XLSXSheetEvents.cellType) ?? .number
            style = attributes.raw("s").map { Int(strtol($0, nil, 10)) } ?? 0
            text.removeAll(keepingCapacity: true)
            hasValue = false
        } else if name.is("v") {
            collecting = true
            hasValue = true
        } else if name.is("t") {
            if inInline && phonetic == 0 { collecting = true }
        } else if name.is("is") {
            inInline = true
            hasValue = true
        } else if name.is("rPh") {
            phonetic += 1
        } else if name.is("row") {
            rowNumber = attributes.raw("r").map { Int(strtol($0, nil, 10)) } ?? lastRowNumber + 1
            nextColumn = 0
            rowStart = bytes.count
            endsStart = ends.count
        }
    }

    override func end(_ name: XMLName) {
        if name.is("v") || name.is("t") {
            collecting = false
        } else if name.is("c") {
            finishCell()
        } else if name.is("is") {
            inInline = false
        } else if name.is("rPh") {
            phonetic -= 1
        } else if name.is("row") {
            if ends.count > endsStart { rows.append((rowNumber, bytes.count, ends.count)) } else { bytes.removeSubrange(rowStart...) }
            lastRowNumber = rowNumber
            rowStart = bytes.count
            endsStart = ends.count
        }
    }

    override func text(_ chunk: UnsafeBufferPointer<UInt8>) {
        if collecting { text.append(contentsOf: chunk) }
    }

    private func finishCell() {
        nextColumn = column + 1
        guard hasValue else { return }   // a styled cell with nothing in it
        let fields = ends.count - endsStart
        guard column >= fields else {
            failure = "row \(rowNumber) has cell \(XLSXSheetEvents.columnLetters(column))\(rowNumber) twice or out of order"
            return
        }
        for _ in fields ..< column { ends.append(bytes.count - rowStart) }
        appendValue()
        ends.append(bytes.count - rowStart)
    }

    private func appendValue() {
        switch type {
        case .shared:
            let i = text.withUnsafeBufferPointer { XLSXSheetEvents.integer($0) } ?? -1
            guard i >= 0 && i < strings.count else {
                failure = "cell \(XLSXSheetEvents.columnLetters(column))\(rowNumber) points at shared string \(i), which the workbook does not have"
                return
            }
            strings.withString(i) { bytes.append(contentsOf: $0) }
        case .inline, .formulaText, .error:
            bytes.append(contentsOf: text)
        case .boolean:
            bytes.append(contentsOf: text == [UInt8(ascii: "1")] ? Array("TRUE".utf8) : Array("FALSE".utf8))
        case .isoDate:
            // `t="d"`: an ISO 8601 date (and time); the day is what counts.
            let day = text.firstIndex(of: UInt8(ascii: "T")).map { Array(text[..<$0]) } ?? text
            bytes.append(contentsOf: day)
        case .number:
            if styles.dateStyle(style), let date = dateText() {
                bytes.append(contentsOf: date.utf8)
            } else {
                appendNumber()
            }
        }
    }

    /// The date a serial number in a date style stands for, or nil when it is none (negative, or past 9999).
    private func dateText() -> String? {
        guard let serial = parseDouble(), serial >= 0, serial < 2_958_466 else { return nil }
        guard let day = ExcelDate.dayNumber(serial: Int(serial.rounded(.down)), date1904: date1904) else {
            // Serial 60 is 29 February 1900, a day Lotus 1-2-3 invented and Excel kept: written as such,
            // so the importer reports it as an impossible date rather than moving it a day.
            return "1900-02-29"
        }
        // CalendarDate holds 1900–2200; a serial outside it stays a number, which the importer reports.
        guard day >= XLSXSheetEvents.firstDay && day <= XLSXSheetEvents.lastDay else { return nil }
        return CalendarDate(dayNumber: day).iso
    }

    static let firstDay = CalendarDate(year: 1900, month: 1, day: 1)!.dayNumber
    static let lastDay = CalendarDate(year: 2200, month: 12, day: 31)!.dayNumber

    /// A number as Excel's General format shows it (what "Save As CSV" writes): whole numbers without
    /// a decimal point, and at most 15 significant digits, so 0.1+0.2 stored as 0.30000000000000004
    /// reads as 0.3 and 104 stored as 104.00000000000001 reads as 104.
    private func appendNumber() {
        if let plain = XLSXSheetEvents.plainNumber(text) {
            bytes.append(contentsOf: text[..<plain])
            return
        }
        guard let value = parseDouble() else { bytes.append(contentsOf: text); return }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
            return
        }
        var formatted = String(format: "%.15g", value)
        if Double(formatted).map({ $0 == $0.rounded() && abs($0) < 1e15 }) == true, !formatted.contains("e") {
            formatted = String(Int(Double(formatted)!))
        }
        bytes.append(contentsOf: formatted.utf8)
    }

    /// The length to keep of a number written plainly (an optional `-`, digits, at most one `.`, at most
    /// 15 significant digits): trailing zeros after the point dropped, and the point with them. Nil for
    /// anything else (exponents, long fractions), which goes through a Double.
    static func plainNumber(_ t: [UInt8]) -> Int? {
        var i = t.first == UInt8(ascii: "-") ? 1 : 0
        guard i < t.count else { return nil }
        var digits = 0, point = -1
        while i < t.count {
            let c = t[i]
            if c == UInt8(ascii: ".") {
                if point >= 0 { return nil }
                point = i
            } else if c &- 0x30 < 10 {
                if digits > 0 || c != 0x30 { digits += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits <= 15 else { return nil }
        guard point >= 0 else { return t.count }
        var end = t.count
        while end > point + 1 && t[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end == point + 1 { end = point }
        return end
    }

    private func parseDouble() -> Double? {
        guard !text.isEmpty else { return nil }
        return text.withUnsafeBufferPointer { Double(String(decoding: $0, as: UTF8.self)) }
    }

    static func integer(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !t.isEmpty else { return nil }
        var n = 0
        for c in t {
            guard c &- 0x30 < 10 else { return nil }
            n = n &* 10 &+ Int(c &- 0x30)
        }
        return n
    }

    /// The cell's `t` attribute, read from its bytes (a `String` per cell showed in the profile).
    static func cellType(_ t: UnsafePointer<CChar>) -> CellType {
        switch UInt8(bitPattern: t[0]) {
        case UInt8(ascii: "s"): return t[1] == 0 ? .shared : .formulaText            // `s`, `str`
        case UInt8(ascii: "i"): return .inline                                         // `inlineStr`
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "d"): return .isoDate
        default: return .number                                                        // `n`
        }
    }

    /// `C5` → 2 (column A is 0); nil when the reference has no letters.
    static func columnIndex(_ reference: UnsafePointer<CChar>) -> Int? {
        var i = 0, n = 0
        while true {
            let c = UInt8(bitPattern: reference[i]) | 0x20
            guard c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") else { break }
            n = n * 26 + Int(c - UInt8(ascii: "a")) + 1
            i += 1
        }
        return i == 0 ? nil : n - 1
    }

    /// 2 → `C`, 27 → `AB`.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }
}
