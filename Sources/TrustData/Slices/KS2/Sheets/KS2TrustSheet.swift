/// The trust's "KS2" sheet: schools side by side with the trust (pooled), each LA and national, as the
/// trust plan tables do; trust trends; then one row per school of the FFT-style summary.
struct KS2TrustSheet {
    let report: KS2TrustReport
    let trust: TrustReport
    let context: AnalysisContext

    func write(into workbook: Workbook) throws {
        let ws = try workbook.addWorksheet("KS2")
        // Widths first: rows of wrapped text are sized against them as they are written.
        try ws.setColumnWidth(0, 0, 24)
        try ws.setColumnWidth(1, 1, 22)
        try ws.setColumnWidth(2, 30, 12)
        let lead = report.leadYear ?? context.year
        // The sheet reads all-pupil figures: the lead year's, and the trust's in every year (trends).
        let leadText = lead.description
        let leadStart = lead.startYear
        let index = MeasureIndex(parts: [report.measures] + report.schools.map(\.measures)) { row, year in
            row.group == "all" && (year == leadStart || row.urn == MeasureRow.trustURN)
        }
        let schools = trust.schools.map(\.school)
        let las = Array(Set(schools.map(\.laName))).sorted()
        let trustURN = MeasureRow.trustURN
        var row = 0
        try ws.write(row, 0, .string("KS2 outcomes — \(context.config.trust) — \(lead)"), .title)
        row += 1
        // The legend wraps across the table rather than running off the printed page.
        try ws.merge(row: row, firstCol: 0, lastCol: 9, "Trust figures pool every pupil in the trust (not an average of school percentages). n beside every figure; \(KS2Cells.small) = fewer than \(context.minGroupSize) pupils. FFT benchmark: \(report.fftBenchmark) (estimates, not targets). \(context.config.settings.rag.legend([.attainment, .scaledScore]))", CellFormat.note.with { $0.wrap = true; $0.verticalAlign = .top })
        row += 1
        let leadRows = report.measures.filter { $0.year == leadText && $0.group == "all" && $0.measure.hasPrefix("ks2.") }
        var notes = [FigureNotes.basis(leadRows)].compactMap { $0 }
        let left = trust.schools.compactMap { s in s.ks2?.measures.compactMap(\.leftOut).max().map { "\(s.school.name) \($0)" } }
        if !left.isEmpty { notes.append("Pupils left out: data problems, see Data quality — " + left.joined(separator: ", ")) }
        if !notes.isEmpty { try ws.write(row, 0, .string(notes.joined(separator: ". ") + "."), .note) }
        row += 1

        try ws.write(row, 0, .string("Schools side by side, \(lead) (all pupils)"), .sectionHeader)
        row += 1
        var header: [CellValue] = [.string("Subject"), .string("Measure")]
        for s in schools { header += [.string(s.name), .string("n")] }
        header += [.string("Trust"), .string("n")]
        for la in las { header.append(.string("LA: \(la)")) }
        header += [.string("National"), .string("Trust vs national")]
        try ws.writeRow(row, header, from: 0, .header)
        // Subject and measure stay in view, like the school sheets (issue #20).
        ws.freezePanes(row: row + 1, col: 2)
        row += 1
        row = try KS2HeadlineLine.writeRows(ws, from: row) { line, base, row in
            var col = 2
            for s in schools {
                let m = index.row(s.urn, line.id, year: lead)
                try ws.write(row, col, KS2Cells.value(m, percent: line.isPercent), KS2Cells.ragFormat(base, m, context: context))
                try ws.write(row, col + 1, KS2Cells.n(m, percent: line.isPercent))
                col += 2
            }
            let t = index.row(trustURN, line.id, year: lead)
            try ws.write(row, col, KS2Cells.value(t, percent: line.isPercent), KS2Cells.ragFormat(base.with { $0.bold = true }, t, context: context))
            try ws.write(row, col + 1, KS2Cells.n(t, percent: line.isPercent))
            col += 2
            for la in las {
                try ws.write(row, col, line.cell(context.benchmarks.la(lead, la, line.id)?.value), base)
                col += 1
            }
            try ws.write(row, col, line.cell(t?.national), base)
            try ws.write(row, col + 1, KS2Cells.diff(t?.diffNational), KS2Cells.ragFormat(.points, t, context: context))
        }
        row += 1

        // Trust trends, every year in the inputs.
        try ws.write(row, 0, .string("Trust trends (pooled)"), .sectionHeader)
        row += 1
        var trendHeader: [CellValue] = [.string("Subject"), .string("Measure")]
        for y in report.years { trendHeader += [.string("\(y)"), .string("n"), .string("National")] }
        try ws.writeRow(row, trendHeader, from: 0, .header)
        row += 1
        row = try KS2HeadlineLine.writeRows(ws, from: row) { line, base, row in
            var col = 2
            for y in report.years {
                let t = index.row(trustURN, line.id, year: y)
                try ws.write(row, col, KS2Cells.value(t, percent: line.isPercent), base)
                try ws.write(row, col + 1, KS2Cells.n(t, percent: line.isPercent))
                try ws.write(row, col + 2, line.cell(context.benchmarks.national(y, line.id)?.value), base)
                col += 3
            }
        }
        row += 1

        // FFT-style summary, one row per school and the trust.
        try ws.write(row, 0, .string("Against \(report.fftBenchmark) estimates, \(lead) (estimates are not targets)"), .sectionHeader)
        row += 1
        var fftHeader: [CellValue] = [.string("School"), .string("Pupils")]
        for s in KS2Subject.assessed {
            fftHeader += [.string("\(s.label) % at/above estimate"), .string("n")]
            if s.isTest { fftHeader += [.string("\(s.label) mean gap"), .string("95% interval")] }
        }
        fftHeader += [.string("RWM estimated % expected"), .string("RWM actual % expected"), .string("RWM actual − estimated")]
        try ws.writeRow(row, fftHeader, from: 0, .header)
        row += 1
        let entities: [(String, String, Int)] = schools.map { s in
            (s.name, s.urn, report.schools.first { $0.school?.urn == s.urn }?.eligible(lead) ?? 0)
        } + [("Trust", trustURN, report.eligibleByYear[lead] ?? 0)]
        for (name, urn, pupils) in entities {
            try ws.write(row, 0, .string(name), urn == trustURN ? CellFormat(bold: true) : .plain)
            try ws.write(row, 1, .number(Double(pupils)), .integer)
            var col = 2
            for s in KS2Subject.assessed {
                let a = index.row(urn, .fft(s, .atOrAboveEstimate), year: lead)
                try ws.write(row, col, KS2Cells.value(a, percent: true), .percent)
                try ws.write(row, col + 1, KS2Cells.n(a, percent: true))
                col += 2
                if s.isTest {
                    let g = index.row(urn, .fft(s, .meanGap), year: lead)
                    try ws.write(row, col, .optionalNumber(g?.value), .points)
                    let lo = index.row(urn, .fft(s, .meanGapLow), year: lead)?.value, hi = index.row(urn, .fft(s, .meanGapHigh), year: lead)?.value
                    let interval = lo.flatMap { l in hi.map { h in "\(signed(l)) to \(signed(h)) (n \(Int(g?.denominator ?? 0)))" } }
                    try ws.write(row, col + 1, .optionalString(interval ?? g.map { "n \(Int($0.denominator ?? 0))" }))
                    col += 2
                }
            }
            let est = index.row(urn, .fft(.rwm, .estimatedExpected), year: lead)
            let diff = index.row(urn, .fft(.rwm, .actualVsEstimatedExpected), year: lead)
            try ws.write(row, col, KS2Cells.value(est, percent: true), .percent)
            let actual = diff.flatMap { d in d.denominator.flatMap { $0 > 0 ? (d.numerator ?? 0) * 100 / $0 : nil } }
            try ws.write(row, col + 1, .optionalPercent(actual), .percent)
            try ws.write(row, col + 2, .optionalNumber(diff?.value), .points)
            row += 1
        }
        ws.setLandscape()
        ws.setPaperA4()
        ws.fitToPages(wide: 1, tall: 0)
    }

    func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + KS2Cells.oneDecimal(v) }
}
