/// One key of a pipeline block (`settings:`, `finance:`…) and the field it sets: a settings type lists
/// its keys once, in `fields`, and both its decoding and its list of valid keys (the strict pipeline
/// file's) come from that list. A key left out keeps the field's default, written once on the field.
public struct SettingField<Root> {
    public let key: String
    let decode: (inout Root, KeyedDecodingContainer<SettingKey>) throws -> Void

    /// A plain value: the key's value when given, else the default.
    public static func value<V: Decodable>(_ key: String, _ path: WritableKeyPath<Root, V>) -> SettingField {
        SettingField(key: key) { root, c in
            if let v = try c.decodeIfPresent(V.self, forKey: SettingKey(key)) { root[keyPath: path] = v }
        }
    }

    /// An optional value with no default.
    public static func value<V: Decodable>(_ key: String, _ path: WritableKeyPath<Root, V?>) -> SettingField {
        SettingField(key: key) { root, c in
            if let v = try c.decodeIfPresent(V.self, forKey: SettingKey(key)) { root[keyPath: path] = v }
        }
    }

    /// A value read its own way (parsed from text, checked, or defaulted from other fields decoded
    /// before it: fields are decoded in the order listed).
    public static func custom(_ key: String,
                              _ decode: @escaping (inout Root, KeyedDecodingContainer<SettingKey>, SettingKey) throws -> Void) -> SettingField {
        SettingField(key: key) { root, c in try decode(&root, c, SettingKey(key)) }
    }
}

/// A key of a pipeline block, by its text.
public struct SettingKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(_ key: String) { stringValue = key }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// Settings decoded from their `fields`: start from the defaults (`init()`), set each key given, then
/// `check` the whole (a rule across keys, such as poor below universal).
public protocol FieldDecodable: Decodable {
    init()
    static var fields: [SettingField<Self>] { get }
    func check(_ c: KeyedDecodingContainer<SettingKey>) throws
}

extension FieldDecodable {
    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: SettingKey.self)
        for field in Self.fields { try field.decode(&self, c) }
        try check(c)
    }

    public func check(_ c: KeyedDecodingContainer<SettingKey>) throws {}

    /// The block's valid keys, in the order listed (the strict pipeline file's suggestions).
    public static var keys: [String] { fields.map(\.key) }
}
