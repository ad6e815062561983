import Foundation

/// ks2.csv and phonics.csv: results drawn from each pupil's latent attainment, so the disadvantaged and
/// SEN gaps look like real ones and FFT20 estimates sit a little above the actual on average (FFT20 is
/// the "top 20% of schools" challenge level).
extension TrustGenerator {
    func writeKS2(_ out: ByteSink) -> Int {
        out.line(["academic_year", "urn", "upn", "surname", "forename", "reading", "maths", "gps", "writing",
                  "fft_reading", "fft_maths", "fft_gps", "fft_writing", "fft_rwm_chance"])
        var lines = 1
        for year in options.allYears {
            for school in schools {
                for (p, group) in roll(school.index, year) where group == 6 {
                    var r = SeededRandom(seed: options.seed, 3, UInt64(school.index), UInt64(year.startYear), UInt64(lines))
                    let left = r.chance(0.006)
                    func test(_ shift: Double) -> String {
                        if left { return "L" }
                        if r.chance(0.015) { return "A" }
                        let score = Int((107 + 6.5 * (p.ability + shift + 0.45 * r.normal())).rounded())
                        if score < 89 && p.sen != "N" { return "B" }
                        return String(min(120, max(80, score)))
                    }
                    let reading = test(0.05), maths = test(0), gps = test(0.1)
                    let w = p.ability - 0.1 + 0.5 * r.normal()
                    let writing = left ? "L" : w > 0.92 ? "GDS" : w > -1.05 ? "EXS" : w > -2.1 || p.sen != "E" ? "WTS" : "PK\(r.int(4...6))"
                    // The estimate is made from prior attainment: the pupil's latent ability seen with noise.
                    let prior = p.ability + 0.3 * r.normal()
                    func estimate(_ shift: Double) -> String {
                        String(format: "%.1f", min(120, max(80, 108.5 + 6.5 * (prior + shift))))
                    }
                    let band = prior + 0.3 > 0.92 ? "GDS" : prior + 0.3 > -1.05 ? "EXS" : "WTS"
                    let chance = min(99, max(1, Int((68 + 28 * prior).rounded())))
                    out.line([year.description, school.urn, p.upn, p.surname, p.forename, reading, maths, gps, writing,
                              estimate(0.05), estimate(0), estimate(0.1), band, String(chance)])
                    lines += 1
                }
            }
        }
        return lines
    }

    /// Year 1 takes the check; Year 2 retakes it only if they did not meet the standard in Year 1 (a Year 1
    /// absence counts as not met). The retake mark is the Year 1 mark plus some progress.
    func writePhonics(_ out: ByteSink) -> Int {
        out.line(["academic_year", "urn", "upn", "surname", "forename", "year_group", "mark", "outcome"])
        var lines = 1
        for year in options.allYears {
            for school in schools {
                let pupils = roll(school.index, year)
                for (p, group) in pupils where group == 1 {
                    out.line([year.description, school.urn, p.upn, p.surname, p.forename, "1", p.phonicsMark.map(String.init) ?? "", p.phonicsOutcome])
                    lines += 1
                }
                for (p, group) in pupils where group == 2 && (p.phonicsOutcome == "Wt" || p.phonicsOutcome == "A") {
                    var r = SeededRandom(seed: options.seed, 4, UInt64(school.index), UInt64(year.startYear), UInt64(lines))
                    let before = p.phonicsMark ?? Int((32 + 4.5 * p.ability).rounded())
                    let mark = min(40, max(0, before + r.int(0...7)))
                    out.line([year.description, school.urn, p.upn, p.surname, p.forename, "2", String(mark), mark >= 32 ? "Wa" : "Wt"])
                    lines += 1
                }
            }
        }
        return lines
    }
}
