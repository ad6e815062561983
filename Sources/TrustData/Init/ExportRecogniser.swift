import Foundation

/// The default way a dataset recognises its exports (`Slice.recognise`): from its schema. The file's
/// headings are matched to the schema's columns by name and alias as an import would match them; a
/// required column missing by name is taken from a near heading (`HeadingHint`) as a column mapping, or
/// from the file or folder name (a URN or academic year) as a fixed value; values are then checked
/// (URNs six digits, UPNs with their check letter, years and dates that parse).
public enum ExportRecogniser {
    /// `laidOut`: headings the layout itself explains (a wide attendance file's dated columns), counted
    /// as matched and not listed as unused.
    public static func match(_ sample: ExportSample, schema: DatasetSchema, layout: String? = nil,
                             fixedValuesSupported: Bool = true, laidOut: Set<Int> = []) -> ExportMatch {
        let layout = layout ?? describe(schema.dataset, headings: sample.headings)
        let normalised = sample.headings.map(DatasetSchema.normalise)
        var positions: [String: Int] = [:]
        for column in schema.columns {
            let names = ([column.name] + column.aliases).map(DatasetSchema.normalise)
            let taken = Set(positions.values)
            if let i = names.lazy.compactMap({ n in normalised.indices.first { normalised[$0] == n && !taken.contains($0) } }).first {
                positions[column.name] = i
            }
        }
        var match = ExportMatch(inputKey: schema.dataset, layout: layout, confidence: 0)
        match.matched = positions.count + laidOut.count
        var guessed = 0
        for column in schema.columns where column.required && positions[column.name] == nil {
            var taken = Set(positions.values)
            for (name, i) in positions { _ = name; taken.insert(i) }
            if let heading = HeadingHint.closest(to: column, header: sample.headings, taken: taken),
               let i = sample.headings.firstIndex(of: heading) {
                positions[column.name] = i
                match.columnMappings[column.name] = heading
                guessed += 1
            } else if let fixed = FixedValueGuess.value(for: column.name, in: sample) {
                match.fixedValues[column.name] = fixed
                if !fixedValuesSupported {
                    match.missing.append(column.name)
                    match.notes.append("`\(column.name)` \(fixed.value) is in its \(fixed.from), but this input takes no fixed values")
                }
            } else {
                match.missing.append(column.name)
            }
        }
        let used = Set(positions.values).union(laidOut)
        match.unused = sample.headings.indices.filter { !used.contains($0) && !sample.headings[$0].isEmpty }.map { sample.headings[$0] }
        var checked = 0.0, good = 0.0
        for (name, i) in positions.sorted(by: { $0.value < $1.value }) {
            guard let check = ValueCheck.forColumn(name) else { continue }
            let values = sample.values(i)
            guard !values.isEmpty else { continue }
            let fine = values.filter(check.accepts).count
            checked += 1
            good += Double(fine) / Double(values.count)
            if fine * 10 < values.count * 9 {
                match.notes.append("`\(sample.headings[i])`: \(values.count - fine) of \(values.count) values are not \(check.what)")
            }
        }
        let headings = max(1, sample.headings.filter { !$0.isEmpty }.count)
        let explained = Double(positions.count + laidOut.count - guessed) / Double(headings) + 0.5 * Double(guessed) / Double(headings)
        let valid = checked == 0 ? 1 : good / checked
        match.confidence = match.placed ? min(1, explained) * valid : 0
        return match
    }
}

extension ExportRecogniser {
    /// Each input's layout in the data manager's words (`Slice.recognise` overrides it where the
    /// headings alone say more, as the wide attendance layouts).
    static func describe(_ dataset: String, headings: [String]) -> String {
        let words = headings.map { $0.lowercased() }
        let normalised = Set(headings.map(DatasetSchema.normalise))
        func has(_ heading: String) -> Bool { normalised.contains(DatasetSchema.normalise(heading)) }
        switch dataset {
        case "schools": return "register: one row per academy"
        case "pupils": return "census roster: one row per pupil per year"
        case "ks2":
            return words.contains { $0.contains("scaled score") || $0.contains("outcome") }
                ? "STA results file: one row per pupil" : "trust layout: one row per pupil"
        case "fft": return "FFT Aspire estimates: one row per pupil (estimated scores, bands, chances of EXS+)"
        case "phonics": return "one row per pupil per check"
        case "attendance_marks": return "long: one row per session"
        case "attendance_summary":
            let present = AttendanceSummaryImporter.schema.column("present_sessions").map { ([$0.name] + $0.aliases).contains(where: has) } ?? false
            return present ? "summary: one row per pupil" : "census-style summary: one row per pupil, present worked out"
        case "assessments": return "one row per pupil, subject and term"
        case "eyfs":
            return words.contains { $0.hasPrefix("elg") }
                ? "EYFS profile: one row per child, the 17 ELG outcomes" : "EYFS profile: one row per child, GLD only"
        case "mtc": return "multiplication tables check: one row per Year 4 pupil, score or reason"
        case "exclusions": return "behaviour export: one row per suspension or permanent exclusion"
        case "ofsted": return "Ofsted management information: one row per school, latest inspections"
        case "judgements": return "the trust's reviews: one row per school per review"
        case "finance": return "one row per academy and year"
        case "budget_monitoring": return "one row per academy and month"
        case "aar": return "academies accounts return (DfE extract): one row per academy, a column per line"
        case "finance_benchmarking": return "academies benchmarking (transparency) file: one row per academy"
        case "bfr": return "budget forecast return: one row per EFA line, Y1P1…Y3P2"
        case "bfr_3y": return "budget forecast return, three-year summary: one row per EFA line"
        case "targets": return "one row per school, measure, group and year"
        case "performance_tables": return "DfE performance tables (england_ks2final): one row per school, LA and England"
        default: return "one row per record"
        }
    }
}

/// What a column's values must look like to count as that column, by its canonical name.
struct ValueCheck {
    let what: String
    let accepts: (String) -> Bool

    static func forColumn(_ name: String) -> ValueCheck? {
        switch name {
        case "urn": return ValueCheck(what: "six-digit URNs") { $0.count == 6 && $0.allSatisfy(\.isNumber) }
        case "upn": return ValueCheck(what: "UPNs") { if case .success = UPN.validate($0) { return true }; return false }
        case "academic_year", "year": return ValueCheck(what: "academic years") { AcademicYear(parsing: $0) != nil }
        default:
            if name.hasSuffix("date") || name.hasPrefix("date") || name.contains("_date") {
                return ValueCheck(what: "dates") { CalendarDate(parsing: $0) != nil }
            }
            return nil
        }
    }
}

/// A URN or academic year written in a file's or folder's name (`Alder 138031 KS2 2025.xlsx`,
/// `2024-25/attendance.csv`), for a file that lacks the column.
enum FixedValueGuess {
    static func value(for column: String, in sample: ExportSample) -> (value: String, from: String)? {
        for (text, from) in [(sample.fileName, "file name"), (sample.folderName, "folder name")] {
            let stem = (text as NSString).deletingPathExtension
            switch column {
            case "urn":
                if let urn = firstMatch(#"(?<!\d)\d{6}(?!\d)"#, in: stem) { return (urn, from) }
            case "academic_year":
                if let y = firstMatch(#"(?<!\d)20\d\d[-/_ ]?\d\d(?!\d)"#, in: stem),
                   let year = AcademicYear(parsing: y.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")) {
                    return (year.description, from)
                }
                // A lone four-digit year is the summer the year ends in (`KS2 2025` is 2024/25).
                if let y = firstMatch(#"(?<!\d)20\d\d(?!\d)"#, in: stem), let year = AcademicYear(parsing: y) { return (year.description, from) }
            default: return nil
            }
        }
        return nil
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range, in: text) else { return nil }
        return String(text[r])
    }
}
