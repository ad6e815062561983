/// The school "Phonics" sheet (headline, groups, trend, pupils not yet at the standard) and the trust
/// side-by-side "Phonics" sheet.
public enum PhonicsSheets {
    static func pct(_ p: Proportion) -> CellValue { p.fraction.map(CellValue.percent) ?? .blank }

    static func header(_ codes: [String], noResult: Bool) -> [String] {
        ["Group", "Met", "In the figure (Wa, Wt, A, D, Q)", "% met", "National", "Difference (points)"] + codes + (noResult ? ["No result"] : []) + ["Note"]
    }

    static func writeFigures(_ ws: Worksheet, row: Int, label: String, _ f: PhonicsFigures, national: Double?, codes: [String],
                             noResult: Bool, context: AnalysisContext) throws {
        let value = f.expected.percent
        var cells: [CellValue] = [.string(label), .number(Double(f.met)), .number(Double(f.met + f.notMet)), pct(f.expected),
                                  .optionalPercent(national), .optionalNumber(value.flatMap { v in national.map { v - $0 } })]
        cells += codes.map { .number(Double(f.excluded[$0, default: 0])) }
        if noResult { cells.append(.number(Double(f.noResult))) }
        let n = f.met + f.notMet
        cells.append(.string(n > 0 && n < context.minGroupSize ? "Small group (fewer than \(context.minGroupSize)): one pupil is \(CSVText.number((100.0 / Double(n) * 10).rounded() / 10)) points" : ""))
        try ws.writeRow(row, Array(cells[..<5]))
        // The difference from national in signed points, coloured by the pipeline's RAG thresholds.
        let difference = value.flatMap { v in national.map { v - $0 } }
        let small = n > 0 && n < context.minGroupSize
        let rag = RAG.status(difference: difference, small: small, settings: context.config.settings)
        try ws.write(row, 5, .optionalNumber(difference), RAG.styled(.points, rag, small: small))
        try ws.writeRow(row, Array(cells[6...]), from: 6)
    }

    public static func writeSchoolSheets(_ r: PhonicsSchoolReport, school: SchoolReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let y = r.lead(context.year) else { return }
        let codes = y.y1All.excluded.keys.sorted().isEmpty ? ["A", "D", "L", "Q"] : Array(Set(["A", "D", "L", "Q"]).union(y.y1All.excluded.keys)).sorted()
        let ws = try workbook.addWorksheet("Phonics")
        ws.pupilLevel = true // pupils not yet meeting the standard are listed by name
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 1, 20)
        try ws.setColumnWidth(2, 12, 12)
        try ws.write(0, 0, .string("Phonics screening check — \(school.school.name) (URN \(school.school.urn)) — \(y.year)"), .title)
        // Most of the year's rows rejected (`WithheldFigures`): the reason, not tables of what is left.
        if let reason = r.withheld, y.year == context.year {
            try WithheldNote.write(reason, to: ws, row: 1)
            return
        }
        try ws.write(1, 0, .string("Threshold \(y.threshold.map(String.init) ?? "unknown") out of 40. DfE's denominator: every pupil with a valid outcome (Wa, Wt, A, D, Q); A (absent), D (disapplied) and Q (maladministration) count as not meeting the standard and are also shown separately; L (left) and pupils with no outcome are left out."), .subtitle)
        let leadRows = r.measures.filter { $0.year == y.year.description && $0.group == "all" && $0.measure.hasSuffix(".expected") }
        if let note = FigureNotes.all(leadRows) { try ws.write(2, 0, .string(note), .note) }
        // The colours of the difference from national (the attainment band).
        try ws.write(3, 0, .string(context.config.settings.rag.legend([.attainment])), .note)
        var row = 4
        try ws.write(row, 0, .string("Year 1: % meeting the expected standard"), .sectionHeader)
        row += 1
        try ws.writeRow(row, header(codes, noResult: false).map(CellValue.string), from: 0, .header)
        row += 1
        for g in y.y1 {
            try writeFigures(ws, row: row, label: g.group.label, g.figures,
                             national: context.benchmarks.national(y.year, "phonics.y1.expected", g.group.rawValue)?.value,
                             codes: codes, noResult: false, context: context)
            row += 1
        }
        row += 1
        try ws.write(row, 0, .string("By the end of Year 2: % meeting the standard (met in Year 1 or at the Year 2 retake)"), .sectionHeader)
        row += 1
        try ws.write(row, 0, .string(y.byY2Basis), .note)
        row += 1
        if let byY2 = y.byY2 {
            try ws.writeRow(row, header(codes, noResult: true).map(CellValue.string), from: 0, .header)
            row += 1
            for g in byY2 {
                try writeFigures(ws, row: row, label: g.group.label, g.figures,
                                 national: context.benchmarks.national(y.year, "phonics.by_y2.expected", g.group.rawValue)?.value,
                                 codes: codes, noResult: true, context: context)
                row += 1
            }
        }
        row += 1
        try ws.write(row, 0, .string("Trend"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["Year", "Year 1 met", "Year 1 took", "Year 1 % met", "By Year 2 met", "Year 2 cohort", "By Year 2 %"].map(CellValue.string), from: 0, .header)
        row += 1
        for t in r.years {
            let b = t.byY2All
            try ws.writeRow(row, [.string(t.year.description), .number(Double(t.y1All.met)), .number(Double(t.y1All.met + t.y1All.notMet)), pct(t.y1All.expected),
                                  .optionalNumber(b.map { Double($0.met) }), .optionalNumber(b.map { Double($0.met + $0.notMet) }), b.map { pct($0.expected) } ?? .blank])
            row += 1
        }
        guard context.config.phonics.listPupilsNotMet else { return }
        row += 1
        try ws.write(row, 0, .string("Pupils who have not yet met the standard (\(y.notYetMet.count)) — for the outcomes meeting"), .sectionHeader)
        row += 1
        try ws.writeRow(row, ["UPN", "Name", "Year group", "Mark", "Outcome"].map(CellValue.string), from: 0, .header)
        row += 1
        for p in y.notYetMet {
            try ws.writeRow(row, [.string(p.upn), .string(p.name), .number(Double(p.yearGroup)), .optionalNumber(p.mark.map(Double.init)), .string(p.status.label)])
            row += 1
        }
    }

    public static func writeTrustSheets(_ r: PhonicsTrustReport, trust: TrustReport, workbook: Workbook, context: AnalysisContext) throws {
        guard let y = r.lead(context.year) else { return }
        let ws = try workbook.addWorksheet("Phonics")
        ws.setPaperA4(); ws.fitToPages(wide: 1, tall: 0)
        try ws.setColumnWidth(0, 0, 28)
        try ws.setColumnWidth(1, 8, 13)
        try ws.write(0, 0, .string("Phonics — \(context.config.trust) — \(y.year), school by school"), .title)
        try ws.write(1, 0, .string("The trust row pools every pupil (never an average of school percentages)."), .subtitle)
        var notes = [FigureNotes.basis(r.measures.filter { $0.year == y.year.description && $0.group == "all" && $0.measure == "phonics.y1.expected" })].compactMap { $0 }
        let left = trust.schools.compactMap { s in s.phonics?.measures.compactMap(\.leftOut).max().map { "\(s.school.name) \($0)" } }
        if !left.isEmpty { notes.append("Pupils left out: data problems, see Data quality — " + left.joined(separator: ", ")) }
        if !notes.isEmpty { try ws.write(2, 0, .string(notes.joined(separator: ". ") + "."), .note) }
        let row0 = 4
        try ws.writeRow(row0, ["School", "Year 1 met", "Year 1 took", "Year 1 % met", "National", "By Year 2 met", "Year 2 cohort", "By Year 2 %"].map(CellValue.string), from: 0, .header)
        var row = row0 + 1
        let national = context.benchmarks.national(y.year, "phonics.y1.expected")?.value
        func write(_ label: String, _ t: PhonicsYear, bold: Bool) throws {
            let b = t.byY2All
            try ws.writeRow(row, [.string(label), .number(Double(t.y1All.met)), .number(Double(t.y1All.met + t.y1All.notMet)), pct(t.y1All.expected),
                                  .optionalPercent(national), .optionalNumber(b.map { Double($0.met) }),
                                  .optionalNumber(b.map { Double($0.met + $0.notMet) }), b.map { pct($0.expected) } ?? .blank])
            if bold { try ws.write(row, 0, .string(label), CellFormat(bold: true)) }
            row += 1
        }
        for s in trust.schools {
            guard let sy = s.phonics?.years.first(where: { $0.year == y.year }) else { continue }
            try write(s.school.name, sy, bold: false)
        }
        try write("Trust (all pupils)", y, bold: true)
    }
}
