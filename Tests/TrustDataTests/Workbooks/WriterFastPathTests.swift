import Foundation
import Testing
@testable import TrustData

/// The write stage's fast paths give exactly what the plain code gave.
@Suite struct WriterFastPathTests {
    /// The old formatting: round to 4 places, `%.4f`, trailing zeros trimmed.
    static func formatted(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var s = String(format: "%.4f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    @Test func numbersMatchPrintf() {
        var values: [Double?] = [nil, .nan, .infinity, 0, -0.0, 0.5, -0.5, 0.00005, -0.00005, 0.00004999, 2.675, 1.00005,
                                 0.1 + 0.2, 100.0 / 3, -100.0 / 3, 123.45675, 99_999_999_999.99995, 1e11, 1e11 + 0.5,
                                 1e15, 1e15 - 0.5, 1e16, 1.5e300, -1234.5678]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -6...16, using: &generator))
            values.append(Bool.random(using: &generator) ? magnitude : -magnitude)
            values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / [3, 7, 8, 100, 1000, 20_000].randomElement(using: &generator)!)
        }
        for v in values { #expect(CSVText.number(v) == Self.formatted(v), "\(String(describing: v))") }
    }

    @Test func fieldsQuoteAsCSVText() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere", ",\u{301}", "\"\u{301}x", "£ and é", ""]
        var bytes = CSVBytes()
        bytes.appendRow(fields)
        #expect(String(decoding: bytes.bytes, as: UTF8.self) == CSVText(header: fields).text)
    }

    @Test func measurePartsJoinToMeasures() {
        func row(_ urn: String, _ measure: String) -> MeasureRow {
            MeasureRow(year: "2024/25", urn: urn, school: urn, measure: measure, value: 1)
        }
        var a = SchoolReport(school: School(urn: "100001", name: "Alder", laName: "Essex", phase: "Primary", capacity: nil))
        a.context = [row("100001", "context.number_on_roll"), row("100001", "context.eal")]
        let b = SchoolReport(school: School(urn: "100002", name: "Birch", laName: "Essex", phase: "Primary", capacity: nil))
        var trust = TrustReport(schools: [a, b])
        trust.context = [row("TRUST", "context.number_on_roll")]
        #expect(Array(trust.measureParts.joined()) == trust.measures)
        #expect(Array(a.measureParts.joined()) == a.measures)
        #expect(MeasuresCSV.renderBytes(parts: trust.measureParts) == Array(MeasuresCSV.render(trust.measures).utf8))
    }

    /// measures.csv rendered through the byte buffer, in pieces of any size, is what building it with
    /// `CSVText` (a String per field) gives: quoting, non-ASCII text, big and awkward numbers, nils.
    @Test func measuresInPiecesMatchCSVText() throws {
        let schools = ["Alder", "Birch, Oak", "St \"Mary's\"", "Élan"]
        var rows: [MeasureRow] = []
        for i in 0..<300 {
            var r = MeasureRow(year: i % 2 == 0 ? "2024/25" : "2023-24", urn: "1000\(i % 7)", school: schools[i % 4],
                               measure: "ks2.rwm.expected", value: Double(i) * 100 / 7)
            r.group = i % 3 == 0 ? "all" : "disadvantaged"
            r.numerator = i % 5 == 0 ? nil : Double(i)
            r.denominator = Double(i + 1)
            r.national = i % 11 == 0 ? 1.5e300 : 61.3
            r.la = i % 13 == 0 ? 123_456_789_012.34567 : nil
            r.target = -0.00005 * Double(i)
            r.laName = i % 2 == 0 ? "Essex" : nil
            r.text = i % 9 == 0 ? "two\nlines" : nil
            r.smallCohort = i % 4 == 0
            r.nationalBasis = i % 3 == 0 ? "LA tables (England row, LAIT)" : nil
            r.period = i % 6 == 0 ? "year to date to 20/12/2024" : nil
            r.leftOut = i % 7 == 0 ? i : nil
            rows.append(r)
        }
        var expected = CSVText(header: MeasuresCSV.columns)
        for r in rows {
            let texts: [String] = [r.year, r.urn, r.school, r.measure, r.group]
            let numbers: [Double?] = [r.numerator, r.denominator, r.value, r.national, r.la, r.diffNational, r.diffLA, r.target, r.diffTarget]
            let extensions: [String] = [r.laName ?? "", r.smallCohort ? "true" : "", r.text ?? "",
                                        r.nationalBasis ?? "", r.period ?? "", CSVText.number(r.leftOut.map(Double.init))]
            expected.appendRow(texts + numbers.map(CSVText.number) + extensions)
        }
        let parts = [Array(rows[..<100]), [], Array(rows[100...])]
        for piece in [1, 7, 100, 1 << 20] {
            var bytes: [UInt8] = []
            MeasuresCSV.render(parts: parts, piece: piece) { bytes.append(contentsOf: $0) }
            #expect(String(decoding: bytes, as: UTF8.self) == expected.text, "pieces of \(piece)")
        }
        // Through the file, as the output stage writes it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("measures-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try MeasuresCSV.write(parts: parts, to: folder + "/measures.csv")
        #expect(try String(contentsOfFile: folder + "/measures.csv", encoding: .utf8) == expected.text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["measures.csv"])
    }

    /// The word-at-a-time scan for , " LF CR finds each of them at every position of fields of every
    /// length around a word, and nothing in fields without them (bytes just above and below them too).
    @Test func specialBytesFoundAtEveryPosition() {
        let fillers: [UInt8] = [UInt8(ascii: "a"), 0x2B, 0x2D, 0x21, 0x23, 0x09, 0x0B, 0x0C, 0x0E, 0xC3, 0xFF, 0x80]
        for length in 0...40 {
            for filler in fillers {
                var bytes = [UInt8](repeating: filler, count: length)
                #expect(!bytes.withUnsafeBufferPointer { CSVBytes.hasSpecial($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, length) })
                for at in 0..<length {
                    for special in [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
                        bytes[at] = special
                        #expect(bytes.withUnsafeBufferPointer { CSVBytes.hasSpecial($0.baseAddress!, length) }, "\(length) \(at)")
                        bytes[at] = filler
                    }
                }
            }
        }
    }

    /// The packed hashes of index keys and formats go by value: texts built differently (literal,
    /// interpolated, bridged, long or short) find the same figure, and equal formats hash alike.
    @Test func keysAndFormatsHashByValue() {
        var rows: [MeasureRow] = []
        for (year, value) in [("2024/25", 61.0), ("2023/24", 50.0)] {
            for group in ["disadvantaged", "all", "sen"] {
                rows.append(MeasureRow(year: year, urn: "100001", school: "A", measure: "ks2.rwm.expected", group: group, value: value))
            }
        }
        rows.append(MeasureRow(year: "2024/25", urn: "100001", school: "A", measure: "ks2.rwm.expecte", group: "dall", value: 1))
        let index = MeasureIndex(rows)
        let subject = "rwm", urn = String(String("100001".reversed()).reversed())
        let group = MeasureGroup(NSString(string: "disadvantaged") as String)
        let y2024 = AcademicYear(startYear: 2024), y2023 = AcademicYear(startYear: 2023)
        #expect(index.row(urn, MeasureID("ks2.\(subject).expected"), group: group, year: y2024)?.value == 61)
        #expect(index.row(urn, MeasureID("ks2.\(subject).expected"), group: group, year: y2023)?.value == 50)
        #expect(index.row(urn, .ks2(.rwm, .expected), group: .disadvantaged, year: y2024)?.value == 61)
        #expect(index.row(urn, "ks2.rwm.expected", year: y2024)?.value == 61)
        #expect(index.row(urn, "ks2.rwm.expecte", group: "dall", year: y2024)?.value == 1)
        #expect(index.row(urn, "ks2.rwm.expected", group: "dall", year: y2024) == nil)
        #expect(index.row("100002", "ks2.rwm.expected", year: y2024) == nil)
        // A key hashes and compares by its values: the exam year 2025 and 2024-25 are the year 2024/25.
        #expect(MeasureKey(urn: urn, measure: .ks2(.rwm, .expected), group: MeasureGroup(.disadvantaged), year: y2024)
                == MeasureKey(urn: "100001", measure: "ks2.rwm.expected", group: "disadvantaged", startYear: AcademicYear(parsing: "2025")!.startYear))
        #expect(MeasureID.ks2(.rwm, .gapInSchool).text == "ks2.rwm.disadvantaged_gap_in_school")
        #expect(MeasureID.fft(.maths, .meanGapLow).text == "fft.maths.mean_gap_ci_low")
        #expect(Set(KS2Subject.allCases.flatMap { s in KS2Figure.allCases.map { MeasureID.ks2(s, $0) } }).count == 30)

        let a = CellFormat.percent.with { $0.bold = true; $0.fill = 0; $0.fontColor = 0xC00000 }
        let b = CellFormat(bold: true, fontColor: 0xC00000, fill: 0, numberFormat: String("x0.0%".dropFirst()))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != a.with { $0.fill = nil })
        #expect(Set([a, b, a.with { $0.fill = nil }, CellFormat.plain, CellFormat(fontSize: 11), CellFormat(indent: 1)]).count == 5)
    }

    /// The card's index finds its ids by first and last eight bytes, then in full: look-alikes of the
    /// same length (one byte changed in the middle, or at either end) are not taken for card figures.
    @Test func cardFiguresTellLookAlikeIdsApart() throws {
        let long = try #require(CardFigures.measureIDs.first { $0.utf8.count > 17 })
        let short = try #require(CardFigures.measureIDs.first { (8...16).contains($0.utf8.count) })
        func altered(_ id: String, at offset: Int) -> String {
            var bytes = Array(id.utf8)
            bytes[offset] = bytes[offset] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            return String(decoding: bytes, as: UTF8.self)
        }
        var rows: [MeasureRow] = []
        for (k, id) in [long, short].enumerated() {
            let n = id.utf8.count
            for (j, offset) in [n / 2, 0, n - 1].enumerated() {
                rows.append(MeasureRow(year: "2024/25", urn: "100001", school: "A", measure: altered(id, at: offset), value: Double(10 * k + j)))
            }
            rows.append(MeasureRow(year: "2024/25", urn: "100001", school: "A", measure: String(String(id.reversed()).reversed()), value: 100 + Double(k)))
        }
        let table = CardFigures(rows, urn: "100001", currentYear: AcademicYear(startYear: 2024), years: [AcademicYear(startYear: 2024)])
        #expect(table.current("100001", MeasureID(long))?.value == 100)
        #expect(table.current("100001", MeasureID(short))?.value == 101)
        #expect(table.hasAny("100001", measures: [MeasureID(long)]) && !table.hasAny("100002", measures: [MeasureID(long)]))
    }

    /// A field longer than the buffer's room grows it; `flush` empties it and keeps writing after.
    @Test func byteBufferGrowsAndFlushes() {
        var csv = CSVBytes(capacity: 8)
        let long = String(repeating: "ab,", count: 50)
        csv.field(long)
        csv.number(-12.5)
        csv.endRow()
        var flushed: [UInt8] = []
        csv.flush { flushed.append(contentsOf: $0) }
        #expect(csv.count == 0)
        csv.field("x")
        csv.endRow()
        #expect(String(decoding: flushed + csv.bytes, as: UTF8.self) == "\"\(long)\",-12.5\nx\n")
    }

    /// A piecewise write that fails part way leaves neither the file nor its temporary file behind.
    @Test func failedPiecewiseWriteLeavesNothing() throws {
        struct Stop: Error {}
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/out.csv", contents: Data("previous\n".utf8)))
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: folder + "/out.csv") { write in
                try Array("new,".utf8).withUnsafeBytes { try write($0) }
                throw Stop()
            }
        }
        #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
        #expect(throws: OutputError.self) {
            try AtomicFile.write(to: folder + "/missing/out.csv") { _ in }
        }
    }
}
