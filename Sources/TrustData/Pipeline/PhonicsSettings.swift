/// Settings of the `phonics:` block of a pipeline file. Every field has a default so the block may be
/// left out.
public struct PhonicsSettings: Decodable, Sendable, Hashable {
    public init() {}

    public init(from decoder: Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }

    enum CodingKeys: String, CodingKey {
        case placeholder
    }
}
