/// National and LA figures by (year, measure, group), for the comparison columns of every table.
public struct BenchmarkLookup: Sendable {
    private struct Key: Hashable {
        let year: AcademicYear
        let area: String
        let measure: String
        let group: String
        /// `BenchmarkPeriod.fullYear` or a part of the year: a part-year figure only matches the same period.
        var period: String = BenchmarkPeriod.fullYear
    }

    private var national: [Key: BenchmarkFigure] = [:]
    private var la: [Key: BenchmarkFigure] = [:]
    /// The KS2 national basis the pipeline prefers (`settings.national_basis`): where a key has figures on
    /// two bases, this one is kept whichever was read first.
    public let preferredBasis: BenchmarkBasis

    public init(figures: [BenchmarkFigure] = [], preferredBasis: BenchmarkBasis = .headline) {
        self.preferredBasis = preferredBasis
        for figure in figures { add(figure) }
    }

    /// Later figures for the same key and basis win: a pipeline's performance-tables file refines the
    /// shipped ones. Between two bases the preferred one is kept; otherwise the later one.
    public mutating func add(_ figure: BenchmarkFigure) {
        switch figure.level {
        case .national:
            let key = Key(year: figure.year, area: "", measure: figure.measure, group: figure.group, period: figure.period)
            if keeps(national[key], over: figure) { return }
            national[key] = figure
        case .la:
            let key = Key(year: figure.year, area: LocalAuthorityName.normalise(figure.area), measure: figure.measure,
                          group: figure.group, period: figure.period)
            if keeps(la[key], over: figure) { return }
            la[key] = figure
        }
    }

    /// `add` unless a figure for the same key is there already (from any basis); false when it was not
    /// added. For figures whose year was only assumed (`BenchmarkFigure.yearAssumed`).
    public mutating func addIfAbsent(_ figure: BenchmarkFigure) -> Bool {
        let present = figure.level == .national ? national(figure.year, figure.measure, figure.group, period: figure.period)
                                                : la(figure.year, figure.area, figure.measure, figure.group, period: figure.period)
        guard present == nil else { return false }
        add(figure)
        return true
    }

    private func keeps(_ old: BenchmarkFigure?, over new: BenchmarkFigure) -> Bool {
        guard let old, old.basis != new.basis else { return false }
        return old.basis == preferredBasis && new.basis != preferredBasis
    }

    public func national(_ year: AcademicYear, _ measure: String, _ group: String = "all",
                         period: String = BenchmarkPeriod.fullYear) -> BenchmarkFigure? {
        national[Key(year: year, area: "", measure: measure, group: group, period: period)]
    }

    public func la(_ year: AcademicYear, _ laName: String, _ measure: String, _ group: String = "all",
                   period: String = BenchmarkPeriod.fullYear) -> BenchmarkFigure? {
        la(year, normalisedArea: LocalAuthorityName.normalise(laName), measure, group, period: period)
    }

    /// `la` with the LA name already through `LocalAuthorityName.normalise` (the analysis does that once
    /// per school rather than once per measure row: profiled).
    func la(_ year: AcademicYear, normalisedArea area: String, _ measure: String, _ group: String,
            period: String = BenchmarkPeriod.fullYear) -> BenchmarkFigure? {
        la[Key(year: year, area: area, measure: measure, group: group, period: period)]
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

extension BenchmarkLookup {
    /// The national figure of a typed measure (the benchmark files key their figures by the id's text).
    public func national(_ year: AcademicYear, _ measure: MeasureID, _ group: MeasureGroup = .all,
                         period: String = BenchmarkPeriod.fullYear) -> BenchmarkFigure? {
        national(year, measure.text, group.text, period: period)
    }

    public func la(_ year: AcademicYear, _ laName: String, _ measure: MeasureID, _ group: MeasureGroup = .all,
                   period: String = BenchmarkPeriod.fullYear) -> BenchmarkFigure? {
        la(year, laName, measure.text, group.text, period: period)
    }
}
