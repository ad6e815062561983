/// A school's "KS2" sheet: headline table (3+ years, school vs LA vs national vs target, RAG by
/// difference from national), groups, disadvantaged gaps three ways, and the FFT-style summary.
struct KS2SchoolSheet {
    let report: KS2SchoolReport
    let school: School
    let context: AnalysisContext

    func write(into workbook: Workbook) throws {
        let ws = try workbook.addWorksheet("KS2")
        // Widths first: rows of wrapped text are sized against them as they are written.
        try ws.setColumnWidth(0, 0, 22)
        try ws.setColumnWidth(1, 1, 30)
        try ws.setColumnWidth(2, 20, 12) // room for "not published" beside a group figure
        let index = MeasureIndex(report.measures)
        let lead = report.leadYear ?? context.year
        let years = report.years.filter { $0 <= lead }.suffix(max(3, report.years.count))
        let settings = context.config.settings
        var row = 0
        try ws.write(row, 0, .string("KS2 outcomes — \(school.name) (URN \(school.urn)) — \(lead)"), .title)
        row += 1
        // Most of the year's rows rejected (`WithheldFigures`): the reason, not tables of what is left.
        if let reason = report.withheld, lead == context.year {
            try WithheldNote.write(reason, to: ws, row: row)
            return
        }
        let n = report.eligible(lead)
        let one = report.onePupilPercent(lead).map { "one pupil = \(KS2Cells.oneDecimal($0)) percentage points (\(n) pupils)" } ?? "no pupils"
        // The legend wraps across the table rather than running off the printed page.
        try ws.merge(row: row, firstCol: 0, lastCol: 9, "\(lead): \(one). n beside every figure; \(KS2Cells.small) = fewer than \(settings.minGroupSize) pupils. FFT benchmark: \(report.fftBenchmark) (estimates, not targets). \(settings.rag.legend([.attainment, .scaledScore]))", CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        row += 1
        // The year's text worked out once, not per figure inside the filters (profiled: the write stage).
        let leadYear = lead.description
        // Which national figure the headline table uses, and pupils left out by rejected rows.
        let leadRows = report.measures.filter { $0.year == leadYear && $0.group == "all" && $0.measure.hasPrefix("ks2.") }
        if let note = FigureNotes.all(leadRows) {
            try ws.write(row, 0, .string(note), .note)
        }
        row += 1

        // Headline table.
        try ws.write(row, 0, .string("Headline measures (all pupils)"), .sectionHeader)
        row += 1
        var header: [CellValue] = [.string("Subject"), .string("Measure")]
        for y in years { header += [.string("\(y)"), .string("n")] }
        header += [.string("LA (\(school.laName)) \(lead)"), .string("vs LA"), .string("National \(lead)"), .string("vs national"), .string("Target \(lead)"), .string("vs target")]
        try ws.writeRow(row, header, from: 0, .header)
        row += 1
        row = try KS2HeadlineLine.writeRows(ws, from: row) { line, base, row in
            var col = 2
            for y in years {
                let m = index.row(school.urn, line.id, year: y)
                let spec = y == lead ? KS2Cells.ragFormat(base, m, context: context) : base
                try ws.write(row, col, KS2Cells.value(m, percent: line.isPercent), spec)
                try ws.write(row, col + 1, KS2Cells.n(m, percent: line.isPercent))
                col += 2
            }
            let m = index.row(school.urn, line.id, year: lead)
            try ws.write(row, col, line.cell(m?.la), base)
            try ws.write(row, col + 1, KS2Cells.diff(m?.diffLA), .points)
            try ws.write(row, col + 2, line.cell(m?.national), base)
            try ws.write(row, col + 3, KS2Cells.diff(m?.diffNational), KS2Cells.ragFormat(.points, m, context: context))
            try ws.write(row, col + 4, line.cell(m?.target), base)
            try ws.write(row, col + 5, KS2Cells.diff(m?.diffTarget), .points)
        }
        row += 1

        // Groups (lead year, % expected).
        try ws.write(row, 0, .string("Pupil groups, \(lead): % at the expected standard"), .sectionHeader)
        row += 1
        let groupRows = report.measures.filter { $0.year == leadYear && $0.group != "all" && $0.measure.hasSuffix(".expected") && $0.measure.hasPrefix("ks2.") }
        try ws.write(row, 0, .string((FigureNotes.basis(groupRows).map { $0 + ". " } ?? "")
                                     + "\"not published\": the benchmark files hold no DfE national figure for that group, subject and year."), .note)
        row += 1
        var groupHeader: [CellValue] = [.string("Group")]
        for s in KS2Subject.allCases { groupHeader += [.string(s.label), .string("n"), .string("vs national")] }
        try ws.writeRow(row, groupHeader, from: 0, .header)
        row += 1
        for group in PupilGroup.characteristicGroups {
            guard index.row(school.urn, .ks2(.reading, .expected), group: group, year: lead) != nil else { continue }
            try ws.write(row, 0, .string(group.label))
            var col = 1
            for s in KS2Subject.allCases {
                let m = index.row(school.urn, .ks2(s, .expected), group: group, year: lead)
                try ws.write(row, col, KS2Cells.value(m, percent: true), KS2Cells.ragFormat(.percent, m, context: context))
                try ws.write(row, col + 1, KS2Cells.n(m, percent: true))
                if let m, m.value != nil, m.national == nil {
                    try ws.write(row, col + 2, .string("not published"), .note)
                } else {
                    try ws.write(row, col + 2, KS2Cells.diff(m?.diffNational), .points)
                }
                col += 3
            }
            row += 1
        }
        row += 1

        // Disadvantaged gaps, three ways.
        try ws.write(row, 0, .string("Disadvantaged gaps, \(lead) (% expected; percentage points)"), .sectionHeader)
        row += 1
        try ws.writeRow(row, [.string("Subject"), .string("Comparison"), .string("Disadvantaged"), .string("n"),
                              .string("Compared with"), .string("Gap (points)")], from: 0, .header)
        row += 1
        for s in KS2Subject.allCases {
            let disadvantaged = index.row(school.urn, .ks2(s, .expected), group: .disadvantaged, year: lead)
            for basis in DisadvantagedGap.Basis.allCases {
                let g = index.row(school.urn, .ks2(s, basis.figure), group: .disadvantaged, year: lead)
                try ws.write(row, 0, .string(s.label))
                try ws.write(row, 1, .string(basis.label))
                try ws.write(row, 2, KS2Cells.value(disadvantaged, percent: true), .percent)
                try ws.write(row, 3, KS2Cells.n(disadvantaged, percent: true))
                let comparison: Double?
                switch basis {
                case .vsNationalOther: comparison = index.row(school.urn, .ks2(s, .expected), group: .notDisadvantaged, year: lead)?.national
                case .inSchool: comparison = index.row(school.urn, .ks2(s, .expected), group: .notDisadvantaged, year: lead)?.value
                case .vsNationalDisadvantaged: comparison = disadvantaged?.national
                }
                if let g, g.value == nil, basis != .inSchool {
                    try ws.write(row, 4, .string("not published"), .note)
                } else {
                    try ws.write(row, 4, .optionalPercent(g == nil ? nil : comparison), .percent)
                }
                try ws.write(row, 5, KS2Cells.diff(g?.value), .points)
                row += 1
            }
        }
        row += 1

        // FFT-style summary.
        try ws.write(row, 0, .string("Against \(report.fftBenchmark) estimates, \(lead) (estimates are not targets)"), .sectionHeader)
        row += 1
        try ws.writeRow(row, [.string("Subject"), .string("% at or above estimate"), .string("n"), .string("Mean gap (points)"),
                              .string("n"), .string("95% interval from"), .string("to"), .string("Estimated % expected"),
                              .string("Actual % expected"), .string("Actual − estimated (points)")], from: 0, .header)
        row += 1
        for s in KS2Subject.allCases {
            let atOrAbove = index.row(school.urn, .fft(s, .atOrAboveEstimate), year: lead)
            let gap = index.row(school.urn, .fft(s, .meanGap), year: lead)
            let estimated = index.row(school.urn, .fft(s, .estimatedExpected), year: lead)
            let actual = index.row(school.urn, .fft(s, .actualVsEstimatedExpected), year: lead)
            guard atOrAbove != nil || estimated != nil else { continue }
            try ws.write(row, 0, .string(s.label))
            try ws.write(row, 1, KS2Cells.value(atOrAbove, percent: true), .percent)
            try ws.write(row, 2, KS2Cells.n(atOrAbove, percent: true))
            try ws.write(row, 3, .optionalNumber(gap?.value), .points)
            try ws.write(row, 4, gap?.denominator.map { .number($0) } ?? .blank, .integer)
            try ws.write(row, 5, .optionalNumber(index.row(school.urn, .fft(s, .meanGapLow), year: lead)?.value), .points)
            try ws.write(row, 6, .optionalNumber(index.row(school.urn, .fft(s, .meanGapHigh), year: lead)?.value), .points)
            try ws.write(row, 7, KS2Cells.value(estimated, percent: true), .percent)
            let actualPercent = actual.flatMap { a in a.denominator.flatMap { $0 > 0 ? (a.numerator ?? 0) * 100 / $0 : nil } }
            try ws.write(row, 8, .optionalPercent(actualPercent), .percent)
            try ws.write(row, 9, .optionalNumber(actual?.value), .points)
            row += 1
        }
        ws.freezePanes(row: 0, col: 2)
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
    }
}
