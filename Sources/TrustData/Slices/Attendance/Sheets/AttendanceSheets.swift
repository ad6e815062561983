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
        ws.setLandscape(); ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 14, 13)
        try ws.write(0, 0, .string("Attendance — \(school.school.name) (URN \(school.school.urn)) — \(y.year)"), .title)
        if let reason = r.withheld {
            try ws.write(1, 0, .string(reason), .subtitle)
            return
        }
        try ws.write(1, 0, .string("Date window: \(y.windowText). Rates are over possible sessions; persistent absence = missed \(CSVText.number(context.config.attendance.persistentAbsenceThreshold))% or more of own possible sessions, severe = \(CSVText.number(context.config.attendance.severeAbsenceThreshold))% or more (DfE)."), .subtitle)
        var row = 3
        try ws.writeRow(row, groupHeader.map(CellValue.string), from: 0, .header)
        try ws.repeatRows(first: row, last: row)
        ws.freezePanes(row: row + 1, col: 1)
        row += 1
        for g in y.groups {
            try writeGroup(ws, row: row, label: g.group.label, g.group.rawValue, g.figures, school: school.school, year: y.year, context: context)
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
            try ws.writeRow(row, [.string(a.upn), .string(a.name), .optionalNumber(a.yearGroup.map(Double.init)), .number(Double(a.possible)),
                                  .number(Double(a.missed)), .percent(a.rate / 100), .number(Double(a.authorised)),
                                  .number(Double(a.unauthorised)), .string(a.severe ? "Yes" : "")])
            row += 1
        }
    }

    static func writeGroup(_ ws: Worksheet, row: Int, label: String, _ group: String, _ f: AttendanceFigures, school: School?,
                           year: AcademicYear, context: AnalysisContext) throws {
        let national = { (id: String) in context.benchmarks.national(year, "attendance.\(id)", group)?.value }
        let la = school.flatMap { context.benchmarks.la(year, $0.laName, "attendance.persistent_absence", group)?.value }
        try ws.writeRow(row, [
            .string(label), .number(Double(f.enrolments)), .number(Double(f.possible)),
            pct(f.attendanceRate), pct(f.overallAbsence), pct(f.authorisedAbsence), pct(f.unauthorisedAbsence),
            .number(Double(f.persistent)), pct(f.persistentAbsence), .number(Double(f.severe)), pct(f.severeAbsence),
            .optionalPercent(national("overall_absence")), .optionalPercent(national("persistent_absence")), .optionalPercent(la),
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
        try ws.write(1, 0, .string("Date window: \(y.windowText). The trust row pools every enrolment (never an average of school rates)."), .subtitle)
        var row = 3
        try ws.writeRow(row, (["School"] + groupHeader.dropFirst().dropLast() + ["Date window"]).map(CellValue.string), from: 0, .header)
        ws.freezePanes(row: row + 1, col: 1)
        row += 1
        for s in trust.schools {
            guard let sy = s.attendance?.years.first(where: { $0.year == y.year }) else { continue }
            try writeGroup(ws, row: row, label: s.school.name, "all", sy.all, school: s.school, year: y.year, context: context)
            try ws.write(row, 14, .string(sy.windowText))
            row += 1
        }
        try writeGroup(ws, row: row, label: "Trust (all pupils)", "all", y.all, school: nil, year: y.year, context: context)
        try ws.write(row, 0, .string("Trust (all pupils)"), CellFormat(bold: true))
        try ws.write(row, 14, .string(y.windowText))
    }
}
