/// What the KS2 measures need from one pupil, worked out once per run: the groups they belong to and,
/// per subject, how their result counts and how it compares with their FFT estimate.
///
/// `KS2Measures` reads every pupil once per group and subject (ten groups, five subjects): classifying
/// the result, deriving RWM and comparing with the estimate each time was most of the KS2 analysis
/// (profiled). The figures are the same as from `KS2Pupil.result` and `FFTGap`, which build these.
struct KS2PupilFacts: Sendable {
    /// One subject's result as the measures count it.
    struct Subject: Sendable {
        var inDenominator: Bool
        var expected: Bool
        var higher: Bool
        /// The scaled score (tests only; nil for writing and RWM).
        var scaledScore: Int?
        /// Against the FFT estimate (reading, writing, maths, GPS); nil when `FFTGap.of` is nil.
        var fft: FFT?
        /// RWM only: the pupil's part of the estimated % expected (FFT's chance ÷ 100, or 1/0 from the
        /// three estimates); nil when the pupil has no usable estimate or is out of the RWM cohort.
        var rwmEstimated: Double?
    }

    struct FFT: Sendable {
        var atOrAbove: Bool
        var gap: Double?
        var estimatedExpected: Bool
        /// The pupil's part of the estimated % expected: FFT's chance ÷ 100 where the file gives one
        /// (domain.md: "the mean chance where chances are given"), else 1 or 0 from the estimate.
        var estimatedShare: Double
    }

    let year: AcademicYear
    /// Bit i set: the pupil is in `PupilGroup.characteristicGroups[i]`.
    let groups: UInt32
    let reading: Subject
    let writing: Subject
    let maths: Subject
    let gps: Subject
    let rwm: Subject

    init(_ pupil: KS2Pupil) {
        year = pupil.year
        var bits: UInt32 = 0
        for g in pupil.groups {
            if let i = PupilGroup.characteristicGroups.firstIndex(of: g) { bits |= 1 << UInt32(i) }
        }
        groups = bits
        // Straight from the stored results, as `KS2Pupil.result` reads them: a subject without a result
        // is out of the denominator; RWM is derived from R, W and M unless stored.
        let r = pupil.results[.reading], w = pupil.results[.writing], m = pupil.results[.maths]
        reading = KS2PupilFacts.subject(pupil, .reading, r)
        writing = KS2PupilFacts.subject(pupil, .writing, w)
        maths = KS2PupilFacts.subject(pupil, .maths, m)
        gps = KS2PupilFacts.subject(pupil, .gps, pupil.results[.gps])
        if let stored = pupil.results[.rwm] {
            rwm = KS2PupilFacts.rwm(pupil, inDenominator: stored.inDenominator, expected: stored.expected, higher: stored.higher)
        } else if let r, let w, let m {
            let included = r.inDenominator && w.inDenominator && m.inDenominator
            rwm = KS2PupilFacts.rwm(pupil, inDenominator: included, expected: included && r.expected && w.expected && m.expected,
                                    higher: included && r.higher && w.higher && m.higher)
        } else {
            rwm = KS2PupilFacts.rwm(pupil, inDenominator: false, expected: false, higher: false)
        }
    }

    func subject(_ subject: KS2Subject) -> Subject {
        switch subject {
        case .reading: return reading
        case .writing: return writing
        case .maths: return maths
        case .gps: return gps
        case .rwm: return rwm
        }
    }

    func isIn(groupBit bit: UInt32) -> Bool { groups & bit != 0 }

    static func groupBit(_ group: PupilGroup) -> UInt32 {
        PupilGroup.characteristicGroups.firstIndex(of: group).map { 1 << UInt32($0) } ?? 0
    }

    /// Reading, writing, maths or GPS; no result counts as `KS2SubjectResult.notCounted` does.
    private static func subject(_ pupil: KS2Pupil, _ subject: KS2Subject, _ r: KS2SubjectResult?) -> Subject {
        let inDenominator = r?.inDenominator ?? false
        var s = Subject(inDenominator: inDenominator, expected: r?.expected ?? false, higher: r?.higher ?? false,
                        scaledScore: subject.isTest ? r?.scaledScore : nil, fft: nil, rwmEstimated: nil)
        if let a = FFTGap.assess(pupil, subject, inDenominator: inDenominator, scaledScore: r?.scaledScore,
                                 writingOutcome: r?.writingOutcome) {
            let share = pupil.estimates.chances[subject].map { $0 / 100 } ?? (a.estimatedExpected ? 1 : 0)
            s.fft = FFT(atOrAbove: a.atOrAbove, gap: a.gap, estimatedExpected: a.estimatedExpected, estimatedShare: share)
        }
        return s
    }

    private static func rwm(_ pupil: KS2Pupil, inDenominator: Bool, expected: Bool, higher: Bool) -> Subject {
        Subject(inDenominator: inDenominator, expected: expected, higher: higher, scaledScore: nil, fft: nil,
                rwmEstimated: rwmEstimated(pupil, inDenominator: inDenominator))
    }

    /// FFT's chance where given; otherwise whether all three estimates reach the standard.
    private static func rwmEstimated(_ pupil: KS2Pupil, inDenominator: Bool) -> Double? {
        guard inDenominator else { return nil }
        if let chance = pupil.estimates.rwmChance { return chance / 100 }
        guard let reading = pupil.estimates.reading, let maths = pupil.estimates.maths,
              let writing = pupil.estimates.writing.flatMap(KS2Standard.writingRank) else { return nil }
        let reaches = KS2Standard.band(score: reading) >= 1 && KS2Standard.band(score: maths) >= 1
            && writing >= KS2Standard.expectedWritingRank
        return reaches ? 1 : 0
    }
}
