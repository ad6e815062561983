import Foundation
import Testing
@testable import TrustData

/// Every workbook of the reference runs opens in LibreOffice Calc (headless) as well as openpyxl:
/// each converts to PDF and to one CSV per sheet, and every cell LibreOffice shows matches what
/// openpyxl reads — the expected values in the expected cells, in two independent clients.
/// A file either client had to repair would fail to convert or would differ.
@Suite(.serialized) struct RealClientTests {
    static func soffice() throws -> String {
        for path in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        Issue.record("LibreOffice (soffice) is not installed: run `make deps` (apt: libreoffice-calc-nogui)")
        struct Missing: Error {}
        throw Missing()
    }

    /// One soffice call for many files; a private profile so parallel runs never share one.
    static func convert(_ files: [String], to filter: String, outdir: String, profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try soffice())
        process.arguments = ["--headless", "--norestore", "--nolockcheck", "-env:UserInstallation=file://\(profile)",
                             "--convert-to", filter, "--outdir", outdir] + files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "soffice failed: \(text.suffix(400))")
        return text
    }

    /// A number as LibreOffice shows it (percent, currency and thousands formats are kept even in a
    /// raw export), with the rounding its decimals allow.
    static func shownNumber(_ shown: String) -> (value: Double, tolerance: Double)? {
        var t = shown.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        var negative = false
        if t.hasPrefix("(") && t.hasSuffix(")") { negative = true; t = String(t.dropFirst().dropLast()) }
        if t.hasPrefix("-") { negative.toggle(); t = String(t.dropFirst()) } else if t.hasPrefix("+") { t = String(t.dropFirst()) }
        if t.hasSuffix("%") { scale = 0.01; t = String(t.dropLast()) }
        t = t.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
        if t.hasPrefix("-") { negative.toggle(); t = String(t.dropFirst()) }
        if t.lowercased().hasSuffix("k") { scale *= 1000; t = String(t.dropLast()) }
        if t.lowercased().hasSuffix("m") { scale *= 1_000_000; t = String(t.dropLast()) }
        guard let v = Double(t) else { return nil }
        let decimals = t.split(separator: ".").dropFirst().first?.count ?? 0
        let tolerance = max(1e-9, 0.5 * pow(10, -Double(decimals)) * scale * 1.0001)
        return ((negative ? -v : v) * scale, tolerance)
    }

    static func columnIndex(_ ref: String) -> (row: Int, col: Int) {
        var col = 0, digits = ""
        for ch in ref {
            if ch.isLetter { col = col * 26 + Int(ch.asciiValue! - 64) } else { digits.append(ch) }
        }
        return (Int(digits)! - 1, col - 1)
    }

    @Test(.timeLimit(.minutes(10)), arguments: ReferenceRuns.pipelines().map(\.name))
    func libreOfficeOpensEveryWorkbook(_ name: String) throws {
        let pipeline = ReferenceRuns.pipelines().first { $0.name == name }!.path
        let dir = try makeTemporaryFolder("lo-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let workbooks = try ReferenceRuns.run(pipeline, output: out).map { out + "/" + $0 }
        try #require(!workbooks.isEmpty)

        // Raw values (not "as shown"), UTF-8, every sheet to its own file: <workbook>-<sheet>.csv.
        _ = try Self.convert(workbooks, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                             outdir: dir + "/csv", profile: dir + "/profile")
        _ = try Self.convert(workbooks, to: "pdf", outdir: dir + "/pdf", profile: dir + "/profile")

        for workbook in workbooks {
            let base = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension
            let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/pdf/\(base).pdf"))
            #expect(pdf.count > 1000 && pdf.prefix(5) == Data("%PDF-".utf8), "\(base).pdf")

            let book = try IndependentReader.read(workbook)
            for sheet in book.sheets {
                let csvPath = dir + "/csv/\(base)-\(sheet.name).csv"
                guard let text = try? String(contentsOfFile: csvPath, encoding: .utf8) else {
                    Issue.record("LibreOffice wrote no CSV for \(base) sheet \(sheet.name)")
                    continue
                }
                let grid = parseCSV(text)
                var compared = 0
                for (ref, cell) in sheet.cells {
                    guard let value = cell.value else { continue }
                    let (r, c) = Self.columnIndex(ref)
                    let shown = r < grid.count && c < grid[r].count ? grid[r][c] : ""
                    switch value {
                    case .string(let s):
                        #expect(shown == s, "\(base) \(sheet.name)!\(ref): LibreOffice shows \(shown.prefix(60))")
                    case .number(let n):
                        if cell.type == "d" { continue }
                        let lo = Self.shownNumber(shown)
                        #expect(lo.map { abs($0.value - n) <= $0.tolerance } == true,
                                "\(base) \(sheet.name)!\(ref): openpyxl \(n), LibreOffice \(shown)")
                    case .bool: break
                    }
                    compared += 1
                }
                #expect(compared > 0 || sheet.cells.isEmpty)
            }
        }
    }

    /// Named cells a person would look at first, read through LibreOffice.
    @Test func expectedValuesInExpectedCells() throws {
        let dir = try makeTemporaryFolder("lo-cells")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReferenceRuns.run(fixturePath("minitrust/pipeline.yml"), output: dir + "/out")
        _ = try Self.convert([dir + "/out/trust.xlsx"],
                             to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                             outdir: dir + "/csv", profile: dir + "/profile")
        let about = parseCSV(try String(contentsOfFile: dir + "/csv/trust-About.csv", encoding: .utf8))
        #expect(about.first?.first == "Mini Trust")
        #expect(about.contains { $0.first == "Academic year" && $0.dropFirst().first == "2024/25" })
    }
}
