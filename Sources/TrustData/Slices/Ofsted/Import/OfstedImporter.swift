/// Ofsted's management information for state-funded schools (latest inspections, one row per URN;
/// Ofsted publishes it monthly as "Management information - state-funded schools - latest inspections
/// at <date>"). Its columns change between releases, so they are matched by name: the report-card date
/// columns are `... - date of judgement` in one 2026 release and `... - date of grade` in another (both
/// are aliases). `NULL` marks an empty cell; grades are digits (OEIF 1–4, 9 not applicable) or words
/// (`Not judged`, report-card `Strong standard`, `Needs attention`, safeguarding `Met`); dates dd/mm/yyyy.
///
/// The file covers every school in England: rows for schools not in the register are skipped (they
/// count as accepted, and one note says how many); a register school with no row gets a warning.
public enum OfstedImporter {
    public static let schema = DatasetSchema(dataset: OfstedSlice.id, columns: [
        ColumnSpec("urn", aliases: ["URN"], required: true),
        ColumnSpec("school_name", aliases: ["School name"]),
        // Latest full inspection: report cards from November 2025.
        ColumnSpec("rc_type", aliases: ["Inspection type"]),
        ColumnSpec("rc_start", aliases: ["Inspection start date"]),
        ColumnSpec("rc_publication", aliases: ["Publication date"]),
        ColumnSpec("rc_relates", aliases: ["Does the latest full inspection relate to the URN of the current school?"]),
        ColumnSpec("rc_category_of_concern", aliases: ["Category of concern"]),
        ColumnSpec("rc_safeguarding", aliases: ["Safeguarding standards"]),
        ColumnSpec("rc_safeguarding_date", aliases: ["Safeguarding standards - date of judgement", "Safeguarding standards - date of grade"]),
    ] + OfstedRecord.reportCardAreas.map { area in
        ColumnSpec("rc_\(area.id)", aliases: [area.heading, "\(area.heading) (where applicable)"])
    } + [
        // Latest graded inspection under the education inspection framework (OEIF).
        ColumnSpec("oeif_type", aliases: ["Inspection type of latest OEIF graded inspection"]),
        ColumnSpec("oeif_start", aliases: ["Inspection start date of latest OEIF graded inspection"]),
        ColumnSpec("oeif_publication", aliases: ["Publication date of latest OEIF graded inspection"]),
        ColumnSpec("oeif_relates", aliases: ["Does the latest OEIF graded inspection relate to the URN of the current school?"]),
        ColumnSpec("oeif_overall", aliases: ["Latest OEIF overall effectiveness", "Overall effectiveness"]),
        ColumnSpec("oeif_safeguarding", aliases: ["Latest OEIF safeguarding is effective?", "Safeguarding is effective?"]),
        ColumnSpec("oeif_category_of_concern", aliases: ["Latest OEIF category of concern"]),
    ] + OfstedRecord.oeifAreas.map { area in
        ColumnSpec("oeif_\(area.id)", aliases: ["Latest OEIF \(area.heading)", "Latest OEIF \(area.heading) (where applicable)"])
    } + [
        ColumnSpec("previous_overall", aliases: ["Previous full inspection overall effectiveness", "Previous graded inspection overall effectiveness",
                                                 "Previous overall effectiveness"]),
        // Latest ungraded inspection.
        ColumnSpec("ungraded_date", aliases: ["Date of latest ungraded inspection"]),
        ColumnSpec("ungraded_outcome", aliases: ["Ungraded inspection overall outcome"]),
    ])

    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister) throws -> ImportOutcome<OfstedRecord> {
        var skipped = 0
        var outcome = try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row -> OfstedRecord? in
            let urn = try row.urn()
            guard register.contains(urn) else {
                skipped += 1
                return nil
            }
            return try record(urn: urn, row: &row)
        }
        var seen: Set<String> = []
        var kept: [OfstedRecord] = []
        for r in outcome.records {
            if seen.insert(r.urn).inserted { kept.append(r); continue }
            outcome.stats.rowsAccepted -= 1
            outcome.stats.rowsRejected += 1
            outcome.issues.append(DataQualityIssue(file: displayName, line: r.line, column: "URN", value: r.urn, code: .duplicateKey,
                                                   message: "URN \(r.urn) has a second row; the file has one row per school, so the first is used.",
                                                   severity: .rejected, urn: r.urn))
        }
        outcome.records = kept
        if skipped > 0 {
            outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: nil, value: nil, code: .outsideTrust,
                message: "\(skipped) row\(skipped == 1 ? "" : "s") for schools not in the register were skipped (the file covers every school in England).",
                severity: .info))
        }
        for school in register.schools where !seen.contains(school.urn) {
            outcome.issues.append(DataQualityIssue(file: displayName, line: nil, column: "URN", value: school.urn, code: .noRowForSchool,
                message: "\(school.name) (URN \(school.urn)) has no row in the Ofsted file; its card says so. A school new to its URN (e.g. after converting) may have none yet.",
                severity: .warning, urn: school.urn))
            outcome.stats.warnings += 1
        }
        return outcome
    }

    static func record(urn: String, row: inout RowParser) throws -> OfstedRecord {
        var record = OfstedRecord(urn: urn)
        record.line = row.line
        if let start = try date("rc_start", row) ?? date("rc_safeguarding_date", row) {
            var grades: [String: ReportCardGrade] = [:]
            for area in OfstedRecord.reportCardAreas {
                guard let t = value("rc_\(area.id)", row) else { continue }
                guard let parsed = ReportCardGrade.parse(t) else {
                    throw row.reject("rc_\(area.id)", t, .unknownCode,
                                     "`\(t)` is not a report-card grade (Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement, Not applicable).")
                }
                if let g = parsed { grades[area.id] = g }
            }
            var safeguarding: String?
            if let t = value("rc_safeguarding", row) {
                guard ["met", "not met"].contains(t.lowercased()) else {
                    throw row.reject("rc_safeguarding", t, .unknownCode, "`\(t)` is not a safeguarding judgement (Met, Not met).")
                }
                safeguarding = t.lowercased() == "met" ? "Met" : "Not met"
            }
            record.reportCard = .init(type: relates(value("rc_type", row), "rc_relates", row), start: start,
                                      publication: try date("rc_publication", row), safeguarding: safeguarding, grades: grades,
                                      categoryOfConcern: value("rc_category_of_concern", row))
        }
        if let start = try date("oeif_start", row) {
            var grades: [String: OEIFGrade] = [:]
            for area in OfstedRecord.oeifAreas {
                if let g = try grade("oeif_\(area.id)", row) { grades[area.id] = g }
            }
            var effective: Bool?
            if let t = value("oeif_safeguarding", row) {
                guard let b = ValueParsers.bool(t) else {
                    throw row.reject("oeif_safeguarding", t, .unknownCode, "`\(t)` is not a safeguarding answer (Yes, No).")
                }
                effective = b
            }
            record.graded = .init(type: relates(value("oeif_type", row), "oeif_relates", row), start: start,
                                  publication: try date("oeif_publication", row), overall: try grade("oeif_overall", row), grades: grades,
                                  safeguardingEffective: effective, categoryOfConcern: value("oeif_category_of_concern", row))
        }
        if let d = try date("ungraded_date", row) {
            record.ungraded = .init(date: d, outcome: value("ungraded_outcome", row))
        }
        record.previousOverall = try grade("previous_overall", row)
        if record.reportCard == nil && record.graded == nil && record.ungraded == nil {
            row.warn("urn", urn, .missingValue, "The school has no inspection in the file (every inspection column is NULL); its card says so.")
        }
        return record
    }

    /// The cell, or nil when blank or `NULL`.
    static func value(_ column: String, _ row: RowParser) -> String? {
        guard let t = row.text(column), t.uppercased() != "NULL" else { return nil }
        return t
    }

    static func date(_ column: String, _ row: RowParser) throws -> CalendarDate? {
        guard let t = value(column, row) else { return nil }
        guard let d = CalendarDate(parsing: t) else {
            throw row.reject(column, t, .invalidDate, "`\(t)` is not a date; the Ofsted file writes dd/mm/yyyy.")
        }
        return d
    }

    static func grade(_ column: String, _ row: RowParser) throws -> OEIFGrade? {
        guard let t = value(column, row) else { return nil }
        guard let parsed = OEIFGrade.parse(t) else {
            throw row.reject(column, t, .unknownCode, "`\(t)` is not an Ofsted grade (1–4, Outstanding, Good, Requires improvement, Inadequate, Not judged, 9).")
        }
        return parsed
    }

    /// The inspection type, marked when the inspection was of a predecessor school (before conversion).
    static func relates(_ type: String?, _ column: String, _ row: RowParser) -> String? {
        guard let answer = value(column, row), answer.lowercased() == "no" else { return type }
        return (type ?? "Inspection") + ", of the predecessor school"
    }
}
