import Foundation
import Testing
@testable import TrustData

/// No CSV output can run as a formula in Excel: every text field starting with = + - @ TAB or CR is
/// prefixed with a single quote (OWASP, "CSV Injection"), by the one function every CSV writer uses;
/// numbers, negative ones included, stay numbers. Through the real binary.
@Suite struct CSVInjectionTests {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    @Test func noFieldOfAnyCSVOutputCanRunAsAFormula() throws {
        let names = ["=cmd|' /C calc'!A0", "-Dash Academy", "@SUM(1+1) School", "+Plus Primary"]
        let formulaRows = try String(contentsOfFile: reliabilityFolder() + "/Corpus/pupils-formula-values.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        let trust = try TwoSchoolTrust(schoolNames: names, extraPupilRows: formulaRows,
                                       marks: "100001,\(TwoSchoolTrust.upn(0, 0)),2024-09-02,AM,N\n100001,\(TwoSchoolTrust.upn(0, 0)),2024-09-02,PM,/\n")
        // A target above the figure, so a numeric column holds a negative number (diff_target).
        try "year,urn,measure,group,target\n2024/25,100001,attendance.attendance_rate,all,94.8\n"
            .write(toFile: trust.folder + "/targets.csv", atomically: true, encoding: .utf8)
        try String(contentsOfFile: trust.pipeline, encoding: .utf8)
            .replacingOccurrences(of: "  schools: schools.csv\n", with: "  schools: schools.csv\n  targets: targets.csv\n")
            .write(toFile: trust.pipeline, atomically: true, encoding: .utf8)
        let run = try runTrustdata(["run", trust.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err)")
        for file in ["measures.csv", "data-quality.csv"] {
            let rows = try trust.csv(file)
            #expect(rows.count > 1)
            for row in rows {
                for field in row {
                    guard let first = field.first, Self.triggers.contains(first) else { continue }
                    #expect(first == "-" && CSVText.isPlainNumber(field), "\(file): `\(field)` could run as a formula")
                }
            }
        }
        let measures = try trust.csv("measures.csv")
        #expect(Set(measures.dropFirst().map { $0[2] }).isSuperset(of: ["'=cmd|' /C calc'!A0", "'-Dash Academy", "'@SUM(1+1) School", "'+Plus Primary"]))
        // Numbers stay numbers: 1 of 2 sessions attended is 50%, 44.8 points below the target of 94.8.
        let header = measures[0]
        let rate = try #require(measures.first { $0[1] == "100001" && $0[3] == "attendance.attendance_rate" && $0[4] == "all" })
        #expect(rate[header.firstIndex(of: "value")!] == "50" && rate[header.firstIndex(of: "diff_target")!] == "-44.8")
        let bytes = try String(contentsOfFile: trust.output + "/measures.csv", encoding: .utf8)
        #expect(bytes.contains(",50,") && bytes.contains(",-44.8,") && !bytes.contains("'-44.8"))
        let dq = try trust.csv("data-quality.csv")
        let values = dq.filter { $0[0] == "pupils.csv" }.map { $0[3] }
        #expect(values == ["'=2+5*cmd|A0", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3", "'=1+1", "-3.5"]) // the reader trims the tab; the rest still starts a formula
    }

    /// The two writers (`CSVText` and the fast `CSVBytes`) neutralise the same way, field by field.
    @Test func bothWritersNeutraliseTheSame() {
        let fields = ["=1+1", "+1", "-1", "-3.5", "-1.5e-3", "-inf", "--1", "-", "@x", "\tx", "\r=1", "a=1", "", "'=x", "=\"a,b\"", "-é", "12"]
        var text = CSVText(header: ["f"])
        var bytes = CSVBytes()
        bytes.appendRow(["f"])
        for f in fields { text.appendRow([f]); bytes.appendRow([f]) }
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == text.text)
        #expect(fields.map(CSVText.formulaSafe) == ["'=1+1", "+1", "-1", "-3.5", "-1.5e-3", "'-inf", "'--1", "'-", "'@x", "'\tx", "'\r=1", "a=1", "", "'=x", "'=\"a,b\"", "'-é", "12"])
    }
}
