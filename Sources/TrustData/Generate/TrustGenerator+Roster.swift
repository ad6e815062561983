/// schools.csv and pupils.csv.
extension TrustGenerator {
    func writeSchools(_ out: ByteSink) -> Int {
        out.line(["urn", "school_name", "la_name", "phase", "capacity", "joined_trust"])
        for school in schools {
            let roll = self.roll(school.index, options.currentYear).count
            let capacity = max(30, Int((Double(roll) * 1.1 / 30).rounded(.up)) * 30)
            out.line([school.urn, school.name, school.laName, "Primary", String(capacity), school.joined.uk])
        }
        return schools.count + 1
    }

    func writePupils(_ out: ByteSink) -> Int {
        out.line(["academic_year", "urn", "upn", "surname", "forename", "date_of_birth", "gender", "year_group",
                  "disadvantaged", "sen", "eal", "fsm"])
        var lines = 1
        for year in options.allYears {
            let yearText = year.description
            for school in schools {
                for (p, group) in roll(school.index, year) {
                    out.line([yearText, school.urn, p.upn, p.surname, p.forename, p.dateOfBirth.uk, p.female ? "F" : "M",
                              group == 0 ? "R" : String(group), p.disadvantaged ? "Y" : "N", String(p.sen), p.eal ? "Y" : "N",
                              fsm(p) ? "Y" : "N"])
                    lines += 1
                }
            }
        }
        return lines
    }
}
