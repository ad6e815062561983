/// Counts behind one phonics percentage: met and not met make the denominator; A/D/L/Q (and any other
/// `excluded` code) are counted separately and kept out of it (STA phonics ARA).
public struct PhonicsFigures: Sendable, Hashable {
    public var met = 0
    public var notMet = 0
    /// Excluded outcomes by code (`A`, `D`, `L`, `Q`).
    public var excluded: [String: Int] = [:]
    /// By the end of Year 2 only: Year 2 pupils with no result in either year (e.g. joined from outside
    /// the trust); out of the denominator, shown so the gap is visible.
    public var noResult = 0

    public init() {}

    public var expected: Proportion { Proportion(met, of: met + notMet) }
    public var pupils: Int { met + notMet + excluded.values.reduce(0, +) + noResult }

    mutating func add(_ status: PhonicsStatus) {
        switch status {
        case .met: met += 1
        case .notMet: notMet += 1
        case .excluded(let code): excluded[code, default: 0] += 1
        case .noResult: noResult += 1
        }
    }

    /// The measure id for an excluded code's count: `phonics.y1.absent` etc.
    public static func countMeasure(_ prefix: String, code: String) -> String {
        switch code.uppercased() {
        case "A": return "\(prefix).absent"
        case "D": return "\(prefix).disapplied"
        case "L": return "\(prefix).left"
        case "Q": return "\(prefix).maladministration"
        default: return "\(prefix).code_\(code.lowercased())"
        }
    }
}

/// Where a pupil stands on the check.
public enum PhonicsStatus: Sendable, Hashable {
    case met, notMet, excluded(String), noResult

    init(_ outcome: PhonicsRecord.Outcome) {
        switch outcome {
        case .met: self = .met
        case .notMet: self = .notMet
        case .excluded(let code): self = .excluded(code)
        }
    }

    public var label: String {
        switch self {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .excluded(let code): return code
        case .noResult: return "No result"
        }
    }
}
