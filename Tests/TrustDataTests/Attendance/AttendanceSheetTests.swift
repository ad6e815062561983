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
        #expect(ws.text("B2")?.hasPrefix("Date window: 02/09/2024 to 18/07/2025") == true || ws.text("A2")?.hasPrefix("Date window: 02/09/2024 to 18/07/2025") == true)
        #expect(ws.text("A5") == "All pupils")
        #expect(ws.number("B5") == 7)
        #expect(ws.number("C5") == 971)
        #expect(abs((ws.number("D5") ?? 0) - 871.0 / 971.0) < 1e-12)
        #expect(ws["D5"]?.numberFormat == "0.0%")
        #expect(ws.number("H5") == 5)
        #expect(abs((ws.number("I5") ?? 0) - 5.0 / 7.0) < 1e-12)
        // Privacy: Birch's only pupil enrolment is not Alder's business; Alder lists its own five PA pupils.
        #expect(ws.allText.contains("Ash, Amy"))
        #expect(ws.allText.contains("Cedar, Cal"))
        #expect(!ws.allText.contains("Beech, Ben"))   // 2023/24 only
        let trust = try IndependentReader.read(out + "/trust.xlsx")
        let t = try #require(trust["Attendance"])
        #expect(t.text("A5") == "Alder Primary")
        #expect(t.text("A7") == "Trust (all pupils)")
        #expect(t.number("B7") == 8)
        #expect(t.number("H7") == 6)
        #expect(t.number("G7").map { abs($0 - 28.0 / 973.0) < 1e-12 } == true)
        #expect(!t.allText.contains("Ash, Amy"))
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,TRUST,Fixture Trust,attendance.persistent_absence,all,6,8,75,"))
    }

    @Test func phonicsSheetsShowYear1ByYear2AndPupilsNotMet() throws {
        let out = try Self.run("phonics")
        let school = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let ws = try #require(school["Phonics"])
        #expect(ws.text("A6") == "All pupils")
        #expect(ws.number("B6") == 2)
        #expect(ws.number("C6") == 3)
        #expect(abs((ws.number("D6") ?? 0) - 2.0 / 3.0) < 1e-12)
        #expect(ws.allText.contains("Holly, Hal"))
        #expect(ws.allText.contains("Damson, Dee"))
        #expect(!ws.allText.contains("Larch, Lee"))   // Birch's pupil
        let trust = try IndependentReader.read(out + "/trust.xlsx")
        let t = try #require(trust["Phonics"])
        #expect(t.text("A7") == "Trust (all pupils)")
        #expect(t.number("B7") == 2 && t.number("C7") == 4)
        #expect(t.number("F7") == 5 && t.number("G7") == 6)
        let csv = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(csv.contains("2024/25,100001,Alder Primary,phonics.by_y2.expected,all,4,5,80,"))
    }
}
