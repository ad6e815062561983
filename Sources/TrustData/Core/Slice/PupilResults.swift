/// What the one-row-per-pupil-per-year slices (EYFS, multiplication check) and the exclusions slice share
/// after their importers (`PupilResultsSlice` puts the steps together): several files read into one list
/// (the first file's row for a pupil and year wins, the later one moved to rejected so rows read =
/// accepted + rejected), rows claiming a school for another school's pupil rejected once the roster is
/// read, and the rows counted per school for the withheld-figure rule.
public protocol PupilResult: Sendable {
    var year: AcademicYear { get }
    var urn: String { get }
    var upn: String { get }
    /// The names as the export gives them (nil: the roster's).
    var surname: String? { get }
    var forename: String? { get }
    var file: String { get set }
    var line: Int { get }
    /// What the file says of the pupil (the roster fills the rest) and FSM eligibility if it says.
    var characteristics: PupilCharacteristics { get }
    var fsm: Bool? { get }
}

/// A slice's records by school, each with the pupil's groups (`GroupMembership`), worked out once for
/// the run and shared read-only by the per-school fan-out.
public struct PupilResultsIndex<R: PupilResult>: Sendable {
    public let all: [(R, [PupilGroup])]
    private let bySchool: [String: [(R, [PupilGroup])]]
    /// Years with any record, and the pipeline's year, oldest first.
    public let years: [AcademicYear]

    public init(_ records: [R], context: AnalysisContext) {
        all = records.map { r in (r, GroupMembership.groups(r.upn, year: r.year, own: r.characteristics, fsm: r.fsm, roster: context.roster)) }
        bySchool = Dictionary(grouping: all, by: { $0.0.urn })
        years = Set(records.map(\.year)).union([context.year]).sorted()
    }

    public func records(_ urn: String) -> [(R, [PupilGroup])] { bySchool[urn] ?? [] }
}

public enum PupilResults {
    /// Reads every file with `read`, naming `dataset` ("EYFS profile") in issues; `unique`: whether a
    /// pupil has one row per year (false for exclusions: one row per suspension).
    public static func readAll<R: PupilResult>(_ paths: [String], dataset: String, unique: Bool = true, pipelineYear: AcademicYear,
                                               log: inout ImportLog, read: (String) throws -> ImportOutcome<R>) throws -> [R] {
        var records: [R] = []
        var seen: Set<String> = []
        for path in paths {
            for var r in log.take(try read(path)) {
                r.file = path
                if !unique || seen.insert("\(r.year)|\(r.upn)").inserted { records.append(r) } else {
                    log.rejectAccepted([DataQualityIssue(file: path, line: r.line, column: "upn", value: r.upn, code: .duplicateRow,
                                                         message: "UPN \(r.upn) has a \(r.year) \(dataset) row in an earlier file too; the first is used.",
                                                         severity: .rejected, urn: r.urn, upn: r.upn)])
                }
            }
        }
        if let issue = YearCoverage.issue(dataset: dataset, paths: paths, years: Set(records.map(\.year)), pipelineYear: pipelineYear) {
            log.add([issue])
        }
        return records
    }

    /// Rows claiming a school for a pupil on another school's roll (and not on its own) are rejected
    /// (`OtherSchoolsPupils`): they count nowhere and the pupil stays out of that school's workbook.
    public static func dropOtherSchools<R: PupilResult>(_ records: [R], roster: PupilRoster, dataset: String, log: inout ImportLog) -> [R] {
        let others = OtherSchoolsPupils(roster: roster)
        var rejected: [DataQualityIssue] = []
        let kept = records.filter { r in
            guard others.isAnotherSchools(upn: r.upn, claimedBy: r.urn) else { return true }
            rejected.append(others.rejection(file: r.file, line: r.line, urn: r.urn, upn: r.upn, dataset: dataset))
            return false
        }
        log.rejectAccepted(rejected)
        return kept
    }

    /// Rows counted per school in `year`, for the withheld-figure rule (`WithheldFigures`).
    public static func rowsCounted<R: PupilResult>(_ records: [R], year: AcademicYear) -> [String: Int] {
        records.reduce(into: [:]) { counts, r in if r.year == year { counts[r.urn, default: 0] += 1 } }
    }
}
