/// Counts behind one phonics percentage. DfE's denominator is every pupil with a valid outcome: Wa, Wt,
/// A, D and Q, with A (absent), D (disapplied) and Q (maladministration) counted as not meeting the
/// standard; L (left) and pupils with no outcome are left out (DfE phonics screening check methodology).
/// A/D/L/Q are also counted separately, so the sheet can show them beside the figure.
public struct PhonicsFigures: Sendable, Hashable {
    public var met = 0
    /// Every pupil in the denominator who did not meet the standard: `Wt` and A/D/Q.
    public var notMet = 0
    /// Outcomes by code (`A`, `D`, `L`, `Q`), whether in the denominator (A, D, Q) or out of it (L).
    public var excluded: [String: Int] = [:]
    /// Pupils out of the denominator because of their code (L): `excluded` holds them by code too.
    public var leftOut = 0
    /// By the end of Year 2 only: Year 2 pupils with no result in either year (e.g. joined from outside
    /// the trust); out of the denominator, shown so the gap is visible.
    public var noResult = 0

    public init() {}

    public var expected: Proportion { Proportion(met, of: met + notMet) }
    public var pupils: Int { met + notMet + leftOut + noResult }
    /// A, D and Q: in the denominator as not met (part of `notMet`).
    public var notMetCounted: Int { notMet - wt }
    /// `Wt` only (not met at the check).
    public var wt = 0

    mutating func add(_ status: PhonicsStatus) {
        switch status {
        case .met: met += 1
        case .notMet: notMet += 1; wt += 1
        case .notMetCounted(let code): notMet += 1; excluded[code, default: 0] += 1
        case .excluded(let code): leftOut += 1; excluded[code, default: 0] += 1
        case .noResult: noResult += 1
        }
    }
}

/// Where a pupil stands on the check.
public enum PhonicsStatus: Sendable, Hashable {
    case met, notMet, notMetCounted(String), excluded(String), noResult

    init(_ outcome: PhonicsRecord.Outcome) {
        switch outcome {
        case .met: self = .met
        case .notMet: self = .notMet
        case .notMetCounted(let code): self = .notMetCounted(code)
        case .excluded(let code): self = .excluded(code)
        }
    }

    public var label: String {
        switch self {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .notMetCounted(let code): return "\(code) (not met)"
        case .excluded(let code): return code
        case .noResult: return "No result"
        }
    }
}
