/// The census roster indexed for joins: results files look pupils up by (academic year, UPN).
public struct PupilRoster: Sendable {
    public let pupils: [Pupil]
    private let byYearAndUPN: [Key: Int]
    /// Positions in `pupils` by URN, in roster order: each school's context figures read its own rows
    /// (filtering the whole roster once per school was the largest copy in the analysis, profiled).
    private let bySchool: [String: [Int]]

    /// A struct rather than a `"2024/25|UPN"` string: every results row and every analysed pupil looks
    /// the roster up, and building the string each time showed in profiles.
    private struct Key: Hashable {
        let year: AcademicYear
        let upn: String
    }

    public init(_ pupils: [Pupil]) {
        self.pupils = pupils
        var index: [Key: Int] = [:]
        index.reserveCapacity(pupils.count)
        var bySchool: [String: [Int]] = [:]
        for i in pupils.indices {   // by index: iterating copies every row
            let key = Key(year: pupils[i].academicYear, upn: pupils[i].upn)
            if index[key] == nil { index[key] = i }   // the first row wins
            bySchool[pupils[i].urn, default: []].append(i)
        }
        byYearAndUPN = index
        self.bySchool = bySchool
    }

    public func pupil(_ year: AcademicYear, _ upn: String) -> Pupil? {
        byYearAndUPN[Key(year: year, upn: upn)].map { pupils[$0] }
    }

    public func pupils(at urn: String, in year: AcademicYear) -> [Pupil] {
        var out: [Pupil] = []
        for i in bySchool[urn] ?? [] where pupils[i].academicYear == year { out.append(pupils[i]) }
        return out
    }

    public var isEmpty: Bool { pupils.isEmpty }
}
