/// Red / amber / green thresholds per kind of measure (the pipeline's `settings.rag`), in points of the
/// measure's own unit against national, in its own direction (for absence, lower is better). One
/// 5-point band for everything coloured an attendance rate 4 points below national amber although
/// the trust calls attendance "close to national" only within 1 point (issue #20).
public struct RAGThresholds: Codable, Sendable, Hashable {
    public struct Band: Codable, Sendable, Hashable {
        /// Green at or above this difference.
        public var greenFrom: Double
        /// Red below this difference; amber between.
        public var redBelow: Double

        public init(greenFrom: Double, redBelow: Double) {
            self.greenFrom = greenFrom
            self.redBelow = redBelow
        }

        enum CodingKeys: String, CodingKey {
            case greenFrom = "green_from"
            case redBelow = "red_below"
        }
    }

    /// Which band a measure takes.
    public enum Kind: String, Sendable, CaseIterable {
        case attainment, scaledScore = "scaled_score", attendance, absence

        /// From the measure id and unit: the attendance rate; other attendance measures (absence rates,
        /// persistent and severe absence); average scaled scores; everything else (% at a standard).
        public static func of(measure id: String, unit: MeasureDefinition.Unit?) -> Kind {
            if id == "attendance.attendance_rate" { return .attendance }
            if id.hasPrefix("attendance.") { return .absence }
            if unit == .scaledScore { return .scaledScore }
            return .attainment
        }

        public var label: String {
            switch self {
            case .attainment: return "% at a standard"
            case .scaledScore: return "average scaled score"
            case .attendance: return "attendance rate"
            case .absence: return "absence rates"
            }
        }
    }

    public var attainment = Band(greenFrom: 0, redBelow: -5)
    public var scaledScore = Band(greenFrom: 0, redBelow: -1)
    public var attendance = Band(greenFrom: 0, redBelow: -1)
    public var absence = Band(greenFrom: 0, redBelow: -2)

    public init(attainmentGreenFrom: Double = 0, attainmentRedBelow: Double = -5) {
        attainment = Band(greenFrom: attainmentGreenFrom, redBelow: attainmentRedBelow)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RAGThresholds()
        attainment = try c.decodeIfPresent(Band.self, forKey: .attainment) ?? defaults.attainment
        scaledScore = try c.decodeIfPresent(Band.self, forKey: .scaledScore) ?? defaults.scaledScore
        attendance = try c.decodeIfPresent(Band.self, forKey: .attendance) ?? defaults.attendance
        absence = try c.decodeIfPresent(Band.self, forKey: .absence) ?? defaults.absence
    }

    enum CodingKeys: String, CodingKey {
        case attainment, attendance, absence
        case scaledScore = "scaled_score"
    }

    public func band(_ kind: Kind) -> Band {
        switch kind {
        case .attainment: return attainment
        case .scaledScore: return scaledScore
        case .attendance: return attendance
        case .absence: return absence
        }
    }

    /// "Colours against national — % at a standard: green at or above +0, amber to −5, red below −5 points; …"
    /// for the kinds a sheet shows.
    public func legend(_ kinds: [Kind]) -> String {
        let parts = kinds.map { kind -> String in
            let b = band(kind)
            let direction = kind == .absence ? " (lower is better)" : ""
            return "\(kind.label)\(direction): green \(Self.signed(b.greenFrom)) or better, amber down to \(Self.signed(b.redBelow)), red beyond"
        }
        return "Colours against national, in points — " + parts.joined(separator: "; ") + ". Groups under the minimum size are grey, never coloured."
    }

    static func signed(_ v: Double) -> String {
        let text = MeasureFormat.plain(abs(v))
        return v > 0 ? "+" + text : v < 0 ? "−" + text : "0"
    }
}
