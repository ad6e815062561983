import Testing
@testable import TrustData

/// The packed-UPN tables of `EnrolmentIndex` and `PupilRoster` answer exactly as String-keyed tables:
/// canonical UPNs (permanent or temporary) by their packing, anything else by its String.
@Suite struct EnrolmentIndexTests {
    static let y23 = AcademicYear(startYear: 2023), y24 = AcademicYear(startYear: 2024)

    static func pupil(_ year: AcademicYear, _ urn: String, _ upn: String, _ name: String, group: Int? = nil,
                      from: CalendarDate? = nil, to: CalendarDate? = nil) -> Pupil {
        Pupil(academicYear: year, urn: urn, upn: upn, surname: name, forename: "F", dateOfBirth: nil, yearGroup: group,
              characteristics: PupilCharacteristics(), admissionDate: from, leavingDate: to)
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// Two schools, two years; a permanent UPN, a temporary UPN, and three roster UPNs that are not canonical.
    static let roster: [Pupil] = [
        pupil(y23, "100001", "A12345678901Z", "P23", group: 5, from: date(2019, 9, 1)),
        pupil(y24, "100002", "A12345678901Z", "P24b", group: 6, from: date(2024, 9, 2), to: date(2025, 3, 31)),
        pupil(y24, "100001", "A12345678901Z", "P24a", group: 6, from: date(2019, 9, 1), to: date(2024, 12, 20)),
        pupil(y24, "100001", "B98765432109T", "Temp", group: 3),
        pupil(y24, "100001", "c11111111111A", "Lower", group: 4, from: date(2022, 9, 5)),
        pupil(y24, "100002", " D22222222222B", "Spaced", group: 2),
        pupil(y24, "100002", "X1", "Short", group: 1),
    ]

    @Test func canonicalUPNPacksOnlyExactCanonicalText() {
        func bytes(_ s: String) -> UInt64? { Array(s.utf8).withUnsafeBufferPointer(MarkRowDecoder.upn) }
        #expect(UPN.packed(canonical: "A12345678901Z") == bytes("A12345678901Z"))
        #expect(UPN.packed(canonical: "W881200100002") == bytes("W881200100002"))
        #expect(UPN.packed(canonical: "Z00000000000A") == bytes("Z00000000000A"))
        #expect(UPN.packed(canonical: "A00000000000A") == 10)   // letter 0, digits 0, last 'A' = 10
        for s in ["A12345678901Z", "W881200100002", "Z99999999999Z", "A00000000000A"] {
            #expect(UPN.text(packed: UPN.packed(canonical: s)!) == s)
        }
        // MarkRowDecoder.upn accepts these (any case, spaces trimmed); `UPN.packed(canonical:)` does not.
        for s in ["a12345678901Z", "A12345678901z", " A12345678901Z", "A12345678901Z ", "A1234567890/Z", "A1234567890:Z",
                  "@12345678901Z", "[12345678901Z", "A12345678901@", "A12345678901[", "A1234567890", "A12345678901ZZ",
                  "", "A12345678901\u{C9}"] {
            #expect(UPN.packed(canonical: s) == nil, "\(s)")
        }
    }

    @Test func matchAnswersAsBefore() {
        let index = EnrolmentIndex(Self.roster)
        #expect(!index.isEmpty)
        #expect(EnrolmentIndex([]).isEmpty)
        #expect(EnrolmentIndex([Self.pupil(Self.y24, "1", "x", "Only")]).isEmpty == false)
        // Exact school and year.
        #expect(index.match(urn: "100001", upn: "A12345678901Z", year: Self.y24)?.pupil.surname == "P24a")
        #expect(index.match(urn: "100001", upn: "A12345678901Z", year: Self.y23)?.pupil.surname == "P23")
        #expect(index.match(urn: "100002", upn: "A12345678901Z", year: Self.y24)?.pupil.surname == "P24b")
        // Other year at the school: the nearest year, year group moved on.
        let moved = index.match(urn: "100002", upn: "A12345678901Z", year: AcademicYear(startYear: 2025))
        #expect(moved?.pupil.surname == "P24b")
        #expect(moved?.yearGroup == 7)
        // Not at the school: a row of that year elsewhere.
        #expect(index.match(urn: "100003", upn: "A12345678901Z", year: Self.y23)?.pupil.surname == "P23")
        #expect(index.match(urn: "100003", upn: "A12345678901Z", year: AcademicYear(startYear: 2022)) == nil)
        // Temporary UPN.
        #expect(index.match(urn: "100001", upn: "B98765432109T", year: Self.y24)?.yearGroup == 3)
        // Lookups are exact Strings: other case or spaces find nothing, non-canonical roster UPNs only themselves.
        #expect(index.match(urn: "100001", upn: "a12345678901Z", year: Self.y24) == nil)
        #expect(index.match(urn: "100001", upn: "A12345678901z", year: Self.y24) == nil)
        #expect(index.match(urn: "100001", upn: " A12345678901Z", year: Self.y24) == nil)
        #expect(index.match(urn: "100001", upn: "c11111111111A", year: Self.y24)?.pupil.surname == "Lower")
        #expect(index.match(urn: "100001", upn: "C11111111111A", year: Self.y24) == nil)
        #expect(index.match(urn: "100002", upn: " D22222222222B", year: Self.y24)?.pupil.surname == "Spaced")
        #expect(index.match(urn: "100002", upn: "D22222222222B", year: Self.y24) == nil)
        #expect(index.match(urn: "100002", upn: "X1", year: Self.y24)?.pupil.surname == "Short")
        #expect(index.match(urn: "100002", upn: "Z99999999999Z", year: Self.y24) == nil)
    }

    @Test func enrolmentAnswersAsBefore() {
        let index = EnrolmentIndex(Self.roster)
        let sept2019 = Self.date(2019, 9, 1).dayNumber
        // The row of the asked-for year at the school; else the school's first row.
        #expect(index.enrolment(urn: "100001", upn: "A12345678901Z", year: Self.y24) == sept2019...Self.date(2024, 12, 20).dayNumber)
        #expect(index.enrolment(urn: "100001", upn: "A12345678901Z", year: Self.y23) == sept2019...Int.max)
        #expect(index.enrolment(urn: "100001", upn: "A12345678901Z", year: AcademicYear(startYear: 2022)) == sept2019...Int.max)
        #expect(index.enrolment(urn: "100002", upn: "A12345678901Z", year: Self.y23)
                == Self.date(2024, 9, 2).dayNumber...Self.date(2025, 3, 31).dayNumber)
        #expect(index.enrolment(urn: "100003", upn: "A12345678901Z", year: Self.y24) == nil)
        #expect(index.enrolment(urn: "100001", upn: "B98765432109T", year: Self.y24) == Int.min...Int.max)
        #expect(index.enrolment(urn: "100001", upn: "c11111111111A", year: Self.y24) == Self.date(2022, 9, 5).dayNumber...Int.max)
        #expect(index.enrolment(urn: "100001", upn: "C11111111111A", year: Self.y24) == nil)
        #expect(index.enrolment(urn: "100001", upn: "a12345678901Z", year: Self.y24) == nil)
        #expect(index.enrolment(urn: "100002", upn: "X1", year: Self.y24) == Int.min...Int.max)
        // By packed UPN (the marks scan): the same answers as by the UPN's text.
        for upn in ["A12345678901Z", "B98765432109T", "C11111111111A", "D22222222222B", "Z99999999999Z"] {
            let packed = UPN.packed(canonical: upn)!
            for urn in ["100001", "100002", "100003"] {
                for year in [Self.y23, Self.y24, AcademicYear(startYear: 2025)] {
                    let byPacked = index.enrolment(urn: urn, packedUPN: packed, year: year)
                    #expect(byPacked == index.enrolment(urn: urn, upn: upn, year: year), "\(upn) \(urn) \(year)")
                    // Where there is an enrolment, match finds a row too (the scan asks only for the enrolment).
                    if byPacked != nil { #expect(index.match(urn: urn, upn: upn, year: year) != nil) }
                }
            }
        }
        // A roster with no canonical UPNs at all.
        let odd = EnrolmentIndex([Self.pupil(Self.y24, "1", "a12345678901Z", "Odd", from: Self.date(2024, 9, 2))])
        #expect(odd.enrolment(urn: "1", upn: "a12345678901Z", year: Self.y24) == Self.date(2024, 9, 2).dayNumber...Int.max)
        #expect(odd.enrolment(urn: "1", packedUPN: UPN.packed(canonical: "A12345678901Z")!, year: Self.y24) == nil)
    }

    @Test func rosterLookupsAnswerAsBefore() {
        let roster = PupilRoster(Self.roster + [Self.pupil(Self.y24, "100009", "A12345678901Z", "Later duplicate")])
        #expect(roster.pupil(Self.y24, "A12345678901Z")?.surname == "P24b")   // the first row of the year wins
        #expect(roster.pupil(Self.y23, "A12345678901Z")?.surname == "P23")
        #expect(roster.pupil(AcademicYear(startYear: 2022), "A12345678901Z") == nil)
        #expect(roster.pupil(Self.y24, "a12345678901Z") == nil)
        #expect(roster.pupil(Self.y24, "A12345678901Z ") == nil)
        #expect(roster.pupil(Self.y24, "B98765432109T")?.surname == "Temp")
        #expect(roster.pupil(Self.y23, "B98765432109T") == nil)
        #expect(roster.pupil(Self.y24, "c11111111111A")?.surname == "Lower")
        #expect(roster.pupil(Self.y24, "C11111111111A") == nil)
        #expect(roster.pupil(Self.y24, " D22222222222B")?.surname == "Spaced")
        #expect(roster.pupil(Self.y24, "D22222222222B") == nil)
        #expect(roster.pupil(Self.y24, "X1")?.surname == "Short")
        #expect(roster.pupil(Self.y23, "X1") == nil)
        #expect(roster.pupils(at: "100001", in: Self.y24).map(\.surname) == ["P24a", "Temp", "Lower"])
    }
}
