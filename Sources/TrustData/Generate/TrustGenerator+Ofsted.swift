/// ofsted.csv: fictional rows for the trust's fictional URNs in the layout of Ofsted's management
/// information (state-funded schools, latest inspections at 28 February 2026: all 85 columns, `NULL`
/// for empty, grades as digits and words, dates dd/mm/yyyy, the Ofsted region quoted because of its
/// comma), plus a few rows of schools outside the trust, as the national file has. The first four
/// schools are fixed so the sample card shows each case: Ashcombe Good with a later ungraded
/// inspection (School remains Good); Brookfield Requires improvement (an intensive-support trigger);
/// Castlemere a graded inspection after September 2024 (overall Not judged); Dunmore Good.
extension TrustGenerator {
    /// The file's heading row, as Ofsted publishes it (copied from the 28 February 2026 release).
    static let ofstedHeader = [
        "Web Link (opens in new window)", "URN", "LAESTAB", "School name", "Ofsted phase", "Type of education",
        "School open date", "Admissions policy", "Sixth form", "Designated religious character", "Religious ethos",
        "Faith grouping", "Ofsted region", "Region", "Local authority", "Parliamentary constituency", "Postcode",
        "Multi-academy trust UID", "Multi-academy trust name", "Academy sponsor UID", "Academy sponsor name",
        "The income deprivation affecting children index (IDACI) quintile", "Total number of pupils", "Statutory lowest age",
        "Statutory highest age", "Inspection number of latest full inspection", "Inspection type", "Inspection type grouping",
        "Event type grouping", "Inspection start date", "Publication date",
        "Does the latest full inspection relate to the URN of the current school?", "URN at time of latest full inspection",
        "LAESTAB at time of latest full inspection", "School name at time of latest full inspection",
        "School type at time of latest full inspection", "Category of concern", "Safeguarding standards",
        "Safeguarding standards - date of judgement", "Inclusion", "Inclusion - date of judgement", "Curriculum and teaching",
        "Curriculum and teaching - date of judgement", "Achievement", "Achievement - date of judgement",
        "Attendance and behaviour", "Attendance and behaviour - date of judgement", "Personal development and wellbeing",
        "Personal development and wellbeing - date of judgement", "Early years (where applicable)",
        "Early years - date of judgement", "Post-16 provision (where applicable)", "Post-16 provision - date of judgement",
        "Leadership and governance", "Leadership and governance - date of judgement",
        "Inspection number of latest OEIF graded inspection", "Inspection type of latest OEIF graded inspection",
        "Inspection type grouping of latest OEIF graded inspection", "Event type grouping of latest OEIF graded inspection",
        "Inspection start date of latest OEIF graded inspection", "Publication date of latest OEIF graded inspection",
        "Does the latest OEIF graded inspection relate to the URN of the current school?",
        "URN at time of latest OEIF graded inspection", "LAESTAB at time of latest OEIF graded inspection",
        "School name at time of latest OEIF graded inspection", "School type at time of latest OEIF graded inspection",
        "Latest OEIF category of concern", "Latest OEIF overall effectiveness", "Latest OEIF quality of education",
        "Latest OEIF behaviour and attitudes", "Latest OEIF personal development",
        "Latest OEIF effectiveness of leadership and management", "Latest OEIF  safeguarding is effective?",
        "Latest OEIF early years provision (where applicable)", "Latest OEIF sixth form provision (where applicable)",
        "Latest ungraded inspection number", "Date of latest ungraded inspection", "Ungraded inspection publication date",
        "Does the ungraded inspection relate to the URN of the current school?", "URN at time of the ungraded inspection",
        "LAESTAB at time of the ungraded inspection", "School name at time of the ungraded inspection",
        "School type at time of the ungraded inspection", "Ungraded inspection overall outcome",
        "Most recent category of concern"
    ]

    func writeOfsted(_ out: ByteSink) -> Int {
        out.line(TrustGenerator.ofstedHeader)
        var lines = 1
        let outsiders = [(100_017, "Hollowfield Infant School"), (100_018, "Kingsmoor Junior School")]
        for school in schools {
            out.line(ofstedRow(urn: school.urn, name: school.name, la: school.laName, index: school.index))
            lines += 1
        }
        for (k, (urn, name)) in outsiders.enumerated() {
            out.line(ofstedRow(urn: String(urn), name: name, la: options.localAuthorities[0], index: 100 + k))
            lines += 1
        }
        return lines
    }

    /// One school's row. `index` picks its inspection history (the first four fixed, the rest cycle).
    private func ofstedRow(urn: String, name: String, la: String, index: Int) -> [String] {
        var cells = [String](repeating: "NULL", count: TrustGenerator.ofstedHeader.count)
        func set(_ heading: String, _ value: String) {
            if let i = TrustGenerator.ofstedHeader.firstIndex(of: heading) { cells[i] = value }
        }
        let y = options.currentYear.startYear
        set("Web Link (opens in new window)", "http://www.ofsted.gov.uk/inspection-reports/find-inspection-report/provider/ELS/\(urn)")
        set("URN", urn)
        set("School name", name)
        set("Ofsted phase", "Primary")
        set("Type of education", "Academy converter")
        set("Admissions policy", "Not applicable")
        set("Sixth form", "Does not have a sixth form")
        set("Designated religious character", "Does not apply")
        set("Religious ethos", "Does not apply")
        set("Faith grouping", "Non-faith")
        set("Ofsted region", "East of England")
        set("Region", "East of England")
        set("Local authority", la)
        set("Multi-academy trust name", options.trustName.uppercased())
        set("Statutory lowest age", "4")
        set("Statutory highest age", "11")
        // (overall, sub-judgements, graded date, type, ungraded date and outcome)
        let patterns: [(String, String, CalendarDate, String, (CalendarDate, String)?)] = [
            ("2", "2", CalendarDate(year: y - 4, month: 11, day: 9)!, "S5 Inspection",
             (CalendarDate(year: y - 1, month: 2, day: 6)!, "School remains Good")),
            ("3", "3", CalendarDate(year: y - 2, month: 3, day: 14)!, "S5 Inspection", nil),
            ("Not judged", "2", CalendarDate(year: y, month: 11, day: 5)!, "S5 Inspection", nil),
            ("2", "2", CalendarDate(year: y - 3, month: 6, day: 22)!, "Academy First Section 5", nil),
            ("1", "1", CalendarDate(year: y - 6, month: 5, day: 2)!, "S5 Inspection",
             (CalendarDate(year: y - 2, month: 10, day: 3)!, "School remains Outstanding")),
        ]
        let p = patterns[index < 4 ? index : index % patterns.count]
        set("Inspection number of latest OEIF graded inspection", String(10_200_000 + index * 131))
        set("Inspection type of latest OEIF graded inspection", p.3)
        set("Inspection type grouping of latest OEIF graded inspection", p.3)
        set("Event type grouping of latest OEIF graded inspection", "Schools - S5")
        set("Inspection start date of latest OEIF graded inspection", p.2.uk)
        set("Publication date of latest OEIF graded inspection", CalendarDate(dayNumber: p.2.dayNumber + 35).uk)
        set("Does the latest OEIF graded inspection relate to the URN of the current school?", "Yes")
        set("URN at time of latest OEIF graded inspection", urn)
        set("School name at time of latest OEIF graded inspection", name)
        set("School type at time of latest OEIF graded inspection", "Academy converter")
        set("Latest OEIF category of concern", "")
        set("Latest OEIF overall effectiveness", p.0)
        for area in ["Latest OEIF quality of education", "Latest OEIF behaviour and attitudes", "Latest OEIF personal development",
                     "Latest OEIF effectiveness of leadership and management", "Latest OEIF early years provision (where applicable)"] {
            set(area, p.1)
        }
        set("Latest OEIF  safeguarding is effective?", "Yes")
        set("Latest OEIF sixth form provision (where applicable)", "9")
        set("Most recent category of concern", "")
        if let (date, outcome) = p.4 {
            set("Latest ungraded inspection number", String(10_300_000 + index * 17))
            set("Date of latest ungraded inspection", date.uk)
            set("Ungraded inspection publication date", CalendarDate(dayNumber: date.dayNumber + 30).uk)
            set("Does the ungraded inspection relate to the URN of the current school?", "Yes")
            set("URN at time of the ungraded inspection", urn)
            set("School name at time of the ungraded inspection", name)
            set("School type at time of the ungraded inspection", "Academy converter")
            set("Ungraded inspection overall outcome", outcome)
        }
        return cells
    }
}
