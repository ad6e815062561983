/// One row of `assessments.csv`: a Year 3–5 pupil's result in one subject at one term, with the FFT estimate.
public struct AssessmentRecord: Sendable, Hashable {
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case reading, writing, maths, gps

        init?(text: String) {
            switch text.lowercased().trimmingCharacters(in: .whitespaces) {
            case "reading", "read": self = .reading
            case "writing", "write": self = .writing
            case "maths", "math", "mathematics": self = .maths
            case "gps", "spag", "grammar, punctuation and spelling": self = .gps
            default: return nil
            }
        }

        public var label: String {
            switch self {
            case .reading: return "Reading"
            case .writing: return "Writing"
            case .maths: return "Maths"
            case .gps: return "GPS"
            }
        }
    }

    /// School terms in order; the latest term of the year with data is the one the meeting looks at.
    public enum Term: Int, Sendable, Hashable, Comparable, CaseIterable {
        case autumn = 1, spring, summer

        init?(text: String) {
            let t = text.lowercased().trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("aut") || t == "t1" { self = .autumn }
            else if t.hasPrefix("spr") || t == "t2" { self = .spring }
            else if t.hasPrefix("sum") || t == "t3" { self = .summer }
            else { return nil }
        }

        public var label: String { ["Autumn", "Spring", "Summer"][rawValue - 1] }
        public static func < (a: Term, b: Term) -> Bool { a.rawValue < b.rawValue }
    }

    public enum Value: Sendable, Hashable {
        case band(String), score(Double)
    }

    public static let yearGroups = 3...5

    public var year: AcademicYear
    public var urn: String
    public var upn: String
    public var surname: String?
    public var forename: String?
    public var yearGroup: Int
    public var subject: Subject
    public var term: Term
    public var result: Value
    public var estimate: Value?
    public var characteristics: PupilCharacteristics

    /// A known band, upper-cased (`exs` → `EXS`); nil for anything else.
    static func band(_ text: String) -> String? {
        let t = text.uppercased().trimmingCharacters(in: .whitespaces)
        return KS2Standard.writingRank(t) != nil ? t : nil
    }
}
