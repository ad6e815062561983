/// The KS2 subjects as measure ids use them. RWM is derived from reading, writing and maths (never GPS).
public enum KS2Subject: String, CaseIterable, Sendable, Hashable, Codable {
    case reading, writing, maths, gps, rwm

    /// The subjects a results file holds (RWM is computed).
    public static let assessed: [KS2Subject] = [.reading, .writing, .maths, .gps]
    /// The tests: a scaled score 80–120 or a code.
    public static let tests: [KS2Subject] = [.reading, .maths, .gps]

    public var isTest: Bool { Self.tests.contains(self) }

    public var label: String {
        switch self {
        case .reading: return "Reading"
        case .writing: return "Writing (TA)"
        case .maths: return "Maths"
        case .gps: return "GPS"
        case .rwm: return "RWM combined"
        }
    }

    /// "Higher" is called greater depth for writing.
    public var higherLabel: String { self == .writing ? "% greater depth" : "% higher" }
}

/// KS2 scaled-score thresholds (STA: expected standard 100, higher standard 110, scale 80–120).
public enum KS2Standard {
    public static let expected = 100.0
    public static let higher = 110.0
    public static let scale = 80...120

    /// Ordinal attainment band of a scaled score (actual or estimated): 0 below, 1 expected, 2 higher.
    public static func band(score: Double) -> Int {
        score >= higher ? 2 : score >= expected ? 1 : 0
    }

    /// Writing TA outcomes in order (domain.md: GDS > EXS > WTS > PK6 … PK1 > EM), for FFT band status.
    public static let writingOrder = ["EM", "PK1", "PK2", "PK3", "PK4", "PK5", "PK6", "WTS", "EXS", "GDS"]

    /// Outcomes are usually already upper case: matched as written first (the same index, since the
    /// order holds upper-case entries only), upper-cased only when that fails.
    public static func writingRank(_ outcome: String) -> Int? {
        writingOrder.firstIndex(of: outcome) ?? writingOrder.firstIndex(of: outcome.uppercased())
    }

    /// The rank of EXS: the writing estimate or outcome that reaches the expected standard.
    static let expectedWritingRank = writingRank("EXS")!

    public static func bandLabel(_ band: Int) -> String { ["Below expected", "Expected", "Higher"][max(0, min(2, band))] }
}
