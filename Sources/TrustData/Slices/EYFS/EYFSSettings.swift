/// Settings of the `eyfs:` block of a pipeline file. Every field has a default so the block may be left out.
public struct EYFSSettings: SliceSettings, Hashable {
    /// List the children who did not reach a good level of development on each school's sheet (for the
    /// transition to Year 1 and the outcomes meeting).
    public var listChildrenNotGLD: Bool = true

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listChildrenNotGLD = try c.decodeIfPresent(Bool.self, forKey: .listChildrenNotGLD) ?? EYFSSettings().listChildrenNotGLD
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case listChildrenNotGLD = "list_children_not_gld"
    }
}
