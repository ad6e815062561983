/// Decodes the five fields of an attendance-marks row from bytes, without making a String per row.
///
/// `field(_:_:_:)` is the one place that touches the CSV row: the libcsv `CSVRow` exposes
/// `withFieldBytes` for exactly this, so switching from the stand-in reader is a one-line change there.
public enum MarkRowDecoder {
    public typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Hands the raw bytes of field `i` to `body`.
    @inline(__always)
    static func field<T>(_ row: CSVRow, _ i: Int, _ body: (Bytes) -> T) -> T {
        // The row's own bytes, no String per field (a String per field was 3% of the marks import).
        row.withFieldBytes(i) { raw in body(raw.bindMemory(to: UInt8.self)) }
    }

    /// Hands the raw bytes of field `i` of a reader's row view to `body` (same bytes as the `CSVRow` form).
    @inline(__always)
    static func field<T>(_ row: CSVRawRow, _ i: Int, _ body: (Bytes) -> T) -> T {
        body(row.field(i))
    }

    @inline(__always)
    static func trimmed(_ b: Bytes) -> Bytes {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D { hi -= 1 }
        return Bytes(rebasing: b[lo..<hi])
    }

    @inline(__always)
    static func digit(_ b: UInt8) -> Int? { b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil }

    /// A six-digit URN as an integer.
    public static func urn(_ raw: Bytes) -> UInt32? {
        let b = trimmed(raw)
        guard b.count == 6 else { return nil }
        var v: UInt32 = 0
        for c in b {
            guard let d = digit(c) else { return nil }
            v = v * 10 + UInt32(d)
        }
        return v
    }

    /// A mark's UPN cell packed (`UPN.packed`), spaces and tabs around it ignored; the check letter is
    /// validated once per pupil, not per row.
    public static func upn(_ raw: Bytes) -> UInt64? { UPN.packed(trimmed(raw)) }

    /// `yyyy-mm-dd` (optionally followed by a time) or `dd/mm/yyyy` / `d/m/yyyy`.
    public static func date(_ raw: Bytes) -> CalendarDate? {
        let b = trimmed(raw)
        func number(_ lo: Int, _ hi: Int) -> Int? { ValueParsers.digits(b, lo, hi) }
        if b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, b.count == 10 || b[10] == 0x54 || b[10] == 0x20 {
            guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
        guard let s1 = b.firstIndex(of: 0x2F) else { return nil }
        guard let s2 = b[(s1 + 1)...].firstIndex(of: 0x2F), b.count - s2 - 1 == 4,
              (1...2).contains(s1), (1...2).contains(s2 - s1 - 1),
              let d = number(0, s1), let m = number(s1 + 1, s2), let y = number(s2 + 1, b.count) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// AM/PM (also A/P, any case): false for the morning, true for the afternoon.
    @inline(__always)
    public static func isAfternoon(_ raw: Bytes) -> Bool? {
        // Nearly every mark says AM or PM (either case): two bytes compared at once, inline; the
        // same test as below (`| 0x20` on both bytes), so anything else gets the same answer there.
        if raw.count == 2, let base = raw.baseAddress {
            switch UnsafeRawPointer(base).loadUnaligned(as: UInt16.self) | 0x2020 {
            case 0x6D61: return false   // "am"
            case 0x6D70: return true    // "pm"
            default: break
            }
        }
        return anyIsAfternoon(raw)
    }

    @inline(never)
    static func anyIsAfternoon(_ raw: Bytes) -> Bool? {
        let b = trimmed(raw)
        guard b.count == 1 || (b.count == 2 && (b[1] | 0x20) == 0x6D) else { return nil }
        switch b[0] | 0x20 {
        case 0x61: return false
        case 0x70: return true
        default: return nil
        }
    }

    /// The register code packed for `AttendanceCodeTable.classify(packed:day:)`; 0 when blank,
    /// `UInt32.max` when longer than any code.
    @inline(__always)
    public static func code(_ raw: Bytes) -> UInt32 {
        // Nearly every code is one byte: packed inline unless trimming would remove it.
        if raw.count == 1, let b = raw.first, b != 0x20 && b != 0x09 && b != 0x0D { return UInt32(b) }
        return anyCode(raw)
    }

    @inline(never)
    static func anyCode(_ raw: Bytes) -> UInt32 {
        let b = trimmed(raw)
        if b.isEmpty { return 0 }
        return AttendanceCodeTable.pack(b) ?? UInt32.max
    }
}
