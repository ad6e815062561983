import Foundation

/// FFT's estimated bands in trustdata's words. FFT Aspire's target-setting bands are letters — B below
/// the national standard, W working towards, N national (expected) standard, A above it (FFT Aspire
/// help, "Target setting – overview") — sometimes with a `+`/`-` fine grade; exports also use the STA's
/// WTS/EXS/GDS and HS (higher standard). All become BLW, WTS, EXS or GDS; writing keeps PK1–PK6 and EM.
enum FFTBand {
    /// The band of `text` for `subject`, or nil when it is not one.
    static func normalise(_ text: String, subject: KS2Subject) -> String? {
        var t = text.uppercased().trimmingCharacters(in: .whitespaces)
        while t.hasSuffix("+") || t.hasSuffix("-") { t.removeLast() }
        switch t {
        case "A", "ABV", "ABOVE", "GDS", "HS", "HIGHER", "GREATER DEPTH": return "GDS"
        case "N", "EXS", "EXP", "EXPECTED", "NATIONAL": return "EXS"
        case "W", "WTS", "WORKING TOWARDS": return "WTS"
        case "B", "BLW", "BELOW": return "BLW"
        default:
            if subject == .writing, KS2Standard.writingRank(t) != nil { return t }
            return nil
        }
    }

    /// Tests: the band's place against the scaled-score bands (`KS2Standard.band(score:)`: 0 below the
    /// expected standard, 1 expected, 2 higher). WTS and BLW are both below it.
    static func testRank(_ band: String) -> Int? {
        switch band {
        case "GDS": return 2
        case "EXS": return 1
        case "WTS", "BLW": return 0
        default: return nil
        }
    }
}
