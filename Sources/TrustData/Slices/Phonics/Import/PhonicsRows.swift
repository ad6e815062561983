/// The phonics results' rows (`PhonicsImporter.read`): a mark and an outcome that disagree are kept with
/// a warning; the mark decides met/not met, while an A/D/L/Q code beside a mark wins.
struct PhonicsRows: TableRowHandler {
    let register: SchoolRegister?
    let codes: PhonicsCodeTable
    let maxMark: Int
    private(set) var records: [PhonicsRecord] = []
    /// (year, UPN) of every pupil read.
    private var seen: Set<String> = []
    private var columns: Columns?
    private var urns: RegisteredURN
    /// The last outcome text looked up and its code (a file repeats `Wa` and `Wt`); the table's answer.
    private var lastCodeText = "", lastCode: PhonicsCodeTable.Code?

    init(register: SchoolRegister?, codes: PhonicsCodeTable, maxMark: Int) {
        self.register = register
        self.codes = codes
        self.maxMark = maxMark
        urns = RegisteredURN(register: register)
    }

    /// Where each column sits in this file, found once rather than by name in every row.
    private struct Columns {
        let year, urn, upn, surname, forename, yearGroup, mark, outcome: Int?
        let gender, disadvantaged, sen, eal: Int?

        init(_ map: HeaderMap) {
            year = map.index(of: "academic_year"); urn = map.index(of: "urn"); upn = map.index(of: "upn")
            surname = map.index(of: "surname"); forename = map.index(of: "forename")
            yearGroup = map.index(of: "year_group"); mark = map.index(of: "mark"); outcome = map.index(of: "outcome")
            gender = map.index(of: "gender"); disadvantaged = map.index(of: "disadvantaged")
            sen = map.index(of: "sen"); eal = map.index(of: "eal")
        }
    }

    mutating func begin(_ map: HeaderMap) {
        columns = Columns(map)
    }

    /// Takes a Year 1 or 2 row whose mark and outcome code (either may be blank, not both) agree.
    mutating func plain(_ row: CSVRawRow) -> Bool {
        guard let c = columns,
              let year = row.academicYear(c.year),
              let urn = urns.read(row, c.urn)?.urn,
              let upn = row.permanentUPN(c.upn),
              let yearGroup = row.ascii(c.yearGroup).flatMap(ValueParsers.yearGroupBytes), yearGroup == 1 || yearGroup == 2,
              let mark = row.integer(c.mark, in: 0...maxMark),
              let gender = row.optional(c.gender, ValueParsers.genderBytes),
              let disadvantaged = row.optional(c.disadvantaged, ValueParsers.boolBytes),
              let sen = row.optional(c.sen, ValueParsers.senBytes),
              let eal = row.optional(c.eal, ValueParsers.ealBytes)
        else { return false }
        let codeText = row.text(c.outcome)
        var code: PhonicsCodeTable.Code?
        if let codeText {
            guard let known = self.code(codeText) else { return false }
            code = known
        }
        let outcome: PhonicsRecord.Outcome
        if let mark {
            guard let threshold = codes.threshold(year) else { return false }
            let byMark: PhonicsRecord.Outcome = mark >= threshold ? .met : .notMet
            if let counts = code?.countsAs, counts == .excluded || counts == .notMetCounted || (counts == .met) != (byMark == .met) { return false }
            outcome = byMark
        } else if let code {
            outcome = PhonicsRows.outcome(code)
        } else {
            return false
        }
        guard seen.insert("\(year)|\(upn)").inserted else { return false }
        records.append(PhonicsRecord(
            year: year, urn: urn, upn: upn, surname: row.text(c.surname), forename: row.text(c.forename),
            yearGroup: yearGroup, mark: mark, outcome: outcome,
            characteristics: PupilCharacteristics(gender: gender, disadvantaged: disadvantaged, sen: sen, eal: eal)))
        records[records.count - 1].line = row.line
        return true
    }

    /// `codes.code(text)`, remembered for the last text (the table's answer depends on the text alone).
    private mutating func code(_ text: String) -> PhonicsCodeTable.Code? {
        if text != lastCodeText {
            lastCodeText = text
            lastCode = codes.code(text)
        }
        return lastCode
    }

    static func outcome(_ code: PhonicsCodeTable.Code) -> PhonicsRecord.Outcome {
        switch code.countsAs {
        case .met: return .met
        case .notMet: return .notMet
        case .excluded: return .excluded(code: code.code)
        case .notMetCounted: return .notMetCounted(code: code.code)
        }
    }

    mutating func parse(_ row: inout RowParser) throws {
        let year = try row.requiredAcademicYear("academic_year")
        let urn = try row.urn()
        try register?.check(urn, row: row)
        let upn = try row.upn().value
        let yearGroup = try row.requiredYearGroup("year_group")
        guard yearGroup == 1 || yearGroup == 2 else {
            throw row.reject("year_group", row.text("year_group"), .outOfRange,
                             "The phonics check is taken in Year 1 and retaken in Year 2; year group \(yearGroup) is not used.")
        }
        guard seen.insert("\(year)|\(upn)").inserted else {
            throw row.reject("upn", upn, .duplicateRow, "UPN \(upn) has two phonics rows for \(year); the first is used.")
        }
        let mark = try row.integer("mark", in: 0...maxMark)
        let codeText = row.text("outcome")
        let code = try codeText.map { text -> PhonicsCodeTable.Code in
            guard let code = codes.code(text) else {
                throw row.reject("outcome", text, .unknownCode,
                                 "`\(text)` is not a phonics outcome code in phonics-codes.csv (Wa, Wt, A, D, L, Q).")
            }
            return code
        }
        let outcome: PhonicsRecord.Outcome
        if let mark {
            guard let threshold = codes.threshold(year) else {
                throw row.reject("academic_year", year.description, .unknownCode,
                                 "phonics-thresholds.csv has no threshold for \(year); add the year's pass mark there.")
            }
            let byMark: PhonicsRecord.Outcome = mark >= threshold ? .met : .notMet
            switch code?.countsAs {
            case .excluded?, .notMetCounted?:
                outcome = PhonicsRows.outcome(code!)
                row.warn("mark", "\(mark)", .inconsistentValues,
                         "The pupil has a mark (\(mark)) and the outcome `\(code!.code)` (\(code!.meaning)); the outcome is used and the mark ignored.")
            case let counts? where (counts == .met) != (byMark == .met):
                outcome = byMark
                row.warn("outcome", code!.code, .inconsistentValues,
                         "The mark \(mark) is \(byMark == .met ? "at or above" : "below") the \(year) threshold of \(threshold) but the outcome is `\(code!.code)`; the mark is used.")
            default:
                outcome = byMark
            }
        } else if let code {
            outcome = PhonicsRows.outcome(code)
        } else {
            throw row.reject("mark", "", .missingValue, "The row has neither a mark nor an outcome code.")
        }
        records.append(PhonicsRecord(year: year, urn: urn, upn: upn, surname: row.text("surname"), forename: row.text("forename"),
                                     yearGroup: yearGroup, mark: mark, outcome: outcome,
                                     characteristics: try PupilsImporter.characteristics(row)))
        records[records.count - 1].line = row.line
    }
}
