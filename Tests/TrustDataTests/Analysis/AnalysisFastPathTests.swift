import Foundation
import Testing
@testable import TrustData

/// The analysis fast paths must give exactly what the general code gives: outputs stay byte-identical.
@Suite struct AnalysisFastPathTests {
    /// The byte-level year parser either agrees with the general parser or leaves the text to it.
    @Test func plainYearParsingAgreesWithTheGeneralParser() {
        var texts = ["2024/25", "2024-25", "2025", "2024/2025", "2024-2025", "1999/00", "2099/00", "2100/01", "2101",
                     "1990/91", "1989/90", "1991", "1990", "2024/", "/2024", "2024//25", "2024/25/26", "2024/026",
                     "2024/5", "2024/225", "02024/25", "0000", "9999", "2024/26", "2024-2026", "+024/25", "2024/+5",
                     "", " ", "2024 /25", " 2024/25", "2024/25 ", "24/25", "2024\u{2F}25", "２０２４/25"]
        for start in 1985...2105 {
            for form in ["\(start)/\(String(format: "%02d", (start + 1) % 100))", "\(start)-\(start + 1)", "\(start)"] {
                texts.append(form)
            }
        }
        for text in texts {
            let general = AcademicYear.parseGeneral(text)
            if let plain = AcademicYear.parsePlain(text.utf8) {
                #expect(plain == general, "\(text)")
            }
            #expect(AcademicYear(parsing: text) == general, "\(text)")
        }
    }

    @Test func yearDescriptionMatchesThePaddedForm() {
        for start in [-5, 0, 7, 99, 999, 1000, 1989, 1999, 2024, 2099, 9998, 9999, 10_000, 123_456] {
            let year = AcademicYear(startYear: start)
            #expect(year.description == CalendarDate.digits(start, 4) + "/" + CalendarDate.digits(year.endYear % 100, 2))
        }
    }

    /// Estimates shown on the Outcomes meeting sheet: `%.1f` exactly, fast path or not.
    @Test func estimatesFormatLikePrintf() {
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1e-7, -1e-7, 99.95, 100.05, 104.45, 104.55,
                                1e11, 1e12, 1e15, 1e17, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for tenth in 700...1300 { values.append(Double(tenth) / 10) }
        for hundredth in 7000...13_000 { values.append(Double(hundredth) / 100) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 { values.append(Double.random(in: 60...140, using: &generator)) }
        for x in values {
            #expect(FFTGap.oneDecimal(x) == String(format: "%.1f", x), "\(x)")
        }
    }

    @Test func attendanceSlotsFollowTheSheetOrder() {
        for (i, g) in AttendanceYear.groupOrder.enumerated() {
            #expect(AttendanceYear.slot(g) == i, "\(g)")
        }
        // Every group but FSM / not FSM (the EYFS, multiplication check and exclusions groups).
        #expect(AttendanceYear.groupOrder.count == PupilGroup.allCases.count - 2)
    }
}

/// Money in finance reasons: grouped by hand exactly as the NumberFormatter groups it.
@Suite struct MoneyTextTests {
    @Test func handGroupingMatchesTheFormatter() {
        var values: [Double] = [0, -0.0, 0.4, 0.5, -0.5, 1.5, 2.5, -2.5, 999, 999.5, 1000, -1000, 9999, 10_000, 99_999.5,
                                123_456, 1_234_567, -1_234_567.49, 12_345_678_901, 999_999_999_999_999, 1e15, -1e15, 1e20,
                                .infinity, -.infinity]
        for k in stride(from: -20_000, through: 20_000, by: 7) { values.append(Double(k) + 0.5) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            values.append(Double.random(in: -5e7...5e7, using: &generator))
            values.append(Double.random(in: -1e12...1e12, using: &generator))
        }
        for v in values {
            #expect(FinanceText.money(v) == FinanceText.moneyByFormatter(v), "\(v)")
        }
    }
}
