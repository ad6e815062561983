import Foundation
import Testing
@testable import TrustData

/// One fixture per kind of bad input (Fixtures/import/bad/): the exact issue list — severity, line,
/// column, code — and rows read = accepted + rejected. Every file has header + the good row for Amy
/// (line 2) unless noted.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let read: Int, accepted: Int, rejected: Int
        let issues: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        .init(file: "bad-upn-check-letter.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 upn invalid_upn"]),
        .init(file: "temporary-upn.csv", read: 2, accepted: 2, rejected: 0, issues: ["warning 2 upn temporary_upn"]),
        .init(file: "impossible-date.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 date_of_birth invalid_date"]),
        .init(file: "bad-boolean.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 disadvantaged invalid_boolean"]),
        .init(file: "bad-gender.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 gender invalid_gender"]),
        .init(file: "bad-sen.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 sen invalid_sen"]),
        .init(file: "bad-year.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 academic_year invalid_year"]),
        .init(file: "bad-year-group.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 year_group out_of_range"]),
        .init(file: "urn-not-in-register.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 urn unknown_school"]),
        .init(file: "duplicate-roster-row.csv", read: 3, accepted: 2, rejected: 1, issues: ["rejected 4 upn duplicate_row"]),
        .init(file: "upn-two-schools.csv", read: 2, accepted: 2, rejected: 0, issues: ["warning 3 upn upn_at_two_schools"]),
        .init(file: "long-row.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 - long_row"]),
        .init(file: "missing-value.csv", read: 2, accepted: 1, rejected: 1, issues: ["rejected 3 forename missing_value"]),
    ]

    @Test(arguments: cases)
    func exactIssues(_ c: Case) throws {
        let outcome = try ImportFixtures.pupils("bad/" + c.file)
        #expect(ImportFixtures.summary(outcome.issues) == c.issues)
        #expect(outcome.stats.rowsRead == c.read)
        #expect(outcome.stats.rowsAccepted == c.accepted)
        #expect(outcome.stats.rowsRejected == c.rejected)
        #expect(outcome.stats.reconciles)
        #expect(outcome.records.count == c.accepted)
        for issue in outcome.issues {
            #expect(issue.file == "bad/" + c.file)
            #expect(!issue.message.isEmpty)
        }
    }

    @Test func issuesCarryValueURNAndUPNAndSayWhatToFix() throws {
        let check = try ImportFixtures.pupils("bad/bad-upn-check-letter.csv").issues[0]
        #expect(check.value == "A881200001002")
        #expect(check.urn == "137001" && check.upn == "A881200001002")
        #expect(check.message.contains("expected Y"))
        let date = try ImportFixtures.pupils("bad/impossible-date.csv").issues[0]
        #expect(date.value == "31/02/2025")
        #expect(date.message == "`31/02/2025` is not a real date; write dd/mm/yyyy or yyyy-mm-dd.")
        #expect(date.upn == "Y881200001002")
        let school = try ImportFixtures.pupils("bad/urn-not-in-register.csv").issues[0]
        #expect(school.value == "999999" && school.urn == "999999")
        let temporary = try ImportFixtures.pupils("bad/temporary-upn.csv")
        #expect(temporary.records.first?.temporaryUPN == true)
    }

    @Test func missingRequiredColumnNamesFileColumnsFoundAndClosestAlias() throws {
        do {
            _ = try ImportFixtures.pupils("bad/missing-required-column.csv")
            Issue.record("expected ImportError.missingColumns")
        } catch let ImportError.missingColumns(dataset, path, missing, found, closest) {
            #expect(dataset == "pupils")
            #expect(path == "bad/missing-required-column.csv")
            #expect(missing == ["surname"])
            #expect(found.contains("Surnme") && found.count == 11)
            #expect(closest == ["surname": "Surnme"])
            let message = ImportError.missingColumns(dataset: dataset, path: path, missing: missing, found: found, closest: closest).description
            #expect(message.contains("closest heading in the file: `Surnme`"))
            #expect(message.contains("column_mappings: pupils:"))
        }
    }

    @Test func missingAndEmptyFilesStopTheRun() throws {
        #expect(throws: ImportError.fileMissing(dataset: "pupils", path: "bad/no-such-file.csv")) {
            try ImportFixtures.pupils("bad/no-such-file.csv")
        }
        #expect(throws: ImportError.empty(dataset: "pupils", path: "bad/empty.csv")) {
            try ImportFixtures.pupils("bad/empty.csv")
        }
    }

    /// Needs the libcsv reader (the stand-in on main decodes every file as UTF-8); skipped until it lands.
    @Test(.enabled(if: BadInputCorpusTests.realCSVReader))
    func windows1252IsConvertedAndReported() throws {
        let outcome = try ImportFixtures.pupils("bad/windows-1252.csv")
        #expect(ImportFixtures.summary(outcome.issues) == ["warning - - converted_encoding"])
        #expect(outcome.records.map(\.surname) == ["Smith", "Khén"])
        #expect(outcome.stats.encoding == TextEncoding.windows1252.rawValue)
    }
}
