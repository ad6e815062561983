import Foundation

/// A DfE KS2 performance-tables download (`england_ks2final.csv`, `england_ks2revised.csv`, or one
/// LA's `<year>-<LA>-ks2.csv`) read as a benchmark source: the LA rows and the national state-funded
/// row become `BenchmarkFigure`s with the same measure and group ids as `measures.csv`.
///
/// `RECTYPE` meanings are from DfE's column dictionary for the file (`ks2_meta.csv`, 2018/19):
/// 1 mainstream school, 2 special school, 3 local authority, 4 national (all schools),
/// 5 national (state-funded schools only). School rows (1, 2) are read and counted but give no
/// benchmark; the national figure is the state-funded row (5), the basis DfE compares schools with;
/// row 4 (all schools, including independent) is read and not used.
///
/// Suppressed and unavailable cells (`SUPP`, `NE`, `NA`, `NP`, `LOWCOV`, `NEW`, …) are "not
/// available": no figure is made for them (never zero), and each token is reported once per file.
public enum PerformanceTablesImporter {
    /// One DfE column turned into a measure id (the group comes from the column's suffix).
    struct MeasureColumn {
        let column: String
        let measure: String
    }

    /// Headline columns, names as in the 2018/19 meta file (`PTWRITTA_HIGH` is "working at greater
    /// depth within the expected standard in writing").
    static let headline: [MeasureColumn] = [
        .init(column: "PTRWM_EXP", measure: "ks2.rwm.expected"),
        .init(column: "PTRWM_HIGH", measure: "ks2.rwm.higher"),
        .init(column: "PTREAD_EXP", measure: "ks2.reading.expected"),
        .init(column: "PTREAD_HIGH", measure: "ks2.reading.higher"),
        .init(column: "READ_AVERAGE", measure: "ks2.reading.average_scaled_score"),
        .init(column: "PTWRITTA_EXP", measure: "ks2.writing.expected"),
        .init(column: "PTWRITTA_HIGH", measure: "ks2.writing.higher"),
        .init(column: "PTMAT_EXP", measure: "ks2.maths.expected"),
        .init(column: "PTMAT_HIGH", measure: "ks2.maths.higher"),
        .init(column: "MAT_AVERAGE", measure: "ks2.maths.average_scaled_score"),
        .init(column: "PTGPS_EXP", measure: "ks2.gps.expected"),
        .init(column: "PTGPS_HIGH", measure: "ks2.gps.higher"),
        .init(column: "GPS_AVERAGE", measure: "ks2.gps.average_scaled_score"),
    ]

    /// Column suffixes for pupil groups (meta file: `_B` boys, `_G` girls, `_FSM6CLA1A` disadvantaged,
    /// `_NotFSM6CLA1A` non-disadvantaged, `_EAL` EAL). Prior-attainment (`_L/_M/_H`) and mobility
    /// (`_MOBN`) breakdowns have no group id and are not read.
    static let groupSuffixes: [(suffix: String, group: PupilGroup)] = [
        ("", .all), ("_B", .boys), ("_G", .girls), ("_FSM6CLA1A", .disadvantaged),
        ("_NotFSM6CLA1A", .notDisadvantaged), ("_EAL", .eal),
    ]

    /// Tokens DfE writes instead of a number, and what they mean (performance tables guidance).
    public static let notAvailableTokens: [String: String] = [
        "SUPP": "suppressed: the group is too small to publish",
        "NE": "no entries",
        "NA": "not applicable",
        "NP": "not published",
        "LOWCOV": "low coverage of prior attainment",
        "NEW": "new school",
        "DNS": "did not submit",
        "x": "not available", "c": "confidential", "z": "not applicable", "-": "missing",
    ]

    /// LA numbers to names, for files whose LA row has no name. Only a fallback: the LA row's SCHNAME
    /// holds the LA name in the 2018/19 file. Names as DfE writes them (Get Information about Schools).
    public static let laNames: [String: String] = [
        "850": "Hampshire", "881": "Essex", "935": "Suffolk", "926": "Norfolk", "873": "Cambridgeshire",
        "919": "Hertfordshire", "886": "Kent", "936": "Surrey", "938": "West Sussex", "845": "East Sussex",
        "825": "Buckinghamshire", "931": "Oxfordshire", "916": "Gloucestershire", "933": "Somerset",
        "878": "Devon", "908": "Cornwall", "925": "Lincolnshire", "855": "Leicestershire",
        "891": "Nottinghamshire", "830": "Derbyshire", "888": "Lancashire", "940": "North Northamptonshire",
        "941": "West Northamptonshire", "937": "Warwickshire", "885": "Worcestershire", "860": "Staffordshire",
        "883": "Thurrock", "882": "Southend-on-Sea", "874": "Peterborough", "821": "Luton",
    ]

    static let measureColumns: [(spec: MeasureColumn, group: PupilGroup, column: String)] =
        headline.flatMap { m in groupSuffixes.map { (m, $0.group, m.column + $0.suffix) } }

    public static let schema = DatasetSchema(dataset: "performance_tables", columns: [
        ColumnSpec("RECTYPE", required: true, meaning: "record type: 3 LA, 5 national state-funded"),
        ColumnSpec("LEA", aliases: ["LA", "LA_CODE", "OLD_LA_CODE"], required: true, meaning: "LA number"),
        ColumnSpec("SCHNAME", meaning: "school name; the LA name on LA rows"),
        ColumnSpec("LANAME", aliases: ["LA_NAME"]),
        ColumnSpec("year", aliases: ["ACADEMIC_YEAR", "TIME_PERIOD", "YEAR"]),
    ] + measureColumns.map { ColumnSpec($0.column, required: $0.column == "PTRWM_EXP") })

    /// An academic year written in a file name: `2018-2019`, `2018_19`, `2018-19`, `201819`, or the
    /// `<year>-<LA>-ks2.csv` name of a one-LA download (`2018-850-ks2.csv`), whose year is the year the
    /// academic year starts: that file holds the 2018/19 final tables (DfE performance tables 2018/19,
    /// with the 2018/19 meta file; see Fixtures/dfe/README.md).
    public static func year(inFileName path: String) -> AcademicYear? {
        let name = (path as NSString).lastPathComponent
        return twoYearForm(name) ?? laDownloadYear(name)
    }

    /// The year a file's path gives: its name first (`year(inFileName:)`), then its folders from the
    /// nearest up (`2022-2023/england_ks2final.csv`, as DfE's download unpacks). nil when none says.
    public static func year(inPath path: String) -> AcademicYear? {
        if let year = year(inFileName: path) { return year }
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" && folder != "." {
            if let year = twoYearForm((folder as NSString).lastPathComponent) { return year }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// `<yyyy>-<LA number>-ks2…`: four digits, a three-digit LA number, then `ks2`.
    static func laDownloadYear(_ name: String) -> AcademicYear? {
        let parts = name.lowercased().split(separator: "-", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0].count == 4, let start = Int(parts[0]), (2000...2100).contains(start),
              parts[1].count == 3, parts[1].allSatisfy(\.isNumber), parts[2].hasPrefix("ks2") else { return nil }
        return AcademicYear(startYear: start)
    }

    /// Two consecutive years anywhere in a name: `2018-2019`, `2018_19`, `2018-19`, `201819`.
    static func twoYearForm(_ name: String) -> AcademicYear? {
        let chars = Array(name)
        var i = 0
        while i + 6 <= chars.count {
            let slice = chars[i...]
            if let start = Int(String(slice.prefix(4))), slice.prefix(4).allSatisfy(\.isNumber) {
                let rest = Array(slice.dropFirst(4))
                let afterSeparator = rest.first.map { "-_/".contains($0) } == true ? Array(rest.dropFirst()) : rest
                let digits = afterSeparator.prefix { $0.isNumber }
                let end = Int(String(digits))
                if digits.count == 4, end == start + 1 { return AcademicYear(startYear: start) }
                if digits.count == 2, end == (start + 1) % 100 { return AcademicYear(startYear: start) }
            }
            i += 1
        }
        return nil
    }

    /// Reads the file. The year comes from a year column when the file has one, else from the file
    /// name (`…2018-2019…`, `…201819…`, `2018-850-ks2.csv`) or its folder (`2022-2023/…`), else
    /// `defaultYear` (the pipeline's academic year) with a warning saying so; such figures are marked
    /// `yearAssumed` and never replace figures whose year is known (`ImportStage.readBenchmarks`).
    public static func read(path: String, displayName: String, defaultYear: AcademicYear,
                            options: FileOptions = [:]) throws -> ImportOutcome<BenchmarkFigure> {
        let fileYear = year(inFileName: displayName) ?? year(inPath: path) ?? year(inPath: displayName)
        var suppressed: [String: (cells: Int, first: Int)] = [:]
        var usedDefaultYear = false
        var outcome = try TableImporter(schema: schema, path: path, displayName: displayName, options: options)
            .run { row -> [BenchmarkFigure]? in
                let rectype = try row.require("RECTYPE")
                let level: BenchmarkFigure.Level
                let area: String
                switch rectype {
                case "1", "2", "4": return nil  // schools; national incl. independent schools
                case "3":
                    level = .la
                    let code = row.text("LEA") ?? ""
                    guard let name = row.text("LANAME") ?? row.text("SCHNAME") ?? laNames[code] else {
                        throw row.reject("LEA", code, .unknownCode, "The LA row for LA number `\(code)` has no name and the number is not in trustdata's LA table; add an LANAME column.")
                    }
                    area = name
                case "5":
                    level = .national
                    area = "England"
                default:
                    throw row.reject("RECTYPE", rectype, .unknownCode, "RECTYPE `\(rectype)` is not one of 1–5 (DfE KS2 meta file); the row is not used.")
                }
                let year: AcademicYear
                var assumed = false
                if let y = try row.academicYear("year") {
                    year = y
                } else if let fileYear {
                    year = fileYear
                } else {
                    year = defaultYear
                    usedDefaultYear = true
                    assumed = true
                }
                let rowName = level == .national ? "national state-funded row (RECTYPE 5)" : "LA row (RECTYPE 3, LA \(row.text("LEA") ?? "?"))"
                var figures: [BenchmarkFigure] = []
                for entry in measureColumns where row.has(entry.column) {
                    guard let raw = row.text(entry.column) else { continue }  // blank: not published
                    let cleaned = raw.hasSuffix("%") ? String(raw.dropLast()).trimmingCharacters(in: .whitespaces) : raw
                    if let token = notAvailableTokens.keys.first(where: { $0.caseInsensitiveCompare(cleaned) == .orderedSame && ($0.count > 1 || $0 == cleaned) }) {
                        let seen = suppressed[token]
                        suppressed[token] = ((seen?.cells ?? 0) + 1, seen?.first ?? row.line)
                        continue
                    }
                    guard let value = Double(cleaned), value.isFinite else {
                        row.warn(entry.column, raw, .invalidNumber, "`\(raw)` in \(entry.column) is neither a number nor a DfE suppression code; the figure is left out.")
                        continue
                    }
                        var figure = BenchmarkFigure(
                        year: year, level: level, area: area, measure: entry.spec.measure, group: entry.group.rawValue,
                        value: value, source: "DfE KS2 performance tables \(displayName), \(rowName), column \(entry.column)",
                        // RECTYPE 5 is the headline national (state-funded schools); LA rows are the LA tables.
                        basis: level == .national ? .headline : .laTable)
                    figure.yearAssumed = assumed
                    figures.append(figure)
                }
                return figures
            }
        var issues: [DataQualityIssue] = []
        for token in suppressed.keys.sorted() {
            let (cells, first) = suppressed[token]!
            issues.append(DataQualityIssue(
                file: displayName, line: first, column: nil, value: token, code: .suppressedValue,
                message: "`\(token)` (\(notAvailableTokens[token]!)) in \(cells) benchmark cell\(cells == 1 ? "" : "s") of the LA and national rows; those figures are not available and are left out, never counted as zero.",
                severity: .info))
        }
        if usedDefaultYear {
            issues.append(DataQualityIssue(
                file: displayName, line: nil, column: nil, value: defaultYear.description, code: .assumedYear,
                message: "The file has no year column and neither its name nor its folder gives an academic year, so its figures are taken as \(defaultYear) (the pipeline's academic_year) and only fill gaps: they never replace figures whose year is known. Put the file in a folder named for its year (\(defaultYear.startYear)-\(defaultYear.endYear)/england_ks2final.csv, as DfE's download unpacks) or give `year: \(defaultYear)` in its pipeline entry.",
                severity: .warning))
            outcome.stats.warnings += 1
        }
        return ImportOutcome(records: outcome.records.flatMap { $0 }, stats: outcome.stats, issues: outcome.issues + issues)
    }
}
