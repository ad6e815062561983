/// attendance_marks.csv (every AM/PM session of the current year, pupil by pupil) and
/// attendance_summary.csv (per-pupil session totals for the earlier years, or every year in summary form).
/// Codes are valid on their dates (inputs/reference/attendance-codes.csv, post-19 August 2024 set).
extension TrustGenerator {
    /// Reasons for a day's absence, cumulative weights: mostly illness; about a third unauthorised, as nationally.
    static let absenceCodes: [(code: String, upTo: Double)] = [
        ("I", 0.55), ("M", 0.61), ("C", 0.65), ("E", 0.66), ("G", 0.74), ("N", 0.80), ("O", 1.0),
    ]

    static func absenceCode(_ u: Double) -> String {
        for entry in absenceCodes where u < entry.upTo { return entry.code }
        return "O"
    }

    func writeMarks(_ out: ByteSink) -> Int {
        out.append("urn,upn,date,session,code\n")
        let days = SchoolCalendar(year: options.currentYear).days(through: options.marksThrough)
        let dates = days.map { Array(",\($0.iso),".utf8) }
        let am = Array("AM,".utf8), pm = Array("PM,".utf8)
        let present = (am: Array("/\n".utf8), pm: Array("\\\n".utf8))
        let late = Array("L\n".utf8), approved = Array("B\n".utf8)
        let absent = Dictionary(uniqueKeysWithValues: Self.absenceCodes.map { ($0.code, Array("\($0.code)\n".utf8)) })
        var lines = 1
        for school in schools {
            for (p, _) in roll(school.index, options.currentYear) {
                var r = SeededRandom(seed: options.seed, 5, UInt64(school.index), p.upn.hashValueStable)
                let prefix = Array("\(school.urn),\(p.upn)".utf8)
                for date in dates {
                    let u = r.unit()
                    var amCode = present.am, pmCode = present.pm
                    if u < p.absenceRate {
                        let code = absent[Self.absenceCode(r.unit())]!
                        // A medical appointment is usually one session; other absences are the whole day.
                        if code == absent["M"]! { if r.chance(0.5) { amCode = code } else { pmCode = code } }
                        else { amCode = code; pmCode = code }
                    } else if u > 0.997 {
                        amCode = approved; pmCode = approved
                    } else if u > 0.982 {
                        amCode = late
                    }
                    out.append(prefix); out.append(date); out.append(am); out.append(amCode)
                    out.append(prefix); out.append(date); out.append(pm); out.append(pmCode)
                    lines += 2
                }
            }
        }
        return lines
    }

    func writeAttendanceSummary(_ out: ByteSink) -> Int {
        out.line(["academic_year", "urn", "upn", "possible_sessions", "present_sessions", "authorised_absence", "unauthorised_absence"])
        var lines = 1
        let years = options.attendance == .marks ? Array(options.allYears.dropLast()) : options.allYears
        for year in years {
            let possible = SchoolCalendar(year: year).days.count * 2
            for school in schools {
                for (p, _) in roll(school.index, year) {
                    var r = SeededRandom(seed: options.seed, 6, UInt64(school.index), UInt64(year.startYear), p.upn.hashValueStable)
                    let missed = min(possible, Int((Double(possible) * p.absenceRate * (0.75 + r.unit() * 0.5)).rounded()))
                    let unauthorised = Int((Double(missed) * (0.2 + r.unit() * 0.3)).rounded())
                    out.line([year.description, school.urn, p.upn, String(possible), String(possible - missed),
                              String(missed - unauthorised), String(unauthorised)])
                    lines += 1
                }
            }
        }
        return lines
    }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: a hash that, unlike `hashValue`, is the same in every process.
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
