import Foundation
import Testing
@testable import TrustData

@Suite struct KS2ImportTests {
    @Test func everyRowIsAccountedFor() throws {
        let (dataset, _, _) = try KS2Fixture.run()
        let trust = try #require(dataset.log.stats.first { $0.file == "ks2-trust.csv" })
        #expect(trust.rowsRead == 19)
        #expect(trust.rowsAccepted == 16)
        #expect(trust.rowsRejected == 3)
        let sta = try #require(dataset.log.stats.first { $0.file == "ks2-sta.csv" })
        #expect(sta.rowsRead == 4 && sta.rowsAccepted == 4)
        let codes = try #require(dataset.log.stats.first { $0.dataset == "ks2-codes" })
        #expect(codes.rowsAccepted == 41 && codes.rowsRejected == 0)
        let rejected = dataset.log.issues.filter { $0.severity == .rejected && $0.file == "ks2-trust.csv" }
            .map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        // Line 18: URN 100009 is not ours; 19: UPN check letter wrong (N is right); 20: Ash listed twice.
        #expect(rejected == ["18 urn unknown_school", "19 upn invalid_upn", "20 upn duplicate_row"])
    }

    @Test func subjectProblemsAreWarningsAndTheRowIsKept() throws {
        let (dataset, _, _) = try KS2Fixture.run()
        let warnings = dataset.log.issues.filter { $0.severity == .warning && $0.file.hasPrefix("ks2") }
            .map { "\($0.file):\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "") \($0.code.rawValue)" }
        #expect(warnings.contains("ks2-trust.csv:17 gps X unknown_code"))
        #expect(warnings.contains("ks2-sta.csv:5 Reading outcome NS inconsistent_values"))
        #expect(warnings.contains("ks2-trust.csv:4 eal Y characteristic_mismatch"))
        #expect(warnings.contains("ks2-trust.csv:13 upn J881200100012 not_on_roster"))
        // The four 2023/24 pupils have no 2023/24 roster.
        #expect(warnings.filter { $0.hasSuffix("not_on_roster") }.count == 5)
        let pine = try #require(dataset.ks2?.pupils.first { $0.surname == "Pine" })
        #expect(pine.result(.gps).inDenominator == false)
        #expect(pine.result(.reading).scaledScore == 103)
    }

    @Test func codesAndStaStyleAreReadThroughTheTable() throws {
        let (dataset, _, _) = try KS2Fixture.run()
        let pupils = try #require(dataset.ks2?.pupils)
        func p(_ name: String) throws -> KS2Pupil { try #require(pupils.first { $0.surname == name }) }
        // `104+`: special consideration, score kept.
        let cedar = try p("Cedar").result(.maths)
        #expect(cedar.scaledScore == 104 && cedar.specialConsideration && cedar.expected)
        // T (older code for U) counts as not met, in the denominator.
        let gum = try p("Gum").result(.maths)
        #expect(gum.inDenominator && !gum.expected && gum.reason == "included as not met: T unable to access the test (older code for U)")
        #expect(try p("Hazel").result(.reading).reason == "excluded: L left school")
        #expect(try p("Juniper").result(.reading).reason == "not in this year's cohort: F will take the test in a future year")
        #expect(try p("Ivy").result(.reading).inDenominator == false)
        #expect(try p("Kale").result(.writing).inDenominator)
        // STA file: year `2025` is 2024/25; the code A sits in the outcome column; characteristics from the roster.
        let gorse = try p("Gorse")
        #expect(gorse.year.description == "2024/25")
        #expect(gorse.result(.reading).code == "A" && gorse.result(.reading).inDenominator)
        #expect(gorse.characteristics.disadvantaged == false && gorse.characteristics.gender == .female)
        #expect(try p("Elder").result(.gps).specialConsideration)
        // File wins on a disagreement with the roster.
        #expect(try p("Cedar").characteristics.eal == true)
        #expect(try p("Larch").onRoster == false)
    }
}
