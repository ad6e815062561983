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

    /// The groups each card measure is shown for (`CardBlocks` lines).
    static let lineGroups: [String: [String]] = Dictionary(
        CardBlocks.all.flatMap(\.lines).map { ($0.measure, [$0.group]) }, uniquingKeysWith: +)

    let currentYear: AcademicYear
    private var index: [Key: MeasureRow] = [:]
    /// School and measure pairs with a figure in any year and group (for `hasAny`).
    private var present: Set<Presence> = []

    /// Only `urn`'s figures when given; `row` answers for `years` only (the card's three, or the
    /// overview's current year).
    init(_ rows: [MeasureRow], urn: String? = nil, currentYear: AcademicYear, years: [AcademicYear]) {
        self.init(parts: [rows], urn: urn, currentYear: currentYear, years: years)
    }

    /// The rows of `parts` in order, as if joined (`TrustReport.measureParts`).
    init(parts: [[MeasureRow]], urn: String? = nil, currentYear: AcademicYear, years: [AcademicYear]) {
        self.currentYear = currentYear
        let wantedYears = Set(years.map(\.startYear))
        var startYears: [String: Int?] = [:]
        var last: Presence?
        for rows in parts {
            for row in rows {
                if let urn, row.urn != urn { continue }
                guard let groups = Self.lineGroups[row.measure] else { continue }
                let parsed: Int?
                if let known = startYears[row.year] {
                    parsed = known
                } else {
                    parsed = MeasureTable.startYear(row.year)
                    startYears[row.year] = parsed
                }
                guard let year = parsed else { continue }
                // Rows come school by school, measure by measure: skip re-inserting the same pair.
                if last?.urn != row.urn || last?.measure != row.measure {
                    let pair = Presence(urn: row.urn, measure: row.measure)
                    present.insert(pair)
                    last = pair
                }
                guard wantedYears.contains(year), groups.contains(row.group) else { continue }
                let key = Key(urn: row.urn, measure: row.measure, group: row.group, startYear: year)
                if index[key] == nil { index[key] = row }
            }
        }
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
