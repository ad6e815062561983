import Foundation

/// Writes a realistic fictional trust in the canonical input formats, deterministically from a seed:
/// `schools.csv`, `pupils.csv` (R–Y6 for every year, consistent UPNs with valid check letters), `ks2.csv`,
/// `phonics.csv`, `attendance_marks.csv` / `attendance_summary.csv`, `finance.csv`,
/// `budget_monitoring.csv`, `targets.csv`, `assessments.csv` (Years 3–5 in-year assessments), `eyfs.csv`,
/// `mtc.csv`, `exclusions.csv` (suspensions and permanent exclusions), `judgements.csv` (the trust's
/// termly reviews) and `ofsted.csv` (fictional rows in the layout of Ofsted's management information). Used for the
/// shipped sample trust and the large-trust benchmark.
public struct TrustGenerator {
    public struct FileSummary: Sendable {
        public let name: String
        public let lines: Int
        public let bytes: Int
    }

    public let options: GeneratorOptions
    let schools: [GeneratedSchool]
    /// Every pupil on roll in any generated year (plus the cohort whose Year 1 check fell the year before).
    let pupils: [GeneratedPupil]
    /// Pupil indices per school, in roster order (Reception cohort year, then UPN serial).
    let pupilsBySchool: [[Int]]

    public init(options: GeneratorOptions) throws {
        guard options.schools >= 1, options.schools <= 999 else { throw GeneratorError.invalidOption("--schools must be 1–999.") }
        guard options.pupils >= options.schools * 7 else { throw GeneratorError.invalidOption("--pupils must allow at least one pupil per year group per school.") }
        guard (1...10).contains(options.years) else { throw GeneratorError.invalidOption("--years must be 1–10.") }
        guard !options.localAuthorities.isEmpty else { throw GeneratorError.invalidOption("Name at least one local authority.") }
        self.options = options
        var schools: [GeneratedSchool] = []
        var random = SeededRandom(seed: options.seed, 1)
        let perSchoolYearGroup = Double(options.pupils) / Double(options.schools) / 7
        // Reserves spread so every finance category appears: one school below 3% of GAG, one about 5%, one healthy.
        let reserveTargets = [2.1, 5.2, 11.5, 7.4]
        // The first four schools span one- to two-form entry (a small Year 6 of about 15 up to about 50).
        let fixedShares = [1.1, 0.85, 0.55, 1.5]
        for i in 0..<options.schools {
            let la = options.localAuthorities[i % options.localAuthorities.count]
            let drawn = 0.55 + random.unit() * 0.9
            let share = i < fixedShares.count ? fixedShares[i] : drawn
            schools.append(GeneratedSchool(
                index: i,
                urn: String(138_000 + i * 97 + random.int(0...60)),
                name: NameBank.schoolName(i),
                laName: la,
                laNumber: NameBank.laNumbers[la] ?? 800 + i % 100,
                establishment: 2000 + (i * 37 + random.int(0...30)) % 7000,
                joined: CalendarDate(year: 2013 + random.int(0...9), month: 9, day: 1)!,
                formSize: max(1, Int((perSchoolYearGroup * share).rounded())),
                abilityEffect: random.normal() * 0.25,
                absenceBase: 0.026 + random.unit() * 0.02,
                disadvantagedRate: 0.12 + random.unit() * 0.3,
                ealRate: 0.05 + random.unit() * 0.3,
                reservesPctGAG: i < reserveTargets.count ? reserveTargets[i] : 1 + random.unit() * 15,
                overspending: i == min(1, options.schools - 1)))
        }
        self.schools = schools

        var pupils: [GeneratedPupil] = []
        var bySchool: [[Int]] = Array(repeating: [], count: schools.count)
        let first = options.firstYear.startYear, current = options.currentYear.startYear
        for school in schools {
            // Cohorts in Reception from six years before the first year (Year 6 then) to the current year.
            for reception in (first - 6)...current {
                var r = SeededRandom(seed: options.seed, 2, UInt64(school.index), UInt64(reception))
                let size = max(1, Int((Double(school.formSize) * (0.85 + r.unit() * 0.3)).rounded()))
                for serial in 1...size {
                    bySchool[school.index].append(pupils.count)
                    pupils.append(TrustGenerator.makePupil(school: school, reception: reception, serial: serial,
                                                           size: size, current: current, random: &r))
                }
            }
        }
        self.pupils = pupils
        pupilsBySchool = bySchool
    }

    static func makePupil(school: GeneratedSchool, reception: Int, serial: Int, size: Int, current: Int,
                          random r: inout SeededRandom) -> GeneratedPupil {
        // Permanent UPN: LA number (3), establishment (4), year of allocation (2), serial (3), after the check letter.
        var rest = String(format: "%03d%04d%02d%03d", school.laNumber, school.establishment, (reception + 1) % 100, serial)
        // Two pupils (the newest Reception arrivals of the first two schools) still have temporary UPNs.
        if reception == current && serial == size && school.index < 2 {
            rest = String(rest.dropLast()) + String(UPN.checkLetters[(serial + school.index) % UPN.checkLetters.count])
        }
        let upn = String(UPN.checkLetter(for: Array(rest))) + rest
        let female = r.chance(0.49)
        let disadvantaged = r.chance(school.disadvantagedRate)
        let senDraw = r.unit()
        let sen: Character = senDraw < 0.025 ? "E" : senDraw < 0.16 ? "K" : "N"
        let eal = r.chance(school.ealRate)
        var ability = school.abilityEffect + r.normal() * 0.9
        if disadvantaged { ability -= 0.45 }
        if sen == "K" { ability -= 0.9 }
        if sen == "E" { ability -= 1.9 }
        if eal { ability += 0.05 }
        var absence = school.absenceBase * (0.3 + r.unit() * 1.4) + (disadvantaged ? 0.02 : 0)
        if r.chance(disadvantaged ? 0.13 : 0.07) { absence = 0.09 + r.unit() * 0.14 }   // persistent absentees
        if r.chance(0.008) { absence = 0.5 + r.unit() * 0.3 }                             // severe
        // Born in the academic year starting five years before Reception (1 Sep … 31 Aug).
        let dob = CalendarDate(dayNumber: CalendarDate(year: reception - 5, month: 9, day: 1)!.dayNumber + r.int(0...364))
        var mark: Int? = min(40, max(0, Int((37 + 4.5 * (ability + 0.5 * r.normal())).rounded())))
        var outcome = mark! >= 32 ? "Wa" : "Wt"
        if sen == "E" && ability < -2 && r.chance(0.6) { mark = nil; outcome = "D" }
        else if r.chance(0.012) { mark = nil; outcome = "A" }
        return GeneratedPupil(
            school: school.index, receptionYear: reception, upn: upn,
            surname: r.pick(NameBank.surnames), forename: r.pick(female ? NameBank.girls : NameBank.boys),
            dateOfBirth: dob, female: female, disadvantaged: disadvantaged, sen: sen, eal: eal,
            ability: ability, absenceRate: absence, phonicsMark: mark, phonicsOutcome: outcome)
    }

    /// Writes every dataset into `folder` (created if missing) and returns what was written, file by file.
    @discardableResult
    public func write(to folder: String) throws -> [FileSummary] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        var written: [FileSummary] = []
        func file(_ name: String, _ body: (ByteSink) throws -> Int) throws {
            let sink = try ByteSink(path: path(name))
            let lines = try body(sink)
            try sink.close()
            written.append(FileSummary(name: name, lines: lines, bytes: sink.bytesWritten))
        }
        try file("schools.csv", writeSchools)
        try file("pupils.csv", writePupils)
        try file("ks2.csv", writeKS2)
        try file("phonics.csv", writePhonics)
        if options.attendance == .marks { try file("attendance_marks.csv", options.marksLayout == .weekly ? writeWeeklyMarks : writeMarks) }
        if options.attendance == .summary || (options.attendance == .marks && options.years > 1) {
            try file("attendance_summary.csv", writeAttendanceSummary)
        }
        try file("finance.csv", writeFinance)
        try file("budget_monitoring.csv", writeBudgetMonitoring)
        try file(bfrFileName, writeBFR)
        try file(bfr3yFileName, writeBFR3y)
        try file("targets.csv", writeTargets)
        try file("assessments.csv", writeAssessments)
        try file("eyfs.csv", writeEYFS)
        try file("mtc.csv", writeMTC)
        try file("exclusions.csv", writeExclusions)
        try file("judgements.csv", writeJudgements)
        try file("ofsted.csv", writeOfsted)
        return written
    }

    /// Pupils on roll at `school` in `year`, with their year group, in roster order.
    func roll(_ school: Int, _ year: AcademicYear) -> [(pupil: GeneratedPupil, yearGroup: Int)] {
        pupilsBySchool[school].compactMap { i in
            let p = pupils[i]
            return p.yearGroup(in: year).map { (p, $0) }
        }.sorted { $0.yearGroup != $1.yearGroup ? $0.yearGroup < $1.yearGroup : $0.pupil.upn < $1.pupil.upn }
    }
}
