import Foundation
import Testing
@testable import TrustData

/// The same data as CSV and as workbooks (Fixtures/xlsx/ks2: the hand-worked KS2 fixture trust saved by
/// openpyxl, the STA-style file with inline strings) gives the same figures, the same books and the same
/// messages; only the position differs: a workbook's issue names its sheet and column letter.
@Suite struct XLSXImportTests {
    static func run(_ pipeline: String) throws -> (TrustDataset, TrustReport) {
        var config = try PipelineConfig.load(path: fixturePath(pipeline))
        config.output = "/unused"
        let dataset = try ImportStage(config: config).run()
        let context = AnalysisContext(config: config, schools: dataset.register.schools, roster: dataset.roster,
                                      benchmarks: dataset.benchmarks, targets: dataset.targets)
        let trust = try PipelineRunner(config: config, pipelinePath: "ks2", threads: 2).analyse(dataset, context: context)
        return (dataset, trust)
    }

    @Test func workbooksGiveTheHandWorkedFigures() throws {
        let (_, trust) = try Self.run("xlsx/ks2/pipeline.yml")
        let m = trust.measures
        func check(_ id: String, _ num: Double, _ den: Double, urn: String = "100001") {
            let row = m.row(id, urn: urn)
            #expect(row?.numerator == num && row?.denominator == den, "\(id) \(urn): \(String(describing: row))")
        }
        // As KS2MeasureTests works them out for the CSV files: Alder reading expected 3/8, maths average
        // (110+100+104+95+111)/5 = 520/5, writing expected 4/9, RWM 2/8; Birch (inline strings) reading
        // 3/4 and maths average 417/4; the trust's reading pooled 6/12.
        check("ks2.reading.expected", 3, 8)
        check("ks2.maths.average_scaled_score", 520, 5)
        check("ks2.writing.expected", 4, 9)
        check("ks2.rwm.expected", 2, 8)
        check("ks2.reading.expected", 3, 4, urn: "100002")
        check("ks2.maths.average_scaled_score", 417, 4, urn: "100002")
        check("ks2.reading.expected", 6, 12, urn: "TRUST")
    }

    @Test func sameFiguresBooksAndMessagesAsTheCSVFiles() throws {
        let (csvData, csvTrust) = try Self.run("ks2/pipeline.yml")
        let (xlsxData, xlsxTrust) = try Self.run("xlsx/ks2/pipeline.yml")
        #expect(csvTrust.measures == xlsxTrust.measures)
        #expect(csvData.roster.pupils.count == xlsxData.roster.pupils.count)
        func books(_ log: ImportLog) -> [String] {
            log.stats.map { "\($0.dataset) \($0.rowsRead) \($0.rowsAccepted) \($0.rowsRejected) \($0.warnings)" }
        }
        #expect(books(csvData.log) == books(xlsxData.log))
        let csvIssues = csvData.log.issues, xlsxIssues = xlsxData.log.issues
        #expect(csvIssues.count == xlsxIssues.count)
        #expect(!csvIssues.isEmpty)
        for (a, b) in zip(csvIssues, xlsxIssues) {
            #expect(a.code == b.code && a.severity == b.severity && a.line == b.line && a.message == b.message
                    && a.value == b.value && a.urn == b.urn && a.upn == b.upn, "\(a) vs \(b)")
            #expect(b.file == a.file.replacingOccurrences(of: ".csv", with: ".xlsx"))
        }
        // The positions: a CSV issue names the heading; the same issue from a workbook adds the sheet and
        // the column letter as Excel labels them (`upn` is column C of the sheet `KS2 2025`).
        let columns = zip(csvIssues, xlsxIssues).compactMap { a, b in a.column.map { ($0, b.column ?? "-") } }
        #expect(!columns.isEmpty)
        for (a, b) in columns { #expect(b.hasPrefix(a + " (sheet "), "\(a) → \(b)") }
        #expect(columns.contains { $0.1 == "upn (sheet KS2 2025, column C)" })
    }

    /// Excel's "Unicode Text" (UTF-16 with a byte order mark, tab-separated) and a semicolon-separated CSV
    /// read as the SIMS-style roster they were saved from: the same three pupils, no issues.
    @Test(arguments: ["roster-unicode-text.txt", "roster-semicolon.csv"])
    func csvDialects(_ file: String) throws {
        let outcome = try ImportFixtures.pupils(file)
        #expect(outcome.records == ImportFixtures.expectedPupils)
        #expect(outcome.issues.isEmpty, "\(ImportFixtures.summary(outcome.issues))")
        #expect(outcome.stats.rowsRead == 3 && outcome.stats.rowsAccepted == 3)
        #expect(outcome.stats.encoding == (file.hasSuffix(".txt") ? "utf16" : "utf8"))
    }

    @Test func dialectDetection() {
        func detect(_ bytes: [UInt8]) -> CSVDialect { bytes.withUnsafeBufferPointer(CSVDialect.detect) }
        #expect(detect(Array("a,b;c,d\n1;2".utf8)).delimiter == UInt8(ascii: ","))
        #expect(detect(Array("a;b;c\n1,5;2;3".utf8)).delimiter == UInt8(ascii: ";"))
        // A separator inside quotes does not count.
        #expect(detect(Array("\"a;b;c\",d\n".utf8)).delimiter == UInt8(ascii: ","))
        #expect(detect(Array("a\tb\tc\n".utf8)).delimiter == 0x09)
        // UTF-16 big-endian without a byte order mark, semicolon-separated.
        let be = Array("urn;upn;x\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(detect(be) == CSVDialect(utf16BigEndian: true, delimiter: UInt8(ascii: ";")))
    }

    /// UTF-16 split at every possible byte, surrogate pairs included, reads the same.
    @Test func utf16AcrossChunks() throws {
        let text = "name,place\r\nZoë,𝒳yz\r\nO'Brien,Łódź\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for chunk in [1, 2, 3, 5, 64] {
            let rows = try CSVReader.readAll(data: bytes, chunkSize: chunk)
            #expect(rows.map(\.fields) == [["name", "place"], ["Zoë", "𝒳yz"], ["O'Brien", "Łódź"]], "chunk \(chunk)")
        }
    }

    /// `sheet:` in a pipeline entry picks the workbook's sheet; a sheet that is not there names those that are.
    @Test func sheetInThePipelineEntry() throws {
        func config(_ entry: String) throws -> PipelineConfig {
            let yaml = try String(contentsOfFile: fixturePath("xlsx/ks2/pipeline.yml"), encoding: .utf8)
                .replacingOccurrences(of: "ks2: [ks2-trust.xlsx, ks2-sta.xlsx]", with: "ks2:\n    - ks2-trust.xlsx\n" + entry)
            let path = fixturePath("xlsx/ks2/sheet-test.yml")
            return try PipelineConfig.parse(yaml: yaml, path: path)
        }
        let results = try ImportStage(config: config("    - path: ks2-sta.xlsx\n      sheet: results\n")).run()
        let sta = try #require(results.log.stats.first { $0.file == "ks2-sta.xlsx" })
        #expect(sta.rowsRead == 4 && sta.sheet == "Results")
        // The cover sheet has no KS2 columns: the missing-columns message, as for any file.
        #expect(throws: ImportError.self) { try ImportStage(config: config("    - path: ks2-sta.xlsx\n      sheet: Cover\n")).run() }
        do {
            _ = try ImportStage(config: config("    - path: ks2-sta.xlsx\n      sheet: Marks\n")).run()
            Issue.record("a missing sheet was read")
        } catch let error as ImportError {
            #expect(error.description.contains("has no sheet named `Marks`; its sheets are `Results`, `Cover`. Correct `sheet:` in the pipeline file"), "\(error)")
        }
    }

    /// A big marks file saved as Excel's "Unicode Text" (UTF-16, tab-separated) is never cut into parts
    /// (a cut at a line feed byte could split a code unit): it reads in one pass to exactly the figures
    /// and issues of the same marks as UTF-8 CSV.
    @Test func utf16MarksAreReadWholeWithTheSameResult() throws {
        let root = URL(fileURLWithPath: fixturePath("")).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        var config = try PipelineConfig.load(path: root + "/pipelines/sample.yml")
        config.output = try makeTemporaryFolder()
        let dataset = try ImportStage(config: config).run()
        let codes = try AttendanceCodeTable.read(path: root + "/inputs/reference/attendance-codes.csv", displayName: "attendance-codes.csv").0
        let text = try String(contentsOfFile: root + "/inputs/sample/attendance_marks.csv", encoding: .utf8)
        let folder = try makeTemporaryFolder()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.replacingOccurrences(of: ",", with: "\t").utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        FileManager.default.createFile(atPath: folder + "/marks.txt", contents: Data(bytes))
        func read(_ path: String) throws -> ImportOutcome<AttendanceTally> {
            try AttendanceMarksImporter.read(path: path, displayName: "marks", register: dataset.register,
                                             roster: dataset.roster, codes: codes, splitAtBytes: 1 << 20)
        }
        #expect(bytes.count > 2 << 20)
        let utf8 = try read(root + "/inputs/sample/attendance_marks.csv")
        let utf16 = try read(folder + "/marks.txt")
        #expect(utf16.records == utf8.records)
        #expect(utf16.issues == utf8.issues)
        #expect(utf16.stats.rowsRead == utf8.stats.rowsRead && utf16.stats.rowsAccepted == utf8.stats.rowsAccepted)
        #expect(utf16.stats.encoding == "utf16")
    }
}
