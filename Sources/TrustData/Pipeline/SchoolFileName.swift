import Foundation

/// The file name of a school's workbook, `<URN>-<school name>.xlsx`, valid for any name: letters
/// beyond ASCII are transliterated rather than dropped (é → e, ß → ss, ŵ → w, Москва → moskva,
/// 北京 → bei-jing), and the name is shortened to fit the file-system limit of 255 bytes, leaving room
/// for the temporary name a workbook is written under (`.<name>.tmp-<pid>-<n>`). The URN in front
/// keeps every school's name unique however the rest is shortened (URNs are unique in the register).
public enum SchoolFileName {
    /// 255 bytes less the temporary name's extra `.` and `.tmp-<pid>-<UInt32>` (at most 28 bytes).
    public static let maxBytes = 255 - 28

    public static func workbook(urn: String, name: String) -> String {
        let head = SchoolFileName.safeComponent(urn)
        var slug = SchoolFileName.slug(name)
        let room = maxBytes - head.utf8.count - "-".utf8.count - ".xlsx".utf8.count
        if slug.utf8.count > room {
            slug = String(slug.utf8.prefix(max(room, 0)))! // ASCII, so any prefix is whole characters
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? "\(head).xlsx" : "\(head)-\(slug).xlsx"
    }

    /// Lower-case ASCII letters and digits, words joined by `-`: `St Mary's C of E Primary` →
    /// `st-marys-c-of-e-primary`, `Ysgol Gymraeg Llundain, Pen-y-bryn (Ŵ)` → `ysgol-gymraeg-llundain-pen-y-bryn-w`.
    public static func slug(_ text: String) -> String {
        let latin = ascii(text)
        var out = ""
        var pendingDash = false
        for scalar in latin.lowercased().unicodeScalars {
            if scalar == "'" { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "school" : out
    }

    /// The text in ASCII letters: ICU's `Any-Latin; Latin-ASCII` transliterates every script to Latin and
    /// Latin letters to ASCII (ß → ss, æ → ae, ł → l); where it is unavailable, Foundation's `toLatin`
    /// and `stripDiacritics` do most of it. Apostrophes go first so `St Mary’s` stays one word.
    static func ascii(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "’", with: "'")
        if let full = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) { return full }
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
    }

    /// A URN as a file-name part: digits and letters only (the register checks URNs are six digits).
    static func safeComponent(_ urn: String) -> String {
        let kept = urn.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return kept.isEmpty ? "school" : String(String.UnicodeScalarView(kept.prefix(32)))
    }
}
