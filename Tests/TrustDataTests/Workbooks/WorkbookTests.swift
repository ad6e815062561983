import Foundation
import Testing
@testable import TrustData

@Suite struct WorkbookTests {
    func writeSample(to path: String) throws {
        let wb = try Workbook(path: path)
        let ws = try wb.addWorksheet("KS2 results")
        try ws.setColumnWidth(0, 0, 30)
        try ws.merge(row: 0, firstCol: 0, lastCol: 3, "Headline", .title)
        try ws.writeRow(1, [.string("Subject"), .string("School"), .string("National")], .header)
        try ws.write(2, 0, .string("Reading"))
        try ws.write(2, 1, .percent(0.625))
        try ws.write(2, 2, .number(74))
        try ws.write(3, 0, .string("=HYPERLINK(\"http://x\")"))
        try ws.write(3, 1, .string("+cmd"))
        try ws.write(3, 2, .string("-1 pupil"))
        try ws.write(3, 3, .string("@SUM(A1)"))
        try ws.write(4, 0, .date(CalendarDate(year: 2025, month: 7, day: 1)!))
        try ws.write(4, 1, .blank, .header)
        try ws.write(5, 0, .number(-3.5), .points)
        ws.freezePanes(row: 2, col: 1)
        try ws.autofilter(firstRow: 1, firstCol: 0, lastRow: 5, lastCol: 2)
        try ws.conditionalFormat(firstRow: 2, firstCol: 1, lastRow: 2, lastCol: 1,
                                 .lessThan(0.5, CellFormat(fill: RAG.red.fill)))
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
        try ws.repeatRows(first: 1, last: 1)
        try ws.insertChart(row: 7, col: 0, chart: ChartSpec(
            kind: .line, title: "Reading",
            series: [.init(name: "School", categories: CellRange.formula(sheet: "KS2 results", firstRow: 2, firstCol: 0, lastRow: 2, lastCol: 0),
                           values: CellRange.formula(sheet: "KS2 results", firstRow: 2, firstCol: 1, lastRow: 2, lastCol: 1))]))
        try wb.close()
    }

    @Test func readsBackWithAnIndependentReader() throws {
        let dir = try makeTemporaryFolder()
        let path = dir + "/book.xlsx"
        try writeSample(to: path)
        let book = try IndependentReader.read(path)
        let ws = try #require(book["KS2 results"])
        #expect(ws.text("A1") == "Headline")
        #expect(ws.merged == ["A1:D1"])
        #expect(ws["B3"]?.value?.number == 0.625)
        #expect(ws["B3"]?.numberFormat == "0.0%")
        #expect(ws["C3"]?.value?.number == 74)
        #expect(ws["A2"]?.bold == true)
        // Formula-looking input is text, never a formula.
        for ref in ["A4", "B4", "C4", "D4"] { #expect(ws[ref]?.type == "s", "\(ref) must be text") }
        #expect(ws.text("A4") == "=HYPERLINK(\"http://x\")")
        #expect(ws.text("D4") == "@SUM(A1)")
        #expect(ws["A5"]?.value?.string == "2025-07-01T00:00:00")
        #expect(ws["A5"]?.numberFormat == "dd/mm/yyyy")
        #expect(ws["A6"]?.numberFormat == "+0.0;-0.0;0.0")
        #expect(ws.freeze == "B3")
        #expect(ws.autofilter == "A2:C6")
        #expect(ws.conditionalFormats == 1)
        #expect(ws.landscape)
        #expect(ws.fitToWidth == 1)
        #expect(ws.printTitleRows == "$2:$2")
        #expect(ws.charts == 1)
    }

    @Test func sameContentGivesByteIdenticalFiles() throws {
        let dir = try makeTemporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/2", withIntermediateDirectories: true)
        try writeSample(to: dir + "/1/book.xlsx")
        Thread.sleep(forTimeInterval: 1.1)
        try writeSample(to: dir + "/2/book.xlsx")
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/1/book.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/2/book.xlsx"))
        #expect(a == b)
        #expect(try IndependentReader.read(dir + "/1/book.xlsx").created == "2000-01-01T00:00:00")
    }

    @Test func sheetNamesAreCheckedBeforeC() throws {
        let dir = try makeTemporaryFolder()
        let wb = try Workbook(path: dir + "/x.xlsx")
        for bad in ["", String(repeating: "a", count: 32), "KS2/Phonics", "a[1]", "what?", "'quoted'", "History"] {
            #expect(throws: WorkbookError.self) { try wb.addWorksheet(bad) }
        }
        _ = try wb.addWorksheet("Data")
        #expect(throws: WorkbookError.invalidSheetName("data", reason: "the workbook already has a sheet with that name")) {
            try wb.addWorksheet("data")
        }
    }

    @Test func rowsMustBeWrittenTopToBottom() throws {
        let dir = try makeTemporaryFolder()
        let wb = try Workbook(path: dir + "/x.xlsx")
        let ws = try wb.addWorksheet("S")
        try ws.write(5, 0, .number(1))
        try ws.write(5, 1, .number(2))
        #expect(throws: WorkbookError.rowOutOfOrder(sheet: "S", row: 4, lastRow: 5)) { try ws.write(4, 0, .number(3)) }
    }

    @Test func anUnclosedWorkbookLeavesThePreviousFileAndNoTemporaryFile() throws {
        let dir = try makeTemporaryFolder()
        let path = dir + "/keep.xlsx"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let wb = try Workbook(path: path)
            let ws = try wb.addWorksheet("S")
            try ws.write(0, 0, .string("half written"))
            // Dropped without close(): an error upstream.
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["keep.xlsx"])
    }

    @Test func aMissingFolderIsAClearError() throws {
        #expect(throws: WorkbookError.self) { try Workbook(path: "/nonexistent-folder-xyz/a.xlsx") }
    }
}
