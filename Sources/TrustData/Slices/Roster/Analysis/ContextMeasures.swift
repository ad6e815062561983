/// The academy card's context block: number on roll against capacity and the share of pupils in each
/// characteristic group, from the census roster for the pipeline's year.
public enum ContextMeasures {
    public static func school(_ school: School, context: AnalysisContext) -> [MeasureRow] {
        rows(for: context.roster.pupils(at: school.urn, in: context.year).map(\.characteristics), school: school,
             capacity: school.capacity, context: context)
    }

    public static func trust(context: AnalysisContext) -> [MeasureRow] {
        // Characteristics only: copying the trust's Pupil rows showed in profiles.
        var pupils: [PupilCharacteristics] = []
        for p in context.roster.pupils where p.academicYear == context.year { pupils.append(p.characteristics) }
        let capacities = context.schools.compactMap(\.capacity)
        let capacity = capacities.count == context.schools.count ? capacities.reduce(0, +) : nil
        return rows(for: pupils, school: nil, capacity: capacity, context: context)
    }

    static func rows(for pupils: [PupilCharacteristics], school: School?, capacity: Int?, context: AnalysisContext) -> [MeasureRow] {
        guard !pupils.isEmpty else { return [] }
        let n = pupils.count
        let year = context.year
        func share(_ id: String, _ test: (PupilCharacteristics) -> Bool) -> MeasureRow {
            var k = 0
            for c in pupils where test(c) { k += 1 }
            return context.measure(id, year: year, school: school, proportion: Proportion(k, of: n))
        }
        var rows = [context.measure("context.number_on_roll", year: year, school: school, value: Double(n), cohort: n)]
        if let capacity, capacity > 0 {
            rows.append(context.measure("context.capacity_used", year: year, school: school, proportion: Proportion(n, of: capacity)))
        }
        rows.append(share("context.disadvantaged") { $0.disadvantaged == true })
        rows.append(share("context.eal") { $0.eal == true })
        rows.append(share("context.sen_support") { $0.sen == .support })
        rows.append(share("context.ehcp") { $0.sen == .ehcp })
        return rows
    }
}
