import Foundation
import Testing
@testable import TrustData

/// Every code in the shipped table classified as domain.md's DfE table says.
@Suite struct KS2CodeTableTests {
    func table() throws -> KS2CodeTable {
        let path = fixturePath("../../../inputs/reference/ks2-codes.csv")
        let outcome = try KS2CodeTable.read(path: path, displayName: "ks2-codes.csv")
        #expect(outcome.stats.rowsRejected == 0)
        return KS2CodeTable(outcome.records)
    }

    @Test func everyTestCode() throws {
        let codes = try table()
        let year = AcademicYear(startYear: 2024)
        // In the denominator as not met: A, B, H, J, Q, U (older T). Excluded: L, M. Not in cohort: F, P.
        for c in ["A", "B", "H", "J", "Q", "U", "T"] {
            let r = KS2SubjectResult.coded(try #require(codes.code(c, kind: .test, year: year)), raw: c)
            #expect(r.inDenominator && !r.expected && !r.higher && !r.inAverage, "\(c)")
        }
        for c in ["L", "M", "F", "P"] {
            let r = KS2SubjectResult.coded(try #require(codes.code(c, kind: .test, year: year)), raw: c)
            #expect(!r.inDenominator, "\(c)")
        }
        #expect(codes.code("X", kind: .test, year: year) == nil)
        #expect(codes.code("EXS", kind: .test, year: year) == nil)
    }

    @Test func everyWritingCode() throws {
        let codes = try table()
        let year = AcademicYear(startYear: 2024)
        func r(_ c: String) throws -> KS2SubjectResult { .coded(try #require(codes.code(c, kind: .writing, year: year)), raw: c) }
        #expect(try r("GDS").expected && r("GDS").higher && r("GDS").writingOutcome == "GDS")
        #expect(try r("EXS").expected && !r("EXS").higher)
        for c in ["WTS", "PK1", "PK2", "PK3", "PK4", "PK5", "PK6", "EM", "A", "D"] {
            #expect(try r(c).inDenominator && !r(c).expected, "\(c)")
        }
        for c in ["L", "F", "P"] { #expect(try !r(c).inDenominator, "\(c)") }
        #expect(codes.code("M", kind: .writing, year: year) == nil)
    }

    @Test func datedCodesApplyOnlyInTheirYears() {
        let t = KS2Code(code: "T", kind: .test, meaning: "unable to access (old)", inDenominator: true, countsAs: .notMet,
                        inAverage: false, validFrom: nil, validTo: AcademicYear(startYear: 2018))
        let table = KS2CodeTable([t])
        #expect(table.code("T", kind: .test, year: AcademicYear(startYear: 2018)) != nil)
        #expect(table.code("T", kind: .test, year: AcademicYear(startYear: 2024)) == nil)
    }

    @Test func scaledScoreThresholds() {
        #expect(KS2SubjectResult.score(99, raw: "99", specialConsideration: false).expected == false)
        let hundred = KS2SubjectResult.score(100, raw: "100", specialConsideration: false)
        #expect(hundred.expected && !hundred.higher && hundred.inAverage)
        #expect(KS2SubjectResult.score(110, raw: "110", specialConsideration: false).higher)
    }
}
