/// What a file handed in as CSV really is, from its first bytes, so a wrong file is named for what it is
/// ("this is an Excel workbook") rather than failing as garbled bytes or a quoting error part-way through.
/// Only kinds that cannot be CSV text are named: a CSV export is UTF-8 or Windows-1252 text.
enum FileKind: Equatable {
    case utf16(bigEndian: Bool, bom: Bool)
    case utf32
    case gzip
    /// A zip archive; `excel` when it holds a workbook's parts (an .xlsx is a zip).
    case zip(excel: Bool)
    case excel97
    case xml(ctf: Bool)
    case pdf

    /// What to tell the user: what the file is, then what to do.
    var explanation: String {
        switch self {
        case let .utf16(bigEndian, bom):
            return "this is UTF-16 text (\(bigEndian ? "big" : "little")-endian\(bom ? "" : ", no byte order mark")), not UTF-8 or Windows-1252; Excel's \"Unicode Text\" saves files this way. Save it again as \"CSV UTF-8 (Comma delimited)\", or re-export it from the MIS as CSV"
        case .utf32:
            return "this is UTF-32 text, not UTF-8 or Windows-1252. Save it again as \"CSV UTF-8 (Comma delimited)\""
        case .gzip:
            return "this is a gzip-compressed file, not CSV text. Decompress it first (`gunzip`) and give the .csv inside"
        case .zip(excel: true):
            return "this is an Excel workbook (.xlsx), not CSV. Open it in Excel and use File > Save As > \"CSV UTF-8 (Comma delimited)\", or export CSV from the MIS"
        case .zip(excel: false):
            return "this is a zip archive, not CSV text. Unzip it first and give the .csv inside"
        case .excel97:
            return "this is an Excel 97-2003 workbook (.xls), which trustdata does not read. Open it in Excel and use File > Save As > \"Excel Workbook (.xlsx)\" or \"CSV UTF-8 (Comma delimited)\""
        case .xml(ctf: true):
            return "this is an XML file (a Common Transfer File, CTF), not CSV. Export the same data from the MIS as a CSV report"
        case .xml(ctf: false):
            return "this is an XML file, not CSV. Export the same data from the MIS as a CSV report"
        case .pdf:
            return "this is a PDF document, not CSV. Export the data itself from the MIS as CSV"
        }
    }

    /// The kind of a file starting with `head` (its first bytes, up to a chunk), or nil for text that may be CSV.
    static func sniff(_ head: UnsafeBufferPointer<UInt8>) -> FileKind? {
        let n = head.count
        func starts(_ bytes: [UInt8]) -> Bool { n >= bytes.count && Swift.zip(head, bytes).allSatisfy { $0 == $1 } }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) { return .utf32 }
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false, bom: true) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true, bom: true) }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            // A workbook's zip names its parts in the clear: [Content_Types].xml and xl/… come first.
            return .zip(excel: contains(head, "[Content_Types].xml") || contains(head, "xl/"))
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .excel97 }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if let utf16 = utf16WithoutBOM(head) { return utf16 }
        // XML: an optional UTF-8 BOM and white space, then `<?xml` or a tag. No CSV export starts with `<`.
        var i = starts([0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < n, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        if i + 1 < n, head[i] == UInt8(ascii: "<"), head[i + 1] == UInt8(ascii: "?") || head[i + 1] == UInt8(ascii: "!")
            || (head[i + 1] | 0x20 >= UInt8(ascii: "a") && head[i + 1] | 0x20 <= UInt8(ascii: "z")) {
            return .xml(ctf: contains(head, "<CTfile") || contains(head, "<CTF"))
        }
        return nil
    }

    /// UTF-16 without a byte order mark: ASCII text has a NUL in every other byte. Among the first 64
    /// pairs, at least three quarters have exactly one NUL, always on the same side.
    static func utf16WithoutBOM(_ head: UnsafeBufferPointer<UInt8>) -> FileKind? {
        let pairs = min(head.count / 2, 64)
        guard pairs >= 2 else { return nil }
        var evenNul = 0, oddNul = 0
        for p in 0..<pairs {
            let a = head[2 * p], b = head[2 * p + 1]
            if a == 0 && b != 0 { evenNul += 1 }
            if b == 0 && a != 0 { oddNul += 1 }
        }
        if oddNul * 4 >= pairs * 3 { return .utf16(bigEndian: false, bom: false) }
        if evenNul * 4 >= pairs * 3 { return .utf16(bigEndian: true, bom: false) }
        return nil
    }

    static func contains(_ head: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard head.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= head.count {
            if head[i] == first && needle.indices.allSatisfy({ head[i + $0] == needle[$0] }) { return true }
            i += 1
        }
        return false
    }
}
