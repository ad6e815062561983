extension AttendanceSlice {
    /// `trustdata init`: the marks in any of the three layouts `MarksLayout` reads (the long layout by
    /// its schema; a weekly-string or one-column-per-session file by its dated headings, which its
    /// schema cannot name), and the summary, census-style or with a present count.
    public static func recognise(_ sample: ExportSample, fixedValuesSupported: Bool) -> [ExportMatch] {
        var matches = schemas.map { ExportRecogniser.match(sample, schema: $0, fixedValuesSupported: fixedValuesSupported) }
        guard let (layout, columns) = wideLayout(sample) else { return matches }
        let dated = Set(columns.map(\.position))
        let first = columns.map(\.date).min()!, last = columns.map(\.date).max()!
        let words = layout == .weekly
            ? "weekly strings: one row per pupil, \(columns.count) week column\(columns.count == 1 ? "" : "s") (w/c \(first.uk) to w/c \(last.uk))"
            : "one column per session: one row per pupil, \(columns.count) session column\(columns.count == 1 ? "" : "s") (\(first.uk) to \(last.uk))"
        matches.append(ExportRecogniser.match(sample, schema: AttendanceMarksImporter.wideSchema(), layout: words,
                                              fixedValuesSupported: fixedValuesSupported, laidOut: dated))
        return matches
    }

    enum WideKind { case weekly, sessions }

    /// The wide layout of a sample's headings and its dated columns; nil when it is not one (no URN or
    /// UPN heading, no dated heading, or weeks and sessions mixed, which the import refuses).
    static func wideLayout(_ sample: ExportSample) -> (WideKind, [MarksLayout.WideColumn])? {
        guard let (map, _) = try? HeaderMap.resolve(header: sample.headings, schema: AttendanceMarksImporter.wideSchema(), path: sample.path),
              let layout = try? MarksLayout.detect(map, path: sample.path) else { return nil }
        switch layout {
        case .long: return nil
        case .weekly(let columns): return (.weekly, columns)
        case .sessions(let columns): return (.sessions, columns)
        }
    }
}
