import Testing
@testable import TrustData

/// Ofsted's management information on eight real Leeds rows (`dfe/ofsted/leeds_ofsted_extract.csv`,
/// the file's own 85 columns) and on hand-made faults in the same layout.
@Suite struct OfstedTests {
    static let urns = ["107848", "141883", "107869", "151719", "107858", "107963", "149546", "107809"]
    static let register = SchoolRegister(urns.map { School(urn: $0, name: "School \($0)", laName: "Leeds", phase: "Primary", capacity: nil) })

    func records() throws -> [String: OfstedRecord] {
        let o = try OfstedImporter.read(path: fixturePath("dfe/ofsted/leeds_ofsted_extract.csv"), displayName: "ofsted.csv", register: Self.register)
        #expect(o.stats.rowsRead == 8 && o.stats.rowsAccepted == 8 && o.stats.rowsRejected == 0)
        return Dictionary(uniqueKeysWithValues: o.records.map { ($0.urn, $0) })
    }

    func rows(_ urn: String) throws -> [String: MeasureRow] {
        let r = try #require(try records()[urn])
        let school = Self.register.schools.first { $0.urn == urn }!
        return Dictionary(uniqueKeysWithValues: OfstedMeasures.rows(r, school: school, context: FrameworkTestContext.empty).map { ($0.measure, $0) })
    }

    /// Gildersome: a report card (06/01/2026) after a Good graded inspection (13/01/2022): the report
    /// card's grades are current and Good is the previous grade; no overall grade.
    @Test func reportCardAfterAGradedInspection() throws {
        let m = try rows("107848")
        #expect(m["ofsted.latest_inspection"]?.text == "06/01/2026: S5 Inspection (report card)")
        #expect(m["ofsted.overall_effectiveness"] == nil)
        #expect(m["ofsted.previous_grade"]?.text == "Good (13/01/2022)")
        #expect(m["ofsted.previous_grade"]?.value == 2)
        #expect(m["ofsted.report_card.achievement"]?.text == "Expected standard")
        #expect(m["ofsted.report_card.achievement"]?.value == 3)
        #expect(m["ofsted.report_card.inclusion"]?.text == "Needs attention")
        #expect(m["ofsted.report_card.post_16"] == nil)   // Not applicable
        #expect(m["ofsted.safeguarding"]?.text == "Met")
        #expect(m.values.allSatisfy { $0.year == "2024/25" && MeasureCatalog.isKnown($0.measure) })
    }

    @Test func gradedInspectionsAndConcerns() throws {
        let primrose = try rows("107869")
        #expect(primrose["ofsted.overall_effectiveness"]?.text == "Requires improvement")
        #expect(primrose["ofsted.overall_effectiveness"]?.value == 3)
        #expect(primrose["ofsted.oeif.quality_of_education"]?.text == "Requires improvement")
        #expect(primrose["ofsted.safeguarding"]?.text == "Effective")
        let cockburn = try rows("151719")
        #expect(cockburn["ofsted.overall_effectiveness"]?.text == "Inadequate")
        #expect(cockburn["ofsted.category_of_concern"]?.text == "SM")
        #expect(cockburn["ofsted.latest_inspection"]?.text?.contains("of the predecessor school") == true)
        // From September 2024 graded inspections give no overall grade.
        let queensway = try rows("107858")
        #expect(queensway["ofsted.overall_effectiveness"]?.text == "Not judged")
        #expect(queensway["ofsted.overall_effectiveness"]?.value == nil)
        let cobden = try rows("107963")
        #expect(cobden["ofsted.latest_inspection"]?.text == "08/07/2025: Requires Improvement S5 Reinspection Visit 1 (graded)")
        #expect(cobden["ofsted.category_of_concern"]?.text == "SWK")
        #expect(cobden["ofsted.ungraded_outcome"]?.text == "School remains Good (Concerns) - S5 Next (06/11/2019)")
        let guiseley = try rows("107809")
        #expect(guiseley["ofsted.latest_inspection"]?.text == "14/06/2023: Ungraded inspection")
        #expect(guiseley["ofsted.overall_effectiveness"] == nil)
        #expect(try rows("149546").isEmpty)
    }

    /// Requires improvement, and a report card's Needs attention, trigger intensive support; Good does not.
    @Test func requiresImprovementTriggersIntensiveSupport() throws {
        func fired(_ urn: String) throws -> [String] {
            let r = try #require(try records()[urn])
            let school = Self.register.schools.first { $0.urn == urn }!
            let table = MeasureTable(OfstedMeasures.rows(r, school: school, context: FrameworkTestContext.empty), currentYear: AcademicYear(startYear: 2024))
            return FrameworkEvaluator(settings: FrameworksSettings(), table: table).assess(urn: urn, school: school.name).triggers.map(\.id)
        }
        #expect(try fired("107869").contains("ofsted_requires_improvement"))
        #expect(try fired("141883").contains("ofsted_requires_improvement"))
        #expect(try fired("107809").contains("ofsted_requires_improvement") == false)
        #expect(try fired("151719").contains("ofsted_requires_improvement"))
    }

    @Test func inadequateOrSafeguardingIsDeficient() throws {
        let r = try #require(try records()["151719"])
        let school = Self.register.schools.first { $0.urn == "151719" }!
        let table = MeasureTable(OfstedMeasures.rows(r, school: school, context: FrameworkTestContext.empty), currentYear: AcademicYear(startYear: 2024))
        let a = FrameworkEvaluator(settings: FrameworksSettings(), table: table).assess(urn: "151719", school: school.name)
        #expect(a.educationCategory?.category == .deficient)
    }

    @Test func badRowsAreReportedAndNothingIsLost() throws {
        let register = SchoolRegister(Self.register.schools)
        let o = try OfstedImporter.read(path: fixturePath("dfe/ofsted/ofsted_bad.csv"), displayName: "ofsted_bad.csv", register: register)
        #expect(o.stats.rowsRead == 8)
        #expect(o.stats.rowsAccepted == 2)   // Primrose Lane, and the school outside the trust (skipped)
        #expect(o.stats.rowsRejected == 6)
        let rejected = o.issues.filter { $0.severity == .rejected }.map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        #expect(rejected == [
            "3 Latest OEIF overall effectiveness unknown_code",
            "4 Achievement unknown_code",
            "5 Inspection start date invalid_date",
            "8 URN invalid_urn",
            "9 Latest OEIF  safeguarding is effective? unknown_code",
            "6 URN duplicate_key",
        ])
        #expect(o.issues.contains { $0.code == .outsideTrust && $0.message.hasPrefix("1 row for schools not in the register") })
        // Register schools with no row in the file are named (warnings), seven of the eight here.
        #expect(o.issues.filter { $0.code == .noRowForSchool }.count == 7)
    }
}
