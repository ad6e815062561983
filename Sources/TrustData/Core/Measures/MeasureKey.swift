/// Where one figure sits: school (URN, `TRUST` or `CENTRAL`), measure, group and the year it starts in
/// (so an academic year `2024/25`, a financial year `2024-25` and an exam year `2025` are one year).
/// The key of `MeasureIndex`, the one index every sheet, card and framework reads figures through.
public struct MeasureKey: Hashable, Sendable {
    public let urn: String
    public let measure: MeasureID
    public let group: MeasureGroup
    public let startYear: Int

    public init(urn: String, measure: MeasureID, group: MeasureGroup = .all, year: AcademicYear) {
        self.init(urn: urn, measure: measure, group: group, startYear: year.startYear)
    }

    public init(urn: String, measure: MeasureID, group: MeasureGroup, startYear: Int) {
        self.urn = urn
        self.measure = measure
        self.group = group
        self.startYear = startYear
    }

    /// The three texts' bytes folded into one word (FNV-1a), then one combine: handing each text to the
    /// hasher cost about 850 instructions a key, and building an index hashes a key per figure.
    /// Equality still compares every field.
    public func hash(into hasher: inout Hasher) {
        var h = Self.seed
        Self.fold(urn, into: &h)
        Self.fold(measure.text, into: &h)
        Self.fold(group.text, into: &h)
        hasher.combine(h ^ UInt64(truncatingIfNeeded: startYear))
    }

    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Folds a text's UTF-8 bytes into `h` (FNV-1a), then a separator byte, so ("ab", "c") and ("a", "bc")
    /// fold differently.
    @inline(__always)
    static func fold(_ text: String, into h: inout UInt64) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        if done == nil { for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
        h = (h ^ 0xFF) &* 0x100_0000_01B3
    }
}
