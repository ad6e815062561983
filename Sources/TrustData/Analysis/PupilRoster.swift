/// The census roster indexed for joins: results files look pupils up by (academic year, UPN).
public struct PupilRoster: Sendable {
    public let pupils: [Pupil]
    private let byYearAndUPN: [String: Int]

    public init(_ pupils: [Pupil]) {
        self.pupils = pupils
        var index: [String: Int] = [:]
        for (i, p) in pupils.enumerated() where index["\(p.academicYear)|\(p.upn)"] == nil {
            index["\(p.academicYear)|\(p.upn)"] = i
        }
        byYearAndUPN = index
    }

    public func pupil(_ year: AcademicYear, _ upn: String) -> Pupil? {
        byYearAndUPN["\(year)|\(upn)"].map { pupils[$0] }
    }

    public func pupils(at urn: String, in year: AcademicYear) -> [Pupil] {
        pupils.filter { $0.urn == urn && $0.academicYear == year }
    }

    public var isEmpty: Bool { pupils.isEmpty }
}
