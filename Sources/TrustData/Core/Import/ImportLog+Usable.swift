extension ImportLog {
    /// The first input that gives the run nothing, as the error that stops it: a file whose every row
    /// was rejected (named with its commonest reason, the first row it rejected for it, and how many
    /// rows each other reason took), or a results input with no rows for the pipeline's year. Workbooks
    /// from such inputs would be empty or lead with the wrong year while looking finished.
    public func unusableInput() -> ImportError? {
        for s in stats where s.rowsRead > 0 && s.rowsAccepted == 0 {
            let rejected = issues.filter { $0.file == s.file && $0.severity == .rejected }
            var counts: [IssueCode: Int] = [:]
            for issue in rejected { counts[issue.code, default: 0] += 1 }
            // The commonest reason; on a tie the one met first in the file.
            let order = rejected.map(\.code)
            guard let top = counts.max(by: { ($0.value, -order.firstIndex(of: $0.key)!) < ($1.value, -order.firstIndex(of: $1.key)!) }),
                  let example = rejected.first(where: { $0.code == top.key }) else { continue }
            let place = [example.line.map { (s.sheet == nil ? "line " : "row ") + String($0) }, example.column.map { "column \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            let others = counts.filter { $0.key != top.key }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.value) \($0.key.rawValue)" }
            let reason = "all \(s.rowsRead) row\(s.rowsRead == 1 ? " was" : "s were") rejected. The commonest reason, "
                + "\(top.value) row\(top.value == 1 ? "" : "s") (\(top.key.rawValue)), first at \(place.isEmpty ? "the file" : place): \(example.message)"
                + (others.isEmpty ? "" : " Other reasons: \(others.joined(separator: ", ")).")
            return .unusable(dataset: s.dataset, path: s.file, reason: reason)
        }
        if let year = issues.first(where: { $0.code == .noRowsForYear }) {
            return .noRowsForYear(paths: year.file, message: year.message)
        }
        return nil
    }
}
