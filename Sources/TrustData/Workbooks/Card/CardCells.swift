/// Turns measure figures into cells: percentages as percent cells (0.62 → 62.0%), pounds as £,
/// categories as text; RAG fills against national from the pipeline's thresholds.
enum CardCells {
    static func unit(_ measure: MeasureID) -> MeasureDefinition.Unit { MeasureCatalog.definition(measure)?.unit ?? .count }

    static func value(_ row: MeasureRow?, measure: MeasureID) -> CellValue {
        guard let row else { return .blank }
        if let text = row.text, row.value == nil { return .string(text) }
        return unit(measure) == .percent ? .optionalPercent(row.value) : .optionalNumber(row.value)
    }

    static func comparison(_ v: Double?, measure: MeasureID) -> CellValue {
        unit(measure) == .percent ? .optionalPercent(v) : .optionalNumber(v)
    }

    /// `small`: a group under the minimum size, grey italics and never coloured.
    static func format(_ measure: MeasureID, rag: RAG? = nil, bold: Bool = false, small: Bool = false) -> CellFormat {
        var f: CellFormat
        switch unit(measure) {
        case .percent: f = .percent
        case .pounds: f = measure.text.contains("per_pupil") ? .gbpExact : .gbp
        case .points: f = .points
        case .pupils, .count: f = .integer
        case .scaledScore, .score: f = .decimal1
        case .ratePer100: f = CellFormat(numberFormat: "0.00")
        case .category: f = .plain
        }
        f = RAG.styled(f, rag, small: small)
        f.bold = bold
        f.border = true
        return f
    }

    static func rag(_ row: MeasureRow?, settings: PipelineSettings) -> RAG? {
        // Money and the school's context (its share of EAL or SEN pupils is neither good nor bad) are not rated.
        guard let row, unit(MeasureID(row.measure)) != .pounds, !row.measure.hasPrefix("context.") else { return nil }
        let definition = MeasureCatalog.definition(row.measure)
        return RAG.status(difference: row.diffNational, higherIsBetter: definition?.higherIsBetter ?? true,
                          kind: .of(measure: row.measure, unit: definition?.unit), small: row.smallCohort, settings: settings)
    }

    /// Whether the figure's denominator counts pupils, so that "n" and "1 pupil" mean something.
    /// Attendance rates count sessions and finance ratios count pounds: those leave both blank.
    static func countsPupils(_ measure: MeasureID) -> Bool {
        // Averages and rates per 100 pupils divide by pupils too (who took the check; pupils on roll).
        if unit(measure) == .score || unit(measure) == .ratePer100 { return true }
        guard unit(measure) == .percent else { return false }
        if measure.text.hasPrefix("finance.") { return false }
        if measure.text.hasPrefix("attendance.") {
            return measure == "attendance.persistent_absence" || measure == "attendance.severe_absence"
        }
        return true
    }
}
