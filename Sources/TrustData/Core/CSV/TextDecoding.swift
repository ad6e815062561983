enum TextDecoding {
    /// No byte has its high bit set; eight bytes at a time (a 64 KiB chunk costs a few microseconds).
    static func isASCII(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        var high: UInt64 = 0
        let raw = UnsafeRawPointer(p)
        while i + 32 <= count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            i += 32
        }
        while i + 8 <= count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < count {
            high |= UInt64(p[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    static func isASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = s.baseAddress else { return true }
        return isASCII(base, s.count)
    }

    /// Strict UTF-8 check (rejects overlongs, surrogates and code points above U+10FFFF) so that
    /// Windows-1252 text which happens to contain high bytes is never half-decoded.
    static func isValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        while i < n {
            let b0 = s[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 >= 0xC2 && b0 <= 0xDF {
                guard i + 1 < n, s[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b0 >= 0xE0 && b0 <= 0xEF {
                guard i + 2 < n, s[i + 1] & 0xC0 == 0x80, s[i + 2] & 0xC0 == 0x80 else { return false }
                if b0 == 0xE0 && s[i + 1] < 0xA0 { return false }
                if b0 == 0xED && s[i + 1] >= 0xA0 { return false }
                i += 3
            } else if b0 >= 0xF0 && b0 <= 0xF4 {
                guard i + 3 < n, s[i + 1] & 0xC0 == 0x80, s[i + 2] & 0xC0 == 0x80, s[i + 3] & 0xC0 == 0x80 else { return false }
                if b0 == 0xF0 && s[i + 1] < 0x90 { return false }
                if b0 == 0xF4 && s[i + 1] >= 0x90 { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// 0x80–0x9F of Windows-1252; the five unassigned bytes map to the matching C1 controls,
    /// as browsers do, so nothing is dropped.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func appendWindows1252(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for b in s {
            let scalar: UInt32
            if b < 0x80 {
                out.append(b)
                continue
            } else if b < 0xA0 {
                scalar = UInt32(windows1252High[Int(b) - 0x80])
            } else {
                scalar = UInt32(b)
            }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}
