/// The figures of `CardBlocks` in a `MeasureIndex`: what the academy card and the trust overview read.
/// Answers as `MeasureTable` does for these measures, but indexes only the card's lines in the years asked
/// for: the overview reads it from every figure of the run, and indexing every figure there and on every
/// card was a third of the write stage.
struct CardFigures {
    /// A school and a card measure (its position in `measureIDs`) with a figure in some year and group.
    private struct Presence: Hashable {
        let urn: String
        let measure: Int
    }

    /// The card's and the trust overview's measure ids (`CardBlocks.overview` lines and the card's
    /// `CardLayout`), each once, sorted.
    static let measureIDs: [String] = Set(CardBlocks.overview.flatMap(\.lines).map(\.measure.text) + CardBlocks.countMeasures + CardLayout.measureIDs).sorted()

    /// The groups each card measure is shown for (`CardBlocks` and `CardLayout` lines), by position in `measureIDs`.
    static let groupsByMeasure: [[String]] = {
        let lines = CardBlocks.overview.flatMap(\.lines) + (CardLayout.left + CardLayout.right).flatMap(\.lines)
        let groups = Dictionary(lines.map { ($0.measure.text, [$0.group.text]) } + (CardBlocks.countMeasures + CardLayout.textMeasures).map { ($0, ["all"]) },
                                uniquingKeysWith: +)
        return measureIDs.map { groups[$0]! }
    }()

    /// Positions in `measureIDs` ordered by the id's UTF-8 length; those of length n are
    /// `byLength[lengthStarts[n] ..< lengthStarts[n + 1]]`. Rows come year by year, group by group, so
    /// the measure changes on every row: comparing with the few ids of the same length rules most rows
    /// out without hashing their id. Read through buffer pointers in the row loop, so that no row
    /// retains (from both threads at once) these shared arrays or the ids.
    static let byLength: [Int] = measureIDs.indices.sorted { (measureIDs[$0].utf8.count, $0) < (measureIDs[$1].utf8.count, $1) }
    static let lengthStarts: [Int] = {
        let longest = measureIDs.map(\.utf8.count).max() ?? 0
        return (0...longest + 1).map { n in measureIDs.filter { $0.utf8.count < n }.count }
    }()

    /// The first and last eight UTF-8 bytes of each id in `measureIDs` (zero for an id shorter than
    /// eight). Most rows' ids have the length of some card id without being one: two word compares rule
    /// them out, where comparing the texts cost a runtime call each (436,000 in a large run).
    static let signatures: [(UInt64, UInt64)] = measureIDs.map { id in
        var bytes = Array(id.utf8)
        guard bytes.count >= 8 else { return (0, 0) }
        return bytes.withUnsafeMutableBytes { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: $0.count - 8, as: UInt64.self)) }
    }

    /// The position in `measureIDs` of a card measure.
    static func position(_ measure: String) -> Int? { measureIDs.firstIndex(of: measure) }

    @inline(__always)
    private static func position(_ measure: String, ids: UnsafeBufferPointer<String>, byLength: UnsafeBufferPointer<Int>,
                                 starts: UnsafeBufferPointer<Int>, signatures: UnsafeBufferPointer<(UInt64, UInt64)>) -> Int? {
        let length = measure.utf8.count
        guard length + 1 < starts.count else { return nil }
        let candidates = starts[length]..<starts[length + 1]
        if candidates.isEmpty { return nil }
        if length >= 8, let found = measure.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            let raw = UnsafeRawBufferPointer(bytes)
            let first = raw.loadUnaligned(as: UInt64.self), last = raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            for k in candidates where signatures[byLength[k]] == (first, last) {
                // Equal first and last words: the whole id when it is at most 16 bytes, else compare all.
                if length <= 16 || ids[byLength[k]] == measure { return byLength[k] }
            }
            return -1
        }) {
            return found >= 0 ? found : nil
        }
        for k in candidates where ids[byLength[k]] == measure { return byLength[k] }
        return nil
    }

    let currentYear: AcademicYear
    private let index: MeasureIndex
    /// School and measure pairs with a figure in any year and group (for `hasAny`).
    private let present: Set<Presence>

    /// Only `urn`'s figures when given; `row` answers for `years` only (the card's three, or the
    /// overview's current year).
    init(_ rows: [MeasureRow], urn: String? = nil, currentYear: AcademicYear, years: [AcademicYear]) {
        self.init(parts: [rows], urn: urn, currentYear: currentYear, years: years)
    }

    /// The rows of `parts` in order, as if joined (`TrustReport.measureParts`).
    init(parts: [[MeasureRow]], urn: String? = nil, currentYear: AcademicYear, years: [AcademicYear]) {
        self.currentYear = currentYear
        // A handful of years: compared in turn rather than hashed per row.
        let wantedYears = years.map(\.startYear)
        var present: Set<Presence> = []
        // The card measures already marked present for the URN of the rows being read (rows come
        // school by school), so that a pair is hashed into `present` once, not on every row.
        var seenURN: String?
        var seen = [Bool](repeating: false, count: Self.measureIDs.count)
        index = Self.measureIDs.withUnsafeBufferPointer { ids in
        Self.byLength.withUnsafeBufferPointer { byLength in
        Self.lengthStarts.withUnsafeBufferPointer { starts in
        Self.groupsByMeasure.withUnsafeBufferPointer { groupsByMeasure in
        Self.signatures.withUnsafeBufferPointer { signatures in
            MeasureIndex(parts: parts) { row, year in
                if let urn, row.urn != urn { return false }
                guard let measure = Self.position(row.measure, ids: ids, byLength: byLength, starts: starts,
                                                  signatures: signatures) else { return false }
                if row.urn != seenURN {
                    seenURN = row.urn
                    for m in seen.indices { seen[m] = false }
                }
                if !seen[measure] {
                    seen[measure] = true
                    present.insert(Presence(urn: row.urn, measure: measure))
                }
                return wantedYears.contains(year) && groupsByMeasure[measure].contains(row.group)
            }
        }
        }
        }
        }
        }
        self.present = present
    }

    func row(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all, year: AcademicYear) -> MeasureRow? {
        index.row(urn, measure, group: group, year: year)
    }

    func current(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all) -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear)
    }

    /// True when any figure for this school exists among these measures (any year, any group).
    func hasAny(_ urn: String, measures: [MeasureID]) -> Bool {
        measures.contains { id in Self.position(id.text).map { present.contains(Presence(urn: urn, measure: $0)) } ?? false }
    }
}
