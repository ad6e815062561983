import Foundation
import Testing
@testable import TrustData

/// A file that is neither CSV text nor an Excel workbook, given as a dataset's input, stops the real binary with an error naming
/// what the file is (not raw bytes or a quoting error), and nothing is written.
@Suite struct InputKindTests {
    static let cases: [(file: String, dataset: String, says: String)] = [
        ("pupils-gzipped.csv", "pupils", "is not a CSV file: this is a gzip-compressed file"),
        ("pupils-zipped.csv", "pupils", "is not a CSV file: this is a zip archive"),
        // Workbooks are read (UTF-16 text too: XLSXImportTests); this one is a stub with no worksheet.
        ("pupils-excel-workbook.csv", "pupils", "could not be read: the workbook \(reliabilityFolder())/Corpus/pupils-excel-workbook.csv has no worksheets"),
        ("pupils-ctf-xml.csv", "pupils", "is not a CSV file: this is an XML file (a Common Transfer File, CTF)"),
        ("schools-xml.csv", "schools", "is not a CSV file: this is an XML file"),
        ("schools-excel97.csv", "schools", "is not a CSV file: this is an Excel 97-2003 workbook (.xls)"),
    ]

    @Test func filesThatAreNotCSVAreNamedForWhatTheyAre() throws {
        let trial = try TrialTrust(schools: 1, pupilsPerSchool: 2)
        let good = try String(contentsOfFile: trial.pipeline, encoding: .utf8)
        for (file, dataset, says) in Self.cases {
            let path = reliabilityFolder() + "/Corpus/" + file
            try good.replacingOccurrences(of: "\(dataset): \(dataset).csv", with: "\(dataset): \(path)")
                .write(toFile: trial.pipeline, atomically: true, encoding: .utf8)
            let run = try runTrustdata(["run", trial.pipeline, "-q"])
            #expect(run.status != 0)
            #expect(run.err.contains("The \(dataset) file \(path) \(says)"), "\(file): \(run.err.suffix(300))")
            #expect(!run.err.contains("quote") && !run.err.contains("\u{FFFD}"), "\(file): not shown as a quoting error or raw bytes")
            #expect(!FileManager.default.fileExists(atPath: trial.output), "\(file): nothing written")
        }
    }
}
