import Foundation
import Testing
@testable import TrustData

/// One roster fixture per alias family: SIMS-, Arbor- and Bromcom-style headings (and a mix of other
/// spellings) give exactly the same pupils, with no issues.
@Suite struct RosterAliasTests {
    @Test(arguments: ["roster-sims.csv", "roster-arbor.csv", "roster-bromcom.csv", "roster-generic.csv"])
    func aliasFamilyParsesToTheSamePupils(_ file: String) throws {
        let outcome = try ImportFixtures.pupils(file)
        #expect(outcome.records == ImportFixtures.expectedPupils)
        #expect(outcome.issues.isEmpty, "\(ImportFixtures.summary(outcome.issues))")
        #expect(outcome.stats.rowsRead == 3 && outcome.stats.rowsAccepted == 3 && outcome.stats.rowsRejected == 0)
    }

    @Test func headingsMatchIgnoringCaseSpacesAndPunctuation() {
        #expect(DatasetSchema.normalise("Legal Surname") == DatasetSchema.normalise("LEGAL-SURNAME"))
        #expect(DatasetSchema.normalise("legal_surname") == "legalsurname")
        #expect(DatasetSchema.normalise(" Date of Birth (dd/mm/yyyy)") == "dateofbirthddmmyyyy")
    }

    /// The issue's alias list, heading by heading: each resolves to its canonical pupils column.
    @Test func everyAliasTheIssueNames() throws {
        let cases: [(String, String)] = [
            ("UPN", "upn"), ("Surname", "surname"), ("Legal Surname", "surname"), ("Forename", "forename"),
            ("Legal Forename", "forename"), ("First name", "forename"), ("DOB", "date_of_birth"),
            ("Date of Birth", "date_of_birth"), ("Gender", "gender"), ("Sex", "gender"), ("Year", "year_group"),
            ("NC Year", "year_group"), ("Year Group", "year_group"), ("SEN Status", "sen"), ("SEN Status code", "sen"),
            ("SEN Provision", "sen"), ("EAL", "eal"), ("English as an additional language", "eal"),
            ("First Language", "eal"), ("FSM Ever 6", "disadvantaged"), ("Ever 6 FSM", "disadvantaged"),
            ("Disadvantaged", "disadvantaged"), ("Pupil Premium", "disadvantaged"), ("URN", "urn"), ("School URN", "urn"),
        ]
        for (heading, canonical) in cases {
            let column = PupilsImporter.schema.column(canonical)!
            let names = ([column.name] + column.aliases).map(DatasetSchema.normalise)
            #expect(names.contains(DatasetSchema.normalise(heading)), "\(heading) → \(canonical)")
        }
    }

    /// A pipeline's `column_mappings` names the heading for a canonical column and wins over aliases.
    @Test func pipelineColumnMapping() throws {
        let outcome = try ImportFixtures.pupils("roster-mapped.csv", overrides: ["surname": "Pupil Legal Family Name"])
        #expect(outcome.records.map(\.surname) == ["Smith"])
        #expect(outcome.issues.isEmpty)
        #expect(throws: ImportError.self) { try ImportFixtures.pupils("roster-mapped.csv") }
    }

    @Test func mappingToAnUnknownColumnOrHeadingStopsTheRun() throws {
        #expect(throws: ImportError.invalidMapping(dataset: "pupils", column: "surname",
                                                   reason: "the heading `Family` is not in roster-mapped.csv")) {
            try ImportFixtures.pupils("roster-mapped.csv", overrides: ["surname": "Family"])
        }
        do {
            _ = try ImportFixtures.pupils("roster-mapped.csv", overrides: ["nickname": "forename"])
            Issue.record("expected invalidMapping")
        } catch let ImportError.invalidMapping(dataset, column, _) {
            #expect(dataset == "pupils" && column == "nickname")
        }
    }

    /// Mapping through the pipeline file end to end: `config.columnMapping(for:)` reads `column_mappings`.
    @Test func columnMappingsFromPipelineYAML() throws {
        let yaml = """
        version: 1
        name: t
        trust: T
        academic_year: 2024/25
        inputs: {schools: schools.csv}
        column_mappings:
          pupils: {surname: "Pupil Legal Family Name"}
        """
        let config = try PipelineConfig.parse(yaml: yaml, path: "t.yml")
        #expect(config.columnMapping(for: "pupils") == ["surname": "Pupil Legal Family Name"])
        #expect(config.columnMapping(for: "ks2") == [:])
    }
}
