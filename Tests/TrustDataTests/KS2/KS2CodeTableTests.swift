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

    /// #17 item 2: writing codes DfE used in 2016–2018 (interim pre-key stage PKG/PKE/PKF, BLW with P
    /// scales) are in the table for those years, so a trend year keeps its denominator: every one of them
    /// counts as not reaching the expected standard (DfE primary accountability guidance).
    @Test func writingCodesOfEarlierYearsKeepTheirDenominators() throws {
        let codes = try table()
        let y2017 = AcademicYear(startYear: 2016), y2025 = AcademicYear(startYear: 2024)
        // A 2016/17 writing cohort, worked by hand: EXS and GDS meet the standard; WTS, PKG, PKF, BLW and
        // P6 do not but are in the denominator; L (left) is out. 2 of 7 = 28.6%.
        let cohort = ["EXS", "GDS", "WTS", "PKG", "PKF", "BLW", "P6", "L"]
        let results = try cohort.map { c in KS2SubjectResult.coded(try #require(codes.code(c, kind: .writing, year: y2017), "\(c)"), raw: c) }
        #expect(results.filter(\.inDenominator).count == 7)
        #expect(results.filter(\.expected).count == 2)
        // P scales are written `P1i`, `P1ii` in MIS exports: read case-insensitively.
        #expect(codes.code("P1i", kind: .writing, year: y2017) != nil)
        // Each code only in its own years: the interim codes went in 2018/19, PK1–PK6 came then, and the
        // engagement model replaced BLW and P scales 1–4 from 2021/22.
        for c in ["PKG", "PKE", "PKF", "P5", "P8"] { #expect(codes.code(c, kind: .writing, year: AcademicYear(startYear: 2018)) == nil, "\(c)") }
        for c in ["BLW", "P4"] { #expect(codes.code(c, kind: .writing, year: AcademicYear(startYear: 2019)) != nil, "\(c)") }
        for c in ["BLW", "P4", "PKF"] { #expect(codes.code(c, kind: .writing, year: y2025) == nil, "\(c)") }
        #expect(codes.code("PK4", kind: .writing, year: y2017) == nil)
        #expect(codes.code("EM", kind: .writing, year: AcademicYear(startYear: 2019)) == nil)
        #expect(codes.code("EM", kind: .writing, year: y2025) != nil)
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
