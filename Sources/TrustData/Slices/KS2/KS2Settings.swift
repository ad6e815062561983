/// Settings of the `ks2:` block of a pipeline file. Every field has a default so the block may be
/// left out.
public struct KS2Settings: SliceSettings, Hashable {
    /// The FFT benchmark the estimates in ks2.csv were exported at (FFT50, FFT20, FFT5); named on every
    /// sheet because estimates at different benchmarks are not comparable. Trusts use FFT20 as challenge.
    public var fftBenchmark: String = "FFT20"
    /// The pipeline wrote `fft_benchmark:` (an FFT file holding one other benchmark then does not
    /// override it; see `KS2Slice.joinFFT`).
    public var fftBenchmarkGiven = false
    /// z for the 95% interval of the mean FFT gap (mean ± z·sd/√n).
    public var intervalZ: Double = 1.96
    /// Scaled-score points within which a pupil is "In line" with their FFT estimate; further below is
    /// "Below", further above "Ahead" (the outcomes-meeting status for tests).
    public var fftTolerance: Double = FFTGap.defaultTolerance

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = KS2Settings() // the defaults, written once (above)
        fftBenchmarkGiven = c.contains(.fftBenchmark)
        fftBenchmark = try c.decodeIfPresent(String.self, forKey: .fftBenchmark) ?? d.fftBenchmark
        intervalZ = try c.decodeIfPresent(Double.self, forKey: .intervalZ) ?? d.intervalZ
        fftTolerance = try c.decodeIfPresent(Double.self, forKey: .fftTolerance) ?? d.fftTolerance
        guard fftTolerance >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .fftTolerance, in: c, debugDescription: "fft_tolerance is \(fftTolerance); it is a number of scaled-score points, 0 or more (default 1)")
        }
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fftBenchmark = "fft_benchmark"
        case intervalZ = "interval_z"
        case fftTolerance = "fft_tolerance"
    }
}
