/// One dataset end to end: the unit a new dataset adds. A slice names itself once (`id`: its section
/// of the pipeline file, its column-mapping key and its schema name), reads its files into rows,
/// analyses them for each school and for the trust, lists the measures it computes (in its reports'
/// `measures`), and writes the sheets it contributes. `SliceRegistry.all` lists the slices; pipeline
/// decoding, the import, the analysis, `measures.csv` and the workbooks loop over that list, so a new
/// dataset is one new folder under `Slices/` plus one line in the registry (README, "Adding a dataset").
///
/// Every function is static: a slice is a namespace (an `enum` with no cases) over value types that
/// travel between the stages as `Sendable` values.
public protocol Slice: Sendable {
    /// The slice's block of the pipeline file (`ks2:`); every field has a default.
    associatedtype Settings: SliceSettings
    /// The rows the import hands to analysis. Pupil-level rows must be pseudonymisable, so
    /// `--pseudonymise` reaches every slice: the compiler checks it, there is no runtime escape.
    associatedtype Rows: Pseudonymisable & Sendable
    /// What the slice reads before the pupil roster exists (its files are read alongside the roster);
    /// `finish` completes it once the roster is there. Slices that do not need the roster read their
    /// rows whole here (`FirstRead == Rows`).
    associatedtype FirstRead: Sendable = Rows
    /// The rows indexed once for the whole run, shared read-only by the per-school fan-out.
    associatedtype Index: Sendable
    /// What one school's workbook and `measures.csv` get from this slice.
    associatedtype SchoolPart: SliceReport
    /// The trust as one pooled cohort (never an average of school figures).
    associatedtype TrustPart: SliceReport

    /// Written once: the pipeline section (`ks2:`), and the name of its main file's schema.
    static var id: String { get }
    /// The kinds of file the slice reads, one schema each: a schema's `dataset` is its key under
    /// `inputs:` and under `column_mappings:` (whose keys are the schema's column names).
    static var schemas: [DatasetSchema] { get }
    /// Every measure id the slice writes, with its definition: the slice's part of `MeasureCatalog`
    /// (`trustdata measures`, the README reference, the ids rules and targets may name).
    static var measureDefinitions: [MeasureDefinition] { get }
    /// One book per kind of file whose rows are a pupil's: how its rejected rows leave pupils out of the
    /// figures and withhold a school's figures (default: none).
    static var rowBooks: [RowBook<Self>] { get }

    /// Reads the slice's files without the roster; nil when the pipeline names none of `inputKeys`.
    /// The log holds the books of the files read here (appended to the run's books in registry order).
    static func read(_ inputs: SliceInputs<Self>) throws -> (FirstRead, ImportLog)?
    /// Completes the rows once the roster is read (joins, checks against admission dates); issues go
    /// to `log`, after the first read's books.
    static func finish(_ first: FirstRead, inputs: SliceInputs<Self>, roster: PupilRoster, log: inout ImportLog) throws -> Rows

    static func index(_ rows: Rows, context: AnalysisContext) -> Index
    /// The rows indexed with the run's other datasets to hand, for a slice whose figures need another's
    /// rows (finance's Unacceptable needs the trust judgements file's previous review). Read only; the
    /// default is `index(_:context:)`.
    static func index(_ rows: Rows, dataset: TrustDataset, context: AnalysisContext) -> Index
    static func school(_ school: School, index: Index, context: AnalysisContext) -> SchoolPart
    /// `schools`: the school parts made from the same index, in register order.
    static func trust(_ index: Index, schools: [SchoolPart], context: AnalysisContext) -> TrustPart

    /// The slice's sheets in one school's workbook (after the academy card).
    static func writeSchoolSheets(_ part: SchoolPart, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws
    /// The slice's sheets in the trust workbook (default: none).
    static func writeTrustSheets(_ part: TrustPart, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws
    /// Files of its own the slice adds beside trust.xlsx (`reserves.xlsx`), by name (default: none).
    static func trustFiles(_ part: TrustPart) -> [String]
    static func writeTrustFile(_ name: String, part: TrustPart, trust: TrustReport, context: AnalysisContext, to path: String) throws

    /// How `trustdata init` recognises an export of this slice: one match per input the file could be
    /// (default: each schema's headings and values, `ExportRecogniser`). A slice whose files come in
    /// layouts its schema cannot describe (one column per week…) overrides it to name them.
    static func recognise(_ sample: ExportSample, fixedValuesSupported: Bool) -> [ExportMatch]
}

extension Slice {
    /// The keys under `inputs:` this slice reads: its schemas' names.
    public static var inputKeys: [String] { schemas.map(\.dataset) }

    public static var rowBooks: [RowBook<Self>] { [] }

    public static func index(_ rows: Rows, dataset: TrustDataset, context: AnalysisContext) -> Index { index(rows, context: context) }

    public static func writeTrustSheets(_ part: TrustPart, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {}

    public static func trustFiles(_ part: TrustPart) -> [String] { [] }

    public static func recognise(_ sample: ExportSample, fixedValuesSupported: Bool) -> [ExportMatch] {
        schemas.map { ExportRecogniser.match(sample, schema: $0, fixedValuesSupported: fixedValuesSupported) }
    }

    public static func writeTrustFile(_ name: String, part: TrustPart, trust: TrustReport, context: AnalysisContext, to path: String) throws {}
}

extension Slice where FirstRead == Rows {
    /// Slices that do not need the roster are done after their first read.
    public static func finish(_ first: Rows, inputs: SliceInputs<Self>, roster: PupilRoster, log: inout ImportLog) throws -> Rows { first }
}

/// A slice's part of a school or trust report: the figures it adds to `measures.csv`.
public protocol SliceReport: Sendable {
    var measures: [MeasureRow] { get set }
}

/// A slice's block of the pipeline file. Every field has a default, so the block may be left out;
/// `keys` are the block's keys, checked by the strict pipeline reader (`PipelineKeys`).
public protocol SliceSettings: Decodable, Sendable {
    init()
    static var keys: [String] { get }
}
