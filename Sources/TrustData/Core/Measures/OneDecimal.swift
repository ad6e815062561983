import Foundation

/// `String(format: "%.1f", x)` and `"%+.1f"` without Foundation's formatter, which was most of building
/// the support evidence texts on every academy card and the trust's support sheet. printf rounds the
/// exact binary value to one place; so does this, by scaling by ten and rounding, except within a
/// millionth of a tie (where the scaling's own rounding could decide it) and beyond ±10⁷ (where that
/// error grows), which keep the C formatting. Tested equal to `String(format:)` on random and tie values.
enum OneDecimal {
    static func text(_ x: Double, plus: Bool = false) -> String {
        let t = x * 10
        let below = t.rounded(.down)
        guard x.magnitude < 1e7, abs(t - below - 0.5) > 1e-6 else { return String(format: plus ? "%+.1f" : "%.1f", x) }
        let tenths = Int64(t.rounded())
        let negative = x.sign == .minus // printf keeps the sign of -0.0 and of values that round to it
        let whole = String(tenths.magnitude / 10), digit = Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(tenths.magnitude % 10)))
        return (negative ? "-" : plus ? "+" : "") + whole + "." + String(digit)
    }
}
