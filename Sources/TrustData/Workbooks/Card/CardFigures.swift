/// The figures of `CardBlocks` indexed by school, measure, group and year: what the academy card and the
/// trust overview read. Answers as `MeasureTable` does for these measures (years matched by the year they
/// start in, first row wins), but indexes only the card's lines in the years asked for, and parses each
/// distinct year text once: the overview reads it from every figure of the run, and building a full `MeasureTable` there
/// and on every card was a third of the write stage.
struct CardFigures {
    private struct Key: Hashable {
        let urn: String
        let measure: String
        let group: String
        let startYear: Int
    }

    /// A school and a card measure (its position in `measureIDs`) with a figure in some year and group.
    private struct Presence: Hashable {
        let urn: String
        let measure: Int
    }

    /// The card's measure ids (`CardBlocks` lines), each once, sorted.
    static let measureIDs: [String] = Set(CardBlocks.all.flatMap(\.lines).map(\.measure)).sorted()

    /// The groups each card measure is shown for (`CardBlocks` lines), with the measure's position in
    /// `measureIDs`, by the id's UTF-8 length: rows come year by year, group by group, so the measure
    /// changes on every row, and comparing with the few ids of the same length rules most rows out
    /// without hashing their id.
    static let lineGroupsByLength: [[(id: String, measure: Int, groups: [String])]] = {
        let groups = Dictionary(CardBlocks.all.flatMap(\.lines).map { ($0.measure, [$0.group]) }, uniquingKeysWith: +)
        var table = Array(repeating: [(id: String, measure: Int, groups: [String])](),
                          count: (groups.keys.map(\.utf8.count).max() ?? 0) + 1)
        for (m, id) in measureIDs.enumerated() { table[id.utf8.count].append((id, m, groups[id]!)) }
        return table
    }()

    static func line(_ measure: String) -> (measure: Int, groups: [String])? {
        let length = measure.utf8.count
        guard length < lineGroupsByLength.count else { return nil }
        for line in lineGroupsByLength[length] where line.id == measure { return (line.measure, line.groups) }
        return nil
    }

    let currentYear: AcademicYear
    private let index: [Key: MeasureRow]
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
        var index: [Key: MeasureRow] = [:]
        var present: Set<Presence> = []
        // The few distinct year texts, each parsed once and found again by comparing (they are short,
        // inline strings): the year often changes from row to row, so hashing it per row showed.
        var startYears: [(text: String, start: Int?)] = []
        // The card measures already marked present for the URN of the rows being read (rows come
        // school by school), so that a pair is hashed into `present` once, not on every row.
        var seenURN: String?
        var seen = [Bool](repeating: false, count: Self.measureIDs.count)
        for rows in parts {
            // Fields read in place: copying each row out retains all its texts.
            rows.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    if let urn, buffer[i].urn != urn { continue }
                    guard let line = Self.line(buffer[i].measure) else { continue }
                    let yearText = buffer[i].year
                    let parsed: Int?
                    if let known = startYears.first(where: { $0.text == yearText }) {
                        parsed = known.start
                    } else {
                        parsed = MeasureTable.startYear(yearText)
                        startYears.append((yearText, parsed))
                    }
                    guard let year = parsed else { continue }
                    let rowURN = buffer[i].urn
                    if rowURN != seenURN {
                        seenURN = rowURN
                        for m in seen.indices { seen[m] = false }
                    }
                    if !seen[line.measure] {
                        seen[line.measure] = true
                        present.insert(Presence(urn: rowURN, measure: line.measure))
                    }
                    guard wantedYears.contains(year), line.groups.contains(buffer[i].group) else { continue }
                    let key = Key(urn: rowURN, measure: buffer[i].measure, group: buffer[i].group, startYear: year)
                    if index[key] == nil { index[key] = buffer[i] }
                }
            }
        }
        self.index = index
        self.present = present
    }

    func row(_ urn: String, _ measure: String, group: String = "all", year: AcademicYear) -> MeasureRow? {
        index[Key(urn: urn, measure: measure, group: group, startYear: year.startYear)]
    }

    func current(_ urn: String, _ measure: String, group: String = "all") -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear)
    }

    /// True when any figure for this school exists among these measures (any year, any group).
    func hasAny(_ urn: String, measures: [String]) -> Bool {
        measures.contains { id in Self.line(id).map { present.contains(Presence(urn: urn, measure: $0.measure)) } ?? false }
    }
}
