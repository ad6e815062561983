/// The KS2 results' rows (`KS2Importer.read`). Row-level problems reject the row; a problem confined to
/// one subject keeps the row with a warning (see `KS2Importer`).
struct KS2Rows: TableRowHandler {
    let register: SchoolRegister
    let displayName: String
    /// (year, UPN) of every pupil read, across files.
    private(set) var seen: Set<String>
    private(set) var pupils: [KS2Pupil] = []
    private var lookup: KS2Importer.CodeLookup
    /// `KS2SubjectResult.score` made once per score on the scale (a file repeats the same few dozen).
    private var scores = [KS2SubjectResult?](repeating: nil, count: KS2Standard.scale.count)
    private var columns: Columns?
    private var urns: RegisteredURN

    init(register: SchoolRegister, codes: KS2CodeTable, seen: Set<String>, displayName: String) {
        self.register = register
        self.displayName = displayName
        self.seen = seen
        lookup = KS2Importer.CodeLookup(codes: codes)
        urns = RegisteredURN(register: register)
    }

    /// Where each column sits in this file, found once rather than by name in every row.
    private struct Columns {
        let year, urn, upn, surname, forename, writing, fftWriting: Int?
        let tests: [(score: Int?, outcome: Int?)]   // in `KS2Subject.tests` order
        let fft: [Int?]                               // reading, maths, gps, rwm_chance
        let gender, disadvantaged, sen, eal: Int?

        init(_ map: HeaderMap) {
            year = map.index(of: "academic_year"); urn = map.index(of: "urn"); upn = map.index(of: "upn")
            surname = map.index(of: "surname"); forename = map.index(of: "forename")
            writing = map.index(of: "writing"); fftWriting = map.index(of: "fft_writing")
            tests = KS2Subject.tests.map { (map.index(of: $0.rawValue), map.index(of: "\($0.rawValue)_outcome")) }
            fft = ["fft_reading", "fft_maths", "fft_gps", "fft_rwm_chance"].map(map.index(of:))
            gender = map.index(of: "gender"); disadvantaged = map.index(of: "disadvantaged")
            sen = map.index(of: "sen"); eal = map.index(of: "eal")
        }
    }

    mutating func begin(_ map: HeaderMap) {
        columns = Columns(map)
    }

    /// Takes a row with nothing to report: every subject a score on the scale or a code of the table
    /// (no outcome column filled in), every characteristic and estimate blank or plainly valid.
    mutating func plain(_ row: CSVRawRow) -> Bool {
        guard let c = columns,
              let year = row.academicYear(c.year),
              let urn = urns.read(row, c.urn)?.urn,
              let upn = row.permanentUPN(c.upn),
              let reading = plainTest(row, c.tests[0], year: year),
              let maths = plainTest(row, c.tests[1], year: year),
              let gps = plainTest(row, c.tests[2], year: year),
              let writingText = row.text(c.writing),
              let writing = coded(writingText, kind: .writing, year: year),
              let gender = row.optional(c.gender, ValueParsers.genderBytes),
              let disadvantaged = row.optional(c.disadvantaged, ValueParsers.boolBytes),
              let sen = row.optional(c.sen, ValueParsers.senBytes),
              let eal = row.optional(c.eal, ValueParsers.ealBytes),
              let fftReading = row.decimal(c.fft[0], in: 70...130),
              let fftMaths = row.decimal(c.fft[1], in: 70...130),
              let fftGPS = row.decimal(c.fft[2], in: 70...130),
              let rwmChance = row.decimal(c.fft[3], in: 0...100)
        else { return false }
        let band = row.text(c.fftWriting)
        if let band, KS2Standard.writingRank(band) == nil { return false }
        guard seen.insert("\(year)|\(upn)").inserted else { return false }
        pupils.append(KS2Pupil(
            year: year, urn: urn, upn: upn, surname: row.text(c.surname) ?? "", forename: row.text(c.forename) ?? "",
            characteristics: PupilCharacteristics(gender: gender, disadvantaged: disadvantaged, sen: sen, eal: eal),
            results: [.reading: reading, .maths: maths, .gps: gps, .writing: writing],
            estimates: FFTEstimates(reading: fftReading, maths: fftMaths, gps: fftGPS, writing: band?.uppercased(), rwmChance: rwmChance),
            file: displayName, line: row.line))
        return true
    }

    /// `KS2Importer.test` for a cell with nothing to report (a score on the scale without the special-
    /// consideration `+`, or a code of the table) and a blank outcome column; nil for any other.
    private mutating func plainTest(_ row: CSVRawRow, _ column: (score: Int?, outcome: Int?), year: AcademicYear) -> KS2SubjectResult? {
        guard row.isBlank(column.outcome), let text = row.text(column.score), text.utf8.last != 0x2B else { return nil }
        if let score = ValueParsers.quickInteger(row.cell(column.score)) {
            guard KS2Standard.scale.contains(score) else { return nil }
            let i = score - KS2Standard.scale.lowerBound
            if let made = scores[i], made.raw == text { return made }   // digits: equal text, equal bytes
            scores[i] = .score(score, raw: text, specialConsideration: false)
            return scores[i]
        }
        guard ValueParsers.integer(text) == nil else { return nil }
        return coded(text, kind: .test, year: year)
    }

    /// `KS2SubjectResult.coded(code, raw: text)` for the text's code in the table; nil when it has none.
    private mutating func coded(_ text: String, kind: KS2Code.Kind, year: AcademicYear) -> KS2SubjectResult? {
        guard let made = lookup.coded(text, kind: kind, year: year) else { return nil }
        // Remembered by `String` equality: reused only when its cell had this cell's bytes.
        if made.raw.utf8.elementsEqual(text.utf8) { return made }
        return lookup.code(text, kind: kind, year: year).map { .coded($0, raw: text) }
    }

    mutating func parse(_ row: inout RowParser) throws {
        let year = try row.requiredAcademicYear("academic_year")
        let urn = try row.urn()
        try register.check(urn, row: row)
        let upn = try row.upn()
        guard seen.insert("\(year)|\(upn.value)").inserted else {
            throw row.reject("upn", upn.value, .duplicateRow, "UPN \(upn.value) has two \(year) KS2 rows; the first is used.")
        }
        var results: [KS2Subject: KS2SubjectResult] = [:]
        for subject in KS2Subject.tests {
            results[subject] = KS2Importer.test(&row, subject, year: year, codes: &lookup)
        }
        results[.writing] = KS2Importer.writing(&row, year: year, codes: &lookup)
        let characteristics = PupilCharacteristics(
            gender: KS2Importer.soft(&row) { try $0.gender("gender") },
            disadvantaged: KS2Importer.soft(&row) { try $0.bool("disadvantaged") },
            sen: KS2Importer.soft(&row) { try $0.sen("sen") },
            eal: KS2Importer.soft(&row) { try $0.eal("eal") })
        var estimates = FFTEstimates(
            reading: KS2Importer.soft(&row) { try $0.decimal("fft_reading", in: 70...130) },
            maths: KS2Importer.soft(&row) { try $0.decimal("fft_maths", in: 70...130) },
            gps: KS2Importer.soft(&row) { try $0.decimal("fft_gps", in: 70...130) },
            writing: nil,
            rwmChance: KS2Importer.soft(&row) { try $0.decimal("fft_rwm_chance", in: 0...100) })
        if let band = row.text("fft_writing") {
            if KS2Standard.writingRank(band) != nil {
                estimates.writing = band.uppercased()
            } else {
                row.warn("fft_writing", band, .unknownCode, "`\(band)` is not a writing band (GDS, EXS, WTS, PK1–PK6, EM); the writing estimate is left out.")
            }
        }
        pupils.append(KS2Pupil(year: year, urn: urn, upn: upn.value, surname: row.text("surname") ?? "",
                               forename: row.text("forename") ?? "", characteristics: characteristics,
                               results: results, estimates: estimates, file: displayName, line: row.line))
    }
}
