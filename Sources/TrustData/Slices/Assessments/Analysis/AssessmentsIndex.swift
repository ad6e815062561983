/// The pipeline year's assessment records by school, in file order: all a school's analysis reads.
/// Every school filtering every record of the run (three years of Years 3–5, 142,000 rows on a
/// 100-school trust) was a scan per school, and held the whole file for the analysis; the other years'
/// rows are let go with the import's once the slices are indexed (`PipelineRunner.analyse`).
public struct AssessmentsIndex: Sendable {
    private let bySchool: [String: [AssessmentRecord]]

    init(_ data: AssessmentsData, year: AcademicYear) {
        var bySchool: [String: [AssessmentRecord]] = [:]
        for r in data.records where r.year == year { bySchool[r.urn, default: []].append(r) }
        self.bySchool = bySchool
    }

    /// The school's records of the year, in file order.
    func records(at urn: String) -> [AssessmentRecord] { bySchool[urn] ?? [] }
}
