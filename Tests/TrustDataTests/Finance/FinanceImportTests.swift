import Testing
@testable import TrustData

/// `finance_bad.csv`: eight rows, worked by hand — four kept with reconciliation warnings, four rejected.
@Suite struct FinanceImportTests {
    let register = SchoolRegister([
        School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100002", name: "Birch Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100003", name: "Cedar Academy", laName: "Suffolk", phase: "Primary", capacity: nil),
        School(urn: "100004", name: "Damson Primary", laName: "Essex", phase: "Primary", capacity: nil),
        School(urn: "100005", name: "Elm Primary", laName: "Suffolk", phase: "Primary", capacity: nil),
    ])

    func read() throws -> ImportOutcome<FinanceRecord> {
        var seen: Set<String> = []
        return try FinanceImporter.read(path: fixturePath("finance/finance_bad.csv"), displayName: "finance_bad.csv",
                                        register: register, seen: &seen)
    }

    @Test func everyRowIsAccountedFor() throws {
        let o = try read()
        #expect(o.stats.rowsRead == 8)
        #expect(o.stats.rowsAccepted == 4)
        #expect(o.stats.rowsRejected == 4)
        #expect(o.stats.warnings == 4)
        #expect(o.records.map(\.urn) == ["100001", "100002", "100003", "CENTRAL"])
        let rejected = o.issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        #expect(rejected == ["5 gag_income out_of_range", "6 urn unknown_school", "7 urn duplicate_key", "8 status unknown_code"])
        let negative = try #require(o.issues.first { $0.line == 5 })
        #expect(negative.message.contains("-£500,000"))
        #expect(negative.value == "-500000")
    }

    @Test func reconciliationDifferencesGiveTheAmounts() throws {
        let warnings = try read().issues.filter { $0.code == .doesNotAddUp }
        #expect(warnings.map { "\($0.line ?? 0) \($0.column ?? "")" } == [
            "2 total_income", "3 revenue_reserves_carried_forward", "4 staff_costs", "9 revenue_reserves_carried_forward"])
        // Alder: 1,000,000 + 100,000 + 50,000 + 50,000 = 1,200,000 against a total of 1,210,000.
        #expect(warnings[0].message == "100001 2024/25 actual: income parts add up to £1,200,000 (GAG £1,000,000 + other DfE £100,000 + other government £50,000 + self-generated £50,000) but total income is £1,210,000: a difference of £10,000.")
        // Birch: 14,000 + (900,000 − 890,000) + 5,000 transfers = 29,000, but 34,000 carried forward.
        #expect(warnings[1].message == "100002 2024/25 actual: carried forward should be brought forward £14,000 + in-year balance £10,000 (income £900,000 − expenditure £890,000) + transfers £5,000 = £29,000, but is £34,000: a difference of £5,000.")
        #expect(warnings[2].message.contains("staff costs £1,100,000 are more than total expenditure £1,000,000 (by £100,000)"))
        // Central: 90,000 + 10,000 − 2,000 = 98,000 against 100,000; CENTRAL is not checked against the register.
        #expect(warnings[3].message.hasSuffix("= £98,000, but is £100,000: a difference of £2,000."))
        #expect(warnings[3].urn == "CENTRAL")
    }

    @Test func brokenRollForwardBetweenYearsIsReported() {
        let f23 = FinanceFigures(gag: 100, totalIncome: 100, totalExpenditure: 90, broughtForward: 0, carriedForward: 10)
        let f24 = FinanceFigures(gag: 100, totalIncome: 100, totalExpenditure: 100, broughtForward: 15, carriedForward: 15)
        let records = [FinanceRecord(year: AcademicYear(startYear: 2023), urn: "100001", status: .actual, figures: f23, file: "f.csv", line: 2),
                       FinanceRecord(year: AcademicYear(startYear: 2024), urn: "100001", status: .actual, figures: f24, file: "f.csv", line: 3)]
        let issues = FinanceImporter.checkContinuity(records, settings: FinanceSettings())
        #expect(issues.count == 1)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.message == "100001 2024/25 actual: reserves brought forward £15 differ from 2023/24's carried forward £10 (f.csv line 2) by £5.")
    }
}
