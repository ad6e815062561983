/// The census roster indexed for joins: results files look pupils up by (academic year, UPN).
public struct PupilRoster: Sendable {
    public let pupils: [Pupil]
    /// Rows by (year, UPN): canonical UPNs (every valid roster UPN) by their 48-bit packing, which hashes
    /// far faster than a String; anything else by its String, so lookups answer exactly as one
    /// String-keyed table would.
    private let byYearAndUPN: [PackedKey: Int]
    private let byYearAndOtherUPN: [Key: Int]
    /// Positions in `pupils` by URN, in roster order: each school's context figures read its own rows
    /// (filtering the whole roster once per school was the largest copy in the analysis, profiled).
    private let bySchool: [String: [Int]]
    /// Who is on which schools' rolls, for the slices' `pupil_at_another_school` checks and the schools'
    /// Data quality sheets: built once here rather than by each of them.
    let otherSchools: OtherSchoolsPupils

    /// A struct rather than a `"2024/25|UPN"` string: every results row and every analysed pupil looks
    /// the roster up, and building the string each time showed in profiles.
    private struct Key: Hashable {
        let year: AcademicYear
        let upn: String
    }

    private struct PackedKey: Hashable {
        let year: Int
        let upn: UInt64
    }

    public init(_ pupils: [Pupil]) {
        self.pupils = pupils
        var index: [PackedKey: Int] = [:]
        index.reserveCapacity(pupils.count)
        var other: [Key: Int] = [:]
        var bySchool: [String: [Int]] = [:]
        // Rosters list a school's pupils together: positions are gathered per run of one URN and added to
        // the table when the URN changes, rather than looked up in it for every row.
        var runURN: String?
        var run: [Int] = []
        for i in pupils.indices {   // by index: iterating copies every row
            if let upn = UPN.packed(canonical: pupils[i].upn) {
                Self.keepFirst(&index[PackedKey(year: pupils[i].academicYear.startYear, upn: upn)], i)
            } else {
                Self.keepFirst(&other[Key(year: pupils[i].academicYear, upn: pupils[i].upn)], i)
            }
            if pupils[i].urn != runURN {
                if let urn = runURN { bySchool[urn, default: []].append(contentsOf: run) }
                runURN = pupils[i].urn
                run.removeAll(keepingCapacity: true)
            }
            run.append(i)
        }
        if let urn = runURN { bySchool[urn, default: []].append(contentsOf: run) }
        byYearAndUPN = index
        byYearAndOtherUPN = other
        self.bySchool = bySchool
        otherSchools = OtherSchoolsPupils(pupils: pupils)
    }

    /// The first row wins: one in-place hash lookup both finds and fills the slot.
    @inline(__always)
    private static func keepFirst(_ slot: inout Int?, _ i: Int) {
        if slot == nil { slot = i }
    }

    public func pupil(_ year: AcademicYear, _ upn: String) -> Pupil? {
        if let packed = UPN.packed(canonical: upn) {
            return byYearAndUPN[PackedKey(year: year.startYear, upn: packed)].map { pupils[$0] }
        }
        return byYearAndOtherUPN[Key(year: year, upn: upn)].map { pupils[$0] }
    }

    public func pupils(at urn: String, in year: AcademicYear) -> [Pupil] {
        var out: [Pupil] = []
        for i in bySchool[urn] ?? [] where pupils[i].academicYear == year { out.append(pupils[i]) }
        return out
    }

    public var isEmpty: Bool { pupils.isEmpty }
}
