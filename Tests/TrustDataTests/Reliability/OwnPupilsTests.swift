import Foundation
import Testing
@testable import TrustData

/// A school's workbook holds only its own pupils, its Data quality sheet included; marks for a pupil
/// under the wrong school never count there; nothing is dropped from data-quality.csv; a figure most of
/// whose rows were rejected is withheld, saying why. All through the real binary.
@Suite struct OwnPupilsTests {
    /// Alder (100001) has pupils a0, a1; Birch (100002) has b0, b1.
    /// Alder's marks: a0 / / / N, a1 / / / /: 7 of 8 possible sessions attended (87.5%).
    /// Four N marks for b0 under Alder: b0 is on Birch's roll, so they are rejected (pupil_at_another_school)
    /// and never count for Alder. A pupils.csv row claims Alder for b0 with an impossible date: rejected.
    /// Birch's marks: b0 / / (2 counted) and seven Saturday marks for b1 (rejected): 7 of 9 rows
    /// rejected (78%), more than half, so Birch's attendance is withheld.
    static func trust(listPerCode: Int = 3, name: String = #function) throws -> TwoSchoolTrust {
        let a0 = TwoSchoolTrust.upn(0, 0), a1 = TwoSchoolTrust.upn(0, 1), b0 = TwoSchoolTrust.upn(1, 0), b1 = TwoSchoolTrust.upn(1, 1)
        var marks = ""
        for (upn, codes) in [(a0, ["/", "/", "/", "N"]), (a1, ["/", "/", "/", "/"])] {
            marks += "100001,\(upn),2024-09-02,AM,\(codes[0])\n100001,\(upn),2024-09-02,PM,\(codes[1])\n"
            marks += "100001,\(upn),2024-09-03,AM,\(codes[2])\n100001,\(upn),2024-09-03,PM,\(codes[3])\n"
        }
        marks += "100001,\(b0),2024-09-02,AM,N\n100001,\(b0),2024-09-02,PM,N\n100001,\(b0),2024-09-03,AM,N\n100001,\(b0),2024-09-03,PM,N\n"
        marks += "100002,\(b0),2024-09-02,AM,/\n100002,\(b0),2024-09-02,PM,/\n"
        marks += String(repeating: "100002,\(b1),2024-09-07,AM,/\n", count: 7)
        return try TwoSchoolTrust(
            extraPupilRows: "2024/25,100001,\(b0),Secretname,Bee,31/02/2014,F,6,N,N,N\n", marks: marks,
            pipelineExtra: "attendance:\n  max_issues_per_code: \(listPerCode)\n", name: name)
    }

    @Test func aSchoolsWorkbookHoldsOnlyItsOwnPupils() throws {
        let trust = try Self.trust()
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        let b0 = TwoSchoolTrust.upn(1, 0)
        let alder = try IndependentReader.read(trust.output + "/schools/100001-alder-primary.xlsx")
        let alderText = alder.sheets.flatMap(\.allText).joined(separator: "\n")
        #expect(!alderText.contains(b0) && !alderText.contains("Secretname"), "Alder's workbook shows none of Birch's pupils")
        #expect(alder.sheets.first { $0.name == "Data quality" }?.text("A5") == "No issues found")

        // The rejected rows are in the trust-level data quality: data-quality.csv in full.
        let dq = try trust.csv("data-quality.csv")
        let foreign = dq.filter { $0[4] == "pupil_at_another_school" }
        #expect(foreign.count == 4 && foreign.allSatisfy { $0[6] == "100001" && $0[7] == b0 && $0[8] == "rejected" })
        #expect(dq.contains { $0[4] == "invalid_date" && $0[6] == "100001" && $0[7] == b0 })

        // Alder's attendance counts only its own pupils' 8 marks: 7 attended.
        let measures = try trust.csv("measures.csv")
        let rate = try #require(measures.first { $0[1] == "100001" && $0[3] == "attendance.attendance_rate" && $0[4] == "all" })
        #expect(Array(rate[5...7]) == ["7", "8", "87.5"])
    }

    @Test func nothingIsDroppedAndAMeaninglessFigureIsWithheld() throws {
        let trust = try Self.trust()
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        let dq = try trust.csv("data-quality.csv")
        // Every issue is a row, however many share a code: the header, 7 weekend marks, 4 foreign marks,
        // and the pupils.csv row's impossible date and its UPN also on Birch's roll.
        #expect(dq.filter { $0[4] == "weekend_mark" }.count == 7)
        #expect(dq.count == 1 + 7 + 4 + 2, "\(dq.map { $0[4] })")
        // The sheets list 3 of each file's code in full, then one row counting the rest.
        let birch = try IndependentReader.read(trust.output + "/schools/100002-birch-primary.xlsx")
        let sheet = try #require(birch.sheets.first { $0.name == "Data quality" })
        let codes = (5...9).map { sheet.text("E\($0)") }
        #expect(codes == ["weekend_mark", "weekend_mark", "weekend_mark", "weekend_mark", nil])
        #expect(sheet.text("D8") == "4 more")
        #expect(sheet.text("F8")?.contains("the other 4 are in data-quality.csv") == true)

        // Birch: 7 of its 9 marks rows rejected: every attendance figure is withheld, saying why.
        let measures = try trust.csv("measures.csv")
        let birchRows = measures.filter { $0[1] == "100002" && $0[3].hasPrefix("attendance.") }
        #expect(!birchRows.isEmpty)
        let reason = "Withheld: 7 of this school's 9 attendance-marks rows (78%) were rejected, more than half"
        #expect(birchRows.allSatisfy { $0[5...13].allSatisfy(\.isEmpty) && $0[16] == "Withheld: 7 of 9 marks rows rejected (78%)" }, "\(birchRows.first ?? [])")
        let attendance = try #require(birch.sheets.first { $0.name == "Attendance" })
        #expect(attendance.text("A2")?.hasPrefix(reason) == true)
        // Alder: none of its own rows rejected (the 4 marks for Birch's pupil are not its rows): its figures stand.
        #expect(measures.contains { $0[1] == "100001" && $0[3] == "attendance.attendance_rate" && $0[7] == "87.5" })
    }
}
