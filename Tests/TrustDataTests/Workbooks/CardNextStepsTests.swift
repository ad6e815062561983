import Foundation
import Testing
@testable import TrustData

/// The academy card stays on one page whatever the length of the next steps in the judgements file: a
/// text longer than the row's two lines is cut, ending "… (continued in the Notes sheet)", and the Notes
/// sheet after the card holds it whole. Written from Brookfield's figures in the sample run, whose card
/// is within a few points of the one-page limit.
@Suite struct CardNextStepsTests {
    static let brookfield = "138156"
    /// The sample's own next steps for Brookfield (two lines on the card) and the health check date.
    static let sampleSteps = "Health check 27/11/2024: Writing moderation with a partner school before the KS2 submission"
    static let longSteps = (1...12).map { "Step \($0): leaders check the phonics scheme's fidelity half-termly and report to the local governing body" }
        .joined(separator: "; ")

    /// Brookfield's card with `nextSteps` (nil: as in the sample), written and closed: the workbook and its path.
    static func card(nextSteps: String?) throws -> (Workbook, String) {
        let config = try PipelineConfig.load(path: packageRoot() + "/pipelines/sample.yml")
        let dataset = try ImportStage(config: config, threads: 1).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "sample", threads: 1).analyse(dataset, context: context)
        let report = try #require(trust.schools.first { $0.school.urn == brookfield })
        var parts = report.measureParts
        if let nextSteps {
            for i in parts.indices {
                for j in parts[i].indices where parts[i][j].measure == "judgements.next_steps" { parts[i][j].text = nextSteps }
            }
        }
        let path = try makeTemporaryFolder() + "/card.xlsx"
        let workbook = try Workbook(path: path)
        try AcademyCardSheet.write(into: workbook, school: report.school, measureParts: parts, support: trust.support.first { $0.urn == brookfield },
                                   year: config.academicYear, settings: config.settings, periods: DataPeriods(trust: trust, context: context))
        try workbook.close()
        return (workbook, path)
    }

    static func nextStepsCell(_ sheet: IndependentReader.Sheet) throws -> String {
        let ref = try #require(sheet.cells.first { $0.key.hasPrefix("L") && $0.value.value?.string == "Next steps" }?.key)
        return try #require(sheet.text("M" + ref.dropFirst()))
    }

    @Test func aShortTextIsShownWholeAndNoNotesSheet() throws {
        let (workbook, path) = try Self.card(nextSteps: nil)
        #expect(workbook.sheets.map(\.name) == ["Academy card"])
        let card = try #require(try IndependentReader.read(path)["Academy card"])
        #expect(try Self.nextStepsCell(card) == Self.sampleSteps)
    }

    @Test func aLongTextIsCutToTwoLinesAndContinuedInTheNotesSheet() throws {
        let full = "Health check 27/11/2024: " + Self.longSteps
        let (workbook, path) = try Self.card(nextSteps: Self.longSteps)
        #expect(workbook.sheets.map(\.name) == ["Academy card", "Notes"])
        // Still one page, at 8 pt or more: the card's plan fits it on one page tall.
        let plan = try #require(workbook.sheets[0].pagePlan)
        #expect(plan.fitTall == 1 && plan.printedScale >= PagePlan.minimumScale, "\(plan)")

        let book = try IndependentReader.read(path)
        let shown = try Self.nextStepsCell(try #require(book["Academy card"]))
        #expect(shown.hasSuffix("… (continued in the Notes sheet)"))
        // The card keeps the first words of the text, whole words, in at most two lines of the panel.
        let kept = String(shown.dropLast(" … (continued in the Notes sheet)".count))
        #expect(full.hasPrefix(kept + " ") && kept.hasPrefix("Health check 27/11/2024: Step 1: leaders check"))
        let panel = (12...20).reduce(0.0) { $0 + TextMetrics.columnPixels(workbook.sheets[0].width($1)) }
        #expect(TextMetrics.lines(shown, columnPixels: panel, size: PagePlan.bodyPoints, bold: false) == 2)
        // Whole, it would take far more than two lines (the card would print small or on two pages).
        #expect(TextMetrics.lines(full, columnPixels: panel, size: PagePlan.bodyPoints, bold: false) > 10)

        let notes = try #require(book["Notes"])
        #expect(notes.text("A1") == "Brookfield Primary School — notes to the academy card 2024/25")
        #expect(notes.text("A4") == "Next steps")
        #expect(notes.text("A5") == full)
    }
}
