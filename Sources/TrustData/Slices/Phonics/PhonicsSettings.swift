/// Settings of the `phonics:` block of a pipeline file. Every field has a default so the block may be
/// left out. The pass mark itself is data (`inputs/reference/phonics-thresholds.csv`), not a setting.
public struct PhonicsSettings: SliceSettings, Hashable {
    /// The maximum mark of the screening check (STA: 40 marks).
    public var maxMark: Int = 40
    /// List the pupils who have not yet met the standard on each school's sheet (for the meeting).
    public var listPupilsNotMet: Bool = true

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PhonicsSettings() // the defaults, written once (above)
        maxMark = try c.decodeIfPresent(Int.self, forKey: .maxMark) ?? d.maxMark
        listPupilsNotMet = try c.decodeIfPresent(Bool.self, forKey: .listPupilsNotMet) ?? d.listPupilsNotMet
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxMark = "max_mark"
        case listPupilsNotMet = "list_pupils_not_met"
    }
}
