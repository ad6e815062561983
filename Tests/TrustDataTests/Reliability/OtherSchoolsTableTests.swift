import Testing
@testable import TrustData

/// The roll table behind `pupil_at_another_school` (`OtherSchoolsPupils`), keyed by packed UPN for
/// canonical UPNs and by text for the rest, answers as the String-keyed table it replaced.
@Suite struct OtherSchoolsTableTests {
    static func pupil(_ year: Int, _ urn: String, _ upn: String) -> Pupil {
        Pupil(academicYear: AcademicYear(startYear: year), urn: urn, upn: upn, surname: "S", forename: "F",
              dateOfBirth: nil, yearGroup: 6, characteristics: PupilCharacteristics())
    }

    /// A100000000001 at 100001 in two years; B100000000002 moved from 100003 to 100002 (on two rolls);
    /// "lower a100000000009" is not a canonical UPN (held as read, looked up by its text).
    static let roster = PupilRoster([
        pupil(2023, "100001", "A100000000001"), pupil(2024, "100001", "A100000000001"),
        pupil(2023, "100003", "B100000000002"), pupil(2024, "100002", "B100000000002"),
        pupil(2024, "100002", "a100000000009"),
    ])

    @Test func answersByRoll() {
        let rolls = OtherSchoolsPupils(roster: Self.roster)
        #expect(!rolls.isAnotherSchools(upn: "A100000000001", claimedBy: "100001"))
        #expect(rolls.isAnotherSchools(upn: "A100000000001", claimedBy: "100002"))
        // On two rolls: neither school's claim is another school's pupil; a third school's is.
        #expect(!rolls.isAnotherSchools(upn: "B100000000002", claimedBy: "100002"))
        #expect(!rolls.isAnotherSchools(upn: "B100000000002", claimedBy: "100003"))
        #expect(rolls.isAnotherSchools(upn: "B100000000002", claimedBy: "100001"))
        // On no roll: not refused here (`not_on_roster` is reported instead).
        #expect(!rolls.isAnotherSchools(upn: "C100000000003", claimedBy: "100001"))
        // Text as read: the lower-case UPN matches only itself.
        #expect(!rolls.isAnotherSchools(upn: "a100000000009", claimedBy: "100002"))
        #expect(rolls.isAnotherSchools(upn: "a100000000009", claimedBy: "100001"))
        #expect(!rolls.isAnotherSchools(upn: "A100000000009", claimedBy: "100001"))
    }

    @Test func rejectionNamesTheRollsInOrder() {
        let issue = OtherSchoolsPupils(roster: Self.roster)
            .rejection(file: "ks2.csv", line: 4, urn: "100001", upn: "B100000000002", dataset: "KS2 results")
        #expect(issue.message.hasPrefix("UPN B100000000002 is on the roll of school 100002, 100003, not of school 100001;"))
        #expect(issue.code == .pupilAtAnotherSchool && issue.severity == .rejected && issue.line == 4)
    }
}
