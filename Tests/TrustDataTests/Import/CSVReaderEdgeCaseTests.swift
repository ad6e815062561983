import Foundation
import Testing
@testable import TrustData

private func rows(_ text: String, chunkSize: Int = 1 << 16) throws -> [CSVRow] {
    try CSVReader.readAll(data: Array(text.utf8), chunkSize: chunkSize)
}

private func rows(_ bytes: [UInt8], chunkSize: Int = 1 << 16) throws -> [CSVRow] {
    try CSVReader.readAll(data: bytes, chunkSize: chunkSize)
}

private func summary(_ r: [CSVRow]) -> [String] {
    r.map { "\($0.line)@\($0.byteOffset):" + $0.fields.joined(separator: "|") }
}

/// Every test input is also parsed with several tiny chunk sizes; results must not depend on where reads split.
private func expectChunkIndependent(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let reference = summary(try rows(bytes))
    for size in [1, 2, 3, 5, 7] {
        #expect(summary(try rows(bytes, chunkSize: size)) == reference, "chunkSize \(size)", sourceLocation: sourceLocation)
    }
}

@Suite struct CSVReaderEdgeCaseTests {
    @Test func lfRows() throws {
        let r = try rows("a,b\n1,2\n")
        #expect(summary(r) == ["1@0:a|b", "2@4:1|2"])
        #expect(r[1].count == 2)
        #expect(r[1][5] == "")
    }

    @Test func crlfAndBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n".utf8)
        let r = try rows(bytes)
        #expect(summary(r) == ["1@3:a|b", "2@8:1|2"])
        #expect(r[0][0] == "a")   // BOM must not leak into the first header
        try expectChunkIndependent(bytes)
    }

    @Test func loneCRAndMixedEndings() throws {
        let text = "a\rb\r\nc\nd"
        #expect(summary(try rows(text)) == ["1@0:a", "2@2:b", "3@5:c", "4@7:d"])
        try expectChunkIndependent(Array(text.utf8))
    }

    @Test func quotedCommaQuoteAndNewline() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,x\n"
        let r = try rows(text)
        #expect(r.map(\.line) == [1, 2, 3, 4, 6])
        #expect(r[1][1] == "a, b")
        #expect(r[2][1] == "say \"hi\"")
        #expect(r[3][1] == "two\r\nlines")   // CRLF inside quotes is data, kept byte for byte
        #expect(r[4][0] == "4")
        try expectChunkIndependent(Array(text.utf8))
    }

    @Test func quotedFieldSpanningManyLinesKeepsLineNumbers() throws {
        let text = "h\n\"a\nb\nc\"\nnext\n"
        #expect(summary(try rows(text)) == ["1@0:h", "2@2:a\nb\nc", "5@10:next"])
        try expectChunkIndependent(Array(text.utf8))
    }

    @Test func missingFinalNewline() throws {
        #expect(summary(try rows("a,b\n1,2")) == ["1@0:a|b", "2@4:1|2"])
        #expect(summary(try rows("a,\"b\"")) == ["1@0:a|b"])
    }

    @Test func blankLinesSkippedButCounted() throws {
        let text = "a\n\n\r\n   \nb\n\n"
        #expect(summary(try rows(text)) == ["1@0:a", "5@9:b"])
        try expectChunkIndependent(Array(text.utf8))
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(try rows("").isEmpty)
        #expect(try rows([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(summary(try rows("UPN,Name")) == ["1@0:UPN|Name"])
        #expect(summary(try rows("UPN,Name\r\n")) == ["1@0:UPN|Name"])
    }

    @Test func emptyFields() throws {
        #expect(try rows("a,,c,\n")[0].fields == ["a", "", "c", ""])
        #expect(try rows(",\n")[0].fields == ["", ""])
    }

    @Test func unterminatedQuoteAtEOF() throws {
        let text = "a,b\n1,2\n3,\"never closed\nmore\n"
        #expect(throws: CSVError.malformed(file: "<memory>", line: 3, byteOffset: 8,
                                          reason: "the file ends inside a quoted field that opens on line 3; a closing quote mark (\") is missing")) {
            try rows(text)
        }
        for size in [1, 3, 4] {
            #expect(throws: CSVError.self) { try rows(text, chunkSize: size) }
        }
    }

    @Test func strayQuoteReportsLineAndOffset() throws {
        let text = "a,b\n1,2\n3,ab\"c\n"
        do {
            _ = try rows(text, chunkSize: 3)
            Issue.record("expected a malformed-row error")
        } catch let CSVError.malformed(file, line, offset, reason) {
            #expect(file == "<memory>")
            #expect(line == 3)
            #expect(offset == 12)   // the quote itself
            #expect(reason.contains("quote"))
        }
        #expect(throws: CSVError.self) { try rows("\"ab\"c,d\n") }
    }

    @Test func errorDescriptionReadsLikeAdvice() {
        let e = CSVError.malformed(file: "pupils.csv", line: 3, byteOffset: 12, reason: "x")
        #expect(e.description.contains("pupils.csv, line 3"))
        #expect(e.description.contains("re-export"))
    }

    @Test func windows1252IsConverted() throws {
        let bytes: [UInt8] = Array("name,cost\n".utf8) + Array("O".utf8) + [0x92] + Array("Brien,".utf8) + [0x80] + Array("5 caf".utf8) + [0xE9, 0x0A]
        let reader = CSVReader(data: bytes)
        var got: [[String]] = []
        try reader.forEachRow { got.append($0.fields) }
        #expect(got[1] == ["O\u{2019}Brien", "\u{20AC}5 caf\u{E9}"])
        #expect(reader.detectedEncoding == .windows1252)
    }

    @Test func validUTF8IsUntouched() throws {
        let reader = CSVReader(data: Array("Zoë,Łukasz,😀\n".utf8))
        var got: [String] = []
        try reader.forEachRow { got = $0.fields }
        #expect(got == ["Zoë", "Łukasz", "😀"])
        #expect(reader.detectedEncoding == .utf8)
    }

    @Test func fieldBytesFastPath() throws {
        let r = try rows("100001,AM\n")
        #expect(r[0].withFieldBytes(1) { Array($0) } == Array("AM".utf8))
        #expect(r[0].withFieldBytes(9) { $0.count } == 0)
    }

    @Test func chunkBoundaryInsideQuotedFieldAndCRLF() throws {
        let text = "id,text\r\n1,\"x,\"\"y\"\"\r\nz\"\r\n2,w\r\n"
        let reference = try rows(text)
        #expect(reference.map(\.line) == [1, 2, 4])
        #expect(reference[1][1] == "x,\"y\"\r\nz")
        for size in 1 ... 12 {
            #expect(summary(try rows(text, chunkSize: size)) == summary(reference))
        }
    }

    @Test func oneMegabyteField() throws {
        let big = String(repeating: "abcdefghij", count: 100_000)
        let r = try rows("a,\"\(big)\",c\nnext\n")
        #expect(r[0][1].utf8.count == 1_000_000)
        #expect(r[0][2] == "c")
        #expect(r[1].line == 2)
    }

    @Test func fileFixtureWithSmallChunks() throws {
        let path = fixturePath("csv/bom_crlf.csv")
        let big = try CSVReader.readAll(path: path)
        var small: [CSVRow] = []
        let reader = try CSVReader(path: path, chunkSize: 3)
        try reader.forEachRow { small.append($0) }
        #expect(summary(big) == summary(small))
        #expect(summary(big) == ["1@3:UPN|Name", "2@13:A1|O\u{2019}Brien"])
        #expect(reader.detectedEncoding == .windows1252)
        #expect(reader.bytesRead == 27)
    }

    @Test func missingFileGivesCannotOpen() {
        #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/x.csv") }
        do { _ = try CSVReader(path: "/nonexistent/x.csv") } catch let e as CSVError {
            guard case .cannotOpen = e else { Issue.record("wrong case \(e)"); return }
        } catch { Issue.record("wrong error \(error)") }
    }
}
