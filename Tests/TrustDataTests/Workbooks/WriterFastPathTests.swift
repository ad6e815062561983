import Foundation
import Testing
@testable import TrustData

/// The write stage's fast paths give exactly what the plain code gave.
@Suite struct WriterFastPathTests {
    /// The old formatting: round to 4 places, `%.4f`, trailing zeros trimmed.
    static func formatted(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var s = String(format: "%.4f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    @Test func numbersMatchPrintf() {
        var values: [Double?] = [nil, .nan, .infinity, 0, -0.0, 0.5, -0.5, 0.00005, -0.00005, 0.00004999, 2.675, 1.00005,
                                 0.1 + 0.2, 100.0 / 3, -100.0 / 3, 123.45675, 99_999_999_999.99995, 1e11, 1e11 + 0.5,
                                 1e15, 1e15 - 0.5, 1e16, 1.5e300, -1234.5678]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -6...16, using: &generator))
            values.append(Bool.random(using: &generator) ? magnitude : -magnitude)
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / [3, 7, 8, 100, 1000, 20_000].randomElement(using: &generator)!)
        }
        for v in values { #expect(CSVText.number(v) == Self.formatted(v), "\(String(describing: v))") }
    }

    @Test func fieldsQuoteAsCSVText() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere", ",\u{301}", "\"\u{301}x", "£ and é", ""]
        var bytes = CSVBytes()
        bytes.appendRow(fields)
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == CSVText(header: fields).text)
    }

    @Test func measurePartsJoinToMeasures() {
        func row(_ urn: String, _ measure: String) -> MeasureRow {
            MeasureRow(year: "2024/25", urn: urn, school: urn, measure: measure, value: 1)
        }
        var a = SchoolReport(school: School(urn: "100001", name: "Alder", laName: "Essex", phase: "Primary", capacity: nil))
        a.context = [row("100001", "context.number_on_roll"), row("100001", "context.eal")]
        let b = SchoolReport(school: School(urn: "100002", name: "Birch", laName: "Essex", phase: "Primary", capacity: nil))
        var trust = TrustReport(schools: [a, b])
        trust.context = [row("TRUST", "context.number_on_roll")]
        #expect(Array(trust.measureParts.joined()) == trust.measures)
        #expect(Array(a.measureParts.joined()) == a.measures)
        #expect(MeasuresCSV.renderBytes(parts: trust.measureParts) == Array(MeasuresCSV.render(trust.measures).utf8))
    }
}
