/// Pupils whose rows were rejected, by dataset and school: those pupils are missing from the cohort of
/// every figure of that dataset, so the figure says so next to itself ("3 pupils left out: data
/// problems, see Data quality") and a tier decision resting on it says so too.
///
/// A pupil is counted once per dataset and school however many of their rows were rejected (by UPN;
/// a rejected row with no readable UPN counts as one pupil by its file and line). Rejected rows carry no
/// trustworthy year, so the counts are attached to the pipeline's academic year. A rejected row with no
/// readable URN cannot be placed at a school and counts for the trust only, as does a row claiming a
/// school for a pupil on another school's roll (`pupil_at_another_school`). A rejected duplicate leaves
/// nobody out (the first row is used). Which files' rows count, and which figures they mark, each slice
/// says in its `rowBooks` (a rejected attendance mark removes a session, not a pupil: its book has no
/// `leftOut`).
public struct RejectedPupils: Sendable {
    /// The names pupils are counted under and the measure prefixes they mark (the slices' row books
    /// with `leftOut`, registry order).
    private let datasets: [(name: String, prefixes: [String])]
    /// Dataset → URN (nil for none) → pupil keys.
    private var pupils: [String: [String?: Set<String>]] = [:]
    public let year: AcademicYear

    /// `books`: the run's row books (`SliceRegistry.rowBooks`).
    init(issues: [DataQualityIssue], books: [RunRowBook], year: AcademicYear) {
        self.year = year
        var datasetOf: [String: String] = [:]
        var datasets: [(name: String, prefixes: [String])] = []
        for book in books {
            guard let leftOut = book.leftOut else { continue }
            for file in book.files { datasetOf[file] = leftOut.name }
            if !datasets.contains(where: { $0.name == leftOut.name }) { datasets.append(leftOut) }
        }
        self.datasets = datasets
        let keepsThePupil: Set<IssueCode> = [.duplicateRow, .duplicateKey, .duplicateSession]
        for i in issues where i.severity == .rejected && !keepsThePupil.contains(i.code) {
            guard let dataset = datasetOf[i.file] else { continue }
            let key = i.upn ?? "\(i.file):\(i.line ?? 0)"
            // A row claiming a school for another school's pupil is not that school's pupil left out:
            // it counts for the trust only (its pupil is missing from the pooled figures).
            let urn = i.code == .pupilAtAnotherSchool ? nil : i.urn
            pupils[dataset, default: [:]][urn, default: []].insert(key)
        }
    }

    public init(issues: [DataQualityIssue], inputs: InputFiles, year: AcademicYear) {
        self.init(issues: issues, books: SliceRegistry.rowBooks(nil, inputs: inputs, year: year), year: year)
    }

    /// Pupils left out of `dataset` at `urn`; the trust (`urn` nil) counts every school and no school.
    public func count(_ dataset: String, urn: String?) -> Int {
        guard let bySchool = pupils[dataset] else { return 0 }
        if let urn { return bySchool[urn]?.count ?? 0 }
        return bySchool.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
    }

    public var isEmpty: Bool { pupils.isEmpty }

    /// Sets `leftOut` on the pipeline year's rows of each dataset (`urn` nil: the trust's rows).
    public func mark(_ rows: inout [MeasureRow], urn: String?) {
        guard !isEmpty else { return }
        let yearText = year.description
        for (name, prefixes) in datasets {
            let n = count(name, urn: urn)
            guard n > 0 else { continue }
            for i in rows.indices where rows[i].year == yearText && prefixes.contains(where: { rows[i].measure.hasPrefix($0) }) {
                rows[i].leftOut = n
            }
        }
    }

    /// "3 pupils left out: data problems, see Data quality": the words shown next to a figure.
    public static func note(_ n: Int?) -> String? {
        guard let n, n > 0 else { return nil }
        return "\(n) pupil\(n == 1 ? "" : "s") left out: data problems, see Data quality"
    }
}
