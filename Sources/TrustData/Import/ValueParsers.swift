/// The value formats MIS and DfE exports use, turned into types. Each returns nil for text it does not
/// recognise so the caller can reject the row with the column and value.
public enum ValueParsers {
    /// Y/N, Yes/No, T/F, True/False, 1/0 (any case).
    public static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "t", "true", "1": return true
        case "n", "no", "f", "false", "0": return false
        default: return nil
        }
    }

    public static func gender(_ text: String) -> Gender? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "f", "female", "girl": return .female
        case "m", "male", "boy": return .male
        default: return nil
        }
    }

    /// Census SEN provision codes N/K/E, and the words some MIS exports write instead.
    public static func sen(_ text: String) -> SENStatus? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "n", "none", "no sen", "no special educational need": return SENStatus.none
        case "k", "sen support", "support": return .support
        case "e", "ehcp", "ehc plan", "education, health and care plan", "s": return .ehcp
        default: return nil
        }
    }

    /// EAL columns are either a flag or a first language: `English` means not EAL, any other language means EAL.
    public static func eal(_ text: String) -> Bool? {
        if let flag = bool(text) { return flag }
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lower {
        case "": return nil
        case "english", "eng", "english (believed to be)", "believed to be english": return false
        case "not known", "unknown", "information not obtained", "refused", "nk": return nil
        default: return lower.allSatisfy({ $0.isLetter || $0 == " " || $0 == "(" || $0 == ")" || $0 == "-" }) ? true : nil
        }
    }

    /// NC year group: `6`, `Y6`, `Year 6`; reception `R`/`Reception` is 0.
    public static func yearGroup(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "r" || t == "reception" || t == "rec" { return 0 }
        for prefix in ["year ", "year", "yr ", "yr", "y"] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
            break
        }
        guard let n = Int(t), (0...14).contains(n) else { return nil }
        return n
    }

    public static func integer(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces))
    }

    /// Numbers as exports write them: `1,234.5`, `£1,234`, `-£500`, `(500)` for a negative in finance exports.
    public static func decimal(_ text: String) -> Double? {
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
