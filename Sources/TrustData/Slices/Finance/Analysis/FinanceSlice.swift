/// The finance slice: imports `finance.csv` and `budget_monitoring.csv`, computes reserves measures
/// and the finance category per academy, and consolidates central services and the trust.
public enum FinanceSlice: Slice {
    public typealias Settings = FinanceSettings
    public typealias Rows = FinanceData
    public typealias FirstRead = FinanceData
    public typealias Index = FinanceAcademies
    public typealias SchoolPart = FinanceSchoolReport
    public typealias TrustPart = FinanceTrustReport
    public static let id = "finance"
    public static var measureDefinitions: [MeasureDefinition] { MeasureCatalog.financeMeasures }
    public static var schemas: [DatasetSchema] {
        [FinanceImporter.schema, BudgetMonitoringImporter.schema, AcademyReturnImporter.schema(.aarAcademy),
         AcademyReturnImporter.schema(.benchmarking), BudgetForecastImporter.schema(.bfr), BudgetForecastImporter.schema(.bfr3y)]
    }

    /// Reads the finance and budget-monitoring files (they need only the register); nil when the
    /// pipeline names none.
    public static func read(_ inputs: SliceInputs<FinanceSlice>) throws -> (FinanceData, ImportLog)? {
        let financePaths = inputs.paths("finance")
        let monitoringPaths = inputs.paths("budget_monitoring")
        guard !inputs.isEmpty else { return nil }
        var log = ImportLog()
        let settings = inputs.settings
        let register = inputs.register
        var previous: [String: TrustCategory] = [:]
        for (urn, text) in settings.previousCategories.sorted(by: { $0.key < $1.key }) {
            guard let category = TrustCategory(parsing: text) else {
                throw PipelineError.configuration("finance.previous_categories: `\(text)` for URN \(urn) is not a finance category; use Universal, Concerning, Poor, Deficient or Unacceptable.")
            }
            previous[urn] = category
        }
        var data = FinanceData(previousCategories: previous)
        var seen: Set<String> = []
        for path in financePaths {
            let outcome = try FinanceImporter.read(path: inputs.resolve(path), displayName: path,
                                                   options: inputs.options("finance", path: path),
                                                   register: register, settings: settings, seen: &seen)
            data.issues += outcome.issues
            data.records += log.take(outcome)
        }
        let published = try PublishedFinanceFiles.read(inputs, seen: &seen, log: &log)
        data.issues += published.issues
        data.records += published.records.filter { $0.urn != MeasureRow.trustURN }
        data.trustRecords = published.records.filter { $0.urn == MeasureRow.trustURN }
        let continuity = FinanceImporter.checkContinuity(data.records, settings: settings)
        data.issues += continuity
        log.add(continuity)
        var seenLines: Set<String> = []
        for path in monitoringPaths {
            let outcome = try BudgetMonitoringImporter.read(path: inputs.resolve(path), displayName: path,
                                                            options: inputs.options("budget_monitoring", path: path),
                                                            register: register, seen: &seenLines)
            data.issues += outcome.issues
            data.monitoring += log.take(outcome)
        }
        return (data, log)
    }

    public static func index(_ rows: FinanceData, context: AnalysisContext) -> FinanceAcademies { FinanceAcademies(data: rows, context: context) }

    /// With the trust judgements file's reviews: the previous review's set category decides Unacceptable.
    public static func index(_ rows: FinanceData, dataset: TrustDataset, context: AnalysisContext) -> FinanceAcademies {
        FinanceAcademies(data: rows, context: context, reviews: dataset.rows(JudgementsSlice.self)?.records ?? [])
    }

    public static func school(_ school: School, index: FinanceAcademies, context: AnalysisContext) -> FinanceSchoolReport {
        self.school(school, academies: index, context: context)
    }

    /// The indicated category beside the one set (trust judgements) and the previous one.
    public static func categoryView(_ a: FinanceSchoolReport, judgement: FinanceJudgement?) -> FinanceCategoryView? {
        guard let indicated = a.category else { return nil }
        return FinanceCategoryView(indicated: indicated, judgement: judgement, previous: a.previousCategory ?? a.lastYearIndicated,
                                   previousFromFigures: a.previousCategory == nil)
    }

    public static func trust(_ index: FinanceAcademies, schools: [FinanceSchoolReport], context: AnalysisContext) -> FinanceTrustReport {
        trust(data: index.data, schools: schools, context: context)
    }

    public static func writeSchoolSheets(_ part: FinanceSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        try FinanceSheets.writeSchoolSheets(part, school: school, workbook: workbook, context: context)
    }

    /// `reserves.xlsx`, when any year has figures to consolidate.
    public static func trustFiles(_ part: FinanceTrustReport) -> [String] {
        FinanceSheets.hasReservesWorkbook(part) ? ["reserves.xlsx"] : []
    }

    public static func writeTrustFile(_ name: String, part: FinanceTrustReport, trust: TrustReport, context: AnalysisContext, to path: String) throws {
        try FinanceSheets.writeReservesWorkbook(part, trust: trust, context: context, to: path)
    }

    public static func school(_ school: School, data: FinanceData, context: AnalysisContext) -> FinanceSchoolReport {
        self.school(school, academies: FinanceAcademies(data: data, context: context), context: context)
    }

    /// One academy from the records indexed once for the whole run (`FinanceAcademies`).
    public static func school(_ school: School, academies: FinanceAcademies, context: AnalysisContext) -> FinanceSchoolReport {
        let data = academies.data
        let settings = context.config.finance
        var report = FinanceSchoolReport(school: school)
        let records = academies.records(at: school.urn)
        let lines = academies.monitoring(at: school.urn)
        report.monitoring = MonitoringReport.latest(lines, year: context.year)
        // One forecast: the latest monitoring outturn replaces the budget file's forecast expenditure.
        (report.years, report.forecast) = ForecastReconciliation.apply(FinanceYear.headline(records), monitoring: report.monitoring,
                                                                       urn: school.urn, name: school.name)
        // The previous review: the trust judgements file's, else finance.csv's column, else the pipeline's setting.
        let fromFile = records.filter { $0.year == context.year }.sorted { $0.status < $1.status }.compactMap(\.previousCategory).first
        report.previousReview = academies.previousReview(at: school.urn)
            ?? fromFile.map { PreviousReview(category: $0, source: .financeFile) }
            ?? data.previousCategories[school.urn].map { PreviousReview(category: $0, source: .setting) }

        for y in report.years {
            report.measures += ReservesMeasure.rows(y, urn: school.urn, name: school.name, school: school, context: context)
            let central = academies.central.first { $0.year == y.year }
            let academyYears = academies.academyYears.filter { $0.year == y.year }
            if let share = TrustConsolidation.centralShare(year: y.year, academies: academyYears, central: central),
               let fte = y.figures.pupilsFTE {
                var r = context.measure("finance.central_reserve_share", year: y.year, school: school,
                                        value: share.perPupil * fte, numerator: share.perPupil, denominator: fte)
                r.text = "\(FinanceText.money(share.perPupil)) per pupil × \(FinanceText.number(fte)) pupils"
                report.centralShare[y.year] = share.perPupil * fte
                report.measures.append(r)
            }
        }
        if let current = report.years.first(where: { $0.year == context.year }) {
            let over = report.monitoring?.overProfile(marginPct: settings.overProfileMarginPct) ?? []
            let result = FinanceCategoryResult.assess(current, overProfile: over, previousReview: report.previousReview, settings: settings)
            report.category = result
            var row = context.measure("finance.category", year: context.year, school: school, value: nil)
            row.text = result.category.rawValue
            report.measures.append(row)
            var reasons = context.measure("finance.category_reasons", year: context.year, school: school, value: nil)
            reasons.text = result.reasonText
            report.measures.append(reasons)
            if let last = report.years.first(where: { $0.year == context.year.previous }) {
                report.lastYearIndicated = FinanceCategoryResult.assess(last, overProfile: [], previous: nil, settings: settings).category
            }
            if let previous = report.previousCategory {
                var p = context.measure("finance.previous_category", year: context.year, school: school, value: nil)
                p.text = previous.rawValue
                report.measures.append(p)
            }
        } else if !report.years.isEmpty || !lines.isEmpty {
            report.categoryNote = "No finance figures for \(context.year): no category."
        }
        if let monitoring = report.monitoring {
            report.measures += monitoring.rows(urn: school.urn, name: school.name, school: school, context: context)
        }
        return report
    }

    public static func trust(data: FinanceData, schools: [FinanceSchoolReport], context: AnalysisContext) -> FinanceTrustReport {
        let settings = context.config.finance
        var report = FinanceTrustReport(leadYear: context.year, settings: settings)
        report.academies = schools
        report.issues = data.issues
        report.centralMonitoring = MonitoringReport.latest(data.monitoring.filter { $0.urn == MeasureRow.centralURN }, year: context.year)
        let centralForecast: ForecastReconciliation?
        (report.central, centralForecast) = ForecastReconciliation.apply(FinanceYear.headline(data.records.filter(\.isCentral)),
                                                                         monitoring: report.centralMonitoring,
                                                                         urn: MeasureRow.centralURN, name: TrustConsolidation.centralName)
        report.forecasts = schools.compactMap(\.forecast) + [centralForecast].compactMap { $0 }
        report.trustYears = TrustConsolidation.consolidate(academies: schools, central: report.central,
                                                           returned: FinanceYear.headline(data.trustRecords), settings: settings)

        let centralName = TrustConsolidation.centralName
        for y in report.central {
            report.measures += ReservesMeasure.rows(y, urn: MeasureRow.centralURN, name: centralName, school: nil, context: context)
            if let share = report.trustYears.first(where: { $0.year == y.year })?.centralShare {
                var r = context.measure("finance.central_reserve_per_pupil", year: y.year, school: nil,
                                        value: share.perPupil, numerator: share.centralReserves, denominator: share.pupils)
                r.urn = MeasureRow.centralURN
                r.school = centralName
                report.measures.append(r)
            }
        }
        if let m = report.centralMonitoring {
            report.measures += m.rows(urn: MeasureRow.centralURN, name: centralName, school: nil, context: context)
        }
        for t in report.trustYears {
            report.measures += ReservesMeasure.rows(t.consolidated, urn: MeasureRow.trustURN, name: context.config.trust, school: nil, context: context)
            if let flag = t.flag {
                var r = context.measure("finance.dfe_reserves_flag", year: t.year, school: nil,
                                        value: t.consolidated.measure.reservesPctIncome,
                                        numerator: t.consolidated.figures.carriedForward, denominator: t.consolidated.figures.totalIncome)
                r.text = flag.rawValue
                report.measures.append(r)
            }
        }
        return report
    }
}

/// The imported finance records.
public struct FinanceData: Sendable, Pseudonymisable {
    public var records: [FinanceRecord] = []
    public var monitoring: [MonitoringLine] = []
    /// Trust-level figures (the budget forecast return): the trust's forecast years.
    public var trustRecords: [FinanceRecord] = []
    /// Every finance data-quality issue (reconciliation differences with their amounts), for the
    /// CFO's Checks sheet.
    public var issues: [DataQualityIssue] = []
    /// From the pipeline's `finance.previous_categories`.
    public var previousCategories: [String: TrustCategory] = [:]

    public init(records: [FinanceRecord] = [], monitoring: [MonitoringLine] = [], previousCategories: [String: TrustCategory] = [:]) {
        self.records = records
        self.monitoring = monitoring
        self.previousCategories = previousCategories
    }

    /// Finance rows are about academies and central services, never pupils: nothing to replace.
    public func pseudonymised(by p: Pseudonymiser) -> FinanceData { self }

    /// The best-informed year of every academy in the register (not central services).
    func academyYears(register schools: [School]) -> [FinanceYear] {
        schools.flatMap { s in FinanceYear.headline(records.filter { $0.urn == s.urn }) }
    }
}

public struct FinanceSchoolReport: Sendable {
    public var school: School
    /// Best-informed figures per year, oldest first.
    public var years: [FinanceYear] = []
    /// The category for the pipeline's year (nil when the academy has no figures for it).
    public var category: FinanceCategoryResult?
    public var categoryNote: String?
    /// The review before this one: its set category and warning notice (`PreviousReview`).
    public var previousReview: PreviousReview?
    public var previousCategory: TrustCategory? { previousReview?.category }
    /// The category last year's figures indicate: the comparison for "change since last year" when no
    /// previous review's category is given.
    public var lastYearIndicated: TrustCategory?
    /// The latest month of budget monitoring in the pipeline's year.
    public var monitoring: MonitoringReport?
    /// The budget file's forecast against the monitoring outturn that replaced it, when it did.
    public var forecast: ForecastReconciliation?
    /// The academy's share of the central reserve (£), per year, when pupils are given.
    public var centralShare: [AcademicYear: Double] = [:]
    public var measures: [MeasureRow] = []

    public init(school: School) { self.school = school }
}

public struct FinanceTrustReport: Sendable {
    public var leadYear: AcademicYear
    public var settings: FinanceSettings
    public var academies: [FinanceSchoolReport] = []
    public var central: [FinanceYear] = []
    public var centralMonitoring: MonitoringReport?
    public var trustYears: [TrustFinanceYear] = []
    /// Every forecast the monitoring outturn replaced (academies, then central services).
    public var forecasts: [ForecastReconciliation] = []
    public var issues: [DataQualityIssue] = []
    public var measures: [MeasureRow] = []

    public init(leadYear: AcademicYear, settings: FinanceSettings) {
        self.leadYear = leadYear
        self.settings = settings
    }

    /// Every year with any figures, oldest first.
    public var years: [AcademicYear] { trustYears.map(\.year) }
}
