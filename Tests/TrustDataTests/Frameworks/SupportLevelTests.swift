import Testing
@testable import TrustData

/// Support levels as the trust business plan defines them: core is the universal offer; a subject or
/// pupil group below national is an ADDITIONAL trigger; the tier's own `support:` is the least support
/// (1, 2 core; 3 additional; 4 intensive). Tier, level and colour agree on the card and Support sheet.
@Suite struct SupportLevelTests {
    @Test func belowNationalIsAnAdditionalTrigger() throws {
        let trigger = try #require(FrameworksSettings.builtIn.triggers.first { $0.rule.id == "below_national" })
        #expect(trigger.level == .additional)
        #expect(FrameworksSettings.builtIn.tiers.map { $0.support } == [.intensive, .additional, .core, .core])
    }

    @Test func reinventSchoolIsNeverCore() {
        // RWM 55.9 against national 61.0: 5.1 points below → tier 3, and the below_national trigger fires.
        var f = FrameworkFixture.atNational()
        f.set("ks2.rwm.expected", 55.9, national: 61.0, last: 50.0)
        let a = f.assess()
        #expect(a.tier?.tier == 3)
        #expect(a.triggers.map(\.id).contains("below_national"))
        #expect(a.supportLevel == .additional)
        #expect(a.supportLabel == "Additional support")
        #expect(a.supportLevel?.rag == .amber)
    }

    @Test func leadSchoolGetsCoreFromItsTier() {
        let a = FrameworkFixture.atNational().assess()
        #expect(a.tier?.tier == 1)
        #expect(a.triggers.isEmpty)
        #expect(a.supportLevel == .core)
        #expect(a.supportLabel == "Core support (Tier 1 Lead)")
        #expect(a.supportLevel?.rag == .green)
    }

    @Test func tierRaisesTheLevelWhenNoTriggerDoes() {
        // A tier 3 placement with no trigger: the tier alone sets "additional", and says so.
        let placement = SupportAssessment.TierPlacement(tier: 3, name: "Reinvent", description: "", evidence: [], support: .additional)
        let a = SupportAssessment(urn: "1", school: "S", tier: placement, tierNote: "", financeCategory: nil, triggers: [])
        #expect(a.supportLabel == "Additional support (Tier 3 Reinvent)")
        #expect(a.supportLevel?.rag == .amber)
    }
}
