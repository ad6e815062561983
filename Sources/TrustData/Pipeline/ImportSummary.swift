/// The table `trustdata validate` prints: one line per input file, then issue counts by code.
public enum ImportSummary {
    public static func table(_ log: ImportLog) -> String {
        var lines: [String] = []
        let width = max(4, log.stats.map(\.file.count).max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func num(_ v: Int) -> String { let s = String(v); return String(repeating: " ", count: max(0, 9 - s.count)) + s }
        lines.append(pad("file", width) + "       read  accepted  rejected  warnings")
        for s in log.stats {
            lines.append(pad(s.file, width) + "  " + num(s.rowsRead) + " " + num(s.rowsAccepted) + " " + num(s.rowsRejected) + " " + num(s.warnings)
                         + (s.encoding == TextEncoding.utf8.rawValue ? "" : "  (\(s.encoding))"))
        }
        let counts = Dictionary(log.issues.map { ($0.code, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }
        if !counts.isEmpty {
            lines.append("")
            lines.append("issues by code:")
            for (code, n) in counts { lines.append("  " + pad(code.rawValue, 24) + num(n)) }
        }
        return lines.joined(separator: "\n")
    }
}
