import Foundation
import Testing
@testable import TrustData

/// The generator is deterministic, writes valid UPNs, and reproduces the committed sample trust.
@Suite struct GeneratorTests {
    /// The repository root, found from this file.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }

    static let csvFiles = ["schools.csv", "pupils.csv", "ks2.csv", "phonics.csv", "attendance_marks.csv",
                           "attendance_summary.csv", "finance.csv", "budget_monitoring.csv", "targets.csv",
                           "bfr_2024-25.csv", "bfr_3y_2024-25.csv", "judgements.csv", "ofsted.csv"]

    func small() -> GeneratorOptions {
        var o = GeneratorOptions()
        o.schools = 3
        o.pupils = 300
        o.years = 2
        o.marksThrough = CalendarDate(year: 2024, month: 10, day: 4)
        o.seed = 7
        return o
    }

    @Test func sameSeedSameBytes() throws {
        let a = try makeTemporaryFolder(), b = try makeTemporaryFolder()
        try TrustGenerator(options: small()).write(to: a)
        try TrustGenerator(options: small()).write(to: b)
        for name in Self.csvFiles {
            let x = try Data(contentsOf: URL(fileURLWithPath: a + "/" + name))
            let y = try Data(contentsOf: URL(fileURLWithPath: b + "/" + name))
            #expect(!x.isEmpty)
            #expect(x == y, "\(name) differs between two runs with the same seed")
        }
        var other = small()
        other.seed = 8
        let c = try makeTemporaryFolder()
        try TrustGenerator(options: other).write(to: c)
        #expect(try Data(contentsOf: URL(fileURLWithPath: c + "/pupils.csv")) != Data(contentsOf: URL(fileURLWithPath: a + "/pupils.csv")))
    }

    @Test func regeneratingTheSampleReproducesTheCommittedFiles() throws {
        let out = try makeTemporaryFolder()
        try TrustGenerator(options: .sample).write(to: out)
        let committed = Self.repositoryRoot.appendingPathComponent("inputs/sample")
        for name in Self.csvFiles {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            let shipped = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(fresh == shipped, "inputs/sample/\(name) is not what `trustdata generate` writes; regenerate it (see inputs/sample/README.md)")
        }
    }

    @Test func sampleUPNsAllValidateAndFollowPupilsUpAYear() throws {
        let pupils = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("inputs/sample/pupils.csv"), encoding: .utf8)
        var temporary = Set<String>()
        var groups: [String: [String: String]] = [:]   // upn → year → year group
        for line in pupils.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard case .success(let upn) = UPN.validate(f[2]) else {
                Issue.record("\(f[2]) does not validate")
                continue
            }
            if upn.isTemporary { temporary.insert(upn.value) }
            groups[f[2], default: [:]][f[0]] = f[7]
        }
        #expect(temporary.count == 2)
        // A pupil in Year 3 in 2023/24 is in Year 4 in 2024/25 (Reception is R).
        let order = ["R", "1", "2", "3", "4", "5", "6"]
        var followed = 0
        for (_, years) in groups {
            if let a = years["2023/24"], let b = years["2024/25"] {
                #expect(order.firstIndex(of: b) == order.firstIndex(of: a)! + 1)
                followed += 1
            }
        }
        #expect(followed > 500)
        for name in ["ks2.csv", "phonics.csv", "attendance_summary.csv"] {
            let text = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("inputs/sample/" + name), encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let upn = String(line.split(separator: ",")[2])
                guard case .success = UPN.validate(upn) else { Issue.record("\(name): \(upn) does not validate"); continue }
                #expect(groups[upn] != nil, "\(name): \(upn) is not on the roster")
            }
        }
    }

    @Test func financeTotalsAddUpAndReservesCarryForward() throws {
        let text = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("inputs/sample/finance.csv"), encoding: .utf8)
        var carried: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            let n = f[3...].map { Int($0)! }
            // gag, other_dfe, other_gov, self_generated, total_income, staff, total_expenditure, brought, carried, fte
            #expect(n[0] + n[1] + n[2] + n[3] == n[4])
            #expect(n[7] + n[4] - n[6] == n[8])
            if let previous = carried[f[1]] { #expect(previous == n[7]) }
            carried[f[1]] = n[8]
        }
        #expect(carried.count == 5)   // four academies and CENTRAL
    }

    @Test func schoolCalendarSkipsWeekendsAndHolidays() {
        let days = SchoolCalendar(year: AcademicYear(startYear: 2024)).days
        #expect((185...195).contains(days.count))
        #expect(days.allSatisfy { !$0.isWeekend })
        #expect(!days.contains(CalendarDate(year: 2024, month: 12, day: 25)!))
        #expect(days.first == CalendarDate(year: 2024, month: 9, day: 3))
    }
}
