/// Reads every published-layout finance file the pipeline names (`aar`, `finance_benchmarking`, `bfr`,
/// `bfr_3y`) through the line-code mapping in the reference folder.
enum PublishedFinanceFiles {
    static let keys: [(key: String, layout: FinanceLayout)] = [
        ("aar", .aarAcademy), ("finance_benchmarking", .benchmarking), ("bfr", .bfr), ("bfr_3y", .bfr3y),
    ]

    static func read(_ inputs: SliceInputs<FinanceSlice>, seen: inout Set<String>, log: inout ImportLog) throws -> (records: [FinanceRecord], issues: [DataQualityIssue]) {
        let named = keys.filter { !inputs.paths($0.key).isEmpty }
        guard !named.isEmpty else { return ([], []) }
        guard let reference = inputs.reference else {
            throw PipelineError.configuration("The pipeline reads \(named.map(\.key).joined(separator: ", ")) but names no `inputs.reference` folder; the published finance layouts need its \(FinanceLineMap.fileName) (line code → trustdata field).")
        }
        let map = try FinanceLineMap.load(folder: inputs.resolve(reference), displayFolder: reference, log: &log)
        var records: [FinanceRecord] = []
        var issues: [DataQualityIssue] = []
        for (key, layout) in named {
            for path in inputs.paths(key) {
                let options = inputs.options(key, path: path)
                let year = try fileYear(path, fixed: options.fixed["financial_year"], settings: inputs.settings)
                let outcome: ImportOutcome<FinanceRecord>
                switch layout {
                case .aarAcademy, .benchmarking:
                    outcome = try AcademyReturnImporter.read(path: inputs.resolve(path), displayName: path, layout: layout, map: map, fileYear: year,
                                                             options: options, register: inputs.register, settings: inputs.settings, seen: &seen)
                case .bfr, .bfr3y:
                    outcome = try BudgetForecastImporter.read(path: inputs.resolve(path), displayName: path, layout: layout, map: map, fileYear: year,
                                                              options: options, settings: inputs.settings, seen: &seen)
                }
                issues += outcome.issues
                records += log.take(outcome)
            }
        }
        return (records, issues)
    }

    /// The year the pipeline entry fixes (`- path: …, financial_year: 2023/24`), else `finance.file_years`
    /// for the path, else a year in the file name (`aar_2023-24.csv`).
    static func fileYear(_ path: String, fixed: String? = nil, settings: FinanceSettings) throws -> AcademicYear? {
        if let text = fixed ?? settings.fileYears[path] {
            guard let year = AcademicYear(parsing: text) else {
                throw PipelineError.configuration("The year `\(text)` given for \(path) is not an academic year; write 2023/24.")
            }
            return year
        }
        return PerformanceTablesImporter.year(inFileName: path)
    }
}
