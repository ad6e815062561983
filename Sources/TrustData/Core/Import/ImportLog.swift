/// The import stage's books: every file's row accounting and every data-quality issue, in file order.
public struct ImportLog: Sendable {
    public private(set) var stats: [ImportStats] = []
    public private(set) var issues: [DataQualityIssue] = []

    public init() {}

    /// Records an importer's accounting and issues and hands back its records.
    public mutating func take<Record>(_ outcome: ImportOutcome<Record>) -> [Record] {
        stats.append(outcome.stats)
        issues += outcome.issues
        return outcome.records
    }

    public mutating func record(_ stats: ImportStats, _ issues: [DataQualityIssue]) {
        self.stats.append(stats)
        self.issues += issues
    }

    public mutating func add(_ issues: [DataQualityIssue]) { self.issues += issues }

    /// Appends another log's books after this one's (slices read concurrently keep separate logs).
    public mutating func append(_ other: ImportLog) {
        stats += other.stats
        issues += other.issues
    }

    public var rowsRejected: Int { stats.reduce(0) { $0 + $1.rowsRejected } }

    /// Rewrites issues in place (their order and number never change).
    mutating func updateIssues(_ body: (inout DataQualityIssue) -> Void) {
        for i in issues.indices { body(&issues[i]) }
    }
}

extension ImportLog {
    /// Rejects rows a file's importer had accepted (a slice's `finish` refusing them once the roster is
    /// read): the issues are recorded and each row moves from accepted to rejected in its file's books,
    /// so rows read = accepted + rejected still holds.
    public mutating func rejectAccepted(_ rejections: [DataQualityIssue]) {
        for issue in rejections {
            if let i = stats.lastIndex(where: { $0.file == issue.file }) {
                stats[i].rowsAccepted -= 1
                stats[i].rowsRejected += 1
            }
        }
        add(rejections)
    }
}
