import Foundation
import Testing
@testable import TrustData

/// When more than half of a school's rows of a dataset (for the pipeline's year) were rejected, that
/// dataset's figures for the school are withheld and say why: empty numbers in measures.csv with
/// "Withheld: …" in `text`, the full reason on the slice's sheet, and the card. Exactly half stands.
/// All through the real binary.
@Suite struct WithheldFiguresTests {
    /// Alder (100001): a0, a1; Birch (100002): b0, b1 (on the roll); x4 is an Alder UPN on no roll.
    /// - ks2.csv: Alder a0 105, a1 95 (both counted); Birch b0 100 counted, three rows whose UPN is not
    ///   a UPN rejected: 3 of Birch's 4 rows (75%) → Birch's KS2 withheld; Alder's stands (1 of 2 = 50).
    /// - phonics.csv: Alder a0 mark 36 counted, a1 and x4 (an Alder UPN on no roll) mark 99 rejected:
    ///   2 of 3 (67%) → Alder's phonics withheld; Birch b0 36 counted, b1 mark 99 rejected: 1 of 2 is
    ///   exactly half → Birch's stands (1 of 1 = 100, 1 pupil left out).
    /// - attendance_summary.csv: Alder a0 9 of 10 counted, a1 does not add up: 1 of 2, half → Alder's
    ///   stands (9 of 10 = 90); Birch b1 10 of 10 counted, b0 and b1 (a second period) do not add up:
    ///   2 of 3 (67%) → Birch's attendance withheld.
    static func trust(name: String = #function) throws -> TwoSchoolTrust {
        let a0 = TwoSchoolTrust.upn(0, 0), a1 = TwoSchoolTrust.upn(0, 1), b0 = TwoSchoolTrust.upn(1, 0), b1 = TwoSchoolTrust.upn(1, 1)
        let x4 = TwoSchoolTrust.upn(0, 4)
        func ks2(_ urn: String, _ upn: String, _ reading: String) -> String {
            "2024/25,\(urn),\(upn),Surname,Pupil,\(reading),100,100,EXS,100.0,100.0,100.0,EXS,50\n"
        }
        let ks2Text = "academic_year,urn,upn,surname,forename,reading,maths,gps,writing,fft_reading,fft_maths,fft_gps,fft_writing,fft_rwm_chance\n"
            + ks2("100001", a0, "105") + ks2("100001", a1, "95") + ks2("100002", b0, "100")
            + ks2("100002", "B88100010000", "100") + ks2("100002", "not-a-upn", "100") + ks2("100002", "X", "100")
        let phonics = "academic_year,urn,upn,surname,forename,year_group,mark,outcome\n"
            + "2024/25,100001,\(a0),Surname,Pupil,1,36,Wa\n2024/25,100001,\(a1),Surname,Pupil,1,99,Wa\n2024/25,100001,\(x4),Surname,Pupil,1,99,Wa\n"
            + "2024/25,100002,\(b0),Surname,Pupil,1,36,Wa\n2024/25,100002,\(b1),Surname,Pupil,1,99,Wa\n"
        let summary = "academic_year,urn,upn,possible_sessions,present_sessions,authorised_absence,unauthorised_absence\n"
            + "2024/25,100001,\(a0),10,9,1,0\n2024/25,100001,\(a1),10,5,1,1\n"
            + "2024/25,100002,\(b1),10,10,0,0\n2024/25,100002,\(b0),10,5,1,1\n2024/25,100002,\(b1),10,5,1,1\n"
        return try TwoSchoolTrust(marks: nil, inputs: [("ks2", ks2Text), ("phonics", phonics), ("attendance_summary", summary)], name: name)
    }

    @Test func mostRowsRejectedWithholdsTheFiguresSayingWhy() throws {
        let trust = try Self.trust()
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        let measures = try trust.csv("measures.csv").filter { $0[0] == "2024/25" }
        func rows(_ urn: String, _ prefix: String) -> [[String]] { measures.filter { $0[1] == urn && $0[3].hasPrefix(prefix) } }
        func all(_ urn: String, _ measure: String) throws -> [String] {
            try #require(measures.first { $0[1] == urn && $0[3] == measure && $0[4] == "all" }, "\(urn) \(measure)")
        }
        func isWithheld(_ rows: [[String]], _ text: String) -> Bool {
            !rows.isEmpty && rows.allSatisfy { $0[5...12].allSatisfy(\.isEmpty) && $0[16] == text }
        }

        // Birch's KS2: 3 of 4 rows rejected.
        #expect(isWithheld(rows("100002", "ks2."), "Withheld: 3 of 4 KS2 rows rejected (75%)"), "\(rows("100002", "ks2.").first ?? [])")
        #expect(Array(try all("100001", "ks2.reading.expected")[5...7]) == ["1", "2", "50"])
        // Alder's phonics: 2 of 3 rejected; Birch's: exactly half, so it stands.
        #expect(isWithheld(rows("100001", "phonics."), "Withheld: 2 of 3 phonics rows rejected (67%)"), "\(rows("100001", "phonics.").first ?? [])")
        #expect(Array(try all("100002", "phonics.y1.expected")[5...7]) == ["1", "1", "100"])
        #expect(try all("100002", "phonics.y1.expected")[19] == "1")
        // Birch's attendance: 2 of 3 summary rows rejected; Alder's: exactly half, so it stands.
        #expect(isWithheld(rows("100002", "attendance."), "Withheld: 2 of 3 summary rows rejected (67%)"), "\(rows("100002", "attendance.").first ?? [])")
        #expect(Array(try all("100001", "attendance.attendance_rate")[5...7]) == ["9", "10", "90"])

        // The sheets give the whole reason instead of their tables; the card shows the short one.
        let birch = try IndependentReader.read(trust.output + "/schools/100002-birch-primary.xlsx")
        let alder = try IndependentReader.read(trust.output + "/schools/100001-alder-primary.xlsx")
        let ks2 = try #require(birch.sheets.first { $0.name == "KS2" })
        #expect(ks2.text("A2") == "Withheld: 3 of this school's 4 KS2 results rows for 2024/25 (75%) were rejected, more than half, so the figures would describe only what is left. Fix the rows listed in data-quality.csv and run again.")
        let attendance = try #require(birch.sheets.first { $0.name == "Attendance" })
        #expect(attendance.text("A2")?.hasPrefix("Withheld: 2 of this school's 3 attendance-summary rows for 2024/25 (67%) were rejected") == true)
        let phonics = try #require(alder.sheets.first { $0.name == "Phonics" })
        #expect(phonics.text("A2")?.hasPrefix("Withheld: 2 of this school's 3 phonics results rows for 2024/25 (67%) were rejected") == true)
        let birchCard = try #require(birch.sheets.first).allText.joined(separator: "\n")
        #expect(birchCard.contains("Withheld: 3 of 4 KS2 rows rejected (75%)") && birchCard.contains("Withheld: 2 of 3 summary rows rejected (67%)"))
        let alderCard = try #require(alder.sheets.first).allText.joined(separator: "\n")
        #expect(alderCard.contains("Withheld: 2 of 3 phonics rows rejected (67%)") && !alderCard.contains("KS2 rows rejected"))
    }
}
