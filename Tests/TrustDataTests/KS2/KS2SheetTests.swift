import Foundation
import Testing
@testable import TrustData

/// Runs the fixture trust end to end and reads the workbooks back with openpyxl.
@Suite struct KS2SheetTests {
    func run() throws -> String {
        let out = try makeTemporaryFolder()
        try PipelineRunner(config: try KS2Fixture.config(output: out), pipelinePath: "ks2", threads: 2).run()
        return out
    }

    @Test func schoolKS2SheetHeadlineCells() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        // The academy card leads; the KS2 sheets follow it.
        #expect(Array(book.sheetNames.prefix(3)) == ["Academy card", "KS2", "Outcomes meeting"])
        #expect(book.sheetNames.last == "About")
        let ks2 = try #require(book["KS2"])
        #expect(ks2.text("A1") == "KS2 outcomes — Alder Primary (URN 100001) — 2024/25")
        #expect(ks2.text("A2")?.contains("one pupil = 11.1 percentage points (9 pupils)") == true)
        #expect(ks2.text("A2")?.contains("FFT20") == true)
        #expect(ks2.text("C5") == "2023/24" && ks2.text("E5") == "2024/25" && ks2.text("I5") == "National 2024/25")
        // Reading % expected: 2023/24 3/4 (small), 2024/25 3/8 = 37.5%, LA 74 (−36.5), national 75 (−37.5), target 40 (−2.5).
        #expect(ks2.text("A6") == "Reading" && ks2.text("B6") == "% expected standard")
        #expect(ks2.number("C6") == 0.75 && ks2.text("D6") == "3/4 ⚑")
        #expect(ks2.number("E6") == 0.375 && ks2.text("F6") == "3/8")
        #expect(ks2["E6"]?.numberFormat == "0.0%")
        #expect(ks2["E6"]?.fill == "FFFFC7CE")   // red: more than 5 points below national
        #expect(ks2.number("G6") == 0.74 && ks2.number("H6") == -36.5)
        #expect(ks2.number("I6") == 0.75 && ks2.number("J6") == -37.5)
        #expect(ks2.number("K6") == 0.4 && ks2.number("L6") == -2.5)
        // Average scaled score 103.75 over 4 scores (small), national 105.
        #expect(ks2.text("B8") == "Average scaled score" && ks2.number("E8") == 103.75 && ks2.text("F8") == "n 4 ⚑")
        #expect(ks2.number("J8") == -1.25)
        // RWM expected 2/8.
        #expect(ks2.text("A17") == "RWM combined" && ks2.number("E17") == 0.25 && ks2.text("F17") == "2/8")
        #expect(ks2.allText.contains("Disadvantaged vs national other pupils"))
        #expect(ks2.allText.contains("In-school gap (disadvantaged vs other pupils here)"))
    }

    @Test func outcomesMeetingSheet() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/schools/100001-alder-primary.xlsx")
        let om = try #require(book["Outcomes meeting"])
        #expect(om.text("A1") == "Outcomes meeting — Alder Primary — KS2 2024/25 against FFT20 estimates")
        #expect(om.text("A2")?.contains("more than 1 point below") == true)
        // One row per pupil and subject; characteristics in their own filterable columns; room for actions.
        #expect(om.text("A3") == "Surname" && om.text("C3") == "UPN" && om.text("D3") == "Disadv." && om.text("E3") == "SEN"
                && om.text("F3") == "EAL" && om.text("G3") == "Gender" && om.text("H3") == "Subject" && om.text("K3") == "Gap"
                && om.text("L3") == "Status" && om.text("M3") == "Band vs estimate" && om.text("O3") == "Actions agreed" && om.text("P3") == "Notes")
        // Furthest below first: Cedar reading 98 vs 101.5 = −3.5 (Below, and a lower band).
        #expect(om.text("A4") == "Cedar" && om.text("C4") == "K881200100003" && om.text("D4") == "Yes" && om.text("E4") == "K"
                && om.text("F4") == "Yes" && om.text("G4") == "Girl" && om.text("H4") == "Reading")
        #expect(om.number("I4") == 98 && om.number("J4") == 101.5 && om.number("K4") == -3.5 && om.text("L4") == "Below" && om.text("M4") == "Lower band")
        // Then the −2.0 gaps by name and subject: Beech maths 100 vs 102 — Below though both are in the
        // expected band (issue #16 item 6) —, Beech GPS 99 vs 101, Elm maths 95 vs 97.
        #expect(om.text("A5") == "Beech" && om.text("H5") == "Maths" && om.number("K5") == -2 && om.text("L5") == "Below" && om.text("M5") == "Same band")
        #expect(om.text("A6") == "Beech" && om.text("H6") == "GPS" && om.text("L6") == "Below" && om.text("M6") == "Lower band")
        #expect(om.text("A7") == "Elm" && om.text("H7") == "Maths" && om.number("K7") == -2)
        // Writing compares bands: Cedar WTS vs EXS is Below, with no gap.
        #expect(om.text("A8") == "Cedar" && om.text("H8") == "Writing (TA)" && om.text("I8") == "WTS" && om.text("J8") == "EXS"
                && om.number("K8") == nil && om.text("L8") == "Below")
        // No result next: Dogwood's B in reading is counted as not met.
        #expect(om.text("A9") == "Dogwood" && om.text("H9") == "Reading" && om.text("I9") == "B" && om.text("L9") == "No result" && om.text("N9") == "As not met")
        #expect(om.freeze == "C4")
        #expect(om.autofilter == "A3:P51")
        #expect(om.landscape && om.fitToWidth == 1)
        #expect(om.printTitleRows == "$3:$3")
        #expect(om.conditionalFormats == 5)
        // Privacy: Birch's pupils never appear in Alder's workbook.
        for name in ["Elder", "Fig", "Gorse", "Holly"] { #expect(!om.allText.contains(name)) }
        #expect(om.maxRow == 51)   // 3 title/header rows + Alder's 12 pupils of 2024/25 × 4 subjects
    }

    @Test func trustKS2Sheet() throws {
        let out = try run()
        let book = try IndependentReader.read(out + "/trust.xlsx")
        let ks2 = try #require(book["KS2"])
        #expect(ks2.text("C5") == "Alder Primary" && ks2.text("E5") == "Birch Primary" && ks2.text("G5") == "Trust")
        #expect(ks2.text("I5") == "LA: Essex" && ks2.text("J5") == "LA: Suffolk" && ks2.text("K5") == "National")
        // Reading expected: 3/8, 3/4, pooled 6/12 = 50%; LAs 74, 72; national 75; trust −25.
        #expect(ks2.number("C6") == 0.375 && ks2.number("E6") == 0.75)
        #expect(ks2.number("G6") == 0.5 && ks2.text("H6") == "6/12")
        #expect(ks2.number("I6") == 0.74 && ks2.number("J6") == 0.72 && ks2.number("K6") == 0.75 && ks2.number("L6") == -25)
        // FFT summary row per school.
        #expect(ks2.allText.contains("Alder Primary") && ks2.allText.contains("-3.6 to +5.2 (n 3)"))
        #expect(ks2.text("A1")?.contains("Fixture Trust") == true)
        #expect(ks2.text("A2")?.contains("FFT20") == true)
    }

    @Test func everyFigureIsInMeasuresCSV() throws {
        let out = try run()
        let lines = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        // The fixture's benchmark file has no basis column; its rejected KS2 rows leave 1 of Alder's pupils
        // (2 across the trust: line 18 names no trust school; line 20 is a duplicate, so nobody is lost) out of every 2024/25 KS2 figure, said in left_out (issue 16).
        #expect(lines.contains("2024/25,100001,Alder Primary,ks2.reading.expected,all,3,8,37.5,75,74,-37.5,-36.5,40,-2.5,Essex,,,benchmark file (basis not stated),,1"))
        #expect(lines.contains("2024/25,TRUST,Fixture Trust,ks2.reading.expected,all,6,12,50,75,,-25,,55,-5,,,,benchmark file (basis not stated),,2"))
        let ids = Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }.map(String.init))
        for id in ids where id.hasPrefix("ks2.") || id.hasPrefix("fft.") {
            #expect(MeasureCatalog.isKnown(id), "\(id) is documented")
        }
        #expect(ids.contains("fft.reading.mean_gap_ci_low") && ids.contains("ks2.gps.disadvantaged_gap_in_school"))
    }
}
