/// The run's figures as the frameworks read them: a `MeasureIndex` of every row, with the run's year
/// ("current" means this year, "last year" the one before). Built from `[MeasureRow]` only, so it shows
/// whatever slices ran.
///
/// Years are matched by the year they start in, so an academic year (`2024/25`) and a financial year
/// (`2024-25`) written by the finance slice land in the same column.
public struct MeasureTable: Sendable {
    public let rows: [MeasureRow]
    /// The run's year: "current" means this year, "last year" the one before.
    public let currentYear: AcademicYear
    public let index: MeasureIndex

    public init(_ rows: [MeasureRow], currentYear: AcademicYear) {
        self.rows = rows
        self.currentYear = currentYear
        index = MeasureIndex(rows)
    }

    /// `2024/25`, `2024-25` and the exam year `2025` all start in 2024.
    public static func startYear(_ text: String) -> Int? { AcademicYear(parsing: text)?.startYear }

    public func row(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all, year: AcademicYear) -> MeasureRow? {
        index.row(urn, measure, group: group, year: year)
    }

    public func current(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all) -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear)
    }

    public func previous(_ urn: String, _ measure: MeasureID, group: MeasureGroup = .all) -> MeasureRow? {
        row(urn, measure, group: group, year: currentYear.previous)
    }

    /// The years (oldest first, up to the run's year) that hold any of these measures for this school.
    public func years(_ urn: String, measures: [MeasureID]) -> [AcademicYear] {
        let wanted = Set(measures)
        let years = Set(index.keys.filter { $0.urn == urn && wanted.contains($0.measure) && $0.startYear <= currentYear.startYear }
            .map(\.startYear))
        return years.sorted().map(AcademicYear.init(startYear:))
    }

    /// True when any figure for this school exists among these measures (any year, any group).
    public func hasAny(_ urn: String, measures: [MeasureID]) -> Bool {
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
