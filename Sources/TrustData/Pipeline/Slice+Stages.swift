/// The stages' view of a slice: each function here is generic over the slice, so its types stay exact,
/// and returns closures the registry loops can hold side by side whatever the slice.
extension Slice {
    /// The slice's first read (alongside the roster): nil when the pipeline names none of its files;
    /// else the step that finishes it once the roster is read.
    static func firstRead(_ config: PipelineConfig, register: SchoolRegister) throws -> PendingSlice? {
        let inputs = config.sliceInputs(Self.self, register: register)
        guard let (first, firstLog) = try read(inputs) else { return nil }
        return PendingSlice { roster in
            var log = firstLog
            let rows = try finish(first, inputs: inputs, roster: roster, log: &log)
            return FinishedSlice(log: log) { $0.setRows(rows, for: Self.self) }
        }
    }

    /// Reads and finishes the slice's rows as the import stage does, for tools and tests; nil when the
    /// pipeline names none of its files. Without a roster nothing is joined to one.
    public static func load(_ config: PipelineConfig, register: SchoolRegister, roster: PupilRoster = PupilRoster([]),
                            log: inout ImportLog) throws -> Rows? {
        guard let pending = try firstRead(config, register: register) else { return nil }
        var dataset = TrustDataset(register: register, roster: roster, benchmarks: BenchmarkLookup(), targets: TargetLookup([]), log: ImportLog())
        let finished = try pending.finish(roster)
        finished.store(&dataset)
        log.append(finished.log)
        return dataset.rows(Self.self)
    }

    /// The slice's rows passed through the pseudonymiser (the rows' type guarantees it can be).
    static func pseudonymise(_ dataset: inout TrustDataset, by p: Pseudonymiser) {
        guard let rows = dataset.rows(Self.self) else { return }
        dataset.setRows(rows.pseudonymised(by: p), for: Self.self)
    }

    /// The slice's rows indexed once for the run (nil when it has none), ready for every school.
    static func indexed(_ dataset: TrustDataset, context: AnalysisContext) -> IndexedSlice? {
        guard let rows = dataset.rows(Self.self) else { return nil }
        let index = index(rows, dataset: dataset, context: context)
        return IndexedSlice(
            school: { school, report in report.setPart(Self.school(school, index: index, context: context), for: Self.self) },
            trust: { schools in
                let part = Self.trust(index, schools: schools.compactMap { $0.part(Self.self) }, context: context)
                return { $0.setPart(part, for: Self.self) }
            })
    }

    static func writeSchoolSheets(_ report: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let part = report.part(Self.self) else { return }
        try writeSchoolSheets(part, school: report, workbook: workbook, context: context)
    }

    static func writeTrustSheets(_ trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let part = trust.part(Self.self) else { return }
        try writeTrustSheets(part, trust: trust, workbook: workbook, context: context)
    }

    /// The slice's own files beside trust.xlsx, each with the step that writes it.
    static func trustOutputs(_ trust: TrustReport, context: AnalysisContext) -> [TrustOutput] {
        guard let part = trust.part(Self.self) else { return [] }
        return trustFiles(part).map { name in
            TrustOutput(name: name) { path in try writeTrustFile(name, part: part, trust: trust, context: context, to: path) }
        }
    }
}

/// A slice read without the roster, waiting for it.
struct PendingSlice: Sendable {
    let finish: @Sendable (PupilRoster) throws -> FinishedSlice
}

/// A slice's finished import: its books, and the step that stores its rows in the dataset.
struct FinishedSlice: Sendable {
    let log: ImportLog
    let store: @Sendable (inout TrustDataset) -> Void
}

/// A slice's rows indexed for the run: one school's part, and the trust's part from the schools'.
struct IndexedSlice: Sendable {
    let school: @Sendable (School, inout SchoolReport) -> Void
    let trust: @Sendable ([SchoolReport]) -> @Sendable (inout TrustReport) -> Void
}

/// A file a slice adds beside trust.xlsx (`reserves.xlsx`).
struct TrustOutput: Sendable {
    let name: String
    let write: @Sendable (String) throws -> Void
}

/// A slice's `RowBook` for one run: its files as the pipeline names them, its rows counted per school,
/// and the steps that withhold its school part, whatever the slice.
struct RunRowBook: Sendable {
    let words: String, short: String
    let files: Set<String>
    let leftOut: (name: String, prefixes: [String])?
    /// Rows counted per URN; nil when the slice read no rows.
    let counted: [String: Int]?
    /// The year whose figures are withheld (nil: every year).
    let year: AcademicYear?
    /// Nil when the school has no part of the slice.
    let isWithheld: @Sendable (SchoolReport) -> Bool?
    let withhold: @Sendable (inout SchoolReport, _ reason: String, _ short: String, _ year: String?) -> Void
}

extension Slice {
    /// The slice's books for this run (`rowBooks`), in the slice's order.
    static func runRowBooks(_ dataset: TrustDataset?, inputs: InputFiles, year: AcademicYear) -> [RunRowBook] {
        let rows = dataset?.rows(Self.self)
        return rowBooks.map { book in
            RunRowBook(words: book.words, short: book.short, files: Set(inputs[book.inputKey]?.paths ?? []), leftOut: book.leftOut,
                       counted: rows.map { book.counted($0, year) }, year: book.pipelineYearOnly ? year : nil,
                       isWithheld: { report in report.part(Self.self).map(book.isWithheld) },
                       withhold: { report, reason, short, year in
                           guard var part = report.part(Self.self) else { return }
                           book.withhold(&part, reason, short, year)
                           report.setPart(part, for: Self.self)
                       })
        }
    }
}

extension SliceRegistry {
    /// Every slice's row books for this run, in registry order (`dataset` nil: the files only).
    static func rowBooks(_ dataset: TrustDataset?, inputs: InputFiles, year: AcademicYear) -> [RunRowBook] {
        all.flatMap { $0.runRowBooks(dataset, inputs: inputs, year: year) }
    }
}
