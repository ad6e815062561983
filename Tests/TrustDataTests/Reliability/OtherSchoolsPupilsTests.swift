import Foundation
import Testing
@testable import TrustData

/// KS2, phonics and attendance-summary rows claiming a school for a pupil on another school's roll (and
/// not on the claimed one's) are rejected (`pupil_at_another_school`) once the roster is read: they count
/// nowhere, are reported at trust level only, leave no UPN or name in the claimed school's workbook, and
/// are not "pupils left out" of that school. All through the real binary.
@Suite struct OtherSchoolsPupilsTests {
    /// Alder (100001) has a0, a1 on its roll; Birch (100002) has b0, b1. Every file claims Alder for b0
    /// (named Foreignks / Foreignph in the results files):
    /// - ks2.csv: a0 reading 105, a1 reading 95 (Alder), b0 reading 110 under Alder (line 4), b1 reading
    ///   100 (Birch). Alder reading expected: 1 of 2 = 50 (b0 would make it 2 of 3); trust: a0, b1 of
    ///   a0, a1, b1 = 2 of 3 = 66.6667.
    /// - phonics.csv (Year 1): a0 mark 36 (met, threshold 32), a1 mark 20 (not met), b0 mark 36 under
    ///   Alder (line 4), b1 mark 36 (Birch). Alder phonics.y1.expected: 1 of 2 = 50; trust: 2 of 3 = 66.6667.
    /// - attendance_summary.csv: a0 9 of 10 sessions attended (Alder); b0 two periods of 0 of 10 under
    ///   Alder (lines 3 and 4); b1 10 of 10 (Birch). Alder attendance rate: 9 of 10 = 90 (b0 would make
    ///   it 9 of 30); trust: 19 of 20 = 95. The file's books: 4 read = 2 accepted + 2 rejected.
    static func trust(name: String = #function) throws -> TwoSchoolTrust {
        let a0 = TwoSchoolTrust.upn(0, 0), a1 = TwoSchoolTrust.upn(0, 1), b0 = TwoSchoolTrust.upn(1, 0), b1 = TwoSchoolTrust.upn(1, 1)
        func ks2(_ urn: String, _ upn: String, _ name: String, _ score: Int) -> String {
            "2024/25,\(urn),\(upn),\(name),Pupil,\(score),\(score),\(score),\(score >= 100 ? "EXS" : "WTS"),100.0,100.0,100.0,EXS,50\n"
        }
        let ks2Text = "academic_year,urn,upn,surname,forename,reading,maths,gps,writing,fft_reading,fft_maths,fft_gps,fft_writing,fft_rwm_chance\n"
            + ks2("100001", a0, "Surname0x0", 105) + ks2("100001", a1, "Surname0x1", 95)
            + ks2("100001", b0, "Foreignks", 110) + ks2("100002", b1, "Surname1x1", 100)
        let phonics = "academic_year,urn,upn,surname,forename,year_group,mark,outcome\n"
            + "2024/25,100001,\(a0),Surname0x0,Pupil,1,36,Wa\n2024/25,100001,\(a1),Surname0x1,Pupil,1,20,Wt\n"
            + "2024/25,100001,\(b0),Foreignph,Pupil,1,36,Wa\n2024/25,100002,\(b1),Surname1x1,Pupil,1,36,Wa\n"
        let summary = "academic_year,urn,upn,possible_sessions,present_sessions,authorised_absence,unauthorised_absence\n"
            + "2024/25,100001,\(a0),10,9,1,0\n2024/25,100001,\(b0),10,0,0,10\n2024/25,100001,\(b0),10,0,0,10\n2024/25,100002,\(b1),10,10,0,0\n"
        return try TwoSchoolTrust(marks: nil, inputs: [("ks2", ks2Text), ("phonics", phonics), ("attendance_summary", summary)], name: name)
    }

    @Test func rowsForAnotherSchoolsPupilCountNowhereAndStayOutOfItsWorkbook() throws {
        let trust = try Self.trust()
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        let b0 = TwoSchoolTrust.upn(1, 0)

        // Rejected at trust level, one issue per row, where the user can find it.
        let dq = try trust.csv("data-quality.csv")
        let foreign = dq.filter { $0[4] == "pupil_at_another_school" }.map { "\($0[0]):\($0[1])" }
        #expect(foreign == ["ks2.csv:4", "phonics.csv:4", "attendance_summary.csv:3", "attendance_summary.csv:4"], "\(foreign)")
        #expect(dq.filter { $0[4] == "pupil_at_another_school" }.allSatisfy { $0[2] == "urn" && $0[3] == "100001" && $0[6] == "100001" && $0[7] == b0 && $0[8] == "rejected" })

        // Alder's workbook, Data quality sheet included, never shows b0.
        let alder = try IndependentReader.read(trust.output + "/schools/100001-alder-primary.xlsx")
        let alderText = alder.sheets.flatMap(\.allText).joined(separator: "\n")
        #expect(!alderText.contains(b0) && !alderText.contains("Foreignks") && !alderText.contains("Foreignph"))
        #expect(alder.sheets.contains { $0.name == "Data quality" })

        // Figures: b0's rows count for neither Alder nor the trust.
        let measures = try trust.csv("measures.csv")
        func row(_ urn: String, _ measure: String) throws -> [String] {
            try #require(measures.first { $0[0] == "2024/25" && $0[1] == urn && $0[3] == measure && $0[4] == "all" }, "\(urn) \(measure)")
        }
        #expect(Array(try row("100001", "ks2.reading.expected")[5...7]) == ["1", "2", "50"])
        #expect(Array(try row("TRUST", "ks2.reading.expected")[5...7]) == ["2", "3", "66.6667"])
        #expect(Array(try row("100001", "phonics.y1.expected")[5...7]) == ["1", "2", "50"])
        #expect(Array(try row("TRUST", "phonics.y1.expected")[5...7]) == ["2", "3", "66.6667"])
        #expect(Array(try row("100001", "attendance.attendance_rate")[5...7]) == ["9", "10", "90"])
        #expect(Array(try row("TRUST", "attendance.attendance_rate")[5...7]) == ["19", "20", "95"])

        // Not pupils left out of Alder (they are Birch's): Alder's figures say nothing is missing; the
        // trust's say b0 is missing from each dataset.
        #expect(try row("100001", "ks2.reading.expected")[19] == "")
        #expect(try row("100001", "phonics.y1.expected")[19] == "")
        #expect(try row("100001", "attendance.attendance_rate")[19] == "")
        #expect(try row("TRUST", "ks2.reading.expected")[19] == "1")
        #expect(try row("TRUST", "phonics.y1.expected")[19] == "1")
        #expect(try row("TRUST", "attendance.attendance_rate")[19] == "1")

        // rows read = accepted + rejected for every file, the rejected rows moved out of accepted.
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: trust.output + "/run-report.json"))) as? [String: Any]
        let inputs = try #require(report?["inputs"] as? [[String: Any]])
        func books(_ file: String) -> [Int] {
            guard let s = inputs.first(where: { $0["file"] as? String == file }) else { return [] }
            return ["rows_read", "rows_accepted", "rows_rejected"].map { s[$0] as? Int ?? -1 }
        }
        #expect(books("ks2.csv") == [4, 3, 1])
        #expect(books("phonics.csv") == [4, 3, 1])
        #expect(books("attendance_summary.csv") == [4, 2, 2])
    }

    /// A phonics result for a pupil and year already in an earlier file is rejected (the first is used),
    /// and the later file's books say so: phonics2.csv reads 2 rows, accepts b1's, rejects a0's (line 2).
    @Test func aResultAlreadyInAnEarlierFileIsRejectedInItsFilesBooks() throws {
        let a0 = TwoSchoolTrust.upn(0, 0), b1 = TwoSchoolTrust.upn(1, 1)
        let header = "academic_year,urn,upn,surname,forename,year_group,mark,outcome\n"
        let trust = try TwoSchoolTrust(marks: nil, inputs: [("phonics", header + "2024/25,100001,\(a0),Surname,Pupil,1,36,Wa\n")])
        try (header + "2024/25,100001,\(a0),Surname,Pupil,1,20,Wt\n2024/25,100002,\(b1),Surname,Pupil,1,36,Wa\n")
            .write(toFile: trust.folder + "/phonics2.csv", atomically: true, encoding: .utf8)
        let pipeline = try String(contentsOfFile: trust.pipeline, encoding: .utf8)
            .replacingOccurrences(of: "  phonics: phonics.csv", with: "  phonics: [phonics.csv, phonics2.csv]")
        try pipeline.write(toFile: trust.pipeline, atomically: true, encoding: .utf8)
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: trust.output + "/run-report.json"))) as? [String: Any]
        let books = try #require((report?["inputs"] as? [[String: Any]])?.first { $0["file"] as? String == "phonics2.csv" })
        #expect(["rows_read", "rows_accepted", "rows_rejected"].map { books[$0] as? Int } == [2, 1, 1])
        let dq = try trust.csv("data-quality.csv").filter { $0[4] == "duplicate_row" }
        #expect(dq.map { "\($0[0]):\($0[1]):\($0[7])" } == ["phonics2.csv:2:\(a0)"])
        // Alder's Year 1 figure uses the first file's result: 1 of 1 met.
        let rate = try #require(trust.csv("measures.csv").first { $0[0] == "2024/25" && $0[1] == "100001" && $0[3] == "phonics.y1.expected" && $0[4] == "all" })
        #expect(Array(rate[5...7]) == ["1", "1", "100"])
    }
}
