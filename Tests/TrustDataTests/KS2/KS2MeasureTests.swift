import Foundation
import Testing
@testable import TrustData

/// Alder 2024/25 (12 pupils), worked by hand:
/// reading — in the denominator Ash 112, Beech 105, Cedar 98, Dogwood B, Elm A, Fir 100, Gum U, Kale B (8);
///   out: Hazel L, Ivy M, Juniper F, Larch P. Expected Ash, Beech, Fir = 3/8; higher Ash = 1/8;
///   average over the four scores (112+105+98+100)/4 = 103.75.
/// maths — Ash 110, Beech 100, Cedar 104+, Dogwood B, Elm 95, Fir J, Gum T, Ivy 111, Kale B (9);
///   expected 4/9, higher (110, 111) 2/9, average 520/5 = 104.
/// GPS — Ash 115, Beech 99, Cedar 101, Dogwood B, Elm H, Fir Q, Gum 108, Kale B (8); out Hazel L, Ivy M,
///   Juniper F, Larch P. Expected 3/8, higher 1/8, average 423/4 = 105.75.
/// writing — GDS, EXS, WTS, PK4, A, EXS, D, GDS (Ivy), EM in (9); Hazel L, Juniper F, Larch P out.
///   Expected 4/9, greater depth 2/9.
/// RWM — in when R, W and M all are: Ash, Beech, Cedar, Dogwood, Elm, Fir, Gum, Kale (8); expected Ash
///   and Beech = 2/8; higher Ash (112, 110, GDS) = 1/8.
@Suite struct KS2MeasureTests {
    @Test func headlineFiguresFollowTheDfEDenominators() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let m = trust.measures
        func check(_ id: String, _ num: Double, _ den: Double, _ value: Double, urn: String = "100001") {
            let row = m.row(id, urn: urn)
            #expect(row?.numerator == num, "\(id) numerator")
            #expect(row?.denominator == den, "\(id) denominator")
            #expect(close(row?.value, value, 1e-9), "\(id) value \(String(describing: row?.value))")
        }
        check("ks2.reading.expected", 3, 8, 37.5)
        check("ks2.reading.higher", 1, 8, 12.5)
        check("ks2.reading.average_scaled_score", 415, 4, 103.75)
        check("ks2.maths.expected", 4, 9, 400.0 / 9)
        check("ks2.maths.higher", 2, 9, 200.0 / 9)
        check("ks2.maths.average_scaled_score", 520, 5, 104)
        check("ks2.gps.expected", 3, 8, 37.5)
        check("ks2.gps.higher", 1, 8, 12.5)
        check("ks2.gps.average_scaled_score", 423, 4, 105.75)
        check("ks2.writing.expected", 4, 9, 400.0 / 9)
        check("ks2.writing.higher", 2, 9, 200.0 / 9)
        check("ks2.rwm.expected", 2, 8, 25)
        check("ks2.rwm.higher", 1, 8, 12.5)
        // Birch (STA style): reading 104, 110, A, 101 → 3/4; maths 99, 112, 100, 106 → 3/4, avg 417/4.
        check("ks2.reading.expected", 3, 4, 75, urn: "100002")
        check("ks2.maths.average_scaled_score", 417, 4, 104.25, urn: "100002")
        check("ks2.rwm.expected", 2, 4, 50, urn: "100002")
        check("ks2.rwm.higher", 1, 4, 25, urn: "100002")
    }

    @Test func trustFigureIsPooledNotAveraged() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let m = trust.measures
        // Reading: Alder 3/8 (37.5%) and Birch 3/4 (75%) → pooled 6/12 = 50%, not the 56.25% mean.
        let reading = try #require(m.row("ks2.reading.expected", urn: "TRUST"))
        #expect(reading.numerator == 6 && reading.denominator == 12 && reading.value == 50)
        #expect(reading.value != (37.5 + 75) / 2)
        // Maths average: (520 + 417) / (5 + 4) = 104.111…, not (104 + 104.25) / 2.
        #expect(close(m.row("ks2.maths.average_scaled_score", urn: "TRUST")?.value, 937.0 / 9))
        // RWM: 2/8 + 2/4 = 4/12.
        let rwm = try #require(m.row("ks2.rwm.expected", urn: "TRUST"))
        #expect(rwm.numerator == 4 && rwm.denominator == 12)
        #expect(m.row("ks2.rwm.higher", urn: "TRUST")?.numerator == 2)
        // Trust comparisons: national 75 → −25; target 55 → −5; no LA (schools in Essex and Suffolk).
        #expect(reading.diffNational == -25 && reading.diffTarget == -5 && reading.la == nil)
    }

    @Test func comparisonsWithNationalLAAndTarget() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let alder = try #require(trust.measures.row("ks2.reading.expected", urn: "100001"))
        #expect(alder.national == 75 && alder.diffNational == -37.5)
        #expect(alder.la == 74 && alder.diffLA == -36.5 && alder.laName == "Essex")
        #expect(alder.target == 40 && alder.diffTarget == -2.5)
        #expect(trust.measures.row("ks2.reading.expected", urn: "100002")?.la == 72)
        // Average scaled score against national 105.
        #expect(trust.measures.row("ks2.reading.average_scaled_score", urn: "100001")?.diffNational == -1.25)
    }

    /// The ids and comparison flags `KS2Measures.rows` works out once per call give the same rows as
    /// `AnalysisContext.measure` working them out per row: compared ids (national, LA, target filled) and
    /// uncompared ones (FFT), for a school and for the trust.
    @Test func idsWorkedOutOncePerCallMatchThePerRowPath() throws {
        let (dataset, context, _) = try KS2Fixture.run()
        let alder = try #require(dataset.register.schools.first { $0.urn == "100001" })
        let year = AcademicYear(startYear: 2024)
        let reading = KS2Measures.MeasureIDs(.reading, context: context)
        #expect(reading.expected.id.text == "ks2.reading.expected" && reading.expected.compared)
        #expect(reading.averageScaledScore.id.text == "ks2.reading.average_scaled_score" && reading.averageScaledScore.compared)
        #expect(reading.fftMeanGapLow.id.text == "fft.reading.mean_gap_ci_low" && !reading.fftMeanGapLow.compared)
        #expect(KS2Measures.MeasureIDs(.rwm, context: context).fftActualVsEstimated.id.text == "fft.rwm.actual_vs_estimated_expected")
        #expect(KS2Measures.MeasureIDs(.writing, context: context).higher.id.text == "ks2.writing.higher")
        for subject in KS2Subject.allCases {
            #expect(KS2Subject.allCases[subject.index] == subject)
            let ids = KS2Measures.MeasureIDs(subject, context: context)
            for id in [ids.expected, ids.higher, ids.averageScaledScore, ids.fftAtOrAbove, ids.fftMeanGap, ids.fftMeanGapLow,
                       ids.fftMeanGapHigh, ids.fftEstimatedExpected, ids.fftActualVsEstimated] {
                #expect(id.compared == context.isCompared(id.id))
                for school in [alder, nil] {
                    let p = Proportion(3, of: 8)
                    #expect(context.measure(id.id, compared: id.compared, group: "all", year: year, yearText: year.description,
                                            school: school, proportion: p)
                            == context.measure(id.id, group: "all", year: year, school: school, proportion: p))
                    #expect(context.measure(id.id, compared: id.compared, group: "disadvantaged", year: year,
                                            yearText: year.description, school: school, value: 1.5, denominator: 4, cohort: 4)
                            == context.measure(id.id, group: "disadvantaged", year: year, school: school, value: 1.5,
                                               denominator: 4, cohort: 4))
                }
            }
        }
        // A compared id really carries its comparisons through the new path (Alder reading: 75, 74, 40).
        let row = context.measure(reading.expected.id, compared: true, group: "all", year: year, yearText: "2024/25",
                                  school: alder, proportion: Proportion(3, of: 8))
        #expect(row.national == 75 && row.la == 74 && row.target == 40 && row.year == "2024/25")
    }

    @Test func groupsAndSmallCohortFlags() throws {
        let (_, context, trust) = try KS2Fixture.run()
        let m = trust.measures
        // Disadvantaged: Ash 112, Cedar 98, Fir 100 (Hazel L out) → 2/3, flagged (< 5).
        let dis = try #require(m.row("ks2.reading.expected", urn: "100001", group: "disadvantaged"))
        #expect(dis.numerator == 2 && dis.denominator == 3 && dis.smallCohort)
        // Not disadvantaged: Beech 105, Dogwood B, Elm A, Gum U, Kale B → 1/5, not flagged.
        let other = try #require(m.row("ks2.reading.expected", urn: "100001", group: "not_disadvantaged"))
        #expect(other.numerator == 1 && other.denominator == 5 && !other.smallCohort)
        // Girls: Ash 112, Cedar 98, Elm A → 1/3. EAL (file says Cedar is EAL; roster disagrees): Cedar, Gum → 0/2.
        #expect(m.row("ks2.reading.expected", urn: "100001", group: "girls")?.denominator == 3)
        #expect(m.row("ks2.reading.expected", urn: "100001", group: "eal")?.numerator == 0)
        #expect(m.row("ks2.reading.expected", urn: "100001", group: "eal")?.denominator == 2)
        // EHCP: Dogwood B, Kale B → 0/2.  SEN support: Cedar 98 (Hazel L) → 0/1.
        #expect(m.row("ks2.reading.expected", urn: "100001", group: "ehcp")?.denominator == 2)
        #expect(m.row("ks2.reading.expected", urn: "100001", group: "sen_support")?.denominator == 1)
        // One pupil: 9 Alder pupils are in at least one denominator → 11.1 points each.
        let alder = try #require(trust.schools.first { $0.school.urn == "100001" }?.ks2)
        #expect(alder.eligible(context.year) == 9)
        #expect(close(alder.onePupilPercent(context.year), 100.0 / 9))
    }

    @Test func trendsCoverEveryYearInTheInputs() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let m = trust.measures
        // 2023/24 Alder: reading 100, 99, 108, 103 → 3/4 (national 74 → +1); GPS 100, 102, 104 with Pine's
        // unknown code X left out → 3/3, average 102.
        let r = try #require(m.row("ks2.reading.expected", urn: "100001", year: "2023/24"))
        #expect(r.numerator == 3 && r.denominator == 4 && r.diffNational == 1)
        #expect(m.row("ks2.reading.average_scaled_score", urn: "100001", year: "2023/24")?.value == 102.5)
        #expect(m.row("ks2.gps.expected", urn: "100001", year: "2023/24")?.denominator == 3)
        #expect(m.row("ks2.gps.average_scaled_score", urn: "100001", year: "2023/24")?.value == 102)
        #expect(trust.ks2?.years.map(\.description) == ["2023/24", "2024/25"])
    }

    @Test func disadvantagedGapsThreeWays() throws {
        let (_, _, trust) = try KS2Fixture.run()
        let m = trust.measures
        func gap(_ id: String) -> Double? { m.row(id, urn: "100001", group: "disadvantaged")?.value }
        // Reading: disadvantaged 2/3 = 66.7%; national other 80 → −13.3; school other 1/5 = 20% → +46.7;
        // national disadvantaged 63 → +3.7.
        #expect(close(gap("ks2.reading.disadvantaged_gap_vs_national_other"), 200.0 / 3 - 80))
        #expect(close(gap("ks2.reading.disadvantaged_gap_in_school"), 200.0 / 3 - 20))
        #expect(close(gap("ks2.reading.disadvantaged_gap_vs_national_disadvantaged"), 200.0 / 3 - 63))
        // RWM: disadvantaged Ash only of Ash, Cedar, Fir → 33.3%; national other 68; school other 1/5; national disadvantaged 47.
        #expect(close(gap("ks2.rwm.disadvantaged_gap_vs_national_other"), 100.0 / 3 - 68))
        #expect(close(gap("ks2.rwm.disadvantaged_gap_in_school"), 100.0 / 3 - 20))
        #expect(close(gap("ks2.rwm.disadvantaged_gap_vs_national_disadvantaged"), 100.0 / 3 - 47))
        // No national figure for maths by group in the fixture: no gap against national, in-school still given.
        #expect(gap("ks2.maths.disadvantaged_gap_vs_national_other") == nil)
        // Maths: disadvantaged Ash 110, Cedar 104, Fir J → 2/3; other Beech 100, Dogwood B, Elm 95, Gum T, Ivy 111, Kale B → 2/6.
        #expect(close(gap("ks2.maths.disadvantaged_gap_in_school"), 200.0 / 3 - 100.0 / 3))
        let row = try #require(m.row("ks2.reading.disadvantaged_gap_vs_national_other", urn: "100001", group: "disadvantaged"))
        #expect(row.smallCohort)
    }
}
