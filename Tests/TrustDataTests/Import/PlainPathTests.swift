import Foundation
import Testing
@testable import TrustData

/// The roster and attendance-summary importers take the usual row straight from the reader's bytes
/// (`TableRowHandler.plain`) and hand every other row to `RowParser`. These files mix plain rows with
/// every kind of unusual one; each must import exactly as it does with the plain path turned off (the
/// same records, books and issues in the same order), and the plain path must have taken the plain rows.
@Suite struct PlainPathTests {
    /// A UPN with its correct check letter, from the 12 characters after it.
    static func upn(_ rest: String) -> String { "\(UPN.checkLetter(for: Array(rest)))\(rest)" }

    static let a = upn("881200123013"), b = upn("881200123042"), c = upn("881200123004"), d = upn("88120012300A")
    /// A fresh permanent UPN for each roster row.
    static func u(_ n: Int) -> String { upn("8812001231" + (n < 10 ? "0\(n)" : "\(n)")) }

    static let roster: [UInt8] = Array("""
        academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal,fsm,admission_date,leaving_date
        2024/25,137001,\(u(1)),Webb,Charlotte,30/09/2017,F,R,N,E,N,,,
        2024/25,137001,\(u(2)), Kowalski ,Lucas,2018-01-02,m,Y6,yes,k,Polish,Y,01/09/2022,
        2024/25,137001,\(u(3)),Zoë,Brontë,19/1/2018,Female,6,N,N,English,N,01/09/2022,31/08/2024
        2024/25,137001,\(d),Temp,Upn,19/01/2018,F,1,N,N,N,,,
        2024/25,137001,\(u(1)),Webb,Again,30/09/2017,F,R,N,E,N,,,
        2024/25,137002,\(u(1)),Webb,Moved,30/09/2017,F,R,N,E,N,,,
        2026,137001,\(u(1)),Webb,NextYear,30/09/2017,F,R,N,E,N,,,
        2024/25,999999,\(u(5)),Nobody,School,30/09/2017,F,R,N,E,N,,,
        2024/25,137002,\(u(6).lowercased()),Lower,Case,30/09/2017,F,R,N,E,N,,,
        2024/25,137002,\(u(7)),Blank,Sex,30/09/2017,,R,N,E,N,,,
        2024/25,137002,\(u(8)),Bad,Sex,30/09/2017,X,R,N,E,N,,,
        2024/25,137002,\(u(9)),Left,Early,30/09/2017,F,R,N,E,N,,01/09/2023,01/09/2022
        2024/25,137002,\(u(10)),Odd,Date,30 Sept 2017,F,R,N,E,N,,,
        2024/25,137002,\(u(11)),\u{00A0}Nbsp\u{00A0},Name,30/09/2017,F,Year 2,N,E,N,,,
        2024/25, 137002 ,\(u(12)) ,Spaced,Cells,30/09/2017, F ,R, N ,E,N,,,
        2024/25,137002,\(u(13)),"Quoted, Name","Multi
        Line",30/09/2017,F,R,N,E,N,,,
        2024/25,137002,\(u(14)),Long,Row,30/09/2017,F,R,N,E,N,,,,extra
        ,,,,,,,,,,,,,
        2024/25,137002,\(u(15)),NoForename,,30/09/2017,F,R,N,E,N,,,
        2024/25,137002,\(u(16)),Bad,Flag,30/09/2017,F,R,maybe,E,N,,,
        2024/25,137002,\(u(17)),Short,Row,30/09/2017,F,R,N,E,N
        """.utf8) + [0x0A] + Array("2024/25,137002,\(u(18)),M".utf8) + [0xFC] + Array("ller,Ann,30/09/2017,F,R,N,E,N,,,\n".utf8)

    static let summary: [UInt8] = Array("""
        academic_year,urn,upn,possible_sessions,present_sessions,authorised_absence,unauthorised_absence,approved_activity,period_start,period_end
        2024/25,137001,\(a),190,180,6,4,,01/09/2024,20/12/2024
        2024/25,137001,\(a),150,140,8,0,2,2025-01-06,2025-03-28
        2024/25,137001,\(b),190,175,5,4,6,,
        2024/25,137001,\(c),190,180,6,,,,
        2024/25,137001,\(c),190,180,6,5,,,
        2024/25,137001,\(c),1001,1000,1,0,,,
        2024/25,137001,\(c),+190,180,6,4,,,
        2024/25,137001,\(d),190,180,6,4,,,
        2025,137002,\(a),190,180,6,4,,01/09/2024,31/08/2024
        2024/25,999999,\(a),190,180,6,4,,,
        2024/25, 137002 ,\(b), 190 ,180,6,4,,,
        2024/25,137002,\(b),190,180,6,4,,1 Sept 2024,
        """.utf8) + [0x0A]

    /// `bytes` written to a temporary file; its path.
    static func file(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "plain-path-\(UUID().uuidString)-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The file read twice through `TableImporter.stream(into:)`: with the handler as the importer runs
    /// it (counting the rows its plain path took) and with the plain path turned off.
    static func both<H: TableRowHandler>(_ schema: DatasetSchema, _ path: String, _ make: () -> H)
        throws -> (plain: Counted<H>, parseOnly: H, outcome: (ImportStats, [DataQualityIssue]), reference: (ImportStats, [DataQualityIssue])) {
        let importer = TableImporter(schema: schema, path: path, displayName: "file.csv")
        var plain = Counted(wrapped: make())
        let outcome = try importer.stream(into: &plain)
        var parseOnly = ParseOnly(wrapped: make())
        let reference = try importer.stream(into: &parseOnly)
        return (plain, parseOnly.wrapped, outcome, reference)
    }

    @Test func rosterRowsImportAsWithoutThePlainPath() throws {
        let path = try Self.file(Self.roster, "pupils.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let register = try ImportFixtures.register()
        let run = try Self.both(PupilsImporter.schema, path) { PupilRows(register: register, rows: 8) }
        #expect(run.plain.wrapped.pupils == run.parseOnly.pupils)
        #expect(run.outcome.0 == run.reference.0)
        #expect(run.outcome.1 == run.reference.1)
        // Plain: Charlotte; Lucas (padded surname, `m`, `Y6`, `yes`, `k`, a language); Brontë (accents, d/m/yyyy);
        // NextYear (another year); Lower (a lowercase UPN); Nbsp (no-break spaces, `Year 2`); Spaced; the quoted
        // and multi-line names; Short (cells past the row's end); Müller (read as Windows-1252).
        #expect(run.plain.taken == 10)
        #expect(ImportFixtures.summary(run.outcome.1) == [
            "warning - - converted_encoding", "warning 5 upn temporary_upn", "rejected 6 upn duplicate_row",
            "warning 7 upn upn_at_two_schools", "rejected 9 urn unknown_school", "rejected 11 gender missing_value",
            "rejected 12 gender invalid_gender", "rejected 13 leaving_date invalid_date",
            "rejected 14 date_of_birth invalid_date", "rejected 19 - long_row", "rejected 21 forename missing_value",
            "rejected 22 disadvantaged invalid_boolean",
        ])
        #expect(run.plain.wrapped.pupils.map(\.forename) == [
            "Charlotte", "Lucas", "Brontë", "Upn", "Moved", "NextYear", "Case", "Name", "Cells", "Multi\nLine", "Row", "Ann"])
        #expect(run.outcome.0.rowsRead == run.outcome.0.rowsAccepted + run.outcome.0.rowsRejected)
        #expect(run.plain.wrapped.pupils[1].surname == "Kowalski" && run.plain.wrapped.pupils[1].characteristics.eal == true)
        #expect(run.plain.wrapped.pupils[2].leavingDate == CalendarDate(year: 2024, month: 8, day: 31))
        #expect(run.outcome.1.contains { $0.code == .convertedEncoding })
    }

    @Test func summaryRowsImportAsWithoutThePlainPath() throws {
        let path = try Self.file(Self.summary, "attendance_summary.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let register = try ImportFixtures.register()
        let run = try Self.both(AttendanceSummaryImporter.schema, path) { SummaryRows(register: register, rows: 8) }
        #expect(run.plain.wrapped.tallies == run.parseOnly.tallies)
        #expect(run.outcome.0 == run.reference.0)
        #expect(run.outcome.1 == run.reference.1)
        #expect(run.plain.taken == 4)
        #expect(ImportFixtures.summary(run.outcome.1) == [
            "rejected 5 unauthorised_absence missing_value", "rejected 6 possible_sessions does_not_add_up",
            "rejected 7 possible_sessions out_of_range", "warning 9 upn temporary_upn", "rejected 10 period_end invalid_date",
            "rejected 11 urn unknown_school", "rejected 13 period_start invalid_date",
        ])
        // Hand-checked: A's two periods add up (190 + 150 possible; 180 + 140 + 2 approved attended).
        let first = run.plain.wrapped.tallies[0]
        #expect(first.possible == 340 && first.attended == 322 && first.approvedActivity == 2 && first.authorised == 14)
        #expect(first.firstDate == CalendarDate(year: 2024, month: 9, day: 1) && first.lastDate == CalendarDate(year: 2025, month: 3, day: 28))
    }

    static let ks2: [UInt8] = Array("""
        academic_year,urn,upn,surname,forename,reading,maths,gps,writing,reading_outcome,fft_reading,fft_maths,fft_gps,fft_writing,fft_rwm_chance,gender
        2024/25,137001,\(u(1)),Webb,Ann,100,102,A,EXS,,102.6,,94.0,exs,41,F
        2024/25,137001,\(u(2)),Special,Consideration,104+,102,100,EXS,,,,,,,
        2024/25,137001,\(u(3)),Off,Scale,121,102,100,EXS,,,,,,,
        2024/25,137001,\(u(4)),Blank,Reading,,102,100,EXS,,,,,,,
        2024/25,137001,\(u(5)),Unknown,Code,Z,102,100,EXS,,,,,,,
        2024/25,137001,\(u(6)),Sta,Outcome,100,102,100,EXS,AS,,,,,,
        2024/25,137001,\(u(7)),Fft,High,100,102,100,EXS,,150,,,,,
        2024/25,137001,\(u(8)),Fft,Band,100,102,100,EXS,,,,,XYZ,,
        2024/25,137001,\(u(1)),Webb,Twice,100,102,100,EXS,,,,,,,
        2024/25,137001,\(u(9)),Bad,Sex,100,102,100,EXS,,,,,,,X
        2024/25,137001,\(u(10)),Leading,Zero,0104,102,100,wts,,,,,,,m
        2024/25,137001,\(u(11)),Signed,Score,+100,102,100,EXS,,,,,,,
        2024/25,137001,\(u(12)),Same,Again,100,102, a ,GDS,,99.5,101,100,GDS,77.5,
        2024/25,999999,\(u(13)),Unknown,School,100,102,100,EXS,,,,,,,
        2024/25,137001,\(u(14)),Blank,Writing,100,102,100,,,,,,,,
        """.utf8) + [0x0A]

    @Test func ks2RowsImportAsWithoutThePlainPath() throws {
        let path = try Self.file(Self.ks2, "ks2.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let register = try ImportFixtures.register()
        let codes = KS2CodeTable(try KS2CodeTable.read(path: fixturePath("../../../inputs/reference/ks2-codes.csv"),
                                                       displayName: "ks2-codes.csv").records)
        let run = try Self.both(KS2Importer.schema, path) {
            KS2Rows(register: register, codes: codes, seen: [], displayName: "file.csv")
        }
        #expect(run.plain.wrapped.pupils == run.parseOnly.pupils)
        #expect(run.plain.wrapped.seen == run.parseOnly.seen)
        #expect(run.outcome.0 == run.reference.0)
        #expect(run.outcome.1 == run.reference.1)
        // Plain: Ann (a score, a code, decimals, a band); Zero (`0104`, `wts`, `m`); Again (a padded code).
        #expect(run.plain.taken == 3)
        #expect(ImportFixtures.summary(run.outcome.1) == [
            "warning 4 reading out_of_range", "warning 5 reading missing_value", "warning 6 reading unknown_code",
            "warning 8 fft_reading out_of_range", "warning 9 fft_writing unknown_code", "rejected 10 upn duplicate_row",
            "warning 11 gender invalid_gender", "rejected 15 urn unknown_school", "warning 16 writing missing_value",
        ])
        #expect(run.plain.wrapped.pupils.map { $0.results[.reading]?.raw } == [
            "100", "104+", "121", "", "Z", "100", "100", "100", "100", "0104", "+100", "100", "100"])
    }

    static let phonics: [UInt8] = Array("""
        academic_year,urn,upn,surname,forename,year_group,mark,outcome,gender
        2024/25,137001,\(u(1)),Met,ByMark,1,37,Wa,F
        2024/25,137001,\(u(2)),Not,Met,1,20,Wt,
        2024/25,137001,\(u(3)),Mark,Disagrees,1,37,Wt,
        2024/25,137001,\(u(4)),Mark,AndAbsent,1,37,A,
        2024/25,137001,\(u(5)),Absent,Only,1,,A,
        2024/25,137001,\(u(6)),Neither,Given,1,,,
        2024/25,137001,\(u(7)),Year,Three,3,37,Wa,
        2024/25,137001,\(u(8)),Mark,TooHigh,1,41,,
        2024/25,137001,\(u(9)),Unknown,Code,1,37,Zz,
        2024/25,137001,\(u(1)),Met,Twice,1,37,Wa,
        2010/11,137001,\(u(10)),No,Threshold,1,37,,
        2024/25,137001,\(u(11)),Padded,Cells,Y1, 35 ,wa,m
        2024/25,137001,\(u(12)),Code,Only,2,,Wa,
        2024/25,137001,\(u(13)),Bad,Sex,2,33,,X
        """.utf8) + [0x0A]

    @Test func phonicsRowsImportAsWithoutThePlainPath() throws {
        let path = try Self.file(Self.phonics, "phonics.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let register = try ImportFixtures.register()
        var log = ImportLog()
        let codes = try PhonicsCodeTable.load(folder: fixturePath("../../../inputs/reference"), displayFolder: "reference", log: &log)
        let run = try Self.both(PhonicsImporter.schema, path) { PhonicsRows(register: register, codes: codes, maxMark: 40) }
        #expect(run.plain.wrapped.records == run.parseOnly.records)
        #expect(run.outcome.0 == run.reference.0)
        #expect(run.outcome.1 == run.reference.1)
        // Plain: ByMark, Met (mark and code agree); Only (a code alone); Cells (`Y1`, a padded mark, `wa`); Code Only.
        #expect(run.plain.taken == 5)
        #expect(ImportFixtures.summary(run.outcome.1) == [
            "warning 4 outcome inconsistent_values", "warning 5 mark inconsistent_values", "rejected 7 mark missing_value",
            "rejected 8 year_group out_of_range", "rejected 9 mark out_of_range", "rejected 10 outcome unknown_code",
            "rejected 11 upn duplicate_row", "rejected 12 academic_year unknown_code", "rejected 15 gender invalid_gender",
        ])
    }
}

/// A handler with its plain path turned off: every row through `RowParser`, as before the plain path.
struct ParseOnly<Wrapped: TableRowHandler>: TableRowHandler {
    var wrapped: Wrapped
    mutating func begin(_ map: HeaderMap) { wrapped.begin(map) }
    func plain(_ row: CSVRawRow) -> Bool { false }
    mutating func parse(_ row: inout RowParser) throws { try wrapped.parse(&row) }
}

/// A handler counting the rows its plain path took.
struct Counted<Wrapped: TableRowHandler>: TableRowHandler {
    var wrapped: Wrapped
    var taken = 0
    mutating func begin(_ map: HeaderMap) { wrapped.begin(map) }
    mutating func plain(_ row: CSVRawRow) -> Bool {
        guard wrapped.plain(row) else { return false }
        taken += 1
        return true
    }
    mutating func parse(_ row: inout RowParser) throws { try wrapped.parse(&row) }
}
