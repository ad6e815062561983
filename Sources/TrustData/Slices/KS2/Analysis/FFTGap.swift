import Foundation

/// A pupil against their FFT estimate in one subject. Estimates are not targets.
/// Tests: gap = actual − estimated scaled score, and the status comes from that gap with a tolerance
/// (pipeline `ks2.fft_tolerance`, default 1 point): Below / In line / Ahead. The band comparison
/// (actual band vs estimated band) is kept apart and does not set the status: a pupil 8.6 points below
/// the estimate is Below even when both scores are in the expected band (domain.md, "FFT-style
/// estimates and gaps"; issue #16 item 6). Writing compares TA bands only (EM < PK1 … PK6 < WTS < EXS < GDS).
public struct FFTGap: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case below = "Below", noResult = "No result", inLine = "In line", ahead = "Ahead"
        /// Outcomes meetings discuss pupils below their estimate first.
        public var sortOrder: Int { Status.allCases.firstIndex(of: self)! }
    }

    /// Tests only: the actual scaled score's band (below / expected / higher standard) against the
    /// estimated score's band.
    public enum BandComparison: String, Sendable, Hashable {
        case lower = "Lower band", same = "Same band", higher = "Higher band"
    }

    /// The default tolerance in scaled-score points within which a pupil is "In line" with the estimate.
    public static let defaultTolerance = 1.0

    /// The estimate as shown (`104.5`, `EXS`).
    public var estimate: String
    /// Scaled-score points (tests with a score only).
    public var gap: Double?
    public var status: Status
    /// Tests with a score: the band comparison, shown beside the status; nil for writing and no result.
    public var band: BandComparison?
    /// At or above the estimate: tests, score ≥ estimated score; writing, band ≥ estimated band. A code
    /// in the denominator (A, B, H, J, Q, U; writing A, D) counts as not at or above.
    public var atOrAbove: Bool
    /// The estimate reaches the expected standard (estimated score ≥ 100, or band EXS/GDS).
    public var estimatedExpected: Bool

    /// nil when the pupil has no estimate in this subject or is out of the subject's cohort.
    public static func of(_ pupil: KS2Pupil, _ subject: KS2Subject, tolerance: Double = defaultTolerance) -> FFTGap? {
        of(pupil, subject, result: pupil.result(subject), tolerance: tolerance)
    }

    /// `of` with the pupil's result in the subject already looked up.
    static func of(_ pupil: KS2Pupil, _ subject: KS2Subject, result: KS2SubjectResult, tolerance: Double = defaultTolerance) -> FFTGap? {
        guard let a = assess(pupil, subject, inDenominator: result.inDenominator, scaledScore: result.scaledScore,
                             writingOutcome: result.writingOutcome, tolerance: tolerance) else { return nil }
        let shown: String
        switch a.estimate {
        case .score(let score): shown = oneDecimal(score)
        case .band(let band): shown = band
        }
        return FFTGap(estimate: shown, gap: a.gap, status: a.status, band: a.band, atOrAbove: a.atOrAbove, estimatedExpected: a.estimatedExpected)
    }

    /// Everything `FFTGap` says except the estimate as shown: the measures need the figures only, and
    /// formatting every estimate was a large share of the analysis (profiled).
    struct Assessment: Sendable {
        enum Estimate: Sendable { case score(Double), band(String) }
        var estimate: Estimate
        var gap: Double?
        var status: Status
        var band: BandComparison? = nil
        var atOrAbove: Bool
        var estimatedExpected: Bool
    }

    /// Below / In line / Ahead from a scaled-score gap: in line when |gap| ≤ tolerance.
    public static func status(gap: Double, tolerance: Double) -> Status {
        gap < -tolerance ? .below : gap > tolerance ? .ahead : .inLine
    }

    /// From the three parts of the pupil's result in the subject that matter here.
    static func assess(_ pupil: KS2Pupil, _ subject: KS2Subject, inDenominator: Bool, scaledScore: Int?,
                       writingOutcome: String?, tolerance: Double = defaultTolerance) -> Assessment? {
        guard inDenominator else { return nil }
        if subject.isTest {
            guard let estimate = pupil.estimates.score(subject) else {
                return assessBand(pupil, subject, scaledScore: scaledScore)
            }
            let estimatedBand = KS2Standard.band(score: estimate)
            guard let score = scaledScore else {
                return Assessment(estimate: .score(estimate), gap: nil, status: .noResult, atOrAbove: false, estimatedExpected: estimatedBand >= 1)
            }
            let band = KS2Standard.band(score: Double(score))
            let comparison: BandComparison = band < estimatedBand ? .lower : band > estimatedBand ? .higher : .same
            let gap = Double(score) - estimate
            return Assessment(estimate: .score(estimate), gap: gap, status: status(gap: gap, tolerance: tolerance), band: comparison,
                              atOrAbove: gap >= 0, estimatedExpected: estimatedBand >= 1)
        }
        guard subject == .writing, let band = pupil.estimates.writing ?? pupil.estimates.bands[.writing] else { return nil }
        let expectedRank = KS2Standard.expectedWritingRank
        if band == "BLW" {
            // FFT's "below the national standard": any outcome below WTS is in line with it.
            let wts = KS2Standard.writingRank("WTS")!
            guard let outcome = writingOutcome, let rank = KS2Standard.writingRank(outcome) else {
                return Assessment(estimate: .band(band), gap: nil, status: .noResult, atOrAbove: false, estimatedExpected: false)
            }
            return Assessment(estimate: .band(band), gap: nil, status: rank < wts ? .inLine : .ahead, atOrAbove: true, estimatedExpected: false)
        }
        guard let estimatedRank = KS2Standard.writingRank(band) else { return nil }
        guard let outcome = writingOutcome, let rank = KS2Standard.writingRank(outcome) else {
            return Assessment(estimate: .band(band), gap: nil, status: .noResult, atOrAbove: false, estimatedExpected: estimatedRank >= expectedRank)
        }
        let status: Status = rank < estimatedRank ? .below : rank > estimatedRank ? .ahead : .inLine
        return Assessment(estimate: .band(band), gap: nil, status: status, atOrAbove: rank >= estimatedRank, estimatedExpected: estimatedRank >= expectedRank)
    }

    /// A test with an estimated band and no estimated scaled score (`FFTEstimates.bands`): the status
    /// compares the actual score's band with it, as writing compares bands.
    static func assessBand(_ pupil: KS2Pupil, _ subject: KS2Subject, scaledScore: Int?) -> Assessment? {
        guard let band = pupil.estimates.bands[subject], let estimated = FFTBand.testRank(band) else { return nil }
        guard let score = scaledScore else {
            return Assessment(estimate: .band(band), gap: nil, status: .noResult, atOrAbove: false, estimatedExpected: estimated >= 1)
        }
        let actual = KS2Standard.band(score: Double(score))
        let status: Status = actual < estimated ? .below : actual > estimated ? .ahead : .inLine
        return Assessment(estimate: .band(band), gap: nil, status: status, atOrAbove: actual >= estimated, estimatedExpected: estimated >= 1)
    }

    /// Exactly `String(format: "%.1f", x)`. When the shortest round-trip form of `x` has one decimal
    /// place it is what `%.1f` prints (x lies within half an ulp of it, far under 0.05); anything else
    /// goes to the C formatter. Estimates such as 104.5 always take the fast path.
    static func oneDecimal(_ x: Double) -> String {
        if x.isFinite, x.magnitude < 1e12 {
            let shortest = x.description
            let bytes = shortest.utf8
            if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.distance(from: dot, to: bytes.endIndex) == 2,
               !bytes.contains(UInt8(ascii: "e")) {
                return shortest
            }
        }
        return String(format: "%.1f", x)
    }
}

/// A school's or group's pupils against their estimates in one subject.
public struct FFTSummary: Sendable, Hashable {
    /// Pupils at or above their estimate, over pupils in the subject's cohort with an estimate.
    public var atOrAbove: Proportion
    /// Scaled-score gaps (tests): n, mean and a 95% interval mean ± z·sd/√n (sample sd; none for n < 2).
    public var gapCount: Int
    public var gapSum: Double
    public var meanGap: Double?
    public var intervalLow: Double?
    public var intervalHigh: Double?
    /// Estimated % expected: pupils whose estimate reaches the standard, or the mean FFT chance where
    /// chances are given (per subject and for RWM); numerator in pupils, so for chances it is the sum of
    /// chances ÷ 100.
    public var estimatedExpectedPupils: Double
    public var estimatedCohort: Int
    /// Actual % expected over the same pupils (those with an estimate), for a like-for-like difference.
    public var actualExpected: Proportion

    public var estimatedExpectedPercent: Double? { estimatedCohort == 0 ? nil : estimatedExpectedPupils * 100 / Double(estimatedCohort) }
    /// Actual − estimated % expected, percentage points.
    public var actualVsEstimated: Double? {
        guard let e = estimatedExpectedPercent, let a = actualExpected.percent else { return nil }
        return a - e
    }

    public init(_ subject: KS2Subject, pupils: [KS2Pupil], z: Double) {
        self.init(subject, facts: pupils.map(KS2PupilFacts.init), z: z)
    }

    init(_ subject: KS2Subject, facts pupils: [KS2PupilFacts], z: Double) {
        self.init(subject, facts: pupils, at: Array(pupils.indices), z: z)
    }

    /// Over `pupils[i]` for each i of `positions`, in that order (no copies of the facts).
    init(_ subject: KS2Subject, facts pupils: [KS2PupilFacts], at positions: [Int], z: Double) {
        var atOrAbove = 0, withEstimate = 0, estimated = 0.0, actual = 0
        var gaps: [Double] = []
        if subject == .rwm {
            for i in positions {
                let r = pupils[i].rwm
                guard let chance = r.rwmEstimated else { continue }
                estimated += chance
                withEstimate += 1
                if r.expected { actual += 1 }
            }
        } else {
            for i in positions {
                let r = pupils[i].subject(subject)
                guard let g = r.fft else { continue }
                withEstimate += 1
                if g.atOrAbove { atOrAbove += 1 }
                if let gap = g.gap { gaps.append(gap) }
                estimated += g.estimatedShare
                if r.expected { actual += 1 }
            }
        }
        self.atOrAbove = Proportion(atOrAbove, of: subject == .rwm ? 0 : withEstimate)
        gapCount = gaps.count
        gapSum = gaps.reduce(0, +)
        if gaps.isEmpty {
            meanGap = nil
        } else {
            let mean = gapSum / Double(gaps.count)
            meanGap = mean
            if gaps.count >= 2 {
                let variance = gaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(gaps.count - 1)
                let half = z * variance.squareRoot() / Double(gaps.count).squareRoot()
                intervalLow = mean - half
                intervalHigh = mean + half
            }
        }
        estimatedExpectedPupils = estimated
        estimatedCohort = withEstimate
        actualExpected = Proportion(actual, of: withEstimate)
    }
}
