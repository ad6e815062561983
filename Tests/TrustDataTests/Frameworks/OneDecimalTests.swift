import Foundation
import Testing
@testable import TrustData

/// `OneDecimal` writes exactly what `String(format: "%.1f")` and `"%+.1f"` write.
@Suite struct OneDecimalTests {
    @Test func matchesPrintf() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.06, -0.06, 0.25, 0.35, 2.675, 62.45, 62.55, -3.45, 99.95,
                                1e7, 1e7 - 0.05, -1e7, 1.5e300, .nan, .infinity, -.infinity, .ulpOfOne, 104.5, 0.1 + 0.2]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            values.append(Double.random(in: -120...120, using: &generator))
            // Ties and near-ties in decimal: k/100 and k/20 are where rounding to one place is decided.
            let k = Double(Int.random(in: -200_000...200_000, using: &generator))
            values.append(k / 100)
            values.append(k / 20)
            values.append((k / 20).nextUp)
            values.append((k / 20).nextDown)
            values.append(pow(10, Double.random(in: -8...9, using: &generator)) * (Bool.random(using: &generator) ? 1 : -1))
        }
        for v in values {
            #expect(OneDecimal.text(v) == String(format: "%.1f", v), "\(v)")
            #expect(OneDecimal.text(v, plus: true) == String(format: "%+.1f", v), "\(v)")
        }
    }

    @Test func measureTexts() {
        #expect(MeasureFormat.value(62.04, unit: .percent) == "62.0%")
        #expect(MeasureFormat.value(-3.46, unit: .points) == "-3.5")
        #expect(MeasureFormat.value(0, unit: .points) == "+0.0")
        #expect(MeasureFormat.value(104.25, unit: .scaledScore) == "104.2")
        #expect(MeasureFormat.difference(-0.04, unit: .percent) == "-0.0 points")
        #expect(MeasureFormat.difference(2.96, unit: .points) == "+3.0 points")
        #expect(MeasureFormat.plain(2.5) == "2.5")
        #expect(MeasureFormat.plain(3) == "3")
    }
}
