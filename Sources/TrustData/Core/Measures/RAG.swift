/// Red / amber / green against a comparison, with the thresholds from the pipeline's settings
/// (trust policy, never literals in code).
public enum RAG: String, Sendable, Hashable {
    case green, amber, red

    /// `difference` is value − comparison in percentage points (or the measure's unit). For measures
    /// where lower is better (absence) the sign flips before the thresholds apply.
    /// A group smaller than `min_group_size` (`small`) is never coloured: one pupil moves it too far.
    public static func status(difference: Double?, higherIsBetter: Bool = true, kind: RAGThresholds.Kind = .attainment,
                              small: Bool = false, settings: PipelineSettings) -> RAG? {
        guard let difference, !small else { return nil }
        let band = settings.rag.band(kind)
        let d = higherIsBetter ? difference : -difference
        if d >= band.greenFrom { return .green }
        if d < band.redBelow { return .red }
        return .amber
    }

    /// `base` filled with the status colours, or grey italics for a small group (never coloured).
    public static func styled(_ base: CellFormat, _ rag: RAG?, small: Bool) -> CellFormat {
        if small { return base.with { $0.italic = true; $0.fontColor = RAG.smallGroupGrey } }
        guard let rag else { return base }
        return base.with { $0.fill = rag.fill; $0.fontColor = rag.fontColor }
    }

    /// The grey of figures for groups under the minimum size.
    public static let smallGroupGrey: UInt32 = 0x808080

    /// Fill colours as Excel's own "good / neutral / bad" cell styles use them.
    public var fill: UInt32 {
        switch self {
        case .green: return 0xC6EFCE
        case .amber: return 0xFFEB9C
        case .red: return 0xFFC7CE
        }
    }

    public var fontColor: UInt32 {
        switch self {
        case .green: return 0x006100
        case .amber: return 0x9C5700
        case .red: return 0x9C0006
        }
    }
}
