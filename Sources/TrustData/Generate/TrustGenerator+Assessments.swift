import Foundation

/// assessments.csv: Years 3–5 in the current year, each term up to the last one with attendance marks
/// (autumn for marks through December): reading and maths as standardised test scores (100 = national
/// average, 70–141), writing as a teacher-assessed working-at band, each beside an FFT20-style estimate
/// drawn, like the KS2 estimates, from the pupil's latent attainment seen with noise (a little above the
/// actual on average: FFT20 is a challenge level). Its own random streams (seed part 7), so adding it
/// changed none of the other files' bytes.
extension TrustGenerator {
    /// The terms with data: up to the term `marksThrough` falls in (September–December autumn,
    /// January–Easter spring, then summer); all three without it.
    var assessedTerms: [String] {
        guard let through = options.marksThrough else { return ["autumn", "spring", "summer"] }
        let last = through.month >= 9 ? 1 : through.month <= 3 ? 2 : 3
        return Array(["autumn", "spring", "summer"].prefix(last))
    }

    func writeAssessments(_ out: ByteSink) -> Int {
        out.line(["academic_year", "urn", "upn", "surname", "forename", "year_group", "subject", "term",
                  "working_at", "standardised_score", "fft_estimate"])
        var lines = 1
        let year = options.currentYear
        for school in schools {
            for (p, group) in roll(school.index, year) where AssessmentRecord.yearGroups.contains(group) {
                var r = SeededRandom(seed: options.seed, 7, UInt64(school.index), UInt64(year.startYear), UInt64(lines))
                let prior = p.ability + 0.3 * r.normal()
                for (t, term) in assessedTerms.enumerated() {
                    // Progress through the year: later terms sit a little closer to the end-of-year estimate.
                    let progress = 0.05 * Double(t)
                    func score(_ shift: Double) -> String {
                        String(Int(min(141, max(70, (100 + 13 * (p.ability + shift + progress + 0.4 * r.normal())).rounded()))))
                    }
                    func estimate(_ shift: Double) -> String { String(format: "%.1f", min(141, max(70, 101.5 + 13 * (prior + shift)))) }
                    let w = p.ability - 0.15 + progress + 0.5 * r.normal()
                    let band = w > 0.92 ? "GDS" : w > -1.05 ? "EXS" : "WTS"
                    let estimatedBand = prior + 0.3 > 0.92 ? "GDS" : prior + 0.3 > -1.05 ? "EXS" : "WTS"
                    let common = [year.description, school.urn, p.upn, p.surname, p.forename, String(group)]
                    out.line(common + ["reading", term, "", score(0.05), estimate(0.05)])
                    out.line(common + ["maths", term, "", score(0), estimate(0)])
                    out.line(common + ["writing", term, band, "", estimatedBand])
                    lines += 3
                }
            }
        }
        return lines
    }
}
