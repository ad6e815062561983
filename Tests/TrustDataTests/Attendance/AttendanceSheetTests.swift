import Foundation
import Testing
@testable import TrustData

/// Runs the attendance and phonics fixtures end to end and reads the workbooks back with openpyxl.
@Suite struct AttendanceSheetTests {
    static func run(_ fixture: String) throws -> String {
        var config = try PipelineConfig.load(path: fixturePath("\(fixture)/pipeline.yml"))
        let out = try makeTemporaryFolder("sheets-\(fixture)")
        config.output = out
        try PipelineRunner(config: config, pipelinePath: fixture, threads: 1).run()
        return out
    }

    @Test func attendanceSheetsShowWindowFiguresAndPupils() throws {
        let out = try Self.run("attendance")
        let school = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let ws = try #require(school["Attendance"])
        // Period label (issue 16): the fixture's data run from September to July, so the full year.
        #expect(ws.text("A2")?.hasPrefix("Full year (date window: 02/09/2024 to 18/07/2025)") == true)
        #expect(ws.text("A3")?.contains("National and LA: absence statistics (school census), state-funded primary") == true)
        #expect(ws.text("A3")?.contains("Reception is its own row") == true)
        #expect(ws.text("A6") == "All pupils")
        #expect(ws.number("B6") == 7)
        #expect(ws.number("C6") == 971)
        #expect(abs((ws.number("D6") ?? 0) - 871.0 / 971.0) < 1e-12)
        #expect(ws["D6"]?.numberFormat == "0.0%")
        #expect(ws.number("H6") == 5)
        #expect(abs((ws.number("I6") ?? 0) - 5.0 / 7.0) < 1e-12)
        // Privacy: Birch's only pupil enrolment is not Alder's business; Alder lists its own five PA pupils.
        #expect(ws.allText.contains("Ash, Amy"))
        #expect(ws.allText.contains("Cedar, Cal"))
        #expect(!ws.allText.contains("Beech, Ben"))   // 2023/24 only
        let trust = try IndependentReader.read(out + "/trust.xlsx")
        let t = try #require(trust["Attendance"])
        #expect(t.text("A6") == "Alder Primary")
        #expect(t.text("A8") == "Trust (all pupils)")
        #expect(t.number("B8") == 8)
        #expect(t.number("H8") == 6)
        #expect(t.number("G8").map { abs($0 - 28.0 / 973.0) < 1e-12 } == true)
        #expect(t.text("O8") == "full year (02/09/2024 to 18/07/2025)")
        #expect(!t.allText.contains("Ash, Amy"))
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,TRUST,Fixture Trust,attendance.persistent_absence,all,6,8,75,"))
    }

    @Test func phonicsSheetsShowYear1ByYear2AndPupilsNotMet() throws {
        let out = try Self.run("phonics")
        let school = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let ws = try #require(school["Phonics"])
        // DfE denominator (issue 16): Gus and Jo met, Hal not, Ida D counts as not met; Kit L is left out.
        #expect(ws.text("A7") == "All pupils")
        #expect(ws.number("B7") == 2)
        #expect(ws.number("C7") == 4)
        #expect(ws.number("D7") == 0.5)
        #expect(ws.text("A3") == "National: LA tables (England row, LAIT).")
        // The card reports the A/D/Q counts beside the figure (issue 16): Ida D, Kit L.
        let card = try #require(school["Academy card"])
        // (Gathered with the other blocks' notes at the foot of the one-page card.)
        // (The notes name each block once and say a national basis shared by several blocks once.)
        #expect(card.allText.contains { $0.contains("Phonics screening check 2024/25 (June 2025)")
            && $0.contains("Year 1: A 0, D 1, Q 0 in the figure as not met; L 1 left out (DfE denominator).") })
        #expect(ws.allText.contains("Holly, Hal"))
        #expect(ws.allText.contains("Damson, Dee"))
        #expect(!ws.allText.contains("Larch, Lee"))   // Birch's pupil
        let trust = try IndependentReader.read(out + "/trust.xlsx")
        let t = try #require(trust["Phonics"])
        #expect(t.text("A8") == "Trust (all pupils)")
        #expect(t.number("B8") == 2 && t.number("C8") == 5)
        #expect(t.number("F8") == 5 && t.number("G8") == 6)
        // Birch lost two rejected rows (lines 11 and 12 of phonics-2025.csv): said on the trust sheet.
        #expect(t.text("A3")?.contains("Pupils left out: data problems, see Data quality — Birch Primary 2") == true)
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,100001,Alder Primary,phonics.by_y2.expected,all,4,5,80,"))
    }
}
