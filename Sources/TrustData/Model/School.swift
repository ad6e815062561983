/// One academy in the trust, from the school register (`schools.csv`).
public struct School: Hashable, Sendable, Codable {
    /// The DfE unique reference number, six digits.
    public let urn: String
    public let name: String
    /// The local authority the school sits in, as DfE names it (e.g. `Essex`); LA benchmarks join on it.
    public let laName: String
    public let phase: String
    public let capacity: Int?
    public let joinedTrust: CalendarDate?
    /// The DfE number (LAESTAB) as seven digits, when the register gives it (`881/2345` → `8812345`).
    public var laestab: String?

    public init(urn: String, name: String, laName: String, phase: String, capacity: Int?, joinedTrust: CalendarDate? = nil,
                laestab: String? = nil) {
        self.laestab = laestab
        self.urn = urn
        self.name = name
        self.laName = laName
        self.phase = phase
        self.capacity = capacity
        self.joinedTrust = joinedTrust
    }

    /// The file-name form of the school name: `St Mary's C of E Primary` → `st-marys-c-of-e-primary`.
    public var slug: String { School.slug(name) }

    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "’" { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "school" : out
    }
}
