/// eyfs.csv, mtc.csv and exclusions.csv, each from its own random streams (labels 10–13), so adding them
/// changed none of the other files' numbers. Outcomes follow each pupil's latent attainment, so the
/// disadvantaged and SEN gaps look like real ones (about two thirds of children reach a good level of
/// development; Year 4 averages about 21 out of 25; a primary suspension rate of a few per 100 pupils).
extension TrustGenerator {
    /// Current FSM eligibility (the roster's `fsm`): most disadvantaged pupils (FSM in the last six years),
    /// from a stream keyed by the UPN so it is the same every year.
    func fsm(_ p: GeneratedPupil) -> Bool {
        guard p.disadvantaged else { return false }
        var key: UInt64 = 1469598103934665603
        for b in p.upn.utf8 { key = (key ^ UInt64(b)) &* 1099511628211 }
        var r = SeededRandom(seed: options.seed, 10, key)
        return r.chance(0.72)
    }

    func writeEYFS(_ out: ByteSink) -> Int {
        out.line(["Academic Year", "School URN", "UPN", "Legal Surname", "Legal Forename"]
                 + EYFSGoals.all.enumerated().map { i, name in "ELG\(i < 9 ? "0" : "")\(i + 1) \(name)" } + ["GLD"])
        var lines = 1
        // Some goals are reached more often than others (nationally ~90% in gross motor skills, ~70% in writing).
        let ease: [Double] = [0.9, 0.8, 0.8, 0.9, 0.9, 1.2, 0.6, 0.5, 0.4, 0.1, 0.5, 0.5, 0.7, 0.8, 0.7, 0.9, 0.9]
        for year in options.allYears {
            for school in schools {
                for (p, group) in roll(school.index, year) where group == 0 {
                    var r = SeededRandom(seed: options.seed, 11, UInt64(school.index), UInt64(year.startYear), UInt64(lines))
                    let development = p.ability + 0.45 * r.normal()
                    let notAssessed = r.chance(0.003)
                    let goals = ease.enumerated().map { i, e -> String in
                        if notAssessed && i >= 12 { return "A" }
                        return development + e + 0.35 * r.normal() > -0.75 ? "Expected" : "Emerging"
                    }
                    let gld = goals[..<12].allSatisfy { $0 == "Expected" }
                    out.line([year.description, school.urn, p.upn, p.surname, p.forename] + goals + [gld ? "Y" : "N"])
                    lines += 1
                }
            }
        }
        return lines
    }

    /// The Year 4 check (statutory from 2021/22): a score out of 25, or a reason code for not taking it.
    func writeMTC(_ out: ByteSink) -> Int {
        out.line(["Academic Year", "URN", "UPN", "Surname", "Forename", "NC Year", "Score", "Reason"])
        var lines = 1
        for year in options.allYears where year.startYear >= 2021 {
            for school in schools {
                for (p, group) in roll(school.index, year) where group == 4 {
                    var r = SeededRandom(seed: options.seed, 12, UInt64(school.index), UInt64(year.startYear), UInt64(lines))
                    var score = "", reason = ""
                    if p.sen == "E" && p.ability < -1.8 && r.chance(0.6) { reason = "B" }
                    else if r.chance(0.015) { reason = "A" }
                    else if p.eal && r.chance(0.01) { reason = "J" }
                    else { score = String(min(25, max(0, Int((23.2 + 4.2 * (p.ability + 0.55 * r.normal())).rounded())))) }
                    out.line([year.description, school.urn, p.upn, p.surname, p.forename, "4", score, reason])
                    lines += 1
                }
            }
        }
        return lines
    }

    /// One row per suspension or permanent exclusion, MIS style. About 1 pupil in 100 is suspended in a
    /// year (more often boys, disadvantaged pupils and pupils with SEN), some of them more than once;
    /// permanent exclusions are rare. A few schools run hotter than others.
    func writeExclusions(_ out: ByteSink) -> Int {
        out.line(["School URN", "UPN", "Legal Surname", "Legal Forename", "Exclusion Type", "Start Date", "Sessions", "Reason"])
        let reasons: [(String, Double)] = [("PD", 0.4), ("PA", 0.2), ("VA", 0.15), ("PP", 0.1), ("VP", 0.05), ("DM", 0.05), ("BU", 0.03), ("OT", 0.02)]
        func reason(_ r: inout SeededRandom) -> String {
            var u = r.unit()
            for (code, p) in reasons { if u < p { return code }; u -= p }
            return "PD"
        }
        var lines = 1
        for year in options.allYears {
            let days = SchoolCalendar(year: year).days
            for school in schools {
                var s = SeededRandom(seed: options.seed, 13, UInt64(school.index))
                let climate = 0.5 + 1.5 * s.unit()
                var rows: [(CalendarDate, [String])] = []
                for (p, group) in roll(school.index, year) where group > 0 {
                    var r = SeededRandom(seed: options.seed, 14, UInt64(school.index), UInt64(year.startYear), UInt64(p.receptionYear),
                                         UInt64(p.upn.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF_FFFF))
                    var risk = 0.01 * climate * (p.female ? 0.4 : 1.6)
                    if p.disadvantaged { risk *= 2.5 }
                    if p.sen == "K" { risk *= 3 } else if p.sen == "E" { risk *= 4 }
                    guard r.chance(min(0.5, risk)) else { continue }
                    let count = 1 + (r.chance(0.4) ? 1 + (r.chance(0.35) ? 1 : 0) : 0)
                    for _ in 0..<count {
                        let lunchtime = r.chance(0.1)
                        rows.append((r.pick(days), [school.urn, p.upn, p.surname, p.forename, lunchtime ? "LNCH" : "FIXD", "",
                                                    lunchtime ? "1" : String(r.int(1...6)), reason(&r)]))
                    }
                    if r.chance(0.02) {
                        rows.append((r.pick(days), [school.urn, p.upn, p.surname, p.forename, "PERM", "", "", r.chance(0.5) ? "PA" : "PD"]))
                    }
                }
                rows.sort { ($0.0, $0.1[1], $0.1[4]) < ($1.0, $1.1[1], $1.1[4]) }
                var last: (CalendarDate, String, String)?
                for (date, var fields) in rows {
                    // Two suspensions of one pupil on one day read as a duplicate: keep the first.
                    if let l = last, l.0 == date, l.1 == fields[1], (l.2 == "PERM") == (fields[4] == "PERM") { continue }
                    last = (date, fields[1], fields[4])
                    fields[5] = date.uk
                    out.line(fields)
                    lines += 1
                }
            }
        }
        return lines
    }
}
