/// Keeps the first `limit` issues of each code in full and counts the rest, so a systematic fault in a
/// file of millions of rows is reported without the issue list growing with the file.
struct IssueBudget {
    let limit: Int
    let file: String
    private(set) var kept: [DataQualityIssue] = []
    private(set) var counts: [IssueCode: Int] = [:]
    private var severities: [IssueCode: DataQualityIssue.Severity] = [:]

    init(limit: Int, file: String) {
        self.limit = max(0, limit)
        self.file = file
    }

    /// Counts one issue; true when it should be listed in full (then call `add`).
    mutating func wants(_ code: IssueCode) -> Bool {
        let n = counts[code, default: 0] + 1
        counts[code] = n
        return n <= limit
    }

    mutating func add(_ issue: DataQualityIssue) {
        severities[issue.code] = issue.severity
        kept.append(issue)
    }

    /// Counts `n` more issues of `code` that are not listed (merging a later part's budget).
    mutating func countMore(_ code: IssueCode, _ n: Int) {
        guard n > 0 else { return }
        counts[code, default: 0] += n
    }

    var total: Int { counts.values.reduce(0, +) }
    func count(_ code: IssueCode) -> Int { counts[code, default: 0] }

    /// The listed issues plus one summary per code that went over the limit, in code order.
    func issues() -> [DataQualityIssue] {
        var all = kept
        for (code, n) in counts.sorted(by: { $0.key < $1.key }) where n > limit {
            all.append(DataQualityIssue(
                file: file, line: nil, column: nil, value: "\(n - limit) more", code: code,
                message: "\(n) rows have this problem (\(code.rawValue)); the first \(limit) are listed, the other \(n - limit) are not.",
                severity: severities[code] ?? .warning))
        }
        return all
    }
}
