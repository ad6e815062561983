import Foundation

/// How finance figures read in reasons and messages: £12,345 and 4.2%.
enum FinanceText {
    static func money(_ v: Double) -> String {
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
