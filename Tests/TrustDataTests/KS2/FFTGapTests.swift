import Foundation
import Testing
@testable import TrustData

/// Alder 2024/25 against FFT20 estimates, worked by hand.
@Suite struct FFTGapTests {
    @Test func pupilGapsAndGapStatus() throws {
        let (dataset, _, _) = try KS2Fixture.run()
        let pupils = try #require(dataset.ks2?.pupils)
        func gap(_ name: String, _ s: KS2Subject, tolerance: Double = 1) throws -> FFTGap? {
            FFTGap.of(try #require(pupils.first { $0.surname == name }), s, tolerance: tolerance)
        }
        // Ash reading 112 vs 108.0: +4.0 > 1 → Ahead; band higher vs expected.
        #expect(try gap("Ash", .reading) == FFTGap(estimate: "108.0", gap: 4, status: .ahead, band: .higher, atOrAbove: true, estimatedExpected: true))
        // Beech maths 100 vs 102.0: −2.0 is more than 1 point below → Below, though both are in the expected band.
        #expect(try gap("Beech", .maths) == FFTGap(estimate: "102.0", gap: -2, status: .below, band: .same, atOrAbove: false, estimatedExpected: true))
        // With a 2-point tolerance the same pupil is In line (|−2| ≤ 2); with 0 points, any shortfall is Below.
        #expect(try gap("Beech", .maths, tolerance: 2)?.status == .inLine)
        #expect(try gap("Ash", .reading, tolerance: 4)?.status == .inLine)
        #expect(try gap("Ash", .reading, tolerance: 3.9)?.status == .ahead)
        // Beech GPS 99 vs 101.0: −2 → Below, band lower.  Cedar reading 98 vs 101.5: −3.5 Below; maths 104 vs 99.0: +5 Ahead.
        #expect(try gap("Beech", .gps)?.status == .below && gap("Beech", .gps)?.band == .lower)
        #expect(try gap("Cedar", .reading)?.gap == -3.5 && gap("Cedar", .reading)?.status == .below)
        #expect(try gap("Cedar", .maths)?.status == .ahead)
        // Writing compares bands only: Cedar WTS vs EXS Below; Dogwood PK4 vs PK4 In line; Elm A vs WTS: no result.
        #expect(try gap("Cedar", .writing)?.status == .below && gap("Cedar", .writing)?.band == nil)
        #expect(try gap("Dogwood", .writing)?.status == .inLine)
        #expect(try gap("Elm", .writing)?.status == FFTGap.Status.noResult)
        // Dogwood reading B with an estimate: no result, counts as not at or above.
        #expect(try gap("Dogwood", .reading) == FFTGap(estimate: "92.0", gap: nil, status: .noResult, atOrAbove: false, estimatedExpected: false))
        // Hazel (L) is out of the cohort: no comparison.  Fir has no estimates.
        #expect(try gap("Hazel", .reading) == nil)
        #expect(try gap("Fir", .reading) == nil)
    }

    /// Issue #16 item 6: a pupil 8.6 scaled-score points below the estimate, both in the expected band,
    /// showed "On"; the status now comes from the gap.
    @Test func eightPointSixBelowInTheSameBandIsBelow() throws {
        let (dataset, _, _) = try KS2Fixture.run()
        var pupil = try #require(dataset.ks2?.pupils.first { $0.surname == "Ash" })
        pupil.results[.reading] = .score(101, raw: "101", specialConsideration: false)
        pupil.estimates.reading = 109.6
        let g = try #require(FFTGap.of(pupil, .reading))
        #expect(abs(g.gap! - -8.6) < 1e-9)
        #expect(g.status == .below && g.band == .same)
        // One point either side of the estimate is In line; just beyond it is Below / Ahead.
        #expect(FFTGap.status(gap: -1, tolerance: 1) == .inLine && FFTGap.status(gap: 1, tolerance: 1) == .inLine)
        #expect(FFTGap.status(gap: -1.5, tolerance: 1) == .below && FFTGap.status(gap: 1.5, tolerance: 1) == .ahead)
    }

    @Test func schoolSummaries() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let m = trust.measures
        func row(_ id: String) -> MeasureRow? { m.row(id, urn: "100001") }
        // Reading: estimates for Ash, Beech, Cedar, Dogwood, Elm, Gum (6). At or above: Ash +4, Beech +2 → 2/6.
        #expect(row("fft.reading.at_or_above_estimate")?.numerator == 2)
        #expect(row("fft.reading.at_or_above_estimate")?.denominator == 6)
        // Gaps +4, +2, −3.5: n 3, mean 0.8333; sd 3.8837; 95% interval 0.8333 ± 1.96·3.8837/√3 = [−3.5615, 5.2282].
        #expect(row("fft.reading.mean_gap")?.denominator == 3)
        #expect(close(row("fft.reading.mean_gap")?.value, 2.5 / 3))
        #expect(close(row("fft.reading.mean_gap_ci_low")?.value, -3.5615171887107455, 1e-9))
        #expect(close(row("fft.reading.mean_gap_ci_high")?.value, 5.228183855377412, 1e-9))
        // Estimated expected: 108, 103, 101.5, 100.0 reach 100 (92, 96 do not) → 4/6; actual Ash, Beech → 2/6: −33.3 pp.
        #expect(close(row("fft.reading.estimated_expected")?.value, 400.0 / 6))
        #expect(close(row("fft.reading.actual_vs_estimated_expected")?.value, -200.0 / 6))
        // Maths gaps +3.5, −2, +5, −2, +2: mean 1.3, interval [−1.4994, 4.0994]; at or above Ash, Cedar, Ivy = 3/6;
        // estimated 106.5, 102, 109 → 3/6; actual Ash, Beech, Cedar, Ivy = 4/6 → +16.7 pp.
        #expect(close(row("fft.maths.mean_gap")?.value, 1.3))
        #expect(close(row("fft.maths.mean_gap_ci_low")?.value, -1.4994399439887969, 1e-9))
        #expect(row("fft.maths.at_or_above_estimate")?.numerator == 3)
        #expect(close(row("fft.maths.actual_vs_estimated_expected")?.value, 100.0 / 6))
        // GPS gaps +5, −2, +1, +4: mean 2.0 (n 4).
        #expect(row("fft.gps.mean_gap")?.value == 2 && row("fft.gps.mean_gap")?.denominator == 4)
        // Writing: Ash, Beech, Cedar, Dogwood, Elm, Ivy (6); at or above Ash, Beech, Dogwood, Ivy = 4/6;
        // estimated EXS for Ash, Beech, Cedar, Ivy = 4/6; actual Ash, Beech, Ivy = 3/6 → −16.7 pp.
        #expect(row("fft.writing.at_or_above_estimate")?.numerator == 4)
        #expect(close(row("fft.writing.estimated_expected")?.value, 400.0 / 6))
        #expect(close(row("fft.writing.actual_vs_estimated_expected")?.value, -100.0 / 6))
        #expect(row("fft.writing.mean_gap") == nil)
        // RWM: chances 80, 60, 40, 5, 30 for the five RWM-cohort pupils with one → 2.15 of 5 = 43%;
        // actual Ash, Beech = 2/5 = 40% → −3 pp.
        let rwm = try #require(row("fft.rwm.estimated_expected"))
        #expect(close(rwm.value, 43) && close(rwm.numerator, 2.15) && rwm.denominator == 5)
        #expect(close(row("fft.rwm.actual_vs_estimated_expected")?.value, -3))
        // Birch has no estimates: no FFT rows at all.
        #expect(!m.contains { $0.urn == "100002" && $0.measure.hasPrefix("fft.") })
    }
}
