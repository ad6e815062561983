/// The withheld-figure rule, one for every dataset: when more than half of a school's rows of a dataset
/// were rejected, that dataset's figures for the school are withheld and say why (`WithholdableReport`).
/// Past half, most of the school's rows are missing from the figures, so a percentage over what is left
/// describes a few pupils, not the school.
///
/// A school's rows are the rows counted for it plus the rejected rows with its URN that its own workbook
/// shows (`SchoolIssues`: a row claiming it for another school's pupil is not its row). Rejected rows
/// carry no trustworthy year, so, as for pupils left out (`RejectedPupils`), they are attached to the
/// pipeline's year: KS2, phonics and attendance-summary rows counted are that year's, and that year's
/// figures are withheld. Attendance marks are counted over every year in the files, and every
/// attendance figure of the school is withheld (a marks file is one run of the register). Each slice
/// lists its files' books (`Slice.rowBooks`); the rule loops over them.
public struct WithheldFigures: Sendable {
    /// More than this share of a school's rows rejected withholds its figures.
    public static let above = 0.5

    /// The run's row books (`SliceRegistry.rowBooks`) of slices that read rows, in registry order.
    let books: [RunRowBook]

    /// `books`: the run's row books, made with the dataset (so that rows are counted).
    init(books: [RunRowBook]) {
        self.books = books.filter { $0.counted != nil }
    }

    public init(dataset: TrustDataset, inputs: InputFiles, year: AcademicYear) {
        self.init(books: SliceRegistry.rowBooks(dataset, inputs: inputs, year: year))
    }

    /// Withholds what the rule says in `report`; `issues`: the school's own (`SchoolIssues.issues(for:)`).
    /// Books in order, each skipped once its slice's part is withheld: an earlier (wider) reason is kept.
    public func apply(to report: inout SchoolReport, issues: [DataQualityIssue]) {
        let urn = report.school.urn
        for book in books {
            guard !book.files.isEmpty, book.isWithheld(report) == false,
                  let (reason, short) = Self.withheld(book, urn: urn, issues: issues) else { continue }
            book.withhold(&report, reason, short, book.year?.description)
        }
    }

    /// Why `urn`'s figures of `book`'s files are withheld, or nil. `reason` is for the sheet; `short` fits a
    /// figure's cell (measures.csv's `text`, the academy card).
    static func withheld(_ book: RunRowBook, urn: String, issues: [DataQualityIssue]) -> (reason: String, short: String)? {
        var rejected = 0
        for issue in issues where issue.severity == .rejected && issue.urn == urn && book.files.contains(issue.file) { rejected += 1 }
        let total = (book.counted?[urn] ?? 0) + rejected
        guard total > 0, Double(rejected) > above * Double(total) else { return nil }
        let pct = Int((Double(rejected) / Double(total) * 100).rounded())
        let year = book.year.map { " for \($0)" } ?? ""
        return ("Withheld: \(rejected) of this school's \(total) \(book.words) rows\(year) (\(pct)%) were rejected, more than half, so the figures would describe only what is left. Fix the rows listed in data-quality.csv and run again.",
                "Withheld: \(rejected) of \(total) \(book.short) rows rejected (\(pct)%)")
    }
}

