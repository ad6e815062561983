/// Ofsted: each school's latest inspection from Ofsted's management-information file (report-card
/// grades from November 2025, the latest graded OEIF inspection, the latest ungraded one), as figures
/// the card, the overview and the frameworks read ("requires improvement" triggers intensive support).
public enum OfstedSlice: Slice {
    public typealias Settings = OfstedSettings
    public typealias Rows = OfstedData
    public typealias Index = [String: OfstedRecord]
    public typealias SchoolPart = OfstedSchoolReport
    public typealias TrustPart = OfstedTrustReport
    public static let id = "ofsted"
    public static var schemas: [DatasetSchema] { [OfstedImporter.schema] }
    public static var measureDefinitions: [MeasureDefinition] { OfstedMeasures.definitions }

    public static func read(_ inputs: SliceInputs<OfstedSlice>) throws -> (OfstedData, ImportLog)? {
        let paths = inputs.paths(id)
        guard !paths.isEmpty else { return nil }
        var log = ImportLog()
        var records: [String: OfstedRecord] = [:]
        for path in paths {
            // Several releases: the row of the later file (as listed) replaces the earlier one.
            for r in log.take(try OfstedImporter.read(path: inputs.resolve(path), displayName: path,
                                                      options: inputs.options(id, path: path), register: inputs.register)) {
                records[r.urn] = r
            }
        }
        return (OfstedData(records: records.keys.sorted().map { records[$0]! }), log)
    }

    public static func index(_ rows: OfstedData, context: AnalysisContext) -> [String: OfstedRecord] {
        Dictionary(rows.records.map { ($0.urn, $0) }, uniquingKeysWith: { _, b in b })
    }

    public static func school(_ school: School, index: [String: OfstedRecord], context: AnalysisContext) -> OfstedSchoolReport {
        var report = OfstedSchoolReport()
        report.record = index[school.urn]
        if let record = report.record { report.measures = OfstedMeasures.rows(record, school: school, context: context) }
        return report
    }

    /// School-level only: the trust has no pooled Ofsted figure.
    public static func trust(_ index: [String: OfstedRecord], schools: [OfstedSchoolReport], context: AnalysisContext) -> OfstedTrustReport {
        OfstedTrustReport()
    }

    /// No sheet of its own: the inspection is on the academy card and the overview.
    public static func writeSchoolSheets(_ part: OfstedSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {}
}

/// The schools' rows, one per URN. School-level, no pupils: nothing to pseudonymise.
public struct OfstedData: Sendable, Pseudonymisable {
    public var records: [OfstedRecord]
    public init(records: [OfstedRecord] = []) { self.records = records }
    public func pseudonymised(by p: Pseudonymiser) -> OfstedData { self }
}

public struct OfstedSchoolReport: SliceReport {
    public var measures: [MeasureRow] = []
    public var record: OfstedRecord?
    public init() {}
}

public struct OfstedTrustReport: SliceReport {
    public var measures: [MeasureRow] = []
    public init() {}
}

/// The `ofsted:` block: nothing to set yet.
public struct OfstedSettings: SliceSettings, Hashable {
    public init() {}
    public init(from decoder: Decoder) throws {}
    public static var keys: [String] { [] }
}

extension TrustDataset {
    public var ofsted: OfstedData? {
        get { rows(OfstedSlice.self) }
        set { setRows(newValue, for: OfstedSlice.self) }
    }
}

extension SchoolReport {
    public var ofsted: OfstedSchoolReport? {
        get { part(OfstedSlice.self) }
        set { setPart(newValue, for: OfstedSlice.self) }
    }
}

extension InputFiles {
    public var ofsted: FileList? {
        get { self["ofsted"] }
        set { self["ofsted"] = newValue }
    }
}
