/// National and LA figures by (year, measure, group), for the comparison columns of every table.
public struct BenchmarkLookup: Sendable {
    private struct Key: Hashable {
        let year: AcademicYear
        let area: String
        let measure: String
        let group: String
    }

    private var national: [Key: BenchmarkFigure] = [:]
    private var la: [Key: BenchmarkFigure] = [:]

    public init(figures: [BenchmarkFigure] = []) {
        for figure in figures { add(figure) }
    }

    /// Later figures for the same key win: a pipeline's performance-tables file refines the shipped ones.
    public mutating func add(_ figure: BenchmarkFigure) {
        switch figure.level {
        case .national:
            national[Key(year: figure.year, area: "", measure: figure.measure, group: figure.group)] = figure
        case .la:
            la[Key(year: figure.year, area: LocalAuthorityName.normalise(figure.area), measure: figure.measure, group: figure.group)] = figure
        }
    }

    public func national(_ year: AcademicYear, _ measure: String, _ group: String = "all") -> BenchmarkFigure? {
        national[Key(year: year, area: "", measure: measure, group: group)]
    }

    public func la(_ year: AcademicYear, _ laName: String, _ measure: String, _ group: String = "all") -> BenchmarkFigure? {
        la(year, normalisedArea: LocalAuthorityName.normalise(laName), measure, group)
    }

    /// `la` with the LA name already through `LocalAuthorityName.normalise` (the analysis does that once
    /// per school rather than once per measure row: profiled).
    func la(_ year: AcademicYear, normalisedArea area: String, _ measure: String, _ group: String) -> BenchmarkFigure? {
        la[Key(year: year, area: area, measure: measure, group: group)]
    }

    public var isEmpty: Bool { national.isEmpty && la.isEmpty }
    /// Every measure id with a national or LA figure.
    var measureIDs: Set<String> { Set(national.keys.map(\.measure)).union(la.keys.map(\.measure)) }
    public var count: Int { national.count + la.count }
}

/// LA names are written `Essex`, `ESSEX` or `Essex County Council` depending on the file.
public enum LocalAuthorityName {
    public static func normalise(_ name: String) -> String {
        var n = name.lowercased().trimmingCharacters(in: .whitespaces)
        for suffix in [" county council", " city council", " borough council", " council"] where n.hasSuffix(suffix) {
            n = String(n.dropLast(suffix.count))
        }
        return n
    }
}
