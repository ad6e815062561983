/// How a CSV export is written, read off its first bytes: UTF-16 text (Excel's "Unicode Text", often
/// tab-separated) is transcoded to UTF-8 as it is read, and the field separator is whichever of comma,
/// semicolon (Excel in locales with a decimal comma) and tab the header line uses most, outside quotes.
public struct CSVDialect: Equatable, Sendable {
    /// Non-nil for UTF-16 text: true when big-endian.
    public var utf16BigEndian: Bool?
    public var delimiter: UInt8

    public static let standard = CSVDialect(utf16BigEndian: nil, delimiter: UInt8(ascii: ","))

    /// The dialect of a file starting with `head` (a few KiB are plenty: one header line).
    public static func detect(_ head: UnsafeBufferPointer<UInt8>) -> CSVDialect {
        var dialect = CSVDialect.standard
        if case let .utf16(bigEndian, _)? = FileKind.sniff(head) {
            dialect.utf16BigEndian = bigEndian
            var transcoder = UTF16Transcoder(bigEndian: bigEndian)
            var text: [UInt8] = []
            transcoder.transcode(head, into: &text)
            dialect.delimiter = text.withUnsafeBufferPointer(delimiter)
        } else {
            dialect.delimiter = delimiter(head)
        }
        return dialect
    }

    /// The separator of the first line that has one: the most frequent of `,` `;` and tab outside quotes
    /// (comma on a tie, and when no line has any). Lines with none are a report's title above the
    /// headings (`TableBooks.header`), which say nothing about the separator.
    static func delimiter(_ text: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        for b in text {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D {
                if comma + semicolon + tab > 0 { break }
                continue
            }
            if b == 0x2C { comma += 1 } else if b == 0x3B { semicolon += 1 } else if b == 0x09 { tab += 1 }
        }
        if tab > comma && tab >= semicolon { return 0x09 }
        if semicolon > comma { return 0x3B }
        return 0x2C
    }

    /// How the separator is named in messages.
    var delimiterName: String {
        switch delimiter {
        case 0x3B: return "semicolon"
        case 0x09: return "tab"
        default: return "comma"
        }
    }
}
