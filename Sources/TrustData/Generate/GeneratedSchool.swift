/// One fictional academy of a generated trust, with the school-level tendencies its pupils are drawn from.
struct GeneratedSchool {
    let index: Int
    let urn: String
    let name: String
    let laName: String
    let laNumber: Int
    /// The four-digit DfE establishment number (digits 4–7 of its pupils' permanent UPNs).
    let establishment: Int
    let joined: CalendarDate
    /// Pupils per year group, on average.
    let formSize: Int
    let abilityEffect: Double
    let absenceBase: Double
    let disadvantagedRate: Double
    let ealRate: Double
    /// Target revenue reserves (% of GAG) at the end of the current financial year.
    let reservesPctGAG: Double
    /// Spends ahead of budget in the monitoring returns.
    let overspending: Bool
}
