import Foundation
@testable import TrustData

/// Fixtures in Tests/TrustDataTests/Fixtures/import/ (hand-made; UPNs carry correct check letters).
enum ImportFixtures {
    /// The stand-in CSVReader on main splits on "\n", and Swift treats "\r\n" as one Character, so it
    /// reads a CRLF file as one line; the libcsv reader does not. DfE files are CRLF.
    static let readsCRLF: Bool = {
        var rows = 0
        try? CSVReader(data: Array("a\r\nb\r\n".utf8)).forEachRow { _ in rows += 1 }
        return rows == 2
    }()

    static func path(_ name: String) -> String { fixturePath("import/" + name) }

    static func register() throws -> SchoolRegister {
        SchoolRegister(try SchoolsImporter.read(path: path("schools.csv"), displayName: "schools.csv").records)
    }

    static func pupils(_ name: String, overrides: [String: String] = [:]) throws -> ImportOutcome<Pupil> {
        try PupilsImporter.read(path: path(name), displayName: name, options: FileOptions(overrides: overrides), register: try register())
    }

    /// Each issue as "severity line column code", the exact list a test asserts.
    static func summary(_ issues: [DataQualityIssue]) -> [String] {
        issues.map { "\($0.severity.rawValue) \($0.line.map(String.init) ?? "-") \($0.column ?? "-") \($0.code.rawValue)" }
    }

    /// The three pupils every roster fixture describes, as they must parse whatever the export's headings.
    static let expectedPupils: [Pupil] = [
        Pupil(academicYear: AcademicYear(startYear: 2024), urn: "137001", upn: "J881200001001", surname: "Smith", forename: "Amy",
              dateOfBirth: CalendarDate(year: 2014, month: 3, day: 14), yearGroup: 6,
              characteristics: PupilCharacteristics(gender: .female, disadvantaged: true, sen: SENStatus.none, eal: false),
              fsm: nil, lookedAfter: nil, admissionDate: nil, leavingDate: nil, temporaryUPN: false),
        Pupil(academicYear: AcademicYear(startYear: 2024), urn: "137001", upn: "Y881200001002", surname: "Khan", forename: "Omar",
              dateOfBirth: CalendarDate(year: 2013, month: 11, day: 2), yearGroup: 6,
              characteristics: PupilCharacteristics(gender: .male, disadvantaged: false, sen: .support, eal: true),
              fsm: nil, lookedAfter: nil, admissionDate: nil, leavingDate: nil, temporaryUPN: false),
        Pupil(academicYear: AcademicYear(startYear: 2024), urn: "137002", upn: "M881200001003", surname: "Nowak", forename: "Zofia",
              dateOfBirth: CalendarDate(year: 2016, month: 2, day: 29), yearGroup: 4,
              characteristics: PupilCharacteristics(gender: .female, disadvantaged: false, sen: .ehcp, eal: true),
              fsm: nil, lookedAfter: nil, admissionDate: nil, leavingDate: nil, temporaryUPN: false),
    ]
}
