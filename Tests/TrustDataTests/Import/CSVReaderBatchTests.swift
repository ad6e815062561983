import Foundation
import Testing
@testable import TrustData

/// The reader parses a chunk with no quote mark and no CR in one libcsv call (`feedBatch`) and every
/// other chunk line by line. These tests pin the batched path to the line-by-line one: same records,
/// line numbers, byte offsets, lines read, encoding and errors, whatever the mix of chunks.
private struct Outcome: Equatable {
    var rows: [String] = []
    var linesRead = 0
    var bytesRead = 0
    var encoding = TextEncoding.utf8
    var error: String? = nil
}

private func read(_ reader: CSVReader, batched: Bool) -> Outcome {
    reader.batchesPlainChunks = batched
    var out = Outcome()
    do {
        try reader.forEachRow { out.rows.append("\($0.line)@\($0.byteOffset):" + $0.fields.joined(separator: "|")) }
    } catch {
        out.error = "\(error)"
    }
    out.linesRead = reader.linesRead
    out.bytesRead = reader.bytesRead
    out.encoding = reader.detectedEncoding
    return out
}

private func outcome(_ bytes: [UInt8], chunkSize: Int, batched: Bool) -> Outcome {
    read(CSVReader(data: bytes, chunkSize: chunkSize), batched: batched)
}

/// Batched and line-by-line reads agree for every chunk size given.
private func expectSame(_ bytes: [UInt8], sizes: [Int] = Array(1...12) + [16, 31, 64, 1 << 16],
                        sourceLocation: SourceLocation = #_sourceLocation) {
    for size in sizes {
        let lineByLine = outcome(bytes, chunkSize: size, batched: false)
        let batched = outcome(bytes, chunkSize: size, batched: true)
        #expect(batched == lineByLine, "chunkSize \(size)", sourceLocation: sourceLocation)
    }
}

@Suite struct CSVReaderBatchTests {
    @Test func plainFileHandChecked() {
        // Blank lines (empty and spaces only) give no record but count as lines; a line of bare
        // delimiters is a record (the importers skip it); trailing spaces are trimmed by libcsv.
        let text = "a,b\n1,2\n\n   \n3 ,4\n,\n5,6"
        for size in [1, 3, 4, 7, 1 << 16] {
            let got = outcome(Array(text.utf8), chunkSize: size, batched: true)
            #expect(got.rows == ["1@0:a|b", "2@4:1|2", "5@13:3|4", "6@18:|", "7@20:5|6"], "chunkSize \(size)")
            #expect(got.linesRead == 7)
            #expect(got.error == nil)
        }
        expectSame(Array(text.utf8))
    }

    @Test func linesSplitAcrossChunksAndEndingAtChunkEnds() {
        // Chunk size 4 puts boundaries inside lines, right after an LF and right before one.
        let text = "abc\ndefgh,ij\nk\n\n\nlmnopqrstuvwxyz,1,2,3\n"
        let got = outcome(Array(text.utf8), chunkSize: 4, batched: true)
        #expect(got.rows == ["1@0:abc", "2@4:defgh|ij", "3@13:k", "6@17:lmnopqrstuvwxyz|1|2|3"])
        #expect(got.linesRead == 6)
        expectSame(Array(text.utf8))
    }

    @Test func quoteOnlyInALaterChunk() {
        // The first chunks are plain (batched); the quoted field, spanning lines, arrives later and
        // switches the reader to line-by-line, then plain chunks follow again.
        let text = "id,v\n1,aa\n2,bb\n3,\"x\ny,z\"\n4,cc\n5,dd\n6,ee\n"
        let got = outcome(Array(text.utf8), chunkSize: 8, batched: true)
        #expect(got.rows == ["1@0:id|v", "2@5:1|aa", "3@10:2|bb", "4@15:3|x\ny,z", "6@25:4|cc", "7@30:5|dd", "8@35:6|ee"])
        #expect(got.linesRead == 8)
        expectSame(Array(text.utf8))
    }

    @Test func chunkStartingAfterAClosingQuote() {
        // A quote-free chunk that begins just after a closing quote (libcsv waits for a delimiter or
        // a newline), and one that begins inside a quoted field (must stay line by line).
        expectSame(Array("a,\"q\"\nb,\"long quoted\nfield without quotes here\",c\nd,e\n".utf8))
        expectSame(Array("\"x\"  ,y\n\"z\"\n".utf8))
        // Text straight after a closing quote is an error, reported at the same line and byte.
        let bad = Array("h\n\"ab\"cdef\nnext\n".utf8)
        expectSame(bad)
        #expect(outcome(bad, chunkSize: 6, batched: true).error?.contains("line 2 (byte 6)") == true)
    }

    @Test func crlfAndLoneCRChunksStayLineByLine() {
        expectSame(Array("a,b\r\n1,2\r\n\r\n3,4\n5,6\n7,8\r9\n10\n".utf8))
        // A CR ending one chunk and its LF starting the next, followed by plain chunks.
        expectSame(Array("ab\r\ncd\nef\ngh\n\nij\n".utf8))
    }

    @Test func bomAndWindows1252() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\n1,caf".utf8) + [0xE9] + Array("\n2,x\n\n3,y\n".utf8)
        expectSame(bytes)
        let got = outcome(bytes, chunkSize: 5, batched: true)
        #expect(got.rows == ["1@3:a|b", "2@7:1|caf\u{E9}", "3@14:2|x", "5@19:3|y"])
        #expect(got.encoding == .windows1252)
        // Valid UTF-8 in a batched chunk is kept as it is.
        let utf8 = Array("n\nZoë,Łukasz\n😀\n".utf8)
        expectSame(utf8)
        #expect(outcome(utf8, chunkSize: 64, batched: true).encoding == .utf8)
    }

    @Test func windows1252GrowthLeavesRoomForLaterFields() {
        // 2,000 high bytes become 4,000 bytes of UTF-8: the fields after them in the same feed still
        // need room (the reader reserves room for a feed's input bytes before parsing it).
        let high = [UInt8](repeating: 0xE9, count: 2000)
        let tail = String(repeating: "abcdefghij", count: 100)
        let bytes = Array("a,b,c\n".utf8) + high + Array(",\(tail),\(tail)\nx,y,z\n".utf8)
        for size in [7, 1 << 16] {
            for batched in [false, true] {
                let got = outcome(bytes, chunkSize: size, batched: batched)
                #expect(got.rows == ["1@0:a|b|c", "2@6:" + String(repeating: "\u{E9}", count: 2000) + "|\(tail)|\(tail)",
                                     "3@\(bytes.count - 6):x|y|z"])
                #expect(got.encoding == .windows1252)
            }
        }
    }

    @Test func fieldsOfEveryLengthAroundTheShortFieldPath() throws {
        // Fields of up to 16 bytes of ASCII input are copied inline; longer ones, and every field once
        // a non-ASCII byte has been read, take the general path. Each length, both ways, both paths.
        let fields = (0 ... 40).map { n in String((0 ..< n).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) }) }
        let ascii = fields.joined(separator: ",") + "\n" + fields.reversed().joined(separator: ",") + "\n"
        for text in [ascii, "é\n" + ascii] {
            for size in [1, 7, 64, 1 << 16] {
                for batched in [false, true] {
                    let reader = CSVReader(data: Array(text.utf8), chunkSize: size)
                    reader.batchesPlainChunks = batched
                    var got: [[String]] = []
                    try reader.forEachRow { got.append($0.fields) }
                    #expect(Array(got.suffix(2)) == [fields, fields.reversed()], "chunkSize \(size)")
                }
            }
        }
    }

    @Test func paddedFieldsAndBlankLinesInABatch() {
        // libcsv drops the spaces and tabs around unquoted fields, so a row's input is longer than its
        // fields and commas: the LF is searched for from there on. Blank lines of spaces or tabs.
        let text = "h\n a , b \n\t\n1,2\n  x\t,\ty  \n \n3,4\n"
        for size in [5, 1 << 16] {
            let got = outcome(Array(text.utf8), chunkSize: size, batched: true)
            #expect(got.rows == ["1@0:h", "2@2:a|b", "4@12:1|2", "5@16:x|y", "7@28:3|4"], "chunkSize \(size)")
            #expect(got.linesRead == 7)
        }
        expectSame(Array(text.utf8))
    }

    @Test func unterminatedQuoteAfterPlainChunks() {
        expectSame(Array("a\nb\nc\n\"open\nd\ne\nf\ng\n".utf8))
        expectSame(Array("a\nb\nc\nd,\"".utf8))
    }

    @Test func aSinkErrorStopsTheReadAtTheSameLine() {
        let text = Array("h\n1\n2\n\n3\n4\n5\n".utf8)
        for size in [2, 5, 64] {
            var seen: [[Int]] = []
            for batched in [false, true] {
                let reader = CSVReader(data: text, chunkSize: size)
                reader.batchesPlainChunks = batched
                var lines: [Int] = []
                struct Stop: Error {}
                #expect(throws: Stop.self) {
                    try reader.forEachRow { row in
                        lines.append(row.line)
                        if row.line == 5 { throw Stop() }
                    }
                }
                seen.append(lines + [reader.linesRead])
            }
            #expect(seen[0] == [1, 2, 3, 5, 5], "chunkSize \(size)")
            #expect(seen[1] == seen[0], "chunkSize \(size)")
        }
    }

    @Test func partsOfAFileReadLikeTheWhole() throws {
        // The split marks import reads byte ranges starting at line starts: offsets and line numbers
        // count from the range start, and no BOM is looked for after byte 0.
        let text = "urn,upn\n" + (0..<200).map { "\($0),\($0 % 7 == 0 ? "" : "x\($0)")\n" }.joined() + "\n\nend,1\n"
        let path = NSTemporaryDirectory() + "csv-batch-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Array(text.utf8)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }.filter { $0 < bytes.count }
        for lower in lineStarts.filter({ $0 % 5 == 0 }) + [lineStarts[1]] {
            for upper in [bytes.count, lineStarts.first(where: { $0 > lower + 300 }) ?? bytes.count] {
                let lineByLine = read(try CSVReader(path: path, range: lower ..< upper), batched: false)
                let batched = read(try CSVReader(path: path, range: lower ..< upper), batched: true)
                #expect(batched == lineByLine, "range \(lower)..<\(upper)")
                #expect(batched.error == nil)
            }
        }
        let whole = read(try CSVReader(path: path), batched: true)
        #expect(whole.rows.count == 202)
        #expect(whole.rows.last == "204@\(bytes.count - 6):end|1")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomInputsAgree(seed: UInt64) {
        // Mostly plain records, with the occasional quote, CR, blank line, high byte or stray
        // quote, so chunks of every size switch between the two paths at every kind of place.
        var rng = SplitMix64(seed: seed)
        let pieces: [[UInt8]] = [
            Array("abc".utf8), Array("123456".utf8), Array(",".utf8), Array(",".utf8), Array("\n".utf8),
            Array("\n".utf8), Array("\n\n".utf8), Array("  ".utf8), Array("\r\n".utf8), Array("\r".utf8),
            Array("\"q,\n\"".utf8), Array("\"\"".utf8), Array("\"".utf8), [0xE9], Array("é".utf8), Array("x y".utf8),
        ]
        let weights = [8, 8, 10, 10, 8, 8, 2, 2, 1, 1, 1, 1, 1, 1, 1, 3]
        let total = weights.reduce(0, +)
        for _ in 0 ..< 60 {
            var bytes: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0 ..< Int.random(in: 0 ... 80, using: &rng) {
                var r = Int.random(in: 0 ..< total, using: &rng)
                var k = 0
                while r >= weights[k] { r -= weights[k]; k += 1 }
                bytes += pieces[k]
            }
            expectSame(bytes, sizes: [1, 2, 3, 5, 8, 13, 64, 1 << 16])
        }
    }
}
