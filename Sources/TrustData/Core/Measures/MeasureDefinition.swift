/// What a measure id means: the definition `trustdata explain` prints and the README's reference lists.
public struct MeasureDefinition: Sendable, Hashable {
    public enum Unit: String, Sendable {
        case percent, scaledScore = "scaled_score", pounds, points, pupils, count, category
        /// An average mark out of a maximum (multiplication check out of 25, ELGs at expected out of 17).
        case score
        /// Events per 100 pupils on roll (DfE suspension and permanent exclusion rates): not a
        /// percentage of pupils, as one pupil can be suspended several times.
        case ratePer100 = "per_100_pupils"
    }

    public let id: String
    public let title: String
    public let unit: Unit
    public let numerator: String
    public let denominator: String
    /// Where the rule comes from (a DfE definition, or the trust's own framework).
    public let source: String
    /// False for measures where lower is better (absence): RAG colouring flips.
    public let higherIsBetter: Bool

    public init(_ id: String, _ title: String, unit: Unit, numerator: String = "", denominator: String = "",
                source: String, higherIsBetter: Bool = true) {
        self.id = id
        self.title = title
        self.unit = unit
        self.numerator = numerator
        self.denominator = denominator
        self.source = source
        self.higherIsBetter = higherIsBetter
    }
}
