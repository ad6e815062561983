import Foundation
import Testing
@testable import TrustData

/// The libcsv wrapper, byte by byte: what each awkward input must come out as.
@Suite struct CSVReaderTests {
    func rows(_ text: String, chunkSize: Int = 1 << 16) throws -> [[String]] {
        try rows(Array(text.utf8), chunkSize: chunkSize)
    }

    func rows(_ bytes: [UInt8], chunkSize: Int = 1 << 16) throws -> [[String]] {
        try CSVReader.readAll(data: bytes, chunkSize: chunkSize).map(\.fields)
    }

    func lines(_ text: String) throws -> [Int] {
        try CSVReader.readAll(data: Array(text.utf8)).map(\.line)
    }

    @Test func lineEndingsLFCRLFCRAndMixed() throws {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(try rows("a,b\n1,2\n3,4\n") == expected)
        #expect(try rows("a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(try rows("a,b\r1,2\r3,4\r") == expected)
        #expect(try rows("a,b\r\n1,2\n3,4\r") == expected)
        #expect(try lines("a,b\r\n1,2\n3,4\r") == [1, 2, 3])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("urn,name\r\n100001,Alder\r\n".utf8)
        #expect(try rows(bytes) == [["urn", "name"], ["100001", "Alder"]])
    }

    @Test func missingFinalNewline() throws {
        #expect(try rows("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try rows("a,b\n1,") == [["a", "b"], ["1", ""]])
    }

    @Test func quotedCommasQuotesAndNewlines() throws {
        let text = "name,note\n\"O'Brien, Sam\",\"said \"\"hi\"\"\"\n\"two\nlines\",x\n\"crlf\r\ninside\",y\nlast,z\n"
        #expect(try rows(text) == [["name", "note"], ["O'Brien, Sam", "said \"hi\""], ["two\nlines", "x"], ["crlf\r\ninside", "y"], ["last", "z"]])
        // A row's line is where it starts, even after a field that spans lines.
        #expect(try lines(text) == [1, 2, 3, 5, 7])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        #expect(try lines("a\n\n1\n\r\n\n2\n") == [1, 3, 6])
        #expect(try rows("a\n\n1\n\r\n\n2\n") == [["a"], ["1"], ["2"]])
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(try rows("") == [])
        #expect(try rows("urn,name\n") == [["urn", "name"]])
    }

    @Test func chunkBoundariesInsideQuotesAndCRLFChangeNothing() throws {
        let text = "a,\"b\r\nc\",d\r\n\"e\"\"f\",g\r\nh,i"
        let whole = try CSVReader.readAll(data: Array(text.utf8))
        for chunk in [1, 2, 3, 5, 7] {
            let pieces = try CSVReader.readAll(data: Array(text.utf8), chunkSize: chunk)
            #expect(pieces.map(\.fields) == whole.map(\.fields), "chunk size \(chunk)")
            #expect(pieces.map(\.line) == whole.map(\.line), "chunk size \(chunk)")
            #expect(pieces.map(\.byteOffset) == whole.map(\.byteOffset), "chunk size \(chunk)")
        }
        #expect(whole.map(\.fields) == [["a", "b\r\nc", "d"], ["e\"f", "g"], ["h", "i"]])
        #expect(whole.map(\.byteOffset) == [0, 12, 22])
    }

    @Test func unterminatedQuoteAtEndOfFileIsAnErrorWithItsPosition() throws {
        let text = "a,b\n1,2\n3,\"never closed\n4,5\n"
        #expect(throws: CSVError.self) { try rows(text) }
        do {
            _ = try rows(text)
        } catch let CSVError.malformed(_, line, offset, reason) {
            #expect(line == 3)
            #expect(offset == 8)
            #expect(reason.lowercased().contains("quote"))
        }
    }

    @Test func strayQuoteInsideAnUnquotedFieldIsAnError() throws {
        do {
            _ = try rows("a,b\n1,x\"y\n")
            Issue.record("a quote in the middle of an unquoted field must be rejected")
        } catch let CSVError.malformed(_, line, _, _) {
            #expect(line == 2)
        }
    }

    @Test func windows1252IsDetectedAndConverted() throws {
        // "O’Brien" and "€5" as Excel on Windows saves them.
        let bytes: [UInt8] = Array("name,amount\nO".utf8) + [0x92] + Array("Brien,".utf8) + [0x80] + Array("5\nJos".utf8) + [0xE9] + Array(",1\n".utf8)
        let reader = CSVReader(data: bytes)
        var got: [[String]] = []
        try reader.forEachRow { got.append($0.fields) }
        #expect(got == [["name", "amount"], ["O’Brien", "€5"], ["José", "1"]])
        #expect(reader.detectedEncoding == .windows1252)
        let utf8 = CSVReader(data: Array("name\nJosé\n".utf8))
        try utf8.forEachRow { _ in }
        #expect(utf8.detectedEncoding == .utf8)
    }

    @Test func aOneMegabyteFieldSurvives() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let got = try rows("a,b\n\"\(big)\",1\n")
        #expect(got.count == 2)
        #expect(got[1][0].utf8.count == 1 << 20)
        #expect(got[1][1] == "1")
    }

    @Test func raggedRowsReadMissingFieldsAsEmpty() throws {
        let rows = try CSVReader.readAll(data: Array("a,b,c\n1\n".utf8))
        #expect(rows[1].count == 1)
        #expect(rows[1][2] == "")
    }

    @Test func readsFromAFileInChunks() throws {
        let dir = try makeTemporaryFolder()
        let path = dir + "/big.csv"
        var text = "urn,upn,date,session,code\r\n"
        for i in 0..<5000 { text += "100001,A12345678901\(i % 10),2024-09-0\(i % 9 + 1),AM,/\r\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try CSVReader(path: path, chunkSize: 1000)
        var count = 0
        var lastLine = 0
        try reader.forEachRow { row in
            count += 1
            lastLine = row.line
            #expect(row.count == 5)
        }
        #expect(count == 5001)
        #expect(lastLine == 5001)
        #expect(reader.bytesRead == text.utf8.count)
    }

    @Test func aMissingFileIsAClearError() {
        #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/x.csv") }
    }
}
