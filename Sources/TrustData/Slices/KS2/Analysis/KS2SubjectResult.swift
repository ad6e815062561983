/// One pupil's outcome in one subject, classified once against the DfE rules so every figure, the
/// Outcomes meeting sheet and the measures agree. `reason` says why the pupil is in or out of the
/// denominator (shown per pupil).
public struct KS2SubjectResult: Sendable, Hashable {
    /// The cell as written (`104+`, `A`, `EXS`), for the sheet.
    public var raw: String
    public var scaledScore: Int?
    /// A `+` after the score in STA results files: special consideration; the score is kept.
    public var specialConsideration: Bool
    /// Writing TA outcome (`GDS`, `EXS`, `WTS`, `PK1`–`PK6`, `EM`).
    public var writingOutcome: String?
    /// The code when the cell holds one (A, B, L, …).
    public var code: String?
    public var inDenominator: Bool
    public var expected: Bool
    public var higher: Bool
    /// In the average scaled score: pupils awarded a scaled score only (DfE).
    public var inAverage: Bool { scaledScore != nil }
    public var reason: String

    public init(raw: String, scaledScore: Int? = nil, specialConsideration: Bool = false, writingOutcome: String? = nil,
                code: String? = nil, inDenominator: Bool, expected: Bool = false, higher: Bool = false, reason: String) {
        self.raw = raw
        self.scaledScore = scaledScore
        self.specialConsideration = specialConsideration
        self.writingOutcome = writingOutcome
        self.code = code
        self.inDenominator = inDenominator
        self.expected = expected
        self.higher = higher
        self.reason = reason
    }

    /// A scaled score: in the denominator; expected at 100+, higher at 110+ (STA).
    public static func score(_ score: Int, raw: String, specialConsideration: Bool) -> KS2SubjectResult {
        KS2SubjectResult(raw: raw, scaledScore: score, specialConsideration: specialConsideration,
                         inDenominator: true, expected: Double(score) >= KS2Standard.expected,
                         higher: Double(score) >= KS2Standard.higher,
                         reason: "included: scaled score \(score)\(specialConsideration ? " (special consideration)" : "")")
    }

    /// A code from the table (test code, or a writing TA outcome).
    public static func coded(_ code: KS2Code, raw: String) -> KS2SubjectResult {
        let isOutcome = code.kind == .writing && KS2Standard.writingRank(code.code) != nil
        let reason: String
        switch code.countsAs {
        case .expected, .higher: reason = "included: \(code.code) \(code.meaning)"
        case .notMet: reason = isOutcome ? "included, not met: \(code.code) \(code.meaning)" : "included as not met: \(code.code) \(code.meaning)"
        case .excluded: reason = "excluded: \(code.code) \(code.meaning)"
        case .notInCohort: reason = "not in this year's cohort: \(code.code) \(code.meaning)"
        }
        return KS2SubjectResult(
            raw: raw, writingOutcome: isOutcome ? code.code.uppercased() : nil, code: isOutcome ? nil : code.code.uppercased(),
            inDenominator: code.inDenominator,
            expected: code.countsAs == .expected || code.countsAs == .higher, higher: code.countsAs == .higher, reason: reason)
    }

    /// A blank, unknown or invalid cell: out of the denominator, reported as a data-quality issue.
    public static func notCounted(raw: String, reason: String) -> KS2SubjectResult {
        KS2SubjectResult(raw: raw, inDenominator: false, reason: "not counted: \(reason)")
    }

    /// RWM combined (DfE): in the denominator when reading, writing and maths all are; expected when all
    /// three are at the expected standard; higher when reading ≥ 110, maths ≥ 110 and writing GDS.
    public static func rwm(reading r: KS2SubjectResult, writing w: KS2SubjectResult, maths m: KS2SubjectResult) -> KS2SubjectResult {
        let included = r.inDenominator && w.inDenominator && m.inDenominator
        let expected = included && r.expected && w.expected && m.expected
        let higher = included && r.higher && w.higher && m.higher
        let reason = included ? (expected ? "included: R, W and M at the expected standard" : "included: not all of R, W, M at the expected standard")
            : "excluded: not in the reading, writing and maths cohorts"
        return KS2SubjectResult(raw: higher ? "Higher" : expected ? "Expected" : included ? "Not met" : "—",
                                inDenominator: included, expected: expected, higher: higher, reason: reason)
    }
}
