/// DfE's framing of trust reserves as % of total income: no required level, most trusts hold 5–20%,
/// above 20% DfE asks extra questions (domain.md). The bounds are pipeline settings.
public enum ReservesFlag: String, Sendable, Hashable {
    case below = "Below"
    case within = "Within"
    case above = "Above"

    public static func of(pctIncome: Double?, settings: FinanceSettings) -> ReservesFlag? {
        guard let p = pctIncome else { return nil }
        if p < settings.dfeLowPctIncome { return .below }
        if p > settings.dfeHighPctIncome { return .above }
        return .within
    }

    public func text(_ settings: FinanceSettings) -> String {
        let low = FinanceText.number(settings.dfeLowPctIncome), high = FinanceText.number(settings.dfeHighPctIncome)
        switch self {
        case .below: return "Below \(low)% of income: low against the \(low)–\(high)% most trusts hold"
        case .within: return "Within \(low)–\(high)% of income"
        case .above: return "Above \(high)% of income: DfE asks what the reserves are for"
        }
    }

    public var rag: RAG {
        switch self {
        case .within: return .green
        case .below: return .red
        case .above: return .amber
        }
    }
}

/// The trust as one entity for a year: academies plus central services, summed.
public struct TrustFinanceYear: Sendable, Hashable {
    public var consolidated: FinanceYear
    /// Entities whose figures are in the sum (academy names, then "Central services").
    public var included: [String]
    /// Academies in the register with no figures for the year: the total is short by their amounts.
    public var missing: [String]
    public var flag: ReservesFlag?
    public var centralShare: CentralShare?
    /// The trust-level return's figures for the same year (the BFR), when the academies' own figures
    /// were consolidated instead: shown beside them on the Checks sheet.
    public var returned: FinanceYear?

    public var year: AcademicYear { consolidated.year }
    /// True when the year's figures are the trust-level return's alone (a forecast year no academy file covers).
    public var isTrustReturnOnly: Bool { included == [TrustConsolidation.trustReturnName] }
}

/// The central reserve shared to academies per pupil (domain.md: "a trust's central reserve can be
/// shared to academies per pupil"). Only computed when every academy with figures gives `pupils_fte`.
public struct CentralShare: Sendable, Hashable {
    public var centralReserves: Double
    public var pupils: Double
    public var perPupil: Double { centralReserves / pupils }
}

public enum TrustConsolidation {
    public static let centralName = "Central services"
    public static let trustReturnName = "Budget forecast return (trust level)"

    /// Consolidates every year in which any entity has figures. Sums are straight additions of the
    /// best-informed figures (no elimination of the top-slice: see the Notes sheet).
    /// Years only the trust-level return (`returned`, the BFR) covers — the forecast years — come from it
    /// whole; where the academies have figures too, theirs are consolidated and the return's kept beside.
    public static func consolidate(academies: [FinanceSchoolReport], central: [FinanceYear], returned: [FinanceYear] = [],
                                   settings: FinanceSettings) -> [TrustFinanceYear] {
        let years = Set(academies.flatMap { $0.years.map(\.year) } + central.map(\.year)).sorted()
        var out = years.map { year in
            var parts: [FinanceYear] = []
            var included: [String] = [], missing: [String] = []
            for a in academies {
                if let y = a.years.first(where: { $0.year == year }) {
                    parts.append(y)
                    included.append(a.school.name)
                } else {
                    missing.append(a.school.name)
                }
            }
            let centralYear = central.first { $0.year == year }
            if let centralYear {
                parts.append(centralYear)
                included.append(centralName)
            } else {
                missing.append(centralName)
            }
            let figures = parts.dropFirst().reduce(parts[0].figures) { $0 + $1.figures }
            let bases = Set(parts.compactMap(\.basis))
            let basis: FinanceStatus? = bases.count == 1 && parts.allSatisfy({ $0.basis != nil }) ? bases.first : nil
            let basisText = basis?.rawValue ?? "mixed (" + bases.sorted().map(\.rawValue).joined(separator: ", ") + ")"
            let y = FinanceYear(year: year, basis: basis, basisText: basisText, figures: figures)
            return TrustFinanceYear(consolidated: y, included: included, missing: missing,
                                    flag: ReservesFlag.of(pctIncome: y.measure.reservesPctIncome, settings: settings),
                                    centralShare: centralShare(year: year, academies: academies.flatMap(\.years), central: centralYear),
                                    returned: returned.first { $0.year == year })
        }
        for r in returned where !years.contains(r.year) {
            out.append(TrustFinanceYear(consolidated: r, included: [trustReturnName], missing: [],
                                        flag: ReservesFlag.of(pctIncome: r.measure.reservesPctIncome, settings: settings)))
        }
        return out.sorted { $0.year < $1.year }
    }

    /// Central reserves ÷ the pupils (FTE) of every academy with figures that year.
    public static func centralShare(year: AcademicYear, academies: [FinanceYear], central: FinanceYear?) -> CentralShare? {
        guard let central else { return nil }
        let inYear = academies.filter { $0.year == year }
        guard !inYear.isEmpty, inYear.allSatisfy({ $0.figures.pupilsFTE != nil }) else { return nil }
        let pupils = inYear.reduce(0) { $0 + ($1.figures.pupilsFTE ?? 0) }
        guard pupils > 0 else { return nil }
        return CentralShare(centralReserves: central.figures.carriedForward, pupils: pupils)
    }
}
