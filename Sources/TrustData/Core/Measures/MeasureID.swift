/// A measure id as a value (`ks2.rwm.expected`). Slices build theirs from typed parts (`MeasureID.ks2(.rwm,
/// .expected)`, `PhonicsStage.measure(...)`), so an id is spelt in one place; the text is used only at the
/// edges: `measures.csv`, the catalogue, the benchmark files and the pipeline's rules.
public struct MeasureID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The dotted id as `measures.csv` writes it: a contract, never renamed.
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral text: String) { self.text = text }

    /// `dataset.part.part…`: for a slice's own typed constructors, never at a call site.
    public init(_ dataset: String, _ parts: String...) {
        text = ([dataset] + parts).joined(separator: ".")
    }

    public var description: String { text }

    public static func < (a: MeasureID, b: MeasureID) -> Bool { a.text < b.text }

    /// One word folded from the text's bytes (`MeasureKey.fold`), as every index of measure ids hashes.
    public func hash(into hasher: inout Hasher) {
        var h = MeasureKey.seed
        MeasureKey.fold(text, into: &h)
        hasher.combine(h)
    }
}

/// The group of a figure (`measures.csv` `group`): a pupil group, or a finance cost centre
/// (`cost_centre.<name>`).
public struct MeasureGroup: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral text: String) { self.text = text }
    public init(_ group: PupilGroup) { text = group.rawValue }

    public static let all = MeasureGroup(PupilGroup.all)

    public var description: String { text }

    public func hash(into hasher: inout Hasher) {
        var h = MeasureKey.seed
        MeasureKey.fold(text, into: &h)
        hasher.combine(h)
    }
}
