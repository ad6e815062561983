/// The words sheets put beside figures so that a reader knows what they are compared with and what is
/// missing from them: which DfE national figure (basis and period), the period a part-year figure
/// covers, and how many pupils rejected rows left out. Built from the figures' own `MeasureRow`s, so a
/// sheet says exactly what `measures.csv` says.
public enum FigureNotes {
    /// "National: LA tables (England row, LAIT)" for the distinct bases of `rows` (nil when none has a
    /// national figure or a reason for lacking one).
    public static func basis(_ rows: [MeasureRow?]) -> String? {
        var seen: [String] = []
        for case let r? in rows {
            guard var b = r.nationalBasis else { continue }
            // A reason for having no national figure names the figure it is about.
            if b.hasPrefix("no national") || b.hasPrefix("not published") {
                b = "\(MeasureCatalog.definition(r.measure)?.title ?? r.measure) — \(b)"
            }
            if !seen.contains(b) { seen.append(b) }
        }
        guard !seen.isEmpty else { return nil }
        return "National: " + seen.joined(separator: "; ")
    }

    /// "Year to date to 20/12/2024" for the distinct periods of `rows` (nil when none states one).
    public static func period(_ rows: [MeasureRow?]) -> String? {
        var seen: [String] = []
        for r in rows { if let p = r?.period, !seen.contains(p) { seen.append(p) } }
        guard !seen.isEmpty else { return nil }
        let text = seen.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "3 pupils left out: data problems, see Data quality" (the largest count among `rows`).
    public static func leftOut(_ rows: [MeasureRow?]) -> String? {
        RejectedPupils.note(rows.compactMap { $0?.leftOut }.max())
    }

    /// Period, basis and left-out notes joined, for a block or sheet heading; nil when there is nothing to say.
    public static func all(_ rows: [MeasureRow?]) -> String? {
        let parts = [period(rows), basis(rows), leftOut(rows)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ". ") + "."
    }
}
