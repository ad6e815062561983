@testable import TrustData

/// Hand-built measure tables for one school (URN 100001) in 2024/25 with 2023/24 as last year.
struct FrameworkFixture {
    var rows: [MeasureRow] = []
    static let urn = "100001"
    static let year = AcademicYear(startYear: 2024)

    /// Adds a figure; `last` adds last year's figure (same national unless `lastNational`).
    @discardableResult
    mutating func add(_ measure: String, _ value: Double?, national: Double? = nil, group: String = "all",
                      n: Double? = 30, last: Double? = nil, lastNational: Double? = nil, text: String? = nil,
                      small: Bool = false) -> FrameworkFixture {
        rows.append(MeasureRow(year: "2024/25", urn: Self.urn, school: "Alder Primary", measure: measure, group: group,
                               denominator: n, value: value, national: national, text: text, smallCohort: small))
        if let last {
            rows.append(MeasureRow(year: "2023/24", urn: Self.urn, school: "Alder Primary", measure: measure, group: group,
                                   denominator: n, value: last, national: lastNational ?? national))
        }
        return self
    }

    /// A school at national on everything the default tiers read (so it is tier 1 Lead).
    static func atNational() -> FrameworkFixture {
        var f = FrameworkFixture()
        f.add("attendance.attendance_rate", 94.5, national: 94.5)
        f.add("attendance.persistent_absence", 14.0, national: 14.0)
        f.add("ks2.rwm.expected", 61.0, national: 61.0, last: 58.0)
        return f
    }

    /// Replaces (or adds) the current-year figure of a measure.
    mutating func set(_ measure: String, _ value: Double?, national: Double? = nil, group: String = "all", last: Double? = nil) {
        rows.removeAll { $0.measure == measure && $0.group == group }
        add(measure, value, national: national, group: group, last: last)
    }

    func assess(_ settings: FrameworksSettings = FrameworksSettings()) -> SupportAssessment {
        FrameworkEvaluator(settings: settings, table: MeasureTable(rows, currentYear: Self.year))
            .assess(urn: Self.urn, school: "Alder Primary")
    }
}
