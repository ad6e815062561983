import CExpat

/// Receives one XML part's events from expat. Names and attribute values are expat's own buffers,
/// valid only during the call; `text` may arrive in several pieces for one run of text.
class XMLEvents {
    /// Set by a handler that cannot go on (a broken reference): parsing stops after the current chunk.
    var failure: String?
    func start(_ name: XMLName, _ attributes: XMLAttributes) {}
    func end(_ name: XMLName) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// An element's name as expat gives it (UTF-8, NUL-terminated); compared by its local part, so
/// `x:c` (written by some tools with a namespace prefix) is `c`.
struct XMLName {
    let pointer: UnsafePointer<CChar>

    @inline(__always)
    func `is`(_ local: StaticString) -> Bool {
        XMLName.localEquals(pointer, local)
    }

    @inline(__always)
    static func localEquals(_ p: UnsafePointer<CChar>, _ local: StaticString) -> Bool {
        var s = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self)
        // Skip a prefix (`x:`): rare, so only looked for when the first bytes do not match.
        let want = local.utf8Start
        let n = local.utf8CodeUnitCount
        if memcmpBytes(s, want, n) && s[n] == 0 { return true }
        var i = 0
        while s[i] != 0 && s[i] != UInt8(ascii: ":") { i += 1 }
        guard s[i] == UInt8(ascii: ":") else { return false }
        s = s + i + 1
        return memcmpBytes(s, want, n) && s[n] == 0
    }

    @inline(__always)
    static func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}

/// An element's attributes (expat's NULL-terminated name, value, name, value… list).
struct XMLAttributes {
    let list: UnsafeMutablePointer<UnsafePointer<CChar>?>

    /// The value of the attribute whose local name is `local`, as a C string.
    @inline(__always)
    func raw(_ local: StaticString) -> UnsafePointer<CChar>? {
        var i = 0
        while let name = list[i] {
            if XMLName.localEquals(name, local) { return list[i + 1] }
            i += 2
        }
        return nil
    }

    func string(_ local: StaticString) -> String? { raw(local).map { String(cString: $0) } }

    /// The value of an attribute named exactly `name` (with its prefix, as `r:id`).
    func exact(_ name: String) -> String? {
        var i = 0
        while let n = list[i] {
            if String(cString: n) == name, let v = list[i + 1] { return String(cString: v) }
            i += 2
        }
        return nil
    }
}

/// Expat over one part fed in chunks (`parse`, then `finish`). Errors found in a callback are kept
/// (`XMLEvents.failure`) and thrown once expat returns, outside its callbacks.
final class XMLStream {
    private let parser: XML_Parser
    private let events: XMLEvents
    private let part: String
    private let file: String

    init(_ events: XMLEvents, part: String, file: String) throws {
        guard let parser = XML_ParserCreate(nil) else { throw XLSXError.cannotOpen(path: file, reason: "out of memory starting the XML parser") }
        self.parser = parser
        self.events = events
        self.part = part
        self.file = file
        XML_SetUserData(parser, Unmanaged.passUnretained(events).toOpaque())
        XML_SetElementHandler(parser, xmlStart, xmlEnd)
        XML_SetCharacterDataHandler(parser, xmlText)
    }

    deinit { XML_ParserFree(parser) }

    func parse(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard let base = chunk.baseAddress else { return }
        var offset = 0
        // expat takes an Int32 length; chunks are 64 KiB, but stay safe for any size.
        while offset < chunk.count {
            let n = min(chunk.count - offset, 1 << 30)
            try check(XML_Parse(parser, UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self), Int32(n), 0))
            offset += n
        }
    }

    func finish() throws { try check(XML_Parse(parser, nil, 0, 1)) }

    private func check(_ status: XML_Status) throws {
        if status == XML_STATUS_ERROR {
            let reason = String(cString: XML_ErrorString(XML_GetErrorCode(parser)))
            throw XLSXError.malformed(path: file, part: part, reason: "\(reason) at line \(XML_GetCurrentLineNumber(parser))")
        }
        if let failure = events.failure { throw XLSXError.malformed(path: file, part: part, reason: failure) }
    }

    /// Parses a whole (small) part of `zip`.
    static func parse(_ events: XMLEvents, part: String, in zip: ZipArchive) throws {
        let stream = try XMLStream(events, part: part, file: zip.path)
        try zip.read(part) { try stream.parse($0) }
        try stream.finish()
    }
}

private let xmlStart: XML_StartElementHandler = { data, name, attributes in
    let events = Unmanaged<XMLEvents>.fromOpaque(data!).takeUnretainedValue()
    events.start(XMLName(pointer: name!), XMLAttributes(list: attributes!))
}

private let xmlEnd: XML_EndElementHandler = { data, name in
    Unmanaged<XMLEvents>.fromOpaque(data!).takeUnretainedValue().end(XMLName(pointer: name!))
}

private let xmlText: XML_CharacterDataHandler = { data, text, length in
    let bytes = UnsafeRawPointer(text!).assumingMemoryBound(to: UInt8.self)
    Unmanaged<XMLEvents>.fromOpaque(data!).takeUnretainedValue().text(UnsafeBufferPointer(start: bytes, count: Int(length)))
}
