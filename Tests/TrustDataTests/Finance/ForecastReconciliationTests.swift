import Foundation
import Testing
@testable import TrustData

/// One finance forecast (issue 16 item 10), worked by hand from Brookfield's 2024/25 sample figures:
/// finance.csv forecast income £1,094,782, expenditure £1,087,838 (in-year +£6,944), brought forward
/// £43,182; December monitoring outturn £1,107,052 over its cost centres.
@Suite struct ForecastReconciliationTests {
    static let year = AcademicYear(startYear: 2024)

    static func forecastYear() -> FinanceYear {
        FinanceYear(year: year, basis: .forecast, figures: FinanceFigures(
            gag: 963_963, totalIncome: 1_094_782, totalExpenditure: 1_087_838, broughtForward: 43_182, carriedForward: 50_126))
    }

    static func monitoring(outturns: [Double?]) -> MonitoringReport? {
        let lines = outturns.enumerated().map { i, o in
            MonitoringLine(year: year, month: 4, urn: "138156", costCentre: "Centre \(i)", annualBudget: 500_000,
                           actualToDate: 150_000, forecastOutturn: o, line: i + 2)
        }
        return MonitoringReport.latest(lines, year: year)
    }

    @Test func outturnReplacesTheBudgetFileForecast() throws {
        let m = Self.monitoring(outturns: [600_000, 507_052])
        let (y, r) = try #require(ForecastReconciliation.apply(Self.forecastYear(), monitoring: m, urn: "138156", name: "Brookfield"))
        // Outturn 600,000 + 507,052 = 1,107,052; in-year 1,094,782 − 1,107,052 = −12,270 (a deficit the
        // budget file's +6,944 did not show); carried forward 43,182 − 12,270 = 30,912.
        #expect(y.figures.totalExpenditure == 1_107_052)
        #expect(y.figures.inYearBalance == -12_270)
        #expect(y.figures.carriedForward == 30_912)
        #expect(y.basisText == "forecast outturn, monitoring month 4 (December)")
        #expect(r.difference == 19_214)
        #expect([r.budgetBalance, r.outturnBalance] == [6_944, -12_270])
    }

    @Test func noReplacementWithoutAFullOutturnOrForAnActualYear() {
        // One cost centre without an outturn: the total has none, so the budget file stands.
        #expect(ForecastReconciliation.apply(Self.forecastYear(), monitoring: Self.monitoring(outturns: [600_000, nil]),
                                             urn: "1", name: "S") == nil)
        var actual = Self.forecastYear()
        actual.basis = .actual
        #expect(ForecastReconciliation.apply(actual, monitoring: Self.monitoring(outturns: [600_000, 507_052]),
                                             urn: "1", name: "S") == nil)
    }

    /// The sample trust end to end: Brookfield's reserves workbook row says which forecast it uses, and
    /// the Checks sheet shows the budget file against the outturn with the deficit only the outturn has.
    @Test func sampleReservesWorkbookUsesOneForecast() throws {
        var root = URL(fileURLWithPath: #filePath)
        while root.lastPathComponent != "Tests" { root.deleteLastPathComponent() }
        root.deleteLastPathComponent()
        var config = try PipelineConfig.load(path: root.path + "/pipelines/sample.yml")
        let out = try makeTemporaryFolder()
        config.output = out
        try PipelineRunner(config: config, pipelinePath: "sample", threads: 2).run()
        let book = try IndependentReader.read(out + "/reserves.xlsx")
        let summary = try #require(book["Summary"])
        // The academy's row of the summary table: the first of the rows naming it (the judgements table below names it too).
        let rows = summary.cells.filter { $0.key.hasPrefix("A") && $0.value.value?.string == "Brookfield Primary School" }
            .compactMap { Int($0.key.dropFirst()) }
        let brookfield = try #require(rows.min())
        #expect(summary.text("C\(brookfield)") == "forecast outturn, monitoring month 4 (December)")
        let checks = try #require(book["Checks"])
        #expect(checks.allText.contains("+£19,214; in-year balance +£6,944 → -£12,270 — the outturn forecasts a deficit the budget file does not"))
    }
}
