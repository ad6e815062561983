/// One fictional pupil, with the fixed traits every dataset is drawn from (so KS2, phonics and attendance
/// agree with the roster and each other across years).
struct GeneratedPupil {
    let school: Int
    /// Start year of the academic year in which the pupil is in Reception.
    let receptionYear: Int
    let upn: String
    let surname: String
    let forename: String
    let dateOfBirth: CalendarDate
    let female: Bool
    let disadvantaged: Bool
    /// Census SEN provision code: N, K or E.
    let sen: Character
    let eal: Bool
    /// Latent attainment (about N(0, 1) across the trust).
    let ability: Double
    /// The share of sessions the pupil tends to miss.
    let absenceRate: Double
    /// Year 1 phonics check: mark (nil when absent or disapplied) and outcome code.
    let phonicsMark: Int?
    let phonicsOutcome: String

    func yearGroup(in year: AcademicYear) -> Int? {
        let g = year.startYear - receptionYear
        return (0...6).contains(g) ? g : nil
    }
}
