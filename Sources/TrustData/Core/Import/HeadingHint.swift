/// The "closest heading" a missing-column message suggests: only a heading that could really be the
/// column. Never one another column already uses (or whose name is another column's), never one that
/// holds a different kind of value (a year for a count, a number for a name), never a poor match.
/// When no heading is clearly the one, there is no hint and the message lists the file's headings.
enum HeadingHint {
    /// What a column holds, from the words of its name or heading.
    enum Kind: Equatable { case year, date, identifier, name, count, percent, code }

    static func kind(_ text: String) -> Kind? {
        let lower = text.lowercased()
        if lower.contains("%") || lower.contains("percent") || lower.contains("rate") { return .percent }
        let words = Set(lower.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        if words.contains("date") || words.contains("dob") || words.contains("birth") && !words.contains("year") { return .date }
        if words.contains("year") && (words.contains("group") || words.contains("nc")) { return .code }
        if words.contains("year") || words.contains("yr") { return .year }
        if !words.isDisjoint(with: ["urn", "upn", "laestab", "number", "no", "id", "code"]) && !words.contains("name") { return .identifier }
        if !words.isDisjoint(with: ["name", "surname", "forename"]) { return .name }
        if !words.isDisjoint(with: ["sessions", "session", "count", "pupils", "absence", "absences", "capacity", "possible",
                                     "present", "attended", "authorised", "unauthorised", "score", "mark", "marks"]) { return .count }
        return nil
    }

    /// The heading to suggest for the missing column `spec`, or nil when none is clearly it.
    /// `taken`: positions of headings other columns use or are named by.
    static func closest(to spec: ColumnSpec, header: [String], taken: Set<Int>) -> String? {
        let names = ([spec.name] + spec.aliases).map(DatasetSchema.normalise)
        let words = spec.name.split(separator: "_").map(String.init)
        let wanted = kind(spec.name)
        var scored: [(index: Int, distance: Int)] = []
        for i in header.indices where !taken.contains(i) {
            let heading = DatasetSchema.normalise(header[i])
            guard !heading.isEmpty else { continue }
            if let wanted, let found = kind(header[i]), found != wanted { continue }
            // `Name of school` holds every word of `school_name`: as good as a one-letter typo.
            if words.count > 1 && words.allSatisfy({ heading.contains($0) }) {
                scored.append((i, 1))
                continue
            }
            // A close spelling: at most a third of the name's letters differ (`Surnme`, `Forname`).
            let best = names.map { (HeaderMap.editDistance($0, heading), $0.count) }.min { $0.0 < $1.0 }!
            if best.0 <= max(1, best.1 / 3) { scored.append((i, best.0)) }
        }
        guard let top = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        // Two headings equally close: unsure, so no hint (the message lists the headings).
        guard scored.filter({ $0.distance == top.distance }).count == 1 else { return nil }
        return header[top.index]
    }
}
