/// Each school's assessment records at its latest term of the pipeline year with data, in file order:
/// all a school's analysis reads (`AssessmentsSlice.school`). Every school had filtered every record
/// of the run (142,000 rows on a 100-academy trust, three terms of Years 3–5), and the whole file was
/// held for the analysis; now the import's rows are let go once the slices are indexed
/// (`PipelineRunner.analyse`) and only the latest term's stay.
public struct AssessmentsIndex: Sendable {
    private let bySchool: [String: [AssessmentRecord]]

    init(_ data: AssessmentsData, year: AcademicYear) {
        var latest: [String: AssessmentRecord.Term] = [:]
        for r in data.records where r.year == year {
            if latest[r.urn].map({ r.term > $0 }) ?? true { latest[r.urn] = r.term }
        }
        var bySchool: [String: [AssessmentRecord]] = [:]
        for r in data.records where r.year == year && r.term == latest[r.urn] { bySchool[r.urn, default: []].append(r) }
        self.bySchool = bySchool
    }

    /// The school's records at its latest term of the year, in file order.
    func records(at urn: String) -> [AssessmentRecord] { bySchool[urn] ?? [] }
}
