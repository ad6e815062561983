/// In-year teacher assessments and standardised test results for Years 3–5 (`assessments.csv`), with
/// each pupil's FFT end-of-year estimate, so the termly outcomes meeting covers every year group, not
/// only Year 6. One row per pupil, subject and term: a working-at band (`WTS`, `EXS`, `GDS`, or
/// `PK1`–`PK6`, `EM`) or a standardised score (a standardised test's 100 is the national average),
/// and the estimate in the same form.
public enum AssessmentsImporter {
    public static let schema = DatasetSchema(dataset: "assessments", columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Year of Assessment"], required: true),
    ] + PupilsImporter.identityColumns + [
        ColumnSpec("year_group", aliases: ["Year", "NC Year", "Year Group", "NCY"], required: true),
        ColumnSpec("subject", aliases: ["Subject", "Aspect"], required: true),
        ColumnSpec("term", aliases: ["Term", "Assessment Point", "Collection"], required: true),
        ColumnSpec("working_at", aliases: ["Working At", "Teacher Assessment", "TA", "Band", "Judgement"]),
        ColumnSpec("standardised_score", aliases: ["Standardised Score", "Standardized Score", "SAS", "Score"]),
        ColumnSpec("fft_estimate", aliases: ["FFT Estimate", "FFT20 Estimate", "Estimate"]),
    ] + PupilsImporter.characteristicColumns)

    /// Standardised scores a test reports (NFER and similar tests: 69/70 to 140/141).
    public static let scoreRange: ClosedRange<Double> = 60...145

    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister?) throws -> ImportOutcome<AssessmentRecord> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row in
            let year = try row.requiredAcademicYear("academic_year")
            let urn = try row.urn()
            try register?.check(urn, row: row)
            let upn = try row.upn().value
            let yearGroup = try row.requiredYearGroup("year_group")
            guard AssessmentRecord.yearGroups.contains(yearGroup) else {
                throw row.reject("year_group", row.text("year_group"), .outOfRange,
                                 "In-year assessments are read for Years 3 to 5 (Year 6 has the KS2 results); year group \(yearGroup) is not used.")
            }
            let subjectText = try row.require("subject")
            guard let subject = AssessmentRecord.Subject(text: subjectText) else {
                throw row.reject("subject", subjectText, .unknownCode, "`\(subjectText)` is not a subject here; use reading, writing, maths or GPS.")
            }
            let termText = try row.require("term")
            guard let term = AssessmentRecord.Term(text: termText) else {
                throw row.reject("term", termText, .unknownCode, "`\(termText)` is not a term; use autumn, spring or summer.")
            }
            let result = try Self.result(row)
            let estimate = try Self.estimate(row, like: result)
            guard seen.insert("\(year)|\(upn)|\(subject.rawValue)|\(term.rawValue)").inserted else {
                throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two \(subject.label) rows for \(term.label) \(year); the first is used.")
            }
            return AssessmentRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                    yearGroup: yearGroup, subject: subject, term: term, result: result, estimate: estimate,
                                    characteristics: try PupilsImporter.characteristics(row))
        }
    }

    /// A band or a score, never both, never neither.
    static func result(_ row: RowParser) throws -> AssessmentRecord.Value {
        let band = row.text("working_at")
        let score = try row.decimal("standardised_score", in: scoreRange)
        switch (band, score) {
        case (let band?, nil):
            guard let known = AssessmentRecord.band(band) else {
                throw row.reject("working_at", band, .unknownCode, "`\(band)` is not a working-at band; use WTS, EXS or GDS (or PK1–PK6, EM).")
            }
            return .band(known)
        case (nil, let score?):
            return .score(score)
        case (nil, nil):
            throw row.reject("working_at", nil, .missingValue, "The row has neither a working-at band nor a standardised score.")
        case (let band?, let score?):
            throw row.reject("standardised_score", CSVText.number(score), .inconsistentValues,
                             "The row has both a working-at band (\(band)) and a standardised score; give one per row.")
        }
    }

    /// The FFT estimate in the same form as the result (band for a band, score for a score); nil when blank.
    static func estimate(_ row: RowParser, like result: AssessmentRecord.Value) throws -> AssessmentRecord.Value? {
        guard let text = row.text("fft_estimate") else { return nil }
        switch result {
        case .band:
            guard let band = AssessmentRecord.band(text) else {
                throw row.reject("fft_estimate", text, .inconsistentValues, "The result is a working-at band, so the FFT estimate must be a band (WTS, EXS, GDS…), not `\(text)`.")
            }
            return .band(band)
        case .score:
            guard let score = Double(text), scoreRange.contains(score) else {
                throw row.reject("fft_estimate", text, .inconsistentValues, "The result is a standardised score, so the FFT estimate must be a score between 60 and 145, not `\(text)`.")
            }
            return .score(score)
        }
    }
}
