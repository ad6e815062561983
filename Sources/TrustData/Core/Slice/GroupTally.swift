/// One group's figures in one year (a pupil-results slice's `Year` lists them in `PupilGroup.withFSM` order).
public struct GroupFigures<Figures: Sendable>: Sendable {
    public let group: PupilGroup
    public let figures: Figures
}

/// Tallies a year's figures by group (`PupilGroup.withFSM`): a group appears once a pupil in it is
/// counted; `all` always appears.
struct GroupTally<Figures: Sendable> {
    private var slots: [Figures?]
    private let empty: Figures

    init(_ empty: Figures) {
        self.empty = empty
        slots = PupilGroup.withFSM.map { $0 == .all ? empty : nil }
    }

    /// Counts a pupil (or a row) in each of `groups` that has figures here.
    mutating func add(_ groups: [PupilGroup], _ count: (inout Figures) -> Void) {
        for g in groups {
            guard let i = PupilGroup.withFSM.firstIndex(of: g) else { continue }
            if slots[i] == nil { slots[i] = empty }
            count(&slots[i]!)
        }
    }

    var groups: [GroupFigures<Figures>] {
        PupilGroup.withFSM.enumerated().compactMap { i, g in slots[i].map { GroupFigures(group: g, figures: $0) } }
    }
}
