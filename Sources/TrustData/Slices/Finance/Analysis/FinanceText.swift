import Foundation

/// How finance figures read in reasons and messages: £12,345 and 4.2%.
enum FinanceText {
    static func money(_ v: Double) -> String {
        let rounded = v.rounded()
        // Whole pounds grouped by hand: a NumberFormatter per call was most of the finance analysis
        // (profiled). Same text as the formatter below (checked in the tests); odd values still use it.
        if rounded.isFinite, abs(rounded) < 1e15 {
            return (rounded < 0 ? "-£" : "£") + grouped(Int(abs(rounded)))
        }
        return moneyByFormatter(v)
    }

    /// `1234567` → `1,234,567` (en_GB grouping), for a whole number ≥ 0.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        guard digits.utf8.count > 3 else { return digits }
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.utf8.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `money` as the NumberFormatter writes it: the fallback for odd values, and the reference the tests
    /// check the hand-grouped text against.
    static func moneyByFormatter(_ v: Double) -> String {
        let rounded = v.rounded()
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.usesGroupingSeparator = true
        f.maximumFractionDigits = 0
        f.locale = Locale(identifier: "en_GB")
        let body = f.string(from: NSNumber(value: abs(rounded))) ?? "\(Int(abs(rounded)))"
        return (rounded < 0 ? "-£" : "£") + body
    }

    /// Two decimals, so 2.99% never reads as the 3% boundary.
    static func pct(_ v: Double) -> String { String(format: "%.2f%%", v) }

    /// 5 → "5", 2.5 → "2.5".
    static func number(_ v: Double) -> String { CSVText.number(v) }
}
