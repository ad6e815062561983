import Testing
@testable import TrustData

/// Each published layout read from its CSV and from its XLSX copy (`Fixtures/finance/published/*.xlsx`,
/// made by `make_xlsx.py`: one sheet, numbers stored as numbers, `n/a` and `12,5OO` as text): the same
/// records, the same row counts and the same messages, word for word. The figures themselves are worked
/// by hand in `PublishedFinanceImportTests`; the key ones are asserted again here on the XLSX.
@Suite struct PublishedFinanceXLSXTests {
    let register = PublishedFinanceImportTests().register

    /// One file read as the pipeline reads it: (records, issues, counts).
    func read(_ name: String, _ layout: FinanceLayout) throws -> ImportOutcome<FinanceRecord> {
        var seen: Set<String> = []
        let path = fixturePath("finance/published/\(name)")
        let year = PerformanceTablesImporter.year(inFileName: name)
        let map = try PublishedFinanceImportTests.map()
        switch layout {
        case .bfr, .bfr3y:
            return try BudgetForecastImporter.read(path: path, displayName: name, layout: layout, map: map, fileYear: year,
                                                   settings: FinanceSettings(), seen: &seen)
        default:
            return try AcademyReturnImporter.read(path: path, displayName: name, layout: layout, map: map, fileYear: year,
                                                  register: register, settings: FinanceSettings(), seen: &seen)
        }
    }

    /// A record without the file it came from (the only thing that differs between the two copies).
    func said(_ r: FinanceRecord) -> String {
        "\(r.year) \(r.urn) \(r.status) \(r.source) line \(r.line): \(r.figures)"
    }

    /// An issue without its file; the XLSX reader adds where in the workbook a cell is to its column
    /// ("URN (sheet AAR, column C)"): that is taken off here and checked in the tests below.
    func said(_ i: DataQualityIssue) -> String {
        let column = i.column.map { c in c.range(of: " (sheet ").map { String(c[..<$0.lowerBound]) } ?? c } ?? "-"
        return "\(i.severity) \(i.code.rawValue) line \(i.line.map(String.init) ?? "-") \(column) [\(i.value ?? "")] \(i.message)"
    }

    @Test(arguments: [("aar_academies_2023-24", FinanceLayout.aarAcademy), ("AcademiesTransparency_2023-24", .benchmarking),
                      ("bfr_2024-25", .bfr), ("bfr_3y_2024-25", .bfr3y)])
    func theXLSXCopyReadsAsTheCSV(_ base: String, _ layout: FinanceLayout) throws {
        let csv = try read(base + ".csv", layout)
        let xlsx = try read(base + ".xlsx", layout)
        #expect(!csv.records.isEmpty)
        #expect(xlsx.records.map(said) == csv.records.map(said))
        #expect(xlsx.issues.map(said) == csv.issues.map(said))
        #expect(xlsx.stats.rowsRead == csv.stats.rowsRead)
        #expect(xlsx.stats.rowsAccepted == csv.stats.rowsAccepted)
        #expect(xlsx.stats.rowsRejected == csv.stats.rowsRejected)
        #expect(xlsx.stats.warnings == csv.stats.warnings)
        #expect(xlsx.issues.allSatisfy { $0.file == base + ".xlsx" })
    }

    /// The AAR from Excel: Alder's lines add up to income 1,145,500 (GAG 1,000,000) and expenditure
    /// 1,090,000 (staff 870,000), closing 65,000. The extract publishes no total lines, so the totals are
    /// the sums of the lines; the bad row (`12,5OO`, stored as text in the XLSX too) is rejected with its
    /// line and column; the unknown URN likewise.
    @Test func accountsReturnFromExcel() throws {
        let o = try read("aar_academies_2023-24.xlsx", .aarAcademy)
        #expect(o.stats.rowsRead == 5 && o.stats.rowsAccepted == 3 && o.stats.rowsRejected == 2)
        let alder = try #require(o.records.first).figures
        #expect(alder.gag == 1_000_000 && alder.totalIncome == 1_145_500)
        #expect(alder.staffCosts == 870_000 && alder.totalExpenditure == 1_090_000)
        #expect(alder.carriedForward == 65_000 && alder.transfers == -5_000)
        #expect(o.issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "")" }
                == ["4 URN (sheet AAR, column C) 999999", "6 BAE010-T (sheet AAR, column Z) 12,5OO"])
        #expect(!o.issues.contains { $0.code == .doesNotAddUp })
    }

    /// Reconciliation from Excel, failing with the amounts: Birch's income lines 840,000 + 20,000 = 860,000
    /// against Total Income 870,000; its eight spending categories 890,000 against Total Expenditure 900,000.
    /// Alder reconciles (1,100,000 + 45,500 − 5,000 = 1,140,500; 870,000 + 220,000 = 1,090,000).
    @Test func benchmarkingChecksFromExcel() throws {
        let o = try read("AcademiesTransparency_2023-24.xlsx", .benchmarking)
        let alder = try #require(o.records.first).figures
        #expect(alder.totalIncome == 1_140_500 && alder.totalExpenditure == 1_090_000 && alder.pupilsFTE == 210)
        let checks = o.issues.filter { $0.code == .doesNotAddUp }
        #expect(checks.map { "\($0.line ?? 0) \($0.column ?? "")" } == ["3 Total Income (sheet Academies)", "3 Total Expenditure (sheet Academies)"])
        #expect(checks.map(\.message) == [
            "100002 2023/24 benchmarking file: the income lines add up to £860,000 but the total income line is £870,000: a difference of £10,000.",
            "100002 2023/24 benchmarking file: the expenditure lines add up to £890,000 but the total expenditure line is £900,000: a difference of £10,000.",
        ])
        // The establishment `Type` column (Academy converter) is never the finance status.
        #expect(o.records.allSatisfy { $0.status == .actual })
    }

    /// The BFR from Excel (£ thousands): 2024/25 forecast 3,980k − 4,020k, reserve 110k; 2025/26's income
    /// lines add up to 4,079k against the published total 4,089k (a £10,000 difference, reported); the
    /// `n/a` cell rejects its row. The three-year summary from Excel adds 2026/27 (reserve 39k) and 2027/28
    /// (reserve 69k; pupils 720, not scaled).
    @Test func budgetForecastReturnFromExcel() throws {
        let main = try read("bfr_2024-25.xlsx", .bfr)
        let byYear = Dictionary(uniqueKeysWithValues: main.records.map { ($0.year.description, $0.figures) })
        #expect(byYear["2024/25"]?.totalIncome == 3_980_000 && byYear["2024/25"]?.totalExpenditure == 4_020_000)
        #expect(byYear["2024/25"]?.carriedForward == 110_000)
        #expect(main.issues.filter { $0.code == .doesNotAddUp }.map(\.message)
                == ["Trust 2025/26 BFR: the income lines add up to £4,079,000 but the total income line is £4,089,000: a difference of £10,000."])
        #expect(main.issues.contains { $0.severity == .rejected && $0.value == "n/a" && $0.column == "Y2P1 (sheet BFR, column F)" && $0.line == 5 })
        let three = try read("bfr_3y_2024-25.xlsx", .bfr3y)
        #expect(three.records.map { "\($0.year) \($0.figures.carriedForward) \($0.figures.pupilsFTE ?? 0)" }
                == ["2025/26 49000.0 712.0", "2026/27 39000.0 715.0", "2027/28 69000.0 720.0"])
    }
}
