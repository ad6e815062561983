/// The school "Attendance" sheet (headline, groups, year groups, persistently absent pupils) and the
/// trust side-by-side "Attendance" sheet. The date window is stated at the top of both.
public enum AttendanceSheets {
    static func pct(_ p: Proportion) -> CellValue { p.fraction.map(CellValue.percent) ?? .blank }

    static let groupHeader = ["Group", "Pupils", "Possible sessions", "Attendance rate", "Overall absence", "Authorised absence",
                              "Unauthorised absence", "Persistently absent (pupils)", "Persistent absence", "Severely absent (pupils)",
                              "Severe absence", "National overall absence", "National persistent absence", "LA persistent absence", "Note"]

    public static func writeSchoolSheets(_ r: AttendanceSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let y = r.lead(context.year) else { return }
        let ws = try workbook.addWorksheet("Attendance")
        ws.pupilLevel = true // persistently absent pupils are listed by name
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 14, 13)
        try ws.write(0, 0, .string("Attendance — \(school.school.name) (URN \(school.school.urn)) — \(y.year)"), .title)
        if let reason = r.withheld {
            try ws.write(1, 0, .string(reason), .subtitle)
            return
        }
        try ws.write(1, 0, .string("\(y.period.text.prefix(1).uppercased() + y.period.text.dropFirst()) (date window: \(y.windowText)). Rates are over possible sessions; persistent absence = missed \(CSVText.number(context.config.attendance.persistentAbsenceThreshold))% or more of own possible sessions, severe = \(CSVText.number(context.config.attendance.severeAbsenceThreshold))% or more (DfE)."), .subtitle)
        let left = RejectedPupils.note(r.measures.compactMap(\.leftOut).max())
        try writeNote(ws, comparisonNote(y, context: context) + (left.map { " " + $0 + "." } ?? ""))
        var row = 4
        try ws.writeRow(row, groupHeader.map(CellValue.string), from: 0, .header)
        try ws.repeatRows(first: row, last: row)
        ws.freezePanes(row: row + 1, col: 1)
        row += 1
        for g in y.groups {
            try writeGroup(ws, row: row, label: g.group.label, g.group.rawValue, g.figures, school: school.school, year: y.year,
                           period: y.period, context: context)
            row += 1
        }
        if y.notOnRoster > 0 {
            try ws.write(row, 0, .string("\(y.notOnRoster) pupil(s) with attendance but not on the roster count in All pupils only (see data-quality.csv)."), .note)
            row += 1
        }
        row += 1
        try ws.write(row, 0, .string("Persistently absent pupils (\(y.absentees.count)) — this school's pupils only"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["UPN", "Name", "Year group", "Possible sessions", "Sessions missed", "Absence rate", "Authorised", "Unauthorised", "Severe (50%+)"].map(CellValue.string), from: 0, .header)
        row += 1
        for a in y.absentees {
            try ws.writeRow(row, [.string(a.upn), .string(a.name), a.yearGroup.map { $0 == 0 ? CellValue.string("R") : .number(Double($0)) } ?? .blank, .number(Double(a.possible)),
                                  .number(Double(a.missed)), .percent(a.rate / 100), .number(Double(a.authorised)),
                                  .number(Double(a.unauthorised)), .string(a.severe ? "Yes" : "")])
            row += 1
        }
    }

    /// Scope and comparison, stated on both sheets: which pupils the headline covers (compulsory school
    /// age), which DfE figure the national and LA columns are and for which period, or that there is none.
    static func comparisonNote(_ y: AttendanceYear, context: AnalysisContext) -> String {
        let key = y.period.benchmark
        var parts: [String] = []
        parts.append("Scope (DfE absence statistics): pupils of compulsory school age, Year 1 and above; Reception is its own row and not in All pupils or any group"
                     + (y.belowCompulsoryAge > 0 ? " (\(y.belowCompulsoryAge) Reception/nursery enrolment\(y.belowCompulsoryAge == 1 ? "" : "s"))." : "."))
        if let n = context.benchmarks.national(y.year, .attendance(.overallAbsence), period: key) {
            var text = "National and LA: \(n.basisText), state-funded primary — the same period as the school's figures."
            let missing = [AttendanceMeasure.persistentAbsence, .severeAbsence].filter { context.benchmarks.national(y.year, .attendance($0), period: key) == nil }.map(\.rawValue)
            if !missing.isEmpty {
                text += " No \(missing.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " or ")) figure is published for this period: not rated."
            }
            if n.basis == .attendanceCollection { text += " The attendance collection is not the census-based absence statistics; their rates for a period can differ." }
            parts.append(text)
        } else {
            parts.append("No national or LA figure for the same period (\(y.period.text)): DfE's attendance collection publishes whole terms and year-to-date snapshots, and the absence statistics whole years, so these figures are shown without a rating.")
        }
        return parts.joined(separator: " ")
    }

    /// The scope and comparison note in row 3, wrapped across the table's width so the page keeps its scale.
    static func writeNote(_ ws: Worksheet, _ text: String) throws {
        try ws.merge(row: 2, firstCol: 0, lastCol: groupHeader.count - 1, text, CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        try ws.setRowHeight(2, Double(max(1, (text.count + 199) / 200)) * 12.5)
    }

    static func writeGroup(_ ws: Worksheet, row: Int, label: String, _ group: String, _ f: AttendanceFigures, school: School?,
                           year: AcademicYear, period: FigurePeriod, context: AnalysisContext) throws {
        // Only a benchmark for the same period is a comparison (DfE attendance collection by term).
        let national = { (m: AttendanceMeasure) in context.benchmarks.national(year, .attendance(m), MeasureGroup(group), period: period.benchmark)?.value }
        let la = school.flatMap { context.benchmarks.la(year, $0.laName, .attendance(.persistentAbsence), MeasureGroup(group), period: period.benchmark)?.value }
        try ws.writeRow(row, [
            .string(label), .number(Double(f.enrolments)), .number(Double(f.possible)),
            pct(f.attendanceRate), pct(f.overallAbsence), pct(f.authorisedAbsence), pct(f.unauthorisedAbsence),
            .number(Double(f.persistent)), pct(f.persistentAbsence), .number(Double(f.severe)), pct(f.severeAbsence),
            .optionalPercent(national(.overallAbsence)), .optionalPercent(national(.persistentAbsence)), .optionalPercent(la),
            .string(f.enrolments > 0 && f.enrolments < context.minGroupSize ? "Small group (fewer than \(context.minGroupSize))" : ""),
        ])
    }

    public static func writeTrustSheets(_ r: AttendanceTrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let y = r.lead(context.year) else { return }
        let ws = try workbook.addWorksheet("Attendance")
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 28)
        try ws.setColumnWidth(1, 14, 13)
        try ws.write(0, 0, .string("Attendance — \(context.config.trust) — \(y.year), school by school"), .title)
        try ws.write(1, 0, .string("\(y.period.text.prefix(1).uppercased() + y.period.text.dropFirst()) (date window: \(y.windowText)). The trust row pools every enrolment (never an average of school rates)."), .subtitle)
        let left = trust.schools.compactMap { s in s.attendance?.measures.compactMap(\.leftOut).max().map { "\(s.school.name) \($0)" } }
        try writeNote(ws, comparisonNote(y, context: context)
                      + (left.isEmpty ? "" : " Pupils left out: data problems, see Data quality — " + left.joined(separator: ", ") + "."))
        var row = 4
        try ws.writeRow(row, (["School"] + groupHeader.dropFirst().dropLast() + ["Date window"]).map(CellValue.string), from: 0, .header)
        ws.freezePanes(row: row + 1, col: 1)
        row += 1
        for s in trust.schools {
            guard let sy = s.attendance?.years.first(where: { $0.year == y.year }) else { continue }
            try writeGroup(ws, row: row, label: s.school.name, "all", sy.all, school: s.school, year: y.year, period: sy.period, context: context)
            try ws.write(row, 14, .string("\(sy.period.text) (\(sy.windowText))"))
            row += 1
        }
        try writeGroup(ws, row: row, label: "Trust (all pupils)", "all", y.all, school: nil, year: y.year, period: y.period, context: context)
        try ws.write(row, 0, .string("Trust (all pupils)"), CellFormat(bold: true))
        try ws.write(row, 14, .string("\(y.period.text) (\(y.windowText))"))
    }
}
