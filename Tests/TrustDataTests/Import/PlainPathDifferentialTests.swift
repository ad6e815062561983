import Foundation
import Testing
@testable import TrustData

/// The plain (byte-level) paths against the `RowParser` paths on seeded random files: every cell drawn
/// from a list of usual, unusual and wrong values, so rows of every mix reach both paths. Each file must
/// import exactly as with the plain path turned off (records, books, issues in order), whatever the mix.
@Suite struct PlainPathDifferentialTests {
    typealias Seeded = SplitMix64
    /// A pool of UPNs, small enough that duplicates and second schools happen, with the odd wrong one.
    static let upns: [String] = (1000 ..< 1400).map { PlainPathTests.upn("88120012\($0)") }
    static func upnCell(_ r: inout Seeded) -> String {
        let upn = upns[Int(r.next() % UInt64(upns.count))]
        return r.pick([upn, upn.lowercased(), " \(upn) ", PlainPathTests.d, "A" + upn.dropFirst(), "", "X123"])
    }

    static let years = ["2024/25", "2023/24", "2024-25", "2025", " 2024/25", "24/25", "", "2024/26", "abc"]
    static let urns = ["137001", "137002", " 137001", "999999", "13700", "", "137002 "]
    static let names = ["Webb", "Zoë", "O'Neil", "\"Quoted, Name\"", " Padded ", "", "  ", "Ann-Marie"]
    static let genders = ["F", "M", "m", "Female", "male", "", "X", " F "]
    static let flags = ["N", "Y", "yes", "no", "TRUE", "false", "1", "0", "", "maybe"]

    static func file(_ header: String, rows: Int, seed: UInt64, _ row: (inout Seeded) -> [String]) -> [UInt8] {
        var r = Seeded(seed: seed)
        var text = header + "\n"
        for _ in 0 ..< rows { text += row(&r).joined(separator: ",") + "\n" }
        return Array(text.utf8)
    }

    /// Imports `bytes` with the plain path on and off and expects the same outcome; returns how many rows
    /// the plain path took. Also checks the file after byte-level damage (`CSVMutator`: stray quotes,
    /// commas, line breaks, high bytes, truncation), where both paths must give the same records and issues
    /// or fail with the same error.
    static func check<H: TableRowHandler>(_ schema: DatasetSchema, _ bytes: [UInt8], _ name: String, seed: UInt64,
                                          _ make: () -> H, same: (H, H) -> Bool) throws -> Int {
        let taken = try compare(schema, bytes, name, make, same: same)
        var rng = SplitMix64(seed: seed &* 7919)
        for _ in 0 ..< 8 {
            _ = try compare(schema, CSVMutator.mutate(bytes, rng: &rng, rounds: 12), name, make, same: same)
        }
        return taken ?? 0
    }

    static func compare<H: TableRowHandler>(_ schema: DatasetSchema, _ bytes: [UInt8], _ name: String, _ make: () -> H,
                                            same: (H, H) -> Bool) throws -> Int? {
        let path = try PlainPathTests.file(bytes, name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let importer = TableImporter(schema: schema, path: path, displayName: "file.csv")
        var plain = Counted(wrapped: make()), parseOnly = ParseOnly(wrapped: make())
        let outcome = Result { try importer.stream(into: &plain) }
        let reference = Result { try importer.stream(into: &parseOnly) }
        switch (outcome, reference) {
        case let (.success(outcome), .success(reference)):
            #expect(same(plain.wrapped, parseOnly.wrapped))
            #expect(outcome.0 == reference.0)
            #expect(outcome.1 == reference.1)
            #expect(outcome.0.rowsRead == outcome.0.rowsAccepted + outcome.0.rowsRejected)
            return plain.taken
        case let (.failure(failure), .failure(expected)):
            #expect("\(failure)" == "\(expected)")
            return nil
        default:
            Issue.record("one path failed and the other did not: \(outcome) / \(reference)")
            return nil
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func rosterImportsAsWithoutThePlainPath(seed: UInt64) throws {
        let bytes = Self.file("academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal,fsm,looked_after,admission_date,leaving_date",
                              rows: 600, seed: seed) { r in
            [r.pick(Self.years), r.pick(Self.urns), Self.upnCell(&r), r.pick(Self.names), r.pick(Self.names.reversed()),
             r.pick(["30/09/2017", "2017-09-30", "1/2/2018", "31/02/2018", "", "30 Sept 2017", "2017-09-30T00:00:00"]),
             r.pick(Self.genders), r.pick(["R", "Y6", "6", "Year 2", "N1", "", "13", "0"]), r.pick(Self.flags),
             r.pick(["N", "E", "K", "k", "", "Z", "EHCP"]), r.pick(["N", "Y", "English", "Polish", "", "Unknown"]),
             r.pick(["", "Y", "N", "x"]), r.pick(["", "N", "Y", "2"]),
             r.pick(["", "01/09/2022", "2023-09-01", "bad", "01/09/2030"]), r.pick(["", "31/08/2024", "2022-08-31", "x"])]
        }
        let register = try ImportFixtures.register()
        let taken = try Self.check(PupilsImporter.schema, bytes, "pupils.csv", seed: seed, { PupilRows(register: register, rows: 600) }) {
            $0.pupils == $1.pupils
        }
        #expect(taken > 100 && taken < 600)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func summaryImportsAsWithoutThePlainPath(seed: UInt64) throws {
        let counts = ["190", "180", "0", "", "-1", "+190", "1001", "19 0", "abc", "06", " 12 "]
        let bytes = Self.file("academic_year,urn,upn,possible_sessions,present_sessions,authorised_absence,unauthorised_absence,approved_activity,period_start,period_end",
                              rows: 600, seed: seed) { r in
            let possible = r.pick(["190", "150"] + counts), present = r.pick(["176", "140"] + counts)
            let authorised = r.pick(["8", "6"] + counts), unauthorised = r.pick(["6", "4"] + counts)
            return [r.pick(Self.years), r.pick(Self.urns), Self.upnCell(&r), possible, present, authorised, unauthorised,
                    r.pick(["", "2", "0"] + counts), r.pick(["", "01/09/2024", "2025-01-06", "1 Sept 2024", "31/02/2025"]),
                    r.pick(["", "20/12/2024", "2025-03-28", "01/08/2024", "x"])]
        }
        let register = try ImportFixtures.register()
        let taken = try Self.check(AttendanceSummaryImporter.schema, bytes, "attendance_summary.csv", seed: seed, { SummaryRows(register: register, rows: 600) }) {
            $0.tallies == $1.tallies
        }
        #expect(taken > 20 && taken < 600)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func ks2ImportsAsWithoutThePlainPath(seed: UInt64) throws {
        let scores = ["100", "110", "80", "120", "79", "121", "", "A", "B", "Z", "104+", "0104", "+100", " 100 ", "N"]
        let estimates = ["", "102.6", "94", "150", "-3", "abc", "99.5"]
        let bytes = Self.file("academic_year,urn,upn,surname,forename,reading,maths,gps,writing,reading_outcome,fft_reading,fft_maths,fft_gps,fft_writing,fft_rwm_chance,gender,disadvantaged",
                              rows: 600, seed: seed) { r in
            [r.pick(Self.years), r.pick(Self.urns), Self.upnCell(&r), r.pick(Self.names), r.pick(Self.names),
             r.pick(["104"] + scores), r.pick(["98"] + scores), r.pick(["111"] + scores),
             r.pick(["EXS", "GDS", "WTS", "", "PK6", "HNM", "xyz", "exs"]), r.pick(["", "AS", "NS"]),
             r.pick(estimates), r.pick(estimates), r.pick(estimates), r.pick(["", "EXS", "GDS", "WTS", "XYZ", "exs"]),
             r.pick(["", "41", "77.5", "101", "-1", "x"]), r.pick(Self.genders), r.pick(Self.flags)]
        }
        let register = try ImportFixtures.register()
        let codes = KS2CodeTable(try KS2CodeTable.read(path: fixturePath("../../../inputs/reference/ks2-codes.csv"),
                                                       displayName: "ks2-codes.csv").records)
        let taken = try Self.check(KS2Importer.schema, bytes, "ks2.csv", seed: seed, {
            KS2Rows(register: register, codes: codes, seen: [], displayName: "file.csv")
        }) { $0.pupils == $1.pupils && $0.seen == $1.seen }
        #expect(taken > 20 && taken < 600)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func phonicsImportsAsWithoutThePlainPath(seed: UInt64) throws {
        let bytes = Self.file("academic_year,urn,upn,surname,forename,year_group,mark,outcome,gender,sen",
                              rows: 600, seed: seed) { r in
            [r.pick(Self.years), r.pick(Self.urns), Self.upnCell(&r), r.pick(Self.names), r.pick(Self.names),
             r.pick(["1", "2", "Y1", "3", "", "R"]), r.pick(["37", "20", "0", "40", "41", "", " 35 ", "x"]),
             r.pick(["", "Wa", "Wt", "A", "Zz", "wa", "D", "L"]), r.pick(Self.genders), r.pick(["", "N", "E", "K", "Q"])]
        }
        let register = try ImportFixtures.register()
        var log = ImportLog()
        let codes = try PhonicsCodeTable.load(folder: fixturePath("../../../inputs/reference"), displayFolder: "reference", log: &log)
        let taken = try Self.check(PhonicsImporter.schema, bytes, "phonics.csv", seed: seed, {
            PhonicsRows(register: register, codes: codes, maxMark: 40)
        }) { $0.records == $1.records }
        #expect(taken > 20 && taken < 600)
    }
}

extension SplitMix64 {
    /// The first value most of the time (most rows are usual, 85% of cells), any other value otherwise.
    mutating func pick(_ values: [String]) -> String {
        let roll = next() % 100
        return roll < 85 ? values[0] : values[Int(next() % UInt64(values.count))]
    }
}
