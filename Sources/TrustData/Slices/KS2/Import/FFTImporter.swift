/// FFT Aspire estimates as their own file (`inputs.fft`, #17 item 3): one row per pupil (per benchmark),
/// keyed by UPN and the academic year of the KS2 results they estimate, joined to the KS2 results
/// (`KS2Slice.read`). Per subject: the estimated scaled score, the estimated band (FFT's letters B/W/N/A
/// or WTS/EXS/GDS, `FFTBand`) and the chance of the expected standard; the chance of the expected
/// standard in RWM; and the benchmark (FFT50/FFT20/FFT5) when the file says.
///
/// The headings FFT Aspire uses vary by report and year and are not published as a file layout; the
/// aliases below are the common forms ("Reading Estimated Scaled Score", "Reading Estimate", "Reading
/// EXS+ Chance", …). Anything else is mapped under `column_mappings: fft:`.
public enum FFTImporter {
    public static let dataset = "fft"

    static func subjectColumns(_ subject: String, _ names: [String]) -> [ColumnSpec] {
        [
            ColumnSpec("\(subject)_estimate", aliases: names.flatMap { ["\($0) Estimated Scaled Score", "\($0) Estimate", "\($0) Est SS", "\($0) Est. SS",
                                                                        "\($0) Estimated SS", "\($0) SS Estimate", "\($0) Scaled Score Estimate", "KS2 \($0) Estimate"] },
                       meaning: "estimated scaled score (tests)"),
            ColumnSpec("\(subject)_band", aliases: names.flatMap { ["\($0) Estimated Band", "\($0) Estimate Band", "\($0) Band", "\($0) FFT Band",
                                                                    "\($0) Estimated Outcome", "\($0) Estimate Grade", "\($0) Estimated Grade"] },
                       meaning: "estimated band: FFT's B/W/N/A or WTS/EXS/GDS (writing also PK1–PK6, EM)"),
            ColumnSpec("\(subject)_chance", aliases: names.flatMap { ["\($0) Chance EXS+", "\($0) EXS+ Chance", "\($0) Chance of EXS", "\($0) EXS+ %",
                                                                      "\($0) % Chance EXS+", "\($0) Chance of Expected Standard", "\($0) Expected Standard Chance", "\($0) Chance"] },
                       meaning: "chance (0–100) of reaching the expected standard"),
        ]
    }

    public static let schema = DatasetSchema(dataset: dataset, columns: [
        ColumnSpec("academic_year", aliases: ["Academic Year", "KS2 Year", "Estimate Year", "Year of KS2", "Year"], required: true,
                   meaning: "the year of the KS2 results the estimates are for (2024/25 or 2025)"),
        ColumnSpec("upn", aliases: ["UPN", "Unique Pupil Number"], required: true),
        ColumnSpec("urn", aliases: ["URN", "School URN"]),
        ColumnSpec("surname", aliases: ["Surname", "Legal Surname", "Last Name"]),
        ColumnSpec("forename", aliases: ["Forename", "Legal Forename", "First Name"]),
        ColumnSpec("benchmark", aliases: ["Benchmark", "FFT Benchmark", "Estimate Type", "Challenge", "Percentile", "Progress Benchmark"],
                   meaning: "FFT50, FFT20 or FFT5 (also 50/20/5, Average/High/Very high)"),
    ] + subjectColumns("reading", ["Reading"]) + subjectColumns("writing", ["Writing"])
      + subjectColumns("maths", ["Maths", "Mathematics"]) + subjectColumns("gps", ["GPS", "EGPS", "SPaG", "Grammar, punctuation and spelling"]) + [
        ColumnSpec("rwm_chance", aliases: ["RWM Chance", "RWM EXS+ Chance", "RWM Chance EXS+", "Chance of RWM expected", "RWM Combined Chance", "RWM EXS+ %"],
                   meaning: "chance (0–100) of the expected standard in reading, writing and maths"),
    ])

    /// One row of the file.
    struct Row: Sendable {
        let year: AcademicYear
        let upn: String
        let benchmark: String?
        let estimates: FFTEstimates
        let line: Int
    }

    /// FFT50 / FFT20 / FFT5 from how exports write it; nil for anything else.
    static func benchmark(_ text: String) -> String? {
        let t = text.uppercased().filter { !$0.isWhitespace }
        switch t {
        case "FFT50", "50", "50TH", "AVERAGE", "FFTAVERAGE": return "FFT50"
        case "FFT20", "20", "20TH", "HIGH", "FFTHIGH": return "FFT20"
        case "FFT5", "FFT05", "5", "5TH", "VERYHIGH", "FFTVERYHIGH": return "FFT5"
        default: return nil
        }
    }

    /// `72`, `72%` or `72.5` as a chance from 0 to 100.
    static func chance(_ row: RowParser, _ column: String) throws -> Double? {
        guard var t = row.text(column) else { return nil }
        if t.hasSuffix("%") { t.removeLast() }
        guard let v = ValueParsers.decimal(t.trimmingCharacters(in: .whitespaces)), (0...100).contains(v) else {
            throw row.reject(column, row.text(column), .outOfRange, "`\(row.text(column) ?? "")` is not a chance from 0 to 100 (%).")
        }
        return v
    }

    /// Reads the file: a row needs a year and a valid UPN; a bad value in one column is left out with a
    /// warning (the row's other estimates are kept); a pupil listed twice for one year and benchmark is
    /// rejected (the first row is used).
    static func read(path: String, displayName: String, options: FileOptions = [:]) throws -> ImportOutcome<Row> {
        var seen: Set<String> = []
        return try TableImporter(schema: schema, path: path, displayName: displayName, options: options).run { row -> Row? in
            let year = try row.requiredAcademicYear("academic_year")
            let upn = try row.upn().value
            var bench: String?
            if let text = row.text("benchmark") {
                guard let b = benchmark(text) else {
                    throw row.reject("benchmark", text, .unknownCode, "`\(text)` is not an FFT benchmark; use FFT50, FFT20 or FFT5.")
                }
                bench = b
            }
            guard seen.insert("\(year)|\(upn)|\(bench ?? "")").inserted else {
                throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two \(year) FFT rows\(bench.map { " at \($0)" } ?? ""); the first is used.")
            }
            var e = FFTEstimates()
            e.benchmark = bench
            for subject in KS2Subject.assessed {
                let name = subject.rawValue
                if subject.isTest, let score = KS2Importer.soft(&row, { try $0.decimal("\(name)_estimate", in: 70...130) }) {
                    switch subject {
                    case .reading: e.reading = score
                    case .maths: e.maths = score
                    default: e.gps = score
                    }
                }
                if let text = row.text("\(name)_band") {
                    if let band = FFTBand.normalise(text, subject: subject) {
                        e.bands[subject] = band
                    } else {
                        row.warn("\(name)_band", text, .unknownCode, "`\(text)` is not an FFT band (B, W, N, A or WTS, EXS, GDS\(subject == .writing ? ", PK1–PK6, EM" : "")); the \(subject.label) band is left out.")
                    }
                }
                if subject == .writing, row.text("writing_band") == nil, let text = row.text("writing_estimate") {
                    // A writing "estimate" is a band.
                    if let band = FFTBand.normalise(text, subject: .writing) { e.bands[.writing] = band }
                }
                if let c = KS2Importer.soft(&row, { try chance($0, "\(name)_chance") }) { e.chances[subject] = c }
            }
            e.rwmChance = KS2Importer.soft(&row) { try chance($0, "rwm_chance") }
            // Writing's band is what writing's status compares with (`FFTEstimates.writing`).
            if let w = e.bands[.writing], w != "BLW" { e.writing = w }
            return Row(year: year, upn: upn, benchmark: bench, estimates: e, line: row.line)
        }
    }
}
