/// KS2 results (`ks2.csv`): one row per pupil per academic year, in the trust's own layout or the STA
/// results-file style (an `AS`/`NS` outcome column beside each score; `104+` marks special
/// consideration). Cells that hold a code are read through the code table (`ks2-codes.csv`).
///
/// Row-level problems (URN, UPN, year, duplicate pupil) reject the row. A problem confined to one
/// subject (blank, unknown code, score off the 80–120 scale) keeps the row, leaves that subject out of
/// its denominator and is reported as a warning, so one bad cell never removes a pupil from every figure.
public enum KS2Importer {
    static func subjectColumn(_ name: String, _ aliases: [String]) -> ColumnSpec { ColumnSpec(name, aliases: aliases) }

    public static let schema = DatasetSchema(dataset: KS2Slice.id, columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "Test Year", "Assessment Year", "Year"], required: true),
    ] + PupilsImporter.identityColumns + [
        // The STA's own headings too (results download from the Primary Assessment Gateway / NCA tools:
        // "English reading scaled score", "English reading outcome", …, "English writing teacher
        // assessment"); raw-score columns are not read (the scaled score is the result).
        ColumnSpec("reading", aliases: ["Reading", "Reading scaled score", "Reading score", "RD scaled score", "READ_SS",
                                        "English reading scaled score", "Reading SS", "KS2 reading scaled score"], required: true),
        ColumnSpec("maths", aliases: ["Maths", "Mathematics", "Maths scaled score", "Mathematics scaled score", "MAT_SS",
                                      "Maths SS", "KS2 maths scaled score", "KS2 mathematics scaled score"], required: true),
        ColumnSpec("gps", aliases: ["GPS", "EGPS", "Grammar, punctuation and spelling", "GPS scaled score", "Grammar punctuation and spelling scaled score", "GPS_SS",
                                    "English grammar, punctuation and spelling scaled score", "EGPS scaled score", "SPaG scaled score", "SPaG", "GPS SS"], required: true),
        ColumnSpec("writing", aliases: ["Writing", "Writing TA", "Writing teacher assessment", "Writing outcome", "WRIT_TA",
                                        "English writing teacher assessment", "English writing TA", "English writing", "Writing TA outcome"], required: true),
        ColumnSpec("reading_outcome", aliases: ["Reading outcome", "Reading expected standard", "Reading result", "Reading AS/NS",
                                                "English reading outcome", "English reading test outcome", "Reading test outcome"]),
        ColumnSpec("maths_outcome", aliases: ["Maths outcome", "Mathematics outcome", "Maths expected standard", "Maths result", "Maths AS/NS",
                                              "Mathematics test outcome", "Maths test outcome"]),
        ColumnSpec("gps_outcome", aliases: ["GPS outcome", "Grammar, punctuation and spelling outcome", "GPS expected standard", "GPS result", "GPS AS/NS",
                                            "English grammar, punctuation and spelling outcome", "English grammar, punctuation and spelling test outcome",
                                            "EGPS outcome", "SPaG outcome"]),
        ColumnSpec("fft_reading", aliases: ["FFT Reading", "FFT reading estimate", "Reading estimate", "Reading estimated scaled score"]),
        ColumnSpec("fft_maths", aliases: ["FFT Maths", "FFT maths estimate", "Maths estimate", "Maths estimated scaled score"]),
        ColumnSpec("fft_gps", aliases: ["FFT GPS", "FFT GPS estimate", "GPS estimate", "GPS estimated scaled score"]),
        ColumnSpec("fft_writing", aliases: ["FFT Writing", "FFT writing estimate", "Writing estimate", "Writing estimated band"]),
        ColumnSpec("fft_rwm_chance", aliases: ["FFT RWM chance", "RWM chance", "RWM EXS chance", "Chance of RWM expected"]),
    ] + PupilsImporter.characteristicColumns)

    /// `seen` carries (year, UPN) across several files so a pupil listed twice is caught.
    public static func read(path: String, displayName: String, options: FileOptions = [:],
                            register: SchoolRegister, codes: KS2CodeTable,
                            seen: inout Set<String>) throws -> ImportOutcome<KS2Pupil> {
        var rows = KS2Rows(register: register, codes: codes, seen: seen, displayName: displayName)
        defer { seen = rows.seen }
        let (stats, issues) = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .stream(into: &rows)
        return ImportOutcome(records: rows.pupils, stats: stats, issues: issues)
    }

    /// A value whose problem should be reported but not cost the row.
    static func soft<T>(_ row: inout RowParser, _ read: (RowParser) throws -> T?) -> T? {
        do {
            return try read(row)
        } catch let r as RowRejection {
            row.warnings.append(DataQualityIssue(
                file: row.file, line: row.line, column: r.column, value: r.value, code: r.code,
                message: "\(r.message) The value is left out; the row is kept.", severity: .warning, urn: row.urn, upn: row.upn))
            return nil
        } catch {
            return nil
        }
    }

    static func test(_ row: inout RowParser, _ subject: KS2Subject, year: AcademicYear, codes: inout CodeLookup) -> KS2SubjectResult {
        let column = subject.rawValue
        let outcomeColumn = "\(column)_outcome"
        let outcome = row.text(outcomeColumn)?.uppercased()
        var cell = row.text(column)
        // STA style: the score cell says `-` or `N/A` when the outcome column carries a code instead.
        if let c = cell, outcome != nil, ["-", "N/A", "NA"].contains(c.uppercased()) { cell = nil }
        // STA style: the outcome column may carry the code when there is no score.
        if cell == nil, let outcome, outcome != "AS", outcome != "NS" { cell = outcome }
        guard var text = cell else {
            row.warn(column, "", .missingValue, "\(subject.label) is blank; the pupil is left out of the \(subject.label) figures (as M, missing). Enter the score or code.")
            return .notCounted(raw: "", reason: "blank")
        }
        let raw = text
        var special = false
        if text.hasSuffix("+") {
            special = true
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if let score = ValueParsers.integer(text) {
            guard KS2Standard.scale.contains(score) else {
                row.warn(column, raw, .outOfRange, "\(score) is off the KS2 scaled-score scale (80–120); the pupil is left out of the \(subject.label) figures.")
                return .notCounted(raw: raw, reason: "\(raw) is not a scaled score")
            }
            if let outcome, (outcome == "AS") != (Double(score) >= KS2Standard.expected), outcome == "AS" || outcome == "NS" {
                row.warn(outcomeColumn, outcome, .inconsistentValues, "The outcome \(outcome) disagrees with the scaled score \(score) (expected standard is 100+); the score is used.")
            }
            return .score(score, raw: raw, specialConsideration: special)
        }
        guard !special, let code = codes.code(text, kind: .test, year: year) else {
            row.warn(column, raw, .unknownCode, "`\(raw)` is neither a scaled score nor a KS2 test code for \(year) in ks2-codes.csv; the pupil is left out of the \(subject.label) figures.")
            return .notCounted(raw: raw, reason: "unknown code \(raw)")
        }
        return .coded(code, raw: raw)
    }

    static func writing(_ row: inout RowParser, year: AcademicYear, codes: inout CodeLookup) -> KS2SubjectResult {
        guard let text = row.text("writing") else {
            row.warn("writing", "", .missingValue, "Writing is blank; the pupil is left out of the writing and RWM figures (as missing). Enter the TA outcome or code.")
            return .notCounted(raw: "", reason: "blank")
        }
        guard let code = codes.code(text, kind: .writing, year: year) else {
            row.warn("writing", text, .unknownCode, "`\(text)` is not a writing TA outcome or code for \(year) in ks2-codes.csv; the pupil is left out of the writing and RWM figures.")
            return .notCounted(raw: text, reason: "unknown code \(text)")
        }
        return .coded(code, raw: text)
    }

    /// The code table's answers remembered for one read: a file holds a few codes (EXS, WTS, A...) over
    /// and over, and each table lookup upper-cases every code of the kind. The answers are the table's.
    struct CodeLookup {
        let codes: KS2CodeTable
        private var answers: [Ask: Answer] = [:]

        private struct Ask: Hashable {
            let text: String
            let kind: KS2Code.Kind
            let year: AcademicYear
        }

        /// The code, and the result a cell of the text gets (`KS2SubjectResult.coded`).
        private struct Answer {
            let code: KS2Code?
            let result: KS2SubjectResult?
        }

        init(codes: KS2CodeTable) { self.codes = codes }

        mutating func code(_ text: String, kind: KS2Code.Kind, year: AcademicYear) -> KS2Code? {
            answer(text, kind: kind, year: year).code
        }

        /// `KS2SubjectResult.coded(code, raw: text)` for the text's code, made once per text (its `raw` is the
        /// first text asked: `String` equality also equates two spellings of one accented letter).
        mutating func coded(_ text: String, kind: KS2Code.Kind, year: AcademicYear) -> KS2SubjectResult? {
            answer(text, kind: kind, year: year).result
        }

        private mutating func answer(_ text: String, kind: KS2Code.Kind, year: AcademicYear) -> Answer {
            let ask = Ask(text: text, kind: kind, year: year)
            if let known = answers[ask] { return known }
            let code = codes.code(text, kind: kind, year: year)
            let answer = Answer(code: code, result: code.map { KS2SubjectResult.coded($0, raw: text) })
            answers[ask] = answer
            return answer
        }
    }
}
