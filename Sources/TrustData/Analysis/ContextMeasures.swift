/// The academy card's context block: number on roll against capacity and the share of pupils in each
/// characteristic group, from the census roster for the pipeline's year.
public enum ContextMeasures {
    public static func school(_ school: School, context: AnalysisContext) -> [MeasureRow] {
        rows(for: context.roster.pupils(at: school.urn, in: context.year), school: school, capacity: school.capacity, context: context)
    }

    public static func trust(context: AnalysisContext) -> [MeasureRow] {
        let pupils = context.roster.pupils.filter { $0.academicYear == context.year }
        let capacities = context.schools.compactMap(\.capacity)
        let capacity = capacities.count == context.schools.count ? capacities.reduce(0, +) : nil
        return rows(for: pupils, school: nil, capacity: capacity, context: context)
    }

    static func rows(for pupils: [Pupil], school: School?, capacity: Int?, context: AnalysisContext) -> [MeasureRow] {
        guard !pupils.isEmpty else { return [] }
        let n = pupils.count
        let year = context.year
        func share(_ id: String, _ test: (PupilCharacteristics) -> Bool) -> MeasureRow {
            context.measure(id, year: year, school: school, proportion: Proportion(pupils.filter { test($0.characteristics) }.count, of: n))
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
