/// The run's figures indexed by school, measure, group and year: what the frameworks, the academy card
/// and the trust overview read. Built from `[MeasureRow]` only, so it shows whatever slices ran.
///
/// Years are matched by the year they start in, so an academic year (`2024/25`) and a financial year
/// (`2024-25`) written by the finance slice land in the same column.
public struct MeasureTable: Sendable {
    public struct Key: Hashable, Sendable {
        public let urn: String
        public let measure: String
        public let group: String
        public let startYear: Int
    }

    public let rows: [MeasureRow]
    /// The run's year: "current" means this year, "last year" the one before.
    public let currentYear: AcademicYear
    /// Positions in `rows` (not copies of the rows: copying 150k rows showed in profiles).
    private let index: [Key: Int]

    public init(_ rows: [MeasureRow], currentYear: AcademicYear) {
        self.rows = rows
        self.currentYear = currentYear
        var index: [Key: Int] = [:]
        index.reserveCapacity(rows.count)
        // Rows come in runs of one year: parse each distinct run once.
        var lastText: String?, lastYear: Int?
        for i in rows.indices {   // by index: iterating copies every row
            if rows[i].year != lastText {
                lastText = rows[i].year
                lastYear = MeasureTable.startYear(rows[i].year)
            }
            guard let year = lastYear else { continue }
            // First row wins: a slice never writes the same key twice; if one did, keep it stable.
            let key = Key(urn: rows[i].urn, measure: rows[i].measure, group: rows[i].group, startYear: year)
            if index[key] == nil { index[key] = i }
        }
        self.index = index
    }

    /// `2024/25`, `2024-25` and the exam year `2025` all start in 2024.
    public static func startYear(_ text: String) -> Int? { AcademicYear(parsing: text)?.startYear }

    public func row(_ urn: String, _ measure: String, group: String = "all", year: AcademicYear) -> MeasureRow? {
        index[Key(urn: urn, measure: measure, group: group, startYear: year.startYear)].map { rows[$0] }
    }

    public func current(_ urn: String, _ measure: String, group: String = "all") -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear)
    }

    public func previous(_ urn: String, _ measure: String, group: String = "all") -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear.previous)
    }

    /// The years (oldest first, up to the run's year) that hold any of these measures for this school.
    public func years(_ urn: String, measures: [String]) -> [AcademicYear] {
        let wanted = Set(measures)
        let years = Set(index.keys.filter { $0.urn == urn && wanted.contains($0.measure) && $0.startYear <= currentYear.startYear }
            .map(\.startYear))
        return years.sorted().map(AcademicYear.init(startYear:))
    }

    /// True when any figure for this school exists among these measures (any year, any group).
    public func hasAny(_ urn: String, measures: [String]) -> Bool {
        let wanted = Set(measures)
        return index.keys.contains { $0.urn == urn && wanted.contains($0.measure) }
    }

    /// School URNs in the order their rows first appear (register order), without TRUST and CENTRAL.
    public var schoolURNs: [String] {
        var seen = Set<String>(), out: [String] = []
        for row in rows where row.urn != MeasureRow.trustURN && row.urn != MeasureRow.centralURN {
            if seen.insert(row.urn).inserted { out.append(row.urn) }
        }
        return out
    }
}
