/// Trust-wide presentation and privacy settings (the `settings:` block of a pipeline file).
public struct PipelineSettings: FieldDecodable, Sendable, Hashable {
    /// Groups smaller than this are flagged as small cohorts (domain.md: default 5).
    public var minGroupSize: Int = 5
    /// Show pupil-level rows in trust-level outputs (off by default: privacy).
    public var pupilLevelInTrust: Bool = false
    /// RAG colouring by difference from national, in percentage points: green at or above
    /// `green_from`, red below `red_below`, amber between.
    public var ragGreenFrom: Double = 0
    public var ragRedBelow: Double = -5
    /// RAG thresholds per kind of measure (attendance, absence, attainment, scaled score), each
    /// defaulting to the trust's own policy; stated in every sheet's legend.
    public var rag = RAGThresholds()
    /// The date printed as "As at" on every page; without it, the newest data in the run (never the
    /// clock: the same inputs give byte-identical workbooks).
    public var asAt: CalendarDate?
    /// Money in every workbook: `thousands` (£1,160k, as trustees' papers show it; the default) or
    /// `pounds` (£1,159,934). Amounts per pupil stay in whole pounds.
    public var moneyUnit: MoneyUnit = .thousands
    /// Threads for the per-school fan-out; 0 means one per core.
    public var threads: Int = 0
    /// Replace UPNs and names with keyed pseudonyms right after import (`trustdata run --pseudonymise`).
    public var pseudonymise: Bool = false
    /// The secret for pseudonyms (or env TRUSTDATA_PSEUDONYMISE_KEY); never written to any output.
    public var pseudonymiseKey: String?
    /// Which England KS2 figure the national column shows where DfE publishes two (domain.md, "Which
    /// national figure"): `headline` (state-funded schools, RECTYPE 5; what trusts quote; the default) or
    /// `la_table` (the England row of the LA tables, LAIT). Where the chosen one is not published the
    /// other is used, and the basis is named beside every national figure either way.
    public var nationalBasis: BenchmarkBasis = .headline

    public init() {}

    /// The `settings:` keys, each once, decoded in this order (`rag` defaults from the two before it).
    public static var fields: [SettingField<PipelineSettings>] {
        [
            .value("min_group_size", \.minGroupSize),
            .value("pupil_level_in_trust", \.pupilLevelInTrust),
            .value("rag_green_from", \.ragGreenFrom),
            .value("rag_red_below", \.ragRedBelow),
            .custom("rag") { s, c, key in
                s.rag = try c.decodeIfPresent(RAGThresholds.self, forKey: key)
                    ?? RAGThresholds(attainmentGreenFrom: s.ragGreenFrom, attainmentRedBelow: s.ragRedBelow)
            },
            .custom("as_at") { s, c, key in
                guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return }
                guard let date = CalendarDate(parsing: text) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "`\(text)` is not a date: write it as 2025-01-10 or 10/01/2025")
                }
                s.asAt = date
            },
            .value("money_unit", \.moneyUnit),
            .value("threads", \.threads),
            .value("pseudonymise", \.pseudonymise),
            .value("pseudonymise_key", \.pseudonymiseKey),
            .custom("national_basis") { s, c, key in
                let basis = try c.decodeIfPresent(String.self, forKey: key) ?? s.nationalBasis.rawValue
                guard let b = BenchmarkBasis(rawValue: basis), BenchmarkBasis.choosable.contains(b) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c,
                        debugDescription: "`\(basis)` is not a KS2 national basis; use headline or la_table")
                }
                s.nationalBasis = b
            },
        ]
    }
}
