/// How wide text is in the workbooks' font (Calibri, or Carlito, its metric twin that LibreOffice uses),
/// so rows of wrapped text can be made tall enough before the row is written (constant-memory sheets
/// cannot go back). Widths are Calibri's advance widths in 1/1000 em, rounded up a little; an unknown
/// character counts as a wide one, so a row is never made too short.
public enum TextMetrics {
    /// Pixels (96 dpi) of a column `width` characters wide: Excel's rule for an 11-point Calibri sheet.
    public static func columnPixels(_ width: Double) -> Double {
        width < 1 ? width * 12 : (width * 7 + 5).rounded(.down)
    }

    /// The width of `text` on one line, in pixels at `size` points.
    public static func pixels(_ text: Substring, size: Double, bold: Bool) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar) }
        return pixels(units: units, size: size, bold: bold)
    }

    /// Pixels of `units` (1/1000 em) at `size` points: the one formula every path uses, so that the
    /// byte path and the character path give the same doubles.
    @inline(__always)
    static func pixels(units: Int, size: Double, bold: Bool) -> Double {
        Double(units) / 1000 * size * 96 / 72 * (bold ? 1.06 : 1)
    }

    /// Lines `text` takes when wrapped at word boundaries in a cell `columnPixels` wide (3 px of
    /// padding each side, as Excel leaves), counting the text's own line breaks.
    public static func lines(_ text: String, columnPixels: Double, size: Double, bold: Bool) -> Int {
        let room = max(columnPixels - 7, 1)
        if let n = TextBytes.lines(text, room: room, size: size, bold: bold) { return n }
        return linesByCharacter(text, room: room, size: size, bold: bold)
    }

    /// Whether any line of `text` (split at its line breaks) is wider than `room` pixels.
    public static func anyLineWider(_ text: String, than room: Double, size: Double, bold: Bool) -> Bool {
        if let wider = TextBytes.anyLineWider(text, than: room, size: size, bold: bold) { return wider }
        return text.split(separator: "\n").contains { pixels($0, size: size, bold: bold) > room }
    }

    /// `lines` over Characters: the definition, for any text (`TextBytes` answers the same for the
    /// texts it takes, from their bytes; pinned by `TextMetricsTests`).
    static func linesByCharacter(_ text: String, room: Double, size: Double, bold: Bool) -> Int {
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var line = 0.0
            let space = pixels(" ", size: size, bold: bold)
            for word in paragraph.split(separator: " ") {
                let w = pixels(word, size: size, bold: bold)
                if line == 0 {
                    line = w
                } else if line + space + w <= room {
                    line += space + w
                } else {
                    lines += 1
                    line = w
                }
                // A word longer than the column breaks inside it.
                while line > room { lines += 1; line -= room }
            }
            total += lines
        }
        return total
    }

    /// Points for `lines` lines of `size`-point text: Excel's 15 pt row for 11 pt, in proportion.
    public static func rowHeight(lines: Int, size: Double) -> Double {
        min(409, (Double(lines) * size * 1.3 + 1.5).rounded(.up))
    }

    /// Calibri advance widths (1/1000 em), rounded up.
    static func advance(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x20: return 227
        case 0x30...0x39: return 508 // digits
        case 0x41...0x5A: return upper[Int(s.value - 0x41)]
        case 0x61...0x7A: return lower[Int(s.value - 0x61)]
        default: return punctuation[s] ?? 720
        }
    }

    static let upper = [580, 545, 534, 616, 489, 460, 631, 624, 253, 320, 521, 421, 857, 647, 663, 518, 676, 544, 461, 488, 645, 570, 891, 520, 488, 479]
    static let lower = [480, 526, 424, 526, 499, 306, 472, 526, 230, 239, 456, 230, 800, 526, 528, 526, 526, 350, 392, 336, 526, 453, 716, 434, 454, 396]
    static let punctuation: [Unicode.Scalar: Int] = [
        ".": 253, ",": 251, ";": 268, ":": 268, "'": 221, "\"": 401, "!": 326, "?": 464, "(": 304, ")": 304,
        "-": 307, "–": 500, "—": 1000, "/": 386, "\\": 386, "%": 716, "£": 508, "$": 508, "&": 683, "+": 508,
        "=": 508, "<": 508, ">": 508, "·": 268, "≥": 508, "≤": 508, "−": 508, "×": 508, "÷": 508, "…": 750,
        "[": 324, "]": 324, "_": 498, "*": 498, "#": 498, "@": 899, "`": 282, "|": 460, "~": 498, "‘": 250,
        "’": 250, "“": 418, "”": 418, "→": 1000, "√": 546, "°": 332, "±": 508, "ó": 528, "é": 499, "á": 480,
    ]
}
