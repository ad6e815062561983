import Testing
@testable import TrustData

/// The published layouts in `Fixtures/finance/published/` (fictional Oak Learning Trust), read through
/// the shipped mapping `inputs/reference/finance-line-codes.csv`. Every figure worked by hand.
@Suite struct PublishedFinanceImportTests {
    let register = SchoolRegister([
        School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100002", name: "Birch Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100003", name: "Cedar Academy", laName: "Suffolk", phase: "Primary", capacity: nil),
        School(urn: "100004", name: "Damson Primary", laName: "Essex", phase: "Primary", capacity: nil),
    ])

    static func map() throws -> FinanceLineMap {
        var log = ImportLog()
        return try FinanceLineMap.load(folder: fixturePath("../../../inputs/reference"), displayFolder: "inputs/reference", log: &log)
    }

    func academy(_ name: String, _ layout: FinanceLayout) throws -> ImportOutcome<FinanceRecord> {
        var seen: Set<String> = []
        return try AcademyReturnImporter.read(path: fixturePath("finance/published/\(name)"), displayName: name, layout: layout,
                                              map: try Self.map(), fileYear: PerformanceTablesImporter.year(inFileName: name),
                                              register: register, settings: FinanceSettings(), seen: &seen)
    }

    func forecast(_ names: [(String, FinanceLayout)]) throws -> (records: [FinanceRecord], issues: [DataQualityIssue], stats: [ImportStats]) {
        var seen: Set<String> = []
        var records: [FinanceRecord] = [], issues: [DataQualityIssue] = [], stats: [ImportStats] = []
        for (name, layout) in names {
            let o = try BudgetForecastImporter.read(path: fixturePath("finance/published/\(name)"), displayName: name, layout: layout,
                                                    map: try Self.map(), fileYear: PerformanceTablesImporter.year(inFileName: name),
                                                    settings: FinanceSettings(), seen: &seen)
            records += o.records
            issues += o.issues
            stats.append(o.stats)
        }
        return (records, issues, stats)
    }

    @Test func theMappingIsDatedByReturnYear() throws {
        let map = try Self.map()
        let y2324 = AcademicYear(startYear: 2023), y2223 = AcademicYear(startYear: 2022)
        #expect(map.lines(.aarAcademy, year: y2324).contains { $0.code == "BAI010-T" && $0.field == .gag })
        #expect(!map.lines(.aarAcademy, year: y2223).contains { $0.code == "BAI010-T" })
        #expect(map.lines(.aarAcademy, year: y2223).contains { $0.code == "BNCH44001" && $0.field == .carriedForward })
        // Every line carries DfE's description; GAG's line is marked as an assumption.
        #expect(map.lines.allSatisfy { !$0.description.isEmpty })
        #expect(map.lines.first { $0.code == "BAI010-T" }?.confirmed == false)
        #expect(map.lines.first { $0.code == "BAB030-T" }?.confirmed == true)
    }

    /// Alder: income 1,000,000 GAG + 60,000 other DfE + 40,000 LA/other government + 45,500 self-generated =
    /// 1,145,500 (BAI160-T, 50,000 inherited funds, is not income); staff BAE010–070 = 870,000; other costs
    /// 220,000; expenditure 1,090,000; BAE290-T 5,000 is a transfer out; closing balance 65,000 = 6.5% of GAG.
    @Test func academiesAccountsReturnLineCodes() throws {
        let o = try academy("aar_academies_2023-24.csv", .aarAcademy)
        #expect(o.stats.rowsRead == 5)
        #expect(o.stats.rowsAccepted == 3)
        #expect(o.stats.rowsRejected == 2)
        #expect(o.records.map(\.urn) == ["100001", "100002", "100003"])
        let alder = try #require(o.records.first).figures
        #expect(alder.gag == 1_000_000)
        #expect(alder.otherDfE == 60_000)
        #expect(alder.otherGovernment == 40_000)
        #expect(alder.selfGenerated == 45_500)
        #expect(alder.totalIncome == 1_145_500)
        #expect(alder.staffCosts == 870_000)
        #expect(alder.totalExpenditure == 1_090_000)
        #expect(alder.transfers == -5_000)
        #expect(alder.carriedForward == 65_000)
        #expect(alder.broughtForward == nil)
        #expect(o.records.allSatisfy { $0.status == .actual && $0.year == AcademicYear(startYear: 2023) && $0.source == "AAR" })
        // Birch 860,000 − 890,000; Cedar 1,200,000 − 1,250,000 with −10,000 reserves.
        #expect(o.records[1].figures.inYearBalance == -30_000)
        #expect(o.records[2].figures.carriedForward == -10_000)
        let rejected = o.issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "") \($0.code.rawValue)" }
        #expect(rejected == ["4 URN 999999 unknown_school", "6 BAE010-T 12,5OO invalid_number"])
        // The file has no brought-forward line: said once, for the file.
        let notice = try #require(o.issues.first { $0.code == .measuresUnavailable })
        #expect(notice.message.contains("no reserves brought forward"))
        #expect(!o.issues.contains { $0.code == .measuresUnavailable && $0.message.contains("no GAG") })
    }

    @Test func olderReturnsUseTheirOwnHeadings() throws {
        let o = try academy("aar_academies_2022-23.csv", .aarAcademy)
        let f = try #require(o.records.first).figures
        // 950,000 EFA revenue grants + 10,000 facilities; 800,000 teaching + 150,000 energy; closing 10,000.
        #expect(f.gag == 950_000)
        #expect(f.totalIncome == 960_000)
        #expect(f.staffCosts == 800_000)
        #expect(f.totalExpenditure == 950_000)
        #expect(f.carriedForward == 10_000)
        #expect(o.records.first?.year == AcademicYear(startYear: 2022))
    }

    /// Alder reconciles: grants 1,100,000 + self-generated 45,500 − revenue to capital 5,000 = 1,140,500; the
    /// eight spending categories 870,000 + 220,000 = 1,090,000; in-year balance 50,500. Birch does not:
    /// 840,000 + 20,000 = 860,000 against Total Income 870,000, and 750,000 + 140,000 = 890,000 against
    /// Total Expenditure 900,000. Both are kept (the CFO decides which figure is wrong).
    @Test func benchmarkingTransparencyFileAndItsChecks() throws {
        let o = try academy("AcademiesTransparency_2023-24.csv", .benchmarking)
        #expect(o.stats.rowsRead == 2)
        #expect(o.stats.rowsAccepted == 2)
        let alder = try #require(o.records.first).figures
        #expect(alder.totalIncome == 1_140_500)
        #expect(alder.totalExpenditure == 1_090_000)
        #expect(alder.staffCosts == 870_000)
        #expect(alder.carriedForward == 65_000)
        #expect(alder.gag == 1_000_000)
        #expect(alder.pupilsFTE == 210)
        // The establishment "Type" column (Academy converter) is never the finance status.
        #expect(o.records.allSatisfy { $0.status == .actual })
        let checks = o.issues.filter { $0.code == .doesNotAddUp }
        #expect(checks.map { "\($0.line ?? 0) \($0.column ?? "")" } == ["3 Total Income", "3 Total Expenditure"])
        #expect(checks[0].message == "100002 2023/24 benchmarking file: the income lines add up to £860,000 but the total income line is £870,000: a difference of £10,000.")
        #expect(checks[1].message == "100002 2023/24 benchmarking file: the expenditure lines add up to £890,000 but the total expenditure line is £900,000: a difference of £10,000.")
    }

    /// Only Total Income, Total Expenditure and `Revenue reserve` (lower-case r): the file is used, and the
    /// measures it cannot give are named once. `(5,000)` is a negative reserve.
    @Test func aFileWithoutGAGOrBroughtForwardSaysWhatItCannotGive() throws {
        let o = try academy("sfb_academies_2022-23.csv", .benchmarking)
        #expect(o.records.count == 2)
        #expect(o.records[0].figures.carriedForward == 10_000)
        #expect(o.records[1].figures.carriedForward == -5_000)
        #expect(o.records.allSatisfy { $0.figures.gag == nil && $0.figures.staffCosts == nil })
        let notices = o.issues.filter { $0.code == .measuresUnavailable }.map(\.message)
        #expect(notices.count == 3)
        #expect(notices[0].hasPrefix("The benchmarking file has no GAG: reserves as % of GAG"))
        #expect(notices[1].contains("no reserves brought forward"))
        #expect(notices[2].contains("no staff costs"))
        let m = ReservesMeasure(o.records[0].figures)
        #expect(m.reservesPctGAG == nil)
        #expect(m.reservesPctIncome! == 10_000 * 100 / 960_000.0)
        // The category still comes: without the GAG tests, and saying why.
        let y = FinanceYear(year: AcademicYear(startYear: 2022), basis: .actual, figures: o.records[0].figures)
        let c = FinanceCategoryResult.assess(y, overProfile: [], previous: nil, settings: FinanceSettings())
        #expect(c.category == .concerning)
        #expect(c.reasons.first == "reserves as % of GAG cannot be given: the figures have no GAG line")
    }

    /// BFR 2024/25 (£ thousands): 2023/24 actual income 2,225 + 1,588 = 3,813k, expenditure 3,810k, reserve
    /// 150k; 2024/25 forecast 3,980k − 4,020k = −40k, reserve 110k; 2025/26 published income 4,089k (its parts
    /// add up to 4,079k), expenditure 4,140k, reserve 59k. The three-year summary adds 2026/27 (4,150k −
    /// 4,160k, reserve 39k) and 2027/28 (4,230k − 4,200k, reserve 69k); its 2025/26 is the main return's year.
    @Test func budgetForecastReturnGivesTheTrustsYears() throws {
        let r = try forecast([("bfr_2024-25.csv", .bfr), ("bfr_3y_2024-25.csv", .bfr3y)])
        let byYear = Dictionary(uniqueKeysWithValues: r.records.map { ($0.year.description, $0) })
        #expect(r.records.map(\.year.description) == ["2023/24", "2024/25", "2025/26", "2026/27", "2027/28"])
        #expect(r.records.allSatisfy { $0.urn == MeasureRow.trustURN })
        #expect(byYear["2023/24"]?.status == .actual)
        #expect(byYear["2024/25"]?.status == .forecast)
        let y0 = try #require(byYear["2023/24"]).figures
        #expect(y0.totalIncome == 3_813_000)
        #expect(y0.totalExpenditure == 3_810_000)
        #expect(y0.carriedForward == 150_000)
        #expect(y0.staffCosts == 2_900_000)
        #expect(y0.pupilsFTE == 702)
        #expect(y0.gag == nil)
        let y1 = try #require(byYear["2024/25"]).figures
        #expect(y1.inYearBalance == -40_000)
        #expect(y1.carriedForward == 110_000)
        let y2 = try #require(byYear["2025/26"]).figures
        #expect(y2.totalIncome == 4_089_000)
        #expect(y2.carriedForward == 59_000)
        #expect(byYear["2026/27"]?.figures.inYearBalance == -10_000)
        #expect(byYear["2026/27"]?.figures.carriedForward == 39_000)
        #expect(byYear["2027/28"]?.figures.carriedForward == 69_000)
        #expect(byYear["2027/28"]?.figures.pupilsFTE == 720)
        // Line 210 has `n/a` in Y2P1: that row is rejected and counted; line 107 is not in the mapping.
        #expect(r.stats[0].rowsRead == 12)
        #expect(r.stats[0].rowsRejected == 1)
        #expect(r.issues.contains { $0.severity == .rejected && $0.value == "n/a" && $0.column == "Y2P1" })
        let unknown = try #require(r.issues.first { $0.code == .unknownCode })
        #expect(unknown.message.hasPrefix("1 line(s) of the BFR are not in finance-line-codes.csv and are not used: 107."))
        let checks = r.issues.filter { $0.code == .doesNotAddUp }
        #expect(checks.count == 1)
        #expect(checks.first?.message == "Trust 2025/26 BFR: the income lines add up to £4,079,000 but the total income line is £4,089,000: a difference of £10,000.")
        #expect(r.issues.contains { $0.code == .measuresUnavailable && $0.message.contains("no GAG") })
        #expect(r.issues.contains { $0.code == .duplicateKey && $0.file == "bfr_3y_2024-25.csv" && $0.value == "2025/26" })
    }

    /// `finance.csv` with an establishment `Type` column and no status: the status column is missing, never
    /// read from `Type`.
    @Test func anEstablishmentTypeColumnIsNeverTheStatus() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/finance.csv"
        try "financial_year,urn,Type,gag_income,other_dfe_income,other_government_income,self_generated_income,total_income,staff_costs,total_expenditure,revenue_reserves_brought_forward,revenue_reserves_carried_forward\n2024/25,100001,Academy converter,100,0,0,0,100,50,90,0,10\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var seen: Set<String> = []
        #expect(throws: ImportError.self) {
            _ = try FinanceImporter.read(path: path, displayName: "finance.csv", register: register, seen: &seen)
        }
    }
}
