import Foundation
import Testing
@testable import TrustData

/// The academy card written to a real workbook and read back with openpyxl.
@Suite struct AcademyCardTests {
    let school = School(urn: "100001", name: "Alder Primary", laName: "Essex", phase: "Primary", capacity: 210)
    let year = AcademicYear(startYear: 2024)

    func row(_ y: String, _ m: String, _ v: Double?, num: Double? = nil, den: Double? = nil, national: Double? = nil,
             la: Double? = nil, target: Double? = nil, group: String = "all", text: String? = nil, small: Bool = false) -> MeasureRow {
        MeasureRow(year: y, urn: "100001", school: "Alder Primary", measure: m, group: group, numerator: num, denominator: den,
                   value: v, national: national, la: la, target: target, laName: "Essex", text: text, smallCohort: small)
    }

    var measures: [MeasureRow] {
        [
            row("2024/25", "context.number_on_roll", 200),
            row("2024/25", "context.disadvantaged", 30, num: 60, den: 200, national: 25.7),
            // KS2 RWM: 2022/23 55%, 2023/24 58%, 2024/25 18 of 30 = 60% vs national 62, LA 61, target 65.
            row("2022/23", "ks2.rwm.expected", 55, num: 11, den: 20, national: 59),
            row("2023/24", "ks2.rwm.expected", 58, num: 14.5, den: 25, national: 61),
            row("2024/25", "ks2.rwm.expected", 60, num: 18, den: 30, national: 62, la: 61, target: 65),
            row("2024/25", "ks2.rwm.expected", 25, num: 1, den: 4, national: 47, group: "disadvantaged", small: true),
            row("2024/25", "ks2.maths.expected", 80, num: 24, den: 30, national: 74),
            row("2023/24", "attendance.attendance_rate", 94.0, num: 9400, den: 10000, national: 94.5),
            row("2024/25", "attendance.attendance_rate", 92.0, num: 18400, den: 20000, national: 94.8),
            row("2024/25", "finance.in_year_balance", -12000),
            row("2024/25", "finance.category", nil, text: "Concerning"),
        ]
    }

    func writeCard() throws -> IndependentReader.Sheet {
        let dir = try makeTemporaryFolder()
        let path = dir + "/card.xlsx"
        let support = FrameworkEvaluator(settings: FrameworksSettings(), table: MeasureTable(measures, currentYear: year))
            .assess(urn: school.urn, school: school.name)
        let wb = try Workbook(path: path)
        try AcademyCardSheet.write(into: wb, school: school, measures: measures, support: support, year: year, settings: PipelineSettings())
        try wb.close()
        let book = try IndependentReader.read(path)
        #expect(book.sheetNames == ["Academy card"])
        return try #require(book["Academy card"])
    }

    /// The row (1-based) whose column A reads `label`.
    func rowOf(_ label: String, in sheet: IndependentReader.Sheet) throws -> Int {
        let ref = try #require(sheet.cells.first { $0.key.hasPrefix("A") && Int($0.key.dropFirst()) != nil && $0.value.value?.string == label }?.key,
                               "no row labelled \(label)")
        return Int(ref.dropFirst())!
    }

    /// The row (1-based) whose column L (the right-hand panel's labels) reads `label`, after row `after`.
    func rowOfL(_ label: String, in sheet: IndependentReader.Sheet, after: Int = 0) throws -> Int {
        let rows = sheet.cells.filter { $0.key.hasPrefix("L") && Int($0.key.dropFirst()) != nil && $0.value.value?.string == label }
            .map { Int($0.key.dropFirst())! }.filter { $0 > after }
        return try #require(rows.min(), "no row labelled \(label) in column L")
    }

    func rowWhereB(startsWith prefix: String, in sheet: IndependentReader.Sheet) throws -> Int {
        let ref = try #require(sheet.cells.first { $0.key.hasPrefix("B") && Int($0.key.dropFirst()) != nil && ($0.value.value?.string ?? "").hasPrefix(prefix) }?.key,
                               "no row whose column B starts \(prefix)")
        return Int(ref.dropFirst())!
    }

    @Test func headerAndPrintSetup() throws {
        let s = try writeCard()
        #expect(s.text("A1") == "Alder Primary — academy card 2024/25")
        // 8.0 below national on attendance → tier 3 Reinvent; attendance 2.8 below and a deficit are additional, RWM disadvantaged is small (ignored), but attendance more than 2 below national is intensive.
        #expect(s.text("A2") == "URN 100001 · Essex · Primary · Tier 3 Reinvent · Intensive support")
        #expect(s.landscape)
        #expect(s.fitToWidth == 1)
        // One page: two panels of figures, no charts (the trust workbook's Charts sheet has them).
        #expect(s.charts == 0)
    }

    @Test func ks2RowShowsYearsNTargetNationalLAAndRAG() throws {
        let s = try writeCard()
        let r = try rowOf("RWM: % expected", in: s)
        let header = 4   // one header row above both panels
        #expect(s.text("B\(header)") == "2022/23")
        #expect(s.text("D\(header)") == "2024/25")
        #expect(s.number("B\(r)") == 0.55)
        #expect(s.number("C\(r)") == 0.58)
        #expect(s.number("D\(r)") == 0.60)
        #expect(s["D\(r)"]?.numberFormat == "0.0%")
        #expect(s["D\(r)"]?.fill == "FFFFEB9C")      // 2 points below national: amber
        #expect(s.number("E\(r)") == 30)
        #expect(s.number("F\(r)").map { ($0 * 10).rounded() / 10 } == 3.3)   // one pupil of 30
        #expect(s.number("G\(r)") == 0.65)
        #expect(s.number("H\(r)") == 0.62)
        #expect(s.number("I\(r)") == 0.61)
        #expect(s.number("J\(r)") == -2)
        let maths = try rowOf("Maths: % expected", in: s)
        #expect(s["D\(maths)"]?.fill == "FFC6EFCE")  // 6 above: green
        let disadvantaged = try rowOf("RWM disadv.: % expected", in: s)
        #expect(s.number("E\(disadvantaged)") == 4)
        #expect(s["D\(disadvantaged)"]?.fill == nil) // 22 below, but a group under 5 pupils: grey italics, never coloured
    }

    @Test func blocksWithoutFiguresSaySo() throws {
        let s = try writeCard()
        // A block the run has no figures for says which data is missing, in words.
        let phonics = try rowOf("Phonics", in: s)
        #expect(s.text("B\(phonics + 1)") == "No phonics data supplied")
        let eyfs = try rowOf("EYFS", in: s)
        #expect(s.text("B\(eyfs + 1)") == "No EYFS data supplied")
        let behaviour = try rowOfL("Behaviour", in: s)
        #expect(s.text("M\(behaviour + 1)") == "No behaviour (suspensions and exclusions) data supplied")
        let ofsted = try rowOfL("Ofsted", in: s)
        #expect(s.text("M\(ofsted)") == "No Ofsted inspection data supplied")
        let context = try rowOf("% disadvantaged", in: s)
        #expect(s.number("D\(context)") == 0.30)
        #expect(s.number("E\(context)") == 200)
        #expect(s.number("H\(context)") == 0.257)
        let roll = try rowOf("Number on roll", in: s)
        #expect(s.number("D\(roll)") == 200)
        #expect(s["D\(roll)"]?.numberFormat == "#,##0")
    }

    /// The right-hand panel (columns L–U): attendance, finance, the categories.
    @Test func attendanceAndFinanceAndSupport() throws {
        let s = try writeCard()
        let att = try rowOfL("Attendance rate", in: s)
        #expect(s.number("N\(att)") == 0.94)
        #expect(s.number("O\(att)") == 0.92)
        #expect(s["O\(att)"]?.fill == "FFFFC7CE")     // 2.8 below: red under the attendance band (red beyond -1)
        let balance = try rowOfL("In-year balance", in: s)
        #expect(s.number("O\(balance)") == -12000)
        #expect(s["O\(balance)"]?.numberFormat == "£#,##0;-£#,##0")
        // No judgements file: the finance category the figures indicate, beside "none set".
        let category = try rowOfL("Finance", in: s, after: balance)
        #expect(s.text("M\(category)") == "no category set in the judgements file; figures indicate Concerning")
        let tier = try rowOf("Tier 3 Reinvent", in: s)
        #expect(s.text("B\(tier)")?.hasPrefix("Attendance or results below national") == true)
        #expect(s.text("B\(tier)")?.contains("Attendance rate 92.0% vs national 94.8% (-2.8 points)") == true)
        // Each trigger: its level in column A, then what fired and the evidence across the card.
        let deficit = try rowWhereB(startsWith: "A deficit budget is forecast: ", in: s)
        #expect(s.text("A\(deficit)") == "Additional support")
        #expect(s.text("B\(deficit)") == "A deficit budget is forecast: In-year balance -£12,000")
        let intensive = try rowWhereB(startsWith: "Significantly below national in a key measure: ", in: s)
        #expect(s.text("A\(intensive)") == "Intensive support")
        #expect(s.text("B\(intensive)")?.contains("92.0% vs national 94.8%") == true)
        #expect(s["A\(intensive)"]?.fill == "FFFFC7CE")
        // No budget for 2025/26 or 2026/27: the finance title row says so where the forecast would be.
        let title = try rowOfL("Finance", in: s)
        #expect(title < balance)
        #expect(s.text("P\(title)") == "No 3-year budget given" && s.text("T\(title)") == "Policy")
        #expect(s["O\(balance)"]?.fill == "FFFFC7CE")   // the year's deficit: red against the policy (£0 or more)
    }

    /// A three-year budget: 2024/25 forecast reserves 2.1% of GAG; budget 2025/26 40,000 of GAG 1,000,000 =
    /// 4.0% (amber: below 5%), 3.36% of income, in-year −10,000 (red); 2026/27 25,000 = 2.5% (red: below
    /// 3%), in-year −15,000. The two years go in the columns finance leaves empty (n to vs nat.), two
    /// columns each, headed on the title row, with the policy levels beside: no row is added.
    @Test func financeForecastYearsWithThePolicyLevels() throws {
        let finance = [
            row("2024/25", "finance.reserves_pct_gag", 2.1),
            row("2024/25", "finance.reserves_pct_income", 1.78),
            row("2025/26", "finance.reserves_pct_gag", 4.0),
            row("2025/26", "finance.reserves_pct_income", 3.36),
            row("2025/26", "finance.in_year_balance", -10_000),
            row("2025/26", "finance.basis", nil, text: "budget"),
            row("2026/27", "finance.reserves_pct_gag", 2.5),
            row("2026/27", "finance.in_year_balance", -15_000),
            row("2026/27", "finance.basis", nil, text: "budget"),
        ]
        let dir = try makeTemporaryFolder()
        let wb = try Workbook(path: dir + "/card.xlsx")
        try AcademyCardSheet.write(into: wb, school: school, measures: measures + finance, support: nil, year: year, settings: PipelineSettings())
        try wb.close()
        let s = try #require(try IndependentReader.read(dir + "/card.xlsx")["Academy card"])
        let gag = try rowOfL("Reserves as % of GAG", in: s)
        let title = gag - 1
        #expect(s.text("L\(title)") == "Finance — next two years: budget")
        #expect(s.text("P\(title)") == "2025/26" && s.text("R\(title)") == "2026/27" && s.text("T\(title)") == "Policy")
        #expect(s.number("O\(gag)") == 0.021 && s["O\(gag)"]?.fill == "FFFFC7CE")   // 2.1% this year: below 3%, red
        #expect(s.number("P\(gag)") == 0.04 && s["P\(gag)"]?.fill == "FFFFEB9C")
        #expect(s.number("R\(gag)") == 0.025 && s["R\(gag)"]?.fill == "FFFFC7CE")
        #expect(s.text("T\(gag)") == "5% (3% warn.)")
        let income = try rowOfL("Reserves as % of income", in: s)
        #expect(abs(s.number("P\(income)")! - 0.0336) < 1e-12 && s.number("R\(income)") == nil && s.text("T\(income)") == nil)
        let balance = try rowOfL("In-year balance", in: s)
        #expect(s.number("O\(balance)") == -12_000)
        #expect(s.number("P\(balance)") == -10_000 && s["P\(balance)"]?.fill == "FFFFC7CE")
        #expect(s.number("R\(balance)") == -15_000)
        #expect(s.text("T\(balance)") == "£0 or more")
        // The same number of rows as without the forecast: the block is title + three lines.
        #expect(balance == gag + 2)
    }
}

/// The card and overview in a real run of the hand-made mini trust.
@Suite struct AcademyCardRunTests {
    @Test func cardIsTheFirstSheetOfEachSchoolWorkbook() throws {
        let out = try makeTemporaryFolder()
        var config = try PipelineConfig.load(path: fixturePath("minitrust/pipeline.yml"))
        config.output = out
        try PipelineRunner(config: config, pipelinePath: "minitrust", threads: 1).run()
        let book = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        #expect(book.sheetNames.first == "Academy card")
        let card = try #require(book["Academy card"])
        // Alder: 4 pupils, 2 disadvantaged = 50%, a group below the minimum of 5.
        let r = try #require(card.cells.first { $0.key.hasPrefix("A") && $0.value.value?.string == "% disadvantaged" }?.key.dropFirst()).description
        #expect(card.number("D\(r)") == 0.5)
        #expect(card.number("E\(r)") == 4)
        #expect(card.allText.contains("No EYFS data supplied"))
        let trust = try IndependentReader.read(out + "/trust.xlsx")
        #expect(Array(trust.sheetNames.prefix(2)) == ["Overview", "Support"])
    }
}
