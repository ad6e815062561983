/// UTF-16 bytes to UTF-8, fed in pieces of any size (a code unit or a surrogate pair may be split
/// between reads). A lone surrogate becomes U+FFFD, as every decoder does.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var oddByte: UInt8?
    private var highSurrogate: UInt32?

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        if let first = oddByte, !input.isEmpty {
            oddByte = nil
            take(unit(first, input[0]), into: &out)
            i = 1
        }
        while i + 1 < input.count {
            take(unit(input[i], input[i + 1]), into: &out)
            i += 2
        }
        if i < input.count { oddByte = input[i] }
    }

    /// At the end of the input: a dangling half is replaced, not dropped silently.
    mutating func finish(into out: inout [UInt8]) {
        if highSurrogate != nil || oddByte != nil { append(0xFFFD, to: &out) }
        highSurrogate = nil
        oddByte = nil
    }

    @inline(__always)
    private func unit(_ a: UInt8, _ b: UInt8) -> UInt32 {
        bigEndian ? UInt32(a) << 8 | UInt32(b) : UInt32(b) << 8 | UInt32(a)
    }

    private mutating func take(_ u: UInt32, into out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if u >= 0xDC00 && u <= 0xDFFF {
                append(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), to: &out)
                return
            }
            append(0xFFFD, to: &out)
        }
        if u >= 0xD800 && u <= 0xDBFF { highSurrogate = u; return }
        append(u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u, to: &out)
    }

    private func append(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case ..<0x80:
            out.append(UInt8(s))
        case ..<0x800:
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18)))
            out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }
}
