/// The roster indexed by UPN for enrolment joins: which roster row describes this pupil at this school
/// in this year. The roster is a census snapshot, usually of one year, while a marks file may span two
/// (the August 2024 boundary): a pupil found at the school in another year is matched with their year
/// group moved on or back by the difference.
public struct EnrolmentIndex: Sendable {
    public struct Match: Sendable {
        public let pupil: Pupil
        /// The year group in the asked-for year.
        public let yearGroup: Int?
    }

    private let pupils: [Pupil]
    /// Roster positions grouped by UPN (roster order within a UPN): a UPN's rows are
    /// `positions[starts[slot]..<starts[slot + 1]]`. Flat arrays rather than an array per UPN: building
    /// one small array per pupil (and copying every roster row into it) showed in profiles.
    /// Canonical UPNs (an upper-case letter, 11 digits, a digit or upper-case letter: every valid roster
    /// UPN) are keyed by their 48-bit packing (`MarkRowDecoder.upn`), which hashes far faster than a
    /// String; anything else by its String, so lookups answer exactly as a String-keyed table would.
    private let packedSlots: [UInt64: Int]
    private let otherSlots: [String: Int]
    private let starts: [Int]
    private let positions: [Int]

    public init(_ pupils: [Pupil]) {
        self.pupils = pupils
        var packedSlots: [UInt64: Int] = [:]
        packedSlots.reserveCapacity(pupils.count)
        var otherSlots: [String: Int] = [:]
        var slotOfRow: [Int] = []
        slotOfRow.reserveCapacity(pupils.count)
        var counts: [Int] = []
        for i in pupils.indices {   // by index: iterating copies every roster row
            let next = counts.count
            let slot: Int
            if let key = UPN.packed(canonical: pupils[i].upn) {
                slot = Self.slot(&packedSlots[key, default: -1], next)
            } else {
                slot = Self.slot(&otherSlots[pupils[i].upn, default: -1], next)
            }
            if slot == next { counts.append(0) }
            counts[slot] += 1
            slotOfRow.append(slot)
        }
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for (slot, n) in counts.enumerated() { starts[slot + 1] = starts[slot] + n }
        var fill = starts
        var positions = [Int](repeating: 0, count: pupils.count)
        for (i, slot) in slotOfRow.enumerated() {
            positions[fill[slot]] = i
            fill[slot] += 1
        }
        self.packedSlots = packedSlots
        self.otherSlots = otherSlots
        self.starts = starts
        self.positions = positions
    }

    /// One in-place hash lookup both finds and fills the slot.
    @inline(__always)
    private static func slot(_ s: inout Int, _ next: Int) -> Int {
        if s < 0 { s = next }
        return s
    }

    /// This UPN's roster positions, in roster order.
    private func rowsOf(_ upn: String) -> ArraySlice<Int>? {
        if let key = UPN.packed(canonical: upn) { return rowsOf(packed: key) }
        guard let slot = otherSlots[upn] else { return nil }
        return positions[starts[slot]..<starts[slot + 1]]
    }

    /// The rows of the UPN `UPN.text(packed: packed)`.
    private func rowsOf(packed: UInt64) -> ArraySlice<Int>? {
        guard let slot = packedSlots[packed] else { return nil }
        return positions[starts[slot]..<starts[slot + 1]]
    }

    public init(_ roster: PupilRoster) { self.init(roster.pupils) }

    public var isEmpty: Bool { packedSlots.isEmpty && otherSlots.isEmpty }

    public func match(urn: String, upn: String, year: AcademicYear) -> Match? {
        guard let rows = rowsOf(upn) else { return nil }
        if let exact = rows.first(where: { pupils[$0].urn == urn && pupils[$0].academicYear == year }) {
            return Match(pupil: pupils[exact], yearGroup: pupils[exact].yearGroup)
        }
        let candidates = rows.filter { pupils[$0].urn == urn }
        let pool = candidates.isEmpty ? rows.filter { pupils[$0].academicYear == year } : candidates
        guard let nearest = pool.min(by: { abs(pupils[$0].academicYear.startYear - year.startYear) < abs(pupils[$1].academicYear.startYear - year.startYear) })
            .map({ pupils[$0] }) else {
            return nil
        }
        let shift = year.startYear - nearest.academicYear.startYear
        return Match(pupil: nearest, yearGroup: nearest.yearGroup.map { $0 + shift })
    }

    /// The enrolment at `urn` as day numbers (open ends are unbounded); nil when not on this school's roll.
    public func enrolment(urn: String, upn: String, year: AcademicYear) -> ClosedRange<Int>? {
        enrolment(urn: urn, rows: rowsOf(upn), year: year)
    }

    /// `enrolment(urn:upn:year:)` for the UPN `UPN.text(packed: packedUPN)`. When this is not
    /// nil, `match` finds a row too (one at `urn`), so the marks scan asks only this.
    func enrolment(urn: String, packedUPN: UInt64, year: AcademicYear) -> ClosedRange<Int>? {
        enrolment(urn: urn, rows: rowsOf(packed: packedUPN), year: year)
    }

    /// Whether the UPN `MarkRowDecoder.upnString(packedUPN)` is on any school's roll in the roster.
    func hasPupil(packedUPN: UInt64) -> Bool { rowsOf(packed: packedUPN) != nil }

    private func enrolment(urn: String, rows: ArraySlice<Int>?, year: AcademicYear) -> ClosedRange<Int>? {
        guard let rows else { return nil }
        var first: Int?
        for i in rows where pupils[i].urn == urn {
            if pupils[i].academicYear == year { first = i; break }
            if first == nil { first = i }
        }
        guard let i = first else { return nil }
        let from = pupils[i].admissionDate?.dayNumber ?? Int.min
        let to = pupils[i].leavingDate?.dayNumber ?? Int.max
        return from...max(from, to)
    }
}
