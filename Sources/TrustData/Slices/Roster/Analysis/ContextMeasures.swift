/// The academy card's context block: number on roll against capacity and the share of pupils in each
/// characteristic group, from the census roster, for every roster year up to the pipeline's (the roll
/// trend), with the change in the roll on the year before.
public enum ContextMeasures {
    public static func school(_ school: School, context: AnalysisContext) -> [MeasureRow] {
        years(context).flatMap { year in
            rows(for: context.roster.pupils(at: school.urn, in: year).map(\.characteristics), previousRoll: previousRoll(school.urn, year, context),
                 year: year, school: school, capacity: school.capacity, context: context)
        }
    }

    public static func trust(context: AnalysisContext) -> [MeasureRow] {
        let capacities = context.schools.compactMap(\.capacity)
        let capacity = capacities.count == context.schools.count ? capacities.reduce(0, +) : nil
        let years = self.years(context)
        // One pass over the roster, characteristics only: copying the trust's Pupil rows showed in profiles.
        var byYear: [AcademicYear: [PupilCharacteristics]] = [:]
        let first = years.first!.previous
        for p in context.roster.pupils where p.academicYear >= first && p.academicYear <= context.year {
            byYear[p.academicYear, default: []].append(p.characteristics)
        }
        return years.flatMap { year -> [MeasureRow] in
            let previous = byYear[year.previous]?.count
            return rows(for: byYear[year] ?? [], previousRoll: previous, year: year, school: nil, capacity: capacity, context: context)
        }
    }

    /// The roll trend's years: the pipeline's and the four before, oldest first (years the roster does
    /// not cover give no rows). The change on last year needs the year before each.
    static func years(_ context: AnalysisContext) -> [AcademicYear] {
        (0...4).reversed().map { AcademicYear(startYear: context.year.startYear - $0) }
    }

    static func previousRoll(_ urn: String, _ year: AcademicYear, _ context: AnalysisContext) -> Int? {
        let n = context.roster.pupils(at: urn, in: year.previous).count
        return n > 0 ? n : nil
    }

    static func rows(for pupils: [PupilCharacteristics], previousRoll: Int?, year: AcademicYear, school: School?, capacity: Int?,
                     context: AnalysisContext) -> [MeasureRow] {
        guard !pupils.isEmpty else { return [] }
        let n = pupils.count
        func share(_ id: MeasureID, _ test: (PupilCharacteristics) -> Bool) -> MeasureRow {
            var k = 0
            for c in pupils where test(c) { k += 1 }
            return context.measure(id, year: year, school: school, proportion: Proportion(k, of: n))
        }
        var rows = [context.measure("context.number_on_roll", year: year, school: school, value: Double(n), cohort: n)]
        if let capacity, capacity > 0 {
            rows.append(context.measure("context.capacity_used", year: year, school: school, proportion: Proportion(n, of: capacity)))
        }
        if let previousRoll {
            // Change on last year in pupils, and as % of last year's roll (the falling-roll trigger's figure).
            rows.append(context.measure("context.roll_change", year: year, school: school, value: Double(n - previousRoll),
                                        numerator: Double(n), denominator: Double(previousRoll)))
            rows.append(context.measure("context.roll_change_pct", year: year, school: school,
                                        value: Double(n - previousRoll) * 100 / Double(previousRoll),
                                        numerator: Double(n - previousRoll), denominator: Double(previousRoll)))
        }
        rows.append(share("context.disadvantaged") { $0.disadvantaged == true })
        rows.append(share("context.eal") { $0.eal == true })
        rows.append(share("context.sen_support") { $0.sen == .support })
        rows.append(share("context.ehcp") { $0.sen == .ehcp })
        return rows
    }
}
