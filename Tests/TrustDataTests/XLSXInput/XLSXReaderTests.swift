import Foundation
import Testing
@testable import TrustData

/// The workbook reader on workbooks as Excel, LibreOffice, openpyxl and streaming writers lay them out
/// (Fixtures/xlsx, made by make_fixtures.py there): every cell as a CSV export of the sheet would hold it.
@Suite struct XLSXReaderTests {
    static func rows(_ name: String, sheet: String? = nil) throws -> [(Int, [String])] {
        try XLSXReader.readAll(path: fixturePath("xlsx/" + name), sheet: sheet).map { ($0.line, $0.fields) }
    }

    @Test func excelLayoutCellByCell() throws {
        let rows = try Self.rows("excel-style.xlsx")
        // Row 4 holds only a styled empty cell: skipped like a blank CSV line. Rows keep their sheet numbers.
        #expect(rows.map(\.0) == [1, 2, 3, 5])
        // Rich-text runs joined (`Date` bold + ` of birth`).
        #expect(rows[0].1 == ["UPN", "Name", "Date of birth", "Joined", "Score", "FSM", "Check", "Time"])
        // 41710 in built-in format 14 = 12/03/2014; 45540 in `dd/mm/yyyy;@` = 05/09/2024; the float artefact
        // 104.00000000000001 reads as 104 (15 significant digits, as Excel shows it); TRUE; the formula's
        // cached text; 0.375 in a time format stays a number.
        #expect(rows[1].1 == ["J881200001001", "Zoë O'Brien & co", "2014-03-12", "2024-09-05", "104", "TRUE", "Above", "0.375"])
        // Cells left out are empty fields in their column; the phonetic guide (ヤマダ) is not part of the
        // text; serial 59 = 28/02/1900, 61 = 01/03/1900 (Excel's phantom 29/02/1900 is 60); the error cell
        // reads as its code; FALSE; a number format with "d" only in quoted text is not a date.
        #expect(rows[2].1 == ["山田", "", "1900-02-28", "1900-03-01", "#DIV/0!", "FALSE", "", "2.5"])
        // Spaces kept inside text; serial 60 is the day that never was (reported by the importer as an
        // impossible date, not moved); 0.30000000000000004 → 0.3; 1.5E-3 → 0.0015; inline rich text joined.
        #expect(rows[3].1 == ["  padded  ", "", "1900-02-29", "", "0.3", "0.0015", "inline"])
    }

    @Test func dates1904System() throws {
        let rows = try Self.rows("date1904.xlsx")
        // Serial 0 = 1 January 1904; 40248 = 1904-01-01 + 40248 days = 12 March 2014.
        #expect(rows[1].1 == ["1904-01-01", "2014-03-12"])
    }

    @Test func libreOfficeWorkbook() throws {
        let rows = try Self.rows("libreoffice-roster.xlsx")
        #expect(rows.count == 4)
        #expect(rows[0].1.first == "Academic Year")
        // DOB typed as a date by Calc (its own number format code, upper-case DD/MM/YYYY): read as a date.
        #expect(rows[1].1 == ["2024/25", "137001", "J881200001001", "Smith", "Amy", "2014-03-14", "F", "6", "N", "N", "Y"])
        #expect(rows[3].1[5] == "2016-02-29")
    }

    @Test func inlineStringsAndChosenSheet() throws {
        let results = try Self.rows("ks2/ks2-sta.xlsx")
        #expect(results.count == 5)
        #expect(results[1].1 == ["2025", "100002", "Q935300100001", "Elder", "Ella", "104", "AS", "99", "NS", "100+", "AS", "EXS"])
        // Gwen's blank reading score is a cell left out: an empty field, not a shifted row.
        #expect(results[3].1[5] == "" && results[3].1[6] == "A")
        let cover = try Self.rows("ks2/ks2-sta.xlsx", sheet: "cover")
        #expect(cover.map(\.1) == [["Key stage 2 results", "Birch Primary"]])
        #expect(throws: XLSXError.noSuchSheet(path: fixturePath("xlsx/ks2/ks2-sta.xlsx"), sheet: "Marks", sheets: ["Results", "Cover"])) {
            try Self.rows("ks2/ks2-sta.xlsx", sheet: "Marks")
        }
    }

    @Test func columnLetters() {
        #expect([0, 2, 25, 26, 27, 701, 702].map(XLSXReader.columnLetters) == ["A", "C", "Z", "AA", "AB", "ZZ", "AAA"])
    }

    @Test func serialNumbersAroundThe1900LeapYearBug() {
        func iso(_ serial: Int) -> String? { ExcelDate.dayNumber(serial: serial, date1904: false).map { CalendarDate(dayNumber: $0).iso } }
        #expect(iso(1) == "1900-01-01")
        #expect(iso(59) == "1900-02-28")
        #expect(iso(60) == nil)
        #expect(iso(61) == "1900-03-01")
        #expect(iso(45_658) == "2025-01-01")
        #expect(ExcelDate.dayNumber(serial: 0, date1904: true).map { CalendarDate(dayNumber: $0).iso } == "1904-01-01")
    }

    @Test func dateFormatCodes() {
        #expect(XLSXStyles.isDateFormat("dd/mm/yyyy;@"))
        #expect(XLSXStyles.isDateFormat("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"))
        #expect(XLSXStyles.isDateFormat("DD/MM/YYYY"))
        #expect(!XLSXStyles.isDateFormat("[h]:mm:ss"))
        #expect(!XLSXStyles.isDateFormat("0.0\" days\""))
        #expect(!XLSXStyles.isDateFormat("[Red]0.00"))
        #expect(!XLSXStyles.isDateFormat("General"))
    }

    /// A file that is neither CSV nor a workbook is named for what it is; a zip without a workbook too.
    @Test func otherKindsOfFileAreNamed() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(String, [UInt8], String)] = [
            ("a.csv.gz", [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0, count: 20), "gzip-compressed"),
            ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 20), "Excel 97-2003 workbook (.xls)"),
            ("ctf.csv", Array("<?xml version=\"1.0\"?>\n<CTfile><Header/></CTfile>".utf8), "Common Transfer File"),
            ("bundle.zip", Array("PK\u{03}\u{04}".utf8) + Array("\u{14}\u{00}\u{00}\u{00}readme.txt".utf8), "zip archive"),
        ]
        for (name, bytes, words) in cases {
            let path = folder + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            do {
                _ = try PupilsImporter.read(path: path, displayName: name, register: try ImportFixtures.register())
                Issue.record("\(name) was read")
            } catch let error as ImportError {
                #expect(error.description.contains(words), "\(name): \(error)")
                #expect(error.description.contains(name))
            }
        }
    }
}
