/// A results input (KS2, phonics) with no rows for the pipeline's academic year: the workbooks would lead
/// with last year's figures or none, usually because the wrong export or the wrong `academic_year` was
/// given. A warning naming the files and the years they do hold.
enum YearCoverage {
    static func issue(dataset: String, paths: [String], years: Set<AcademicYear>, pipelineYear: AcademicYear) -> DataQualityIssue? {
        guard !years.contains(pipelineYear) else { return nil }
        let held = years.isEmpty ? "no rows at all" : "rows for " + years.sorted().map(\.description).joined(separator: ", ") + " only"
        let files = paths.joined(separator: ", ")
        return DataQualityIssue(
            file: files, line: nil, column: "academic_year", value: pipelineYear.description, code: .noRowsForYear,
            message: "The \(dataset) input (\(files)) has \(held), nothing for \(pipelineYear), the pipeline's academic_year: the \(pipelineYear) \(dataset) figures are empty. Check that the right export was given, or the pipeline's academic_year.",
            severity: .warning)
    }
}
