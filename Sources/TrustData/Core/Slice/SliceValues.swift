/// Values kept per slice — its rows, its settings, its school or trust part — keyed by the slice's id.
/// Only the typed accessors of `TrustDataset`, `SchoolReport`, `TrustReport` and `PipelineConfig` write
/// them, each under `S.id` with `S`'s own type, so reading one back as that type always succeeds.
struct SliceValues<Value: Sendable>: Sendable {
    private var values: [String: Value] = [:]

    init() {}

    func get<S: Slice, T>(_ slice: S.Type, as type: T.Type) -> T? { values[S.id].map { $0 as! T } }

    mutating func set<S: Slice>(_ slice: S.Type, _ value: Value?) { values[S.id] = value }

    /// Changes every slice's value in place (for steps that apply to every slice alike).
    mutating func updateEach(_ body: (inout Value) -> Void) {
        for id in Array(values.keys) { body(&values[id]!) }
    }

    /// The value of the slice with this id (registry loops that need only the protocol's view of it).
    subscript(id id: String) -> Value? { values[id] }
}
