import Foundation
import Testing
@testable import TrustData

/// Every sheet of the reference runs' workbooks prints well by design (issue #20): rendered to PDF by
/// LibreOffice headless, every page carries the header (trust, school, sheet, "as at", the sensitivity
/// marking on pupil-level sheets) and footer (data period, page x of y); text prints at 8 pt or more; no
/// text cell is clipped (its width against its column, or its wrapped lines against its row's height);
/// page counts add up sheet by sheet.
@Suite(.serialized) struct PrintLayoutTests {
    @Test(.timeLimit(.minutes(10)), arguments: ReferenceRuns.pipelines().map(\.name))
    func everySheetPrintsReadably(_ name: String) throws {
        let pipeline = ReferenceRuns.pipelines().first { $0.name == name }!.path
        let dir = try makeTemporaryFolder("print-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let workbooks = try ReferenceRuns.run(pipeline, output: out).map { out + "/" + $0 }
        try #require(!workbooks.isEmpty)
        _ = try RealClientTests.convert(workbooks, to: "pdf", outdir: dir + "/pdf", profile: dir + "/profile")
        let minimum = PagePlan.minimumScale - 0.005

        for workbook in workbooks {
            let base = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension
            let book = try PrintCheck.check(workbook: workbook, pdf: dir + "/pdf/\(base).pdf")
            // Every page belongs to exactly one sheet (its header names it), and every sheet prints.
            #expect(book.sheets.reduce(0) { $0 + $1.pages } == book.pages, "\(base): \(book.sheets.map { "\($0.name) \($0.pages)" })")
            for sheet in book.sheets {
                let where_ = "\(base) \(sheet.name)"
                #expect(sheet.pages >= 1, "\(where_) prints no page")
                #expect(sheet.scale >= minimum, "\(where_) prints at \(sheet.scale) of its size: under 8 pt")
                #expect(sheet.clipped.isEmpty, "\(where_) clips \(sheet.clipped.prefix(3).map { "\($0.cell) \($0.why): \($0.text)" })")
                #expect(sheet.printArea != nil, "\(where_) has no print area")
                #expect(sheet.header?.contains("&A") == true, "\(where_) header names no sheet: \(sheet.header ?? "none")")
                #expect(sheet.rightHeader?.contains("As at ") == true, "\(where_): \(sheet.rightHeader ?? "no as-at date")")
                #expect(sheet.footerRight?.contains("Page &P of &N") == true, "\(where_): \(sheet.footerRight ?? "no page numbers")")
                if sheet.hasUPN {
                    #expect(sheet.rightHeader?.contains(PageHeading.sensitivity) == true, "\(where_) lists pupils but is not marked")
                }
            }
            if let about = book["About"] { #expect(about.pages == 1, "\(base): About prints on one page") }
            #expect(book["Measures explained"] != nil, "\(base) explains its measures")
            // A long-text sheet: one A4 landscape page width (fitted, not several widths at 73% with the
            // first column repeated), its issue header on every page.
            if let dq = book["Data quality"] {
                #expect(dq.orientation == "landscape" && dq.fit && dq.scale >= minimum && dq.printTitleRows == "$4:$4",
                        "\(base): Data quality prints \(dq.orientation), fitted \(dq.fit), at \(dq.scale)")
            } else {
                #expect(base == "reserves", "\(base) has no Data quality sheet")
            }
            if let card = book["Academy card"] { #expect(card.pages == 1, "\(base): the academy card takes \(card.pages) pages, not one") }
            if let om = book["Outcomes meeting"] {
                #expect(om.orientation == "landscape" && om.fit && om.printTitleRows == "$3:$3")
                #expect(om.rightHeader?.contains(PageHeading.sensitivity) == true)
            }
        }
    }

    /// The sample with a three-year budget for every academy and central services
    /// (`Fixtures/finance/sample-budget-2025-27.csv`): the card's finance block fills its forecast columns
    /// and the card still prints on one page, at 8 pt or more, nothing clipped. Ashcombe's budget reserves:
    /// 2025/26 31,359 of GAG 1,180,000 = 2.66% (red, below 3%); 2026/27 43,359 of 1,200,000 = 3.61% (amber).
    @Test(.timeLimit(.minutes(10))) func cardWithForecastYearsPrintsOnOnePage() throws {
        guard let sample = ReferenceRuns.pipelines().first(where: { $0.name == "sample" }) else { return }
        let dir = try makeTemporaryFolder("print-forecast")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = try PipelineConfig.load(path: sample.path)
        config.inputs.finance = FileList(["inputs/sample/finance.csv", fixturePath("finance/sample-budget-2025-27.csv")])
        config.output = dir + "/out"
        try PipelineRunner(config: config, pipelinePath: "sample.yml", threads: 2).run()
        let workbook = dir + "/out/schools/138031-ashcombe-primary-academy.xlsx"
        let card = try #require(try IndependentReader.read(workbook)["Academy card"])
        let gag = try #require(card.cells.first { $0.key.hasPrefix("L") && $0.value.value?.string == "Reserves as % of GAG" }?.key.dropFirst()).description
        #expect(abs(card.number("P\(gag)")! - 31_359.0 / 1_180_000) < 1e-12 && card["P\(gag)"]?.fill == "FFFFC7CE")
        #expect(abs(card.number("R\(gag)")! - 43_359.0 / 1_200_000) < 1e-12 && card["R\(gag)"]?.fill == "FFFFEB9C")
        _ = try RealClientTests.convert([workbook], to: "pdf", outdir: dir + "/pdf", profile: dir + "/profile")
        let printed = try #require(try PrintCheck.check(workbook: workbook, pdf: dir + "/pdf/138031-ashcombe-primary-academy.pdf")["Academy card"])
        #expect(printed.pages == 1)
        #expect(printed.scale >= PagePlan.minimumScale - 0.005, "the card prints at \(printed.scale) of its size")
        #expect(printed.clipped.isEmpty, "\(printed.clipped.prefix(3).map { "\($0.cell) \($0.why): \($0.text)" })")
    }

    /// The sample trust, page by page as a trustee and a head would print it.
    @Test(.timeLimit(.minutes(10))) func sampleHeadersFootersAndCharts() throws {
        guard let sample = ReferenceRuns.pipelines().first(where: { $0.name == "sample" }) else { return }
        let dir = try makeTemporaryFolder("print-sample-details")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReferenceRuns.run(sample.path, output: dir + "/out")
        let trust = try IndependentReader.read(dir + "/out/trust.xlsx")
        // Charts: schools against national and the trend by school, for each of four headline measures.
        #expect(trust["Charts"]?.charts == 8)
        #expect(trust["KS2"]?.freeze != nil)
        _ = try RealClientTests.convert([dir + "/out/trust.xlsx", dir + "/out/schools/138031-ashcombe-primary-academy.xlsx"],
                                        to: "pdf", outdir: dir + "/pdf", profile: dir + "/profile")
        let school = try PrintCheck.check(workbook: dir + "/out/schools/138031-ashcombe-primary-academy.xlsx",
                                          pdf: dir + "/pdf/138031-ashcombe-primary-academy.pdf")
        let card = try #require(school["Academy card"])
        // The newest data in the sample is the last attendance day, 20/12/2024 (no as_at in the pipeline).
        #expect(card.leftHeader?.contains("Northfield Learning Trust (fictional) — Ashcombe Primary Academy") == true)
        #expect(card.rightHeader?.contains("As at 20/12/2024") == true)
        #expect(school["Attendance"]?.footerLeft?.contains("Attendance 2024/25: 03/09/2024 to 20/12/2024") == true)
        #expect(school["KS2"]?.footerLeft?.contains("KS2 2024/25: tests May 2025") == true)
        for name in ["Outcomes meeting", "Attendance", "Phonics"] {
            #expect(school[name]?.rightHeader?.contains("OFFICIAL-SENSITIVE: contains pupil data") == true, "\(name)")
        }
        #expect(school["Academy card"]?.rightHeader?.contains("OFFICIAL") == false)
        #expect(school["Measures explained"]?.rightHeader?.contains("OFFICIAL") == false)
        // Each headline measure's table and charts on a page of their own: 4 pages.
        let trustPrint = try PrintCheck.check(workbook: dir + "/out/trust.xlsx", pdf: dir + "/pdf/trust.pdf")
        #expect(trustPrint["Charts"]?.pages == 4)
    }
}
