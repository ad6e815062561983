import Foundation

/// The ks2 slice: KS2 results with FFT estimates (`inputs.ks2`), joined to the roster; measures per
/// school and for the trust; the KS2 and outcomes-meeting sheets.
public enum KS2Slice: Slice {
    public typealias Settings = KS2Settings
    public typealias Rows = KS2Data
    public typealias FirstRead = KS2Data
    public typealias Index = KS2Cohorts
    public typealias SchoolPart = KS2SchoolReport
    public typealias TrustPart = KS2TrustReport
    public static let id = "ks2"
    /// The results (`inputs.ks2`) and, optionally, FFT Aspire estimates as their own file (`inputs.fft`).
    public static var schemas: [DatasetSchema] { [KS2Importer.schema, FFTImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { MeasureCatalog.ks2Measures() }
    /// A rejected KS2 row leaves its pupil out of the KS2 and FFT figures of the pipeline's year.
    public static var rowBooks: [RowBook<KS2Slice>] {
        [RowBook(inputKey: id, words: "KS2 results", short: "KS2", leftOut: (id, ["ks2.", "fft."]), pipelineYearOnly: true,
                 counted: { rowsCounted($0, year: $1) })]
    }

    /// Reads the KS2 files without the roster (the roster is read alongside); `finish` joins them.
    public static func read(_ inputs: SliceInputs<KS2Slice>) throws -> (KS2Data, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        var log = ImportLog()
        let folder = inputs.reference ?? "inputs/reference"
        let display = (folder as NSString).appendingPathComponent(KS2CodeTable.fileName)
        let codes = KS2CodeTable(log.take(try KS2CodeTable.read(path: inputs.resolve(display), displayName: display)))
        var seen: Set<String> = []
        var pupils: [KS2Pupil] = []
        for path in paths {
            pupils += log.take(try KS2Importer.read(path: inputs.resolve(path), displayName: path,
                                                    options: inputs.options(id, path: path),
                                                    register: inputs.register, codes: codes, seen: &seen))
        }
        if let issue = YearCoverage.issue(dataset: "KS2", paths: paths, years: Set(pupils.map(\.year)), pipelineYear: inputs.academicYear) {
            log.add([issue])
        }
        let benchmark = try joinFFT(&pupils, inputs: inputs, log: &log)
        return (KS2Data(pupils: pupils, fftBenchmark: benchmark), log)
    }

    /// Every pupil joined to the roster; the join's issues follow the KS2 files' books. A row claiming a
    /// school for a pupil on another school's roll (and not on its own) is rejected first
    /// (`OtherSchoolsPupils`): it counts nowhere, and its UPN and name stay out of that school's workbook.
    public static func finish(_ first: KS2Data, inputs: SliceInputs<KS2Slice>, roster: PupilRoster, log: inout ImportLog) -> KS2Data {
        var data = first
        let others = OtherSchoolsPupils(roster: roster)
        var rejected: [DataQualityIssue] = []
        let own = first.pupils.filter { p in
            guard others.isAnotherSchools(upn: p.upn, claimedBy: p.urn) else { return true }
            rejected.append(others.rejection(file: p.file, line: p.line, urn: p.urn, upn: p.upn, dataset: "KS2 results"))
            return false
        }
        log.rejectAccepted(rejected)
        data.pupils = join(own, roster: roster, log: &log)
        return data
    }

    /// KS2 rows counted per school in `year` (one row per pupil), for the withheld-figure rule
    /// (`WithheldFigures`).
    static func rowsCounted(_ data: KS2Data, year: AcademicYear) -> [String: Int] {
        data.pupils.reduce(into: [:]) { counts, p in if p.year == year { counts[p.urn, default: 0] += 1 } }
    }

    public static func index(_ rows: KS2Data, context: AnalysisContext) -> KS2Cohorts { KS2Cohorts(data: rows) }

    public static func school(_ school: School, index: KS2Cohorts, context: AnalysisContext) -> KS2SchoolReport {
        self.school(school, cohorts: index, context: context)
    }

    public static func trust(_ index: KS2Cohorts, schools: [KS2SchoolReport], context: AnalysisContext) -> KS2TrustReport {
        trust(cohorts: index, schools: schools, context: context)
    }

    public static func writeSchoolSheets(_ part: KS2SchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try KS2Sheets.writeSchoolSheets(part, school: school, workbook: workbook, context: context)
    }

    public static func writeTrustSheets(_ part: KS2TrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        try KS2Sheets.writeTrustSheets(part, trust: trust, workbook: workbook, context: context)
    }

    /// Every pupil joined to the roster (unchanged without one); the join's issues go to `log`.
    static func join(_ pupils: [KS2Pupil], roster: PupilRoster, log: inout ImportLog) -> [KS2Pupil] {
        guard !roster.isEmpty else { return pupils }
        var issues: [DataQualityIssue] = []
        let joined = pupils.map { join($0, roster: roster, issues: &issues) }
        log.add(issues)
        return joined
    }

    /// Characteristics in ks2.csv are used; the roster fills what the file leaves out. Disagreements
    /// and pupils missing from the roster are reported, and the pupil is kept.
    public static func join(_ pupil: KS2Pupil, roster: PupilRoster, issues: inout [DataQualityIssue]) -> KS2Pupil {
        var p = pupil
        func issue(_ column: String?, _ value: String?, _ code: IssueCode, _ message: String) {
            issues.append(DataQualityIssue(file: p.file, line: p.line, column: column, value: value, code: code,
                                           message: message, severity: .warning, urn: p.urn, upn: p.upn))
        }
        guard let r = roster.pupil(p.year, p.upn) else {
            p.onRoster = false
            issue("upn", p.upn, .notOnRoster, "UPN \(p.upn) has \(p.year) KS2 results but is not on the \(p.year) roster; the pupil is kept with the characteristics in the results file (groups left blank where it has none).")
            return p
        }
        let f = p.fileCharacteristics, c = r.characteristics
        let pairs: [(String, String?, String?)] = [
            ("gender", f.gender?.rawValue, c.gender?.rawValue),
            ("disadvantaged", f.disadvantaged.map { $0 ? "Y" : "N" }, c.disadvantaged.map { $0 ? "Y" : "N" }),
            ("sen", f.sen?.rawValue, c.sen?.rawValue),
            ("eal", f.eal.map { $0 ? "Y" : "N" }, c.eal.map { $0 ? "Y" : "N" }),
        ]
        for (column, file, roster) in pairs {
            if let file, let roster, file != roster {
                issue(column, file, .characteristicMismatch, "The KS2 file gives \(column) \(file) for \(p.upn) but the roster gives \(roster); the KS2 file's value is used. Correct whichever is wrong.")
            }
        }
        p.characteristics = f.filled(from: c)
        if p.surname.isEmpty { p.surname = r.surname }
        if p.forename.isEmpty { p.forename = r.forename }
        return p
    }

    public static func school(_ school: School, data: KS2Data, context: AnalysisContext) -> KS2SchoolReport {
        self.school(school, cohorts: KS2Cohorts(data: data), context: context)
    }

    /// One school from the trust's results indexed once (`KS2Cohorts`), for the per-school fan-out.
    public static func school(_ school: School, cohorts: KS2Cohorts, context: AnalysisContext) -> KS2SchoolReport {
        let at = cohorts.positions(at: school.urn)
        var report = KS2SchoolReport(school: school, pupils: cohorts.pupils(at: at), years: cohorts.years, context: context)
        report.measures = KS2Measures.rows(facts: cohorts.facts, at: at, school: school, years: cohorts.years, context: context)
        return report
    }

    /// The trust as one cohort: every pupil of every school pooled, never an average of school figures.
    public static func trust(data: KS2Data, schools: [KS2SchoolReport], context: AnalysisContext) -> KS2TrustReport {
        trust(cohorts: KS2Cohorts(data: data), schools: schools, context: context)
    }

    public static func trust(cohorts: KS2Cohorts, schools: [KS2SchoolReport], context: AnalysisContext) -> KS2TrustReport {
        let at = cohorts.positions(in: Set(context.schools.map(\.urn)))
        var report = KS2TrustReport(pupils: cohorts.pupils(at: at), facts: cohorts.facts, at: at, years: cohorts.years, context: context)
        report.measures = KS2Measures.rows(facts: cohorts.facts, at: at, school: nil, years: cohorts.years, context: context)
        report.schools = schools
        return report
    }
}

/// The imported ks2 records.
public struct KS2Data: Sendable {
    public var pupils: [KS2Pupil]
    public var fftBenchmark: String
    /// Every academic year present in the inputs, oldest first (the trend columns).
    public var years: [AcademicYear] { Array(Set(pupils.map(\.year))).sorted() }

    public init(pupils: [KS2Pupil] = [], fftBenchmark: String = "FFT20") {
        self.pupils = pupils
        self.fftBenchmark = fftBenchmark
    }
}

/// `--pseudonymise`: every UPN and name in the KS2 rows replaced, keyed on the original UPN.
extension KS2Data: Pseudonymisable {
    public func pseudonymised(by p: Pseudonymiser) -> KS2Data {
        var out = self
        out.pupils = pupils.map { pupil in
            var q = pupil
            q.upn = p.upn(pupil.upn)
            q.surname = p.surname(forUPN: pupil.upn)
            q.forename = p.forename(forUPN: pupil.upn)
            return q
        }
        return out
    }
}
