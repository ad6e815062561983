import Foundation

/// How figures read in reasons and evidence text: 62.0%, £12,345, +3.0 points.
public enum MeasureFormat {
    /// A threshold or count without trailing zeros: 2, 2.5.
    public static func plain(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : OneDecimal.text(v)
    }

    public static func value(_ v: Double?, unit: MeasureDefinition.Unit?) -> String {
        guard let v else { return "no figure" }
        switch unit {
        case .percent?: return OneDecimal.text(v) + "%"
        case .pounds?: return (v < 0 ? "-£" : "£") + grouped(abs(v))
        case .points?: return OneDecimal.text(v, plus: true)
        case .pupils?, .count?: return grouped(v)
        // Rates per 100 pupils are small (national primary suspensions 2.27): two places, as on the sheets.
        case .ratePer100?: return String(format: "%.2f", v)
        default: return OneDecimal.text(v)
        }
    }

    /// A difference in the measure's unit: +3.0 points, -£12,000.
    public static func difference(_ d: Double, unit: MeasureDefinition.Unit?) -> String {
        if unit == .pounds { return (d < 0 ? "-£" : "+£") + grouped(abs(d)) }
        if unit == .ratePer100 { return String(format: "%+.2f", d) + " per 100 pupils" }
        return OneDecimal.text(d, plus: true) + " points"
    }

    static func grouped(_ v: Double) -> String {
        let n = Int(v.rounded())
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}
