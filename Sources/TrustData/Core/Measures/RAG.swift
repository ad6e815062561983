/// Red / amber / green against a comparison, with the thresholds from the pipeline's settings
/// (trust policy, never literals in code).
public enum RAG: String, Sendable, Hashable {
    case green, amber, red

    /// `difference` is value − comparison in percentage points (or the measure's unit). For measures
    /// where lower is better (absence) the sign flips before the thresholds apply.
    public static func status(difference: Double?, higherIsBetter: Bool = true, settings: PipelineSettings) -> RAG? {
        guard let difference else { return nil }
        let d = higherIsBetter ? difference : -difference
        if d >= settings.ragGreenFrom { return .green }
        if d < settings.ragRedBelow { return .red }
        return .amber
    }

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
