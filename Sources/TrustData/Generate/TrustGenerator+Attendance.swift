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

    /// One school day's AM and PM codes for a pupil (one character each), from the pupil's own stream.
    @inline(__always)
    static func dayMarks(_ r: inout SeededRandom, absenceRate: Double) -> (am: UInt8, pm: UInt8) {
        let u = r.unit()
        if u < absenceRate {
            let code = absenceCode(r.unit()).utf8.first!
            // A medical appointment is usually one session; other absences are the whole day.
            if code == UInt8(ascii: "M") { return r.chance(0.5) ? (code, UInt8(ascii: "\\")) : (UInt8(ascii: "/"), code) }
            return (code, code)
        }
        if u > 0.997 { return (UInt8(ascii: "B"), UInt8(ascii: "B")) }
        if u > 0.982 { return (UInt8(ascii: "L"), UInt8(ascii: "\\")) }
        return (UInt8(ascii: "/"), UInt8(ascii: "\\"))
    }

    func writeMarks(_ out: ByteSink) -> Int {
        out.append("urn,upn,date,session,code\n")
        let days = SchoolCalendar(year: options.currentYear).days(through: options.marksThrough)
        let dates = days.map { Array(",\($0.iso),".utf8) }
        let am = Array("AM,".utf8), pm = Array("PM,".utf8)
        var lines = 1
        for school in schools {
            for (p, _) in roll(school.index, options.currentYear) {
                var r = SeededRandom(seed: options.seed, 5, UInt64(school.index), p.upn.hashValueStable)
                let prefix = Array("\(school.urn),\(p.upn)".utf8)
                for date in dates {
                    let (amCode, pmCode) = Self.dayMarks(&r, absenceRate: p.absenceRate)
                    out.append(prefix); out.append(date); out.append(am); out.append([amCode, 0x0A])
                    out.append(prefix); out.append(date); out.append(pm); out.append([pmCode, 0x0A])
                    lines += 2
                }
            }
        }
        return lines
    }

    /// The same marks as `writeMarks` (the same codes for the same pupil and day), one row per pupil
    /// and one column per week (`w/c dd/mm/yyyy`), ten characters from Monday AM to Friday PM. A weekday
    /// the school is closed within a week of term is `#` (planned closure: not a possible session), as
    /// MIS registers show it; weeks with no school day have no column.
    func writeWeeklyMarks(_ out: ByteSink) -> Int {
        let days = SchoolCalendar(year: options.currentYear).days(through: options.marksThrough)
        var mondays: [Int] = []
        for d in days {
            let monday = d.dayNumber - (d.isoWeekday - 1)
            if mondays.last != monday { mondays.append(monday) }
        }
        out.append("urn,upn")
        for monday in mondays { out.append(",w/c \(CalendarDate(dayNumber: monday).uk)") }
        out.append("\n")
        // Each school day's place in the row: week k, weekday w → byte offset.
        let offsets = days.map { d -> Int in
            let k = mondays.firstIndex(of: d.dayNumber - (d.isoWeekday - 1))!
            return k * 11 + 1 + (d.isoWeekday - 1) * 2
        }
        var template = [UInt8](repeating: UInt8(ascii: "#"), count: mondays.count * 11)
        for k in mondays.indices { template[k * 11] = UInt8(ascii: ",") }
        template.append(0x0A)
        var lines = 1
        for school in schools {
            for (p, _) in roll(school.index, options.currentYear) {
                var r = SeededRandom(seed: options.seed, 5, UInt64(school.index), p.upn.hashValueStable)
                var row = template
                for offset in offsets {
                    let (amCode, pmCode) = Self.dayMarks(&r, absenceRate: p.absenceRate)
                    row[offset] = amCode
                    row[offset + 1] = pmCode
                }
                out.append("\(school.urn),\(p.upn)")
                out.append(row)
                lines += 1
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
