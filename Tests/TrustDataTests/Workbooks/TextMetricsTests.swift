import Testing
@testable import TrustData

/// Wrapped-row heights: the byte path (`TextBytes`) gives exactly what measuring by Character gives,
/// and the figures themselves are Calibri's widths worked by hand.
@Suite struct TextMetricsTests {
    /// Texts the byte path takes, texts it must hand back (CR, combining marks, unknown scalars), and
    /// the edges of splitting (empty lines, runs of spaces, a word longer than the column).
    static let texts: [String] = [
        "", " ", "\n", "\n\n", "a", "Withheld: 3 of this school's 7 KS2 results rows for 2024/25 (43%) were rejected.",
        "two\nlines", "trailing space ", "  leading and  double  spaces", "line\n\nafter an empty one\n",
        "Percentages are numerator ÷ denominator × 100 — see “Measures explained” (£, é, ≥ 96%).",
        "Supercalifragilisticexpialidocious-and-then-some-more-without-any-space-at-all",
        "crlf\r\nhere", "a\u{301} combining", "\n\u{301}", "emoji 📚 unknown", "tab\tand ~ | # @",
    ]

    @Test func bytePathMatchesCharacters() {
        var texts = Self.texts
        // Random texts over an alphabet of spaces, line breaks, letters and the known punctuation.
        let alphabet = Array("  \n\naAbBmMwW0.,;%£–—é×÷\u{201C}") + ["\r", "\u{301}", "😀"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 58)
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            texts.append(text)
        }
        for text in texts {
            for columnPixels in [1.0, 20, 64, 180, 400] {
                for (size, bold) in [(PagePlan.bodyPoints, false), (PagePlan.bodyPoints, true), (14.0, true)] {
                    let room = max(columnPixels - 7, 1)
                    let expected = TextMetrics.linesByCharacter(text, room: room, size: size, bold: bold)
                    if let fast = TextBytes.lines(text, room: room, size: size, bold: bold) {
                        #expect(fast == expected, "\(text.debugDescription) in \(columnPixels) px")
                    }
                    #expect(TextMetrics.lines(text, columnPixels: columnPixels, size: size, bold: bold) == expected)
                    let wider = text.split(separator: "\n").contains { TextMetrics.pixels($0, size: size, bold: bold) > room - 7 }
                    #expect(TextMetrics.anyLineWider(text, than: room - 7, size: size, bold: bold) == wider, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func bytePathTakesPlainTextAndHandsBackTheRest() {
        #expect(TextBytes.lines("£12 ÷ 3 – “fine”", room: 100, size: 11, bold: false) != nil)
        #expect(TextBytes.lines("crlf\r\nhere", room: 100, size: 11, bold: false) == nil)
        #expect(TextBytes.lines("a\u{301}", room: 100, size: 11, bold: false) == nil)
        #expect(TextBytes.lines("📚", room: 100, size: 11, bold: false) == nil)
    }

    /// Worked by hand from Calibri's widths: "Rejected rows" is R 544 + e 499 + j 239 + e 499 + c 424 +
    /// t 336 + e 499 + d 526 = 3566, space 227, r 350 + o 528 + w 716 + s 392 = 1986: 5779 units, at 11 pt
    /// 5779 / 1000 × 11 × 96 / 72 = 84.76 px. In a 90 px column (83 px of room) it takes two lines; in
    /// 92 px (85 px) one.
    @Test func widthsWorkedByHand() {
        #expect(abs(TextMetrics.pixels("Rejected rows", size: 11, bold: false) - 84.758_666) < 0.001)
        #expect(TextMetrics.lines("Rejected rows", columnPixels: 90, size: 11, bold: false) == 2)
        #expect(TextMetrics.lines("Rejected rows", columnPixels: 92, size: 11, bold: false) == 1)
        #expect(TextMetrics.lines("Rejected rows\n\nnext", columnPixels: 92, size: 11, bold: false) == 3)
        #expect(TextMetrics.rowHeight(lines: 2, size: 11) == 31)
    }
}
