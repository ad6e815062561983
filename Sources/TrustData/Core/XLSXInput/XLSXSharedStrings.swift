/// The workbook's shared strings (xl/sharedStrings.xml), which text cells point at by index (`t="s"`).
/// Held as one byte buffer and an end offset per string: a sheet of a million names costs the
/// names' bytes, not a million `String`s. Rich-text runs are joined; phonetic guides (`rPh`) left out.
struct XLSXSharedStrings {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    init() {}

    init(zip: ZipArchive, part: String) throws {
        let events = SharedStringEvents()
        try XMLStream.parse(events, part: part, in: zip)
        bytes = events.bytes
        ends = events.ends
    }

    var count: Int { ends.count }

    /// The string's bytes (valid while `self` is).
    func withString<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo ..< ends[i]])) }
    }
}

private final class SharedStringEvents: XMLEvents {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    private var inText = false
    private var phonetic = 0

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("t") { inText = phonetic == 0 } else if name.is("rPh") { phonetic += 1 }
    }

    override func end(_ name: XMLName) {
        if name.is("t") { inText = false } else if name.is("rPh") { phonetic -= 1 } else if name.is("si") { ends.append(bytes.count) }
    }

    override func text(_ chunk: UnsafeBufferPointer<UInt8>) {
        if inText { bytes.append(contentsOf: chunk) }
    }
}
