import Foundation
import Testing
@testable import TrustData

/// The byte-level fast paths in `ValueParsers` and `UPN.validate` against the Foundation/Character
/// versions they replaced (kept here verbatim as the reference), over seeded random cells: the same
/// answer for every input, ASCII or not.
@Suite struct ValueParserFastPathTests {
    enum Reference {
        static func bool(_ text: String) -> Bool? {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes", "t", "true", "1": return true
            case "n", "no", "f", "false", "0": return false
            default: return nil
            }
        }
        static func gender(_ text: String) -> Gender? {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "f", "female", "girl": return .female
            case "m", "male", "boy": return .male
            default: return nil
            }
        }
        static func sen(_ text: String) -> SENStatus? {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "n", "none", "no sen", "no special educational need": return SENStatus.none
            case "k", "sen support", "support": return .support
            case "e", "ehcp", "ehc plan", "education, health and care plan", "s": return .ehcp
            default: return nil
            }
        }
        static func eal(_ text: String) -> Bool? {
            if let flag = bool(text) { return flag }
            let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
            switch lower {
            case "": return nil
            case "english", "eng", "english (believed to be)", "believed to be english": return false
            case "not known", "unknown", "information not obtained", "refused", "nk": return nil
            default: return lower.allSatisfy({ $0.isLetter || $0 == " " || $0 == "(" || $0 == ")" || $0 == "-" }) ? true : nil
            }
        }
        static func yearGroup(_ text: String) -> Int? {
            var t = text.trimmingCharacters(in: .whitespaces).lowercased()
            if t == "r" || t == "reception" || t == "rec" { return 0 }
            for prefix in ["year ", "year", "yr ", "yr", "y"] where t.hasPrefix(prefix) {
                t = String(t.dropFirst(prefix.count))
                break
            }
            guard let n = Int(t), (0...14).contains(n) else { return nil }
            return n
        }
        static func integer(_ text: String) -> Int? { Int(text.trimmingCharacters(in: .whitespaces)) }
        static func decimal(_ text: String) -> Double? {
            var t = text.trimmingCharacters(in: .whitespaces)
            var negative = false
            if t.hasPrefix("(") && t.hasSuffix(")") {
                negative = true
                t = String(t.dropFirst().dropLast())
            }
            if t.hasPrefix("-") {
                negative.toggle()
                t = String(t.dropFirst())
            }
            t = t.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
            guard !t.isEmpty, t.first != "-", let v = Double(t), v.isFinite else { return nil }
            return negative ? -v : v
        }
    }

    static let words = ["y", "yes", "t", "true", "1", "n", "no", "f", "false", "0", "female", "girl", "m", "male", "boy",
                        "none", "no sen", "no special educational need", "k", "sen support", "support", "e", "ehcp",
                        "ehc plan", "education, health and care plan", "s", "english", "eng", "english (believed to be)",
                        "believed to be english", "not known", "unknown", "information not obtained", "refused", "nk",
                        "polish", "urdu-punjabi", "r", "reception", "rec", "year 6", "year6", "yr 3", "yr3", "y6", "6",
                        "14", "15", "-0", "+3", "year -0", "y+1", "00012", "99999999999999999999", "-9223372036854775808",
                        "1,234.5", "(500)", "-500", "--5", "(-5)", "-(5)", "()", "(", ")", "1e3", "inf", "nan", "0x1p3",
                        ",", "1,,2", ".5", "5.", "+", "-", ""]
    static let pieces = [" ", "\t", "\r\n", "\r", "\n", "\u{00A0}", "\u{212A}", "£", "é", "e\u{301}", "İ", "ß", "(", ")",
                         "-", ",", ".", "+", "A", "z", "7", "\u{2003}", "\u{0}"]

    struct Rng { var s: UInt64; mutating func next(_ n: Int) -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) } }

    static func cells(count: Int) -> [String] {
        var rng = Rng(s: 42)
        var out: [String] = []
        for _ in 0..<count {
            var w = words[rng.next(words.count)]
            w = String(w.map { rng.next(3) == 0 ? Character($0.uppercased()) : $0 })
            var cell = ""
            for _ in 0..<rng.next(3) { cell += pieces[rng.next(pieces.count)] }
            if rng.next(4) == 0 { var chars = Array(w); if !chars.isEmpty { chars.insert(contentsOf: pieces[rng.next(pieces.count)], at: rng.next(chars.count + 1)) }; w = String(chars) }
            cell += w
            for _ in 0..<rng.next(3) { cell += pieces[rng.next(pieces.count)] }
            out.append(cell)
        }
        return out
    }

    @Test func parsersMatchTheReference() {
        for cell in Self.cells(count: 60_000) {
            #expect(ValueParsers.bool(cell) == Reference.bool(cell), "bool \(cell.debugDescription)")
            #expect(ValueParsers.gender(cell) == Reference.gender(cell), "gender \(cell.debugDescription)")
            #expect(ValueParsers.sen(cell) == Reference.sen(cell), "sen \(cell.debugDescription)")
            #expect(ValueParsers.eal(cell) == Reference.eal(cell), "eal \(cell.debugDescription)")
            #expect(ValueParsers.yearGroup(cell) == Reference.yearGroup(cell), "yearGroup \(cell.debugDescription)")
            #expect(ValueParsers.integer(cell) == Reference.integer(cell), "integer \(cell.debugDescription)")
            let d = ValueParsers.decimal(cell), r = Reference.decimal(cell)
            #expect(d?.bitPattern == r?.bitPattern, "decimal \(cell.debugDescription)")
        }
    }

    @Test func upnMatchesTheReference() {
        var rng = Rng(s: 7)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz \t")
        for i in 0..<60_000 {
            var rest = (0..<12).map { _ in Character(String(rng.next(10))) }
            if rng.next(3) == 0 { rest[11] = UPN.checkLetters[rng.next(23)] }
            var chars = [UPN.checkLetter(for: rest)] + rest
            if rng.next(2) == 0 { chars[rng.next(13)] = alphabet[rng.next(alphabet.count)] }
            if rng.next(3) == 0 { chars = chars.map { rng.next(2) == 0 ? Character($0.lowercased()) : $0 } }
            if rng.next(4) == 0 { chars.insert(contentsOf: Self.pieces[rng.next(Self.pieces.count)], at: rng.next(chars.count + 1)) }
            if rng.next(8) == 0 { chars.removeLast(rng.next(3)) }
            let text = (i % 5 == 0 ? " " : "") + String(chars) + (i % 7 == 0 ? "\t" : "")
            #expect(UPN.validate(text) == UPN.validateUnicode(text), "\(text.debugDescription)")
        }
    }
}
