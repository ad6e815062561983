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

    private struct Presence: Hashable {
        let urn: String
        let measure: String
    }

    /// The groups each card measure is shown for (`CardBlocks` lines), by the id's UTF-8 length: rows
    /// come year by year, group by group, so the measure changes on every row, and comparing with the
    /// few ids of the same length rules most rows out without hashing their id.
    static let lineGroupsByLength: [[(id: String, groups: [String])]] = {
        let groups = Dictionary(CardBlocks.all.flatMap(\.lines).map { ($0.measure, [$0.group]) }, uniquingKeysWith: +)
        var table = Array(repeating: [(id: String, groups: [String])](), count: (groups.keys.map(\.utf8.count).max() ?? 0) + 1)
        for (id, lineGroups) in groups.sorted(by: { $0.key < $1.key }) { table[id.utf8.count].append((id, lineGroups)) }
        return table
    }()

    static func lineGroups(_ measure: String) -> [String]? {
        let length = measure.utf8.count
        guard length < lineGroupsByLength.count else { return nil }
        for line in lineGroupsByLength[length] where line.id == measure { return line.groups }
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
        let wantedYears = Set(years.map(\.startYear))
        var index: [Key: MeasureRow] = [:]
        var present: Set<Presence> = []
        var startYears: [String: Int?] = [:]
        // Rows come school by school, year by year: the last year's answer usually holds.
        var lastYear: (text: String, start: Int?)?
        var lastPair: Presence?
        for rows in parts {
            // Fields read in place: copying each row out retains all its texts.
            rows.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    if let urn, buffer[i].urn != urn { continue }
                    let measure = buffer[i].measure
                    guard let groups = Self.lineGroups(measure) else { continue }
                    let yearText = buffer[i].year
                    let parsed: Int?
                    if let last = lastYear, last.text == yearText {
                        parsed = last.start
                    } else {
                        if let known = startYears[yearText] {
                            parsed = known
                        } else {
                            parsed = MeasureTable.startYear(yearText)
                            startYears[yearText] = parsed
                        }
                        lastYear = (yearText, parsed)
                    }
                    guard let year = parsed else { continue }
                    let rowURN = buffer[i].urn
                    if lastPair?.urn != rowURN || lastPair?.measure != measure {
                        let pair = Presence(urn: rowURN, measure: measure)
                        present.insert(pair)
                        lastPair = pair
                    }
                    guard wantedYears.contains(year), groups.contains(buffer[i].group) else { continue }
                    let key = Key(urn: rowURN, measure: measure, group: buffer[i].group, startYear: year)
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
        measures.contains { present.contains(Presence(urn: urn, measure: $0)) }
    }
}
