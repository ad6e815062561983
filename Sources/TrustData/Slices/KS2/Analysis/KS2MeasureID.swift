/// What a KS2 figure measures, beside its subject: the `ks2.<subject>.<figure>` ids.
public enum KS2Figure: String, CaseIterable, Sendable {
    case expected
    case higher
    case averageScaledScore = "average_scaled_score"
    case gapVsNationalOther = "disadvantaged_gap_vs_national_other"
    case gapInSchool = "disadvantaged_gap_in_school"
    case gapVsNationalDisadvantaged = "disadvantaged_gap_vs_national_disadvantaged"
}

/// What an FFT-style figure measures, beside its subject: the `fft.<subject>.<figure>` ids.
public enum FFTFigure: String, CaseIterable, Sendable {
    case atOrAboveEstimate = "at_or_above_estimate"
    case meanGap = "mean_gap"
    case meanGapLow = "mean_gap_ci_low"
    case meanGapHigh = "mean_gap_ci_high"
    case estimatedExpected = "estimated_expected"
    case actualVsEstimatedExpected = "actual_vs_estimated_expected"
}

extension MeasureID {
    /// `ks2.<subject>.<figure>`, e.g. `.ks2(.rwm, .expected)` is `ks2.rwm.expected`.
    public static func ks2(_ subject: KS2Subject, _ figure: KS2Figure) -> MeasureID {
        MeasureID("ks2", subject.rawValue, figure.rawValue)
    }

    /// `fft.<subject>.<figure>`, e.g. `.fft(.maths, .meanGap)` is `fft.maths.mean_gap`.
    public static func fft(_ subject: KS2Subject, _ figure: FFTFigure) -> MeasureID {
        MeasureID("fft", subject.rawValue, figure.rawValue)
    }
}

extension DisadvantagedGap.Basis {
    /// The KS2 figure of this gap (`ks2.<subject>.disadvantaged_gap_…`).
    public var figure: KS2Figure {
        switch self {
        case .vsNationalOther: return .gapVsNationalOther
        case .inSchool: return .gapInSchool
        case .vsNationalDisadvantaged: return .gapVsNationalDisadvantaged
        }
    }
}
