/// Which data-quality issues a school's own workbook shows (which figures they make meaningless:
/// `WithheldFigures`). A school's workbook holds only its own pupils (privacy): an issue about a row that
/// claims this school for a pupil on another school's roll — and not on this one's — would show that
/// pupil's UPN, and often name, to the wrong school. Such an issue is left out of the school's sheet and
/// stays in the trust-level data quality (the trust workbook's sheet and data-quality.csv).
public struct SchoolIssues: Sendable {
    /// Who is on which school's roll (any year of the roster).
    private let rolls: OtherSchoolsPupils
    /// Per URN, the issues the school's workbook shows, in the log's order.
    public let bySchool: [String: [DataQualityIssue]]

    public init(issues: [DataQualityIssue], roster: PupilRoster) {
        let rolls = OtherSchoolsPupils(roster: roster)
        self.rolls = rolls
        var bySchool: [String: [DataQualityIssue]] = [:]
        for issue in issues {
            guard let urn = issue.urn, !urn.isEmpty, !SchoolIssues.isAnotherSchoolsPupil(issue, urn: urn, rolls: rolls) else { continue }
            bySchool[urn, default: []].append(issue)
        }
        self.bySchool = bySchool
    }

    /// The issues `school`'s workbook shows.
    public func issues(for urn: String) -> [DataQualityIssue] { bySchool[urn] ?? [] }

    /// Whether the issue names (by its UPN, or a UPN in its value) a pupil on another school's roll and
    /// not on `urn`'s.
    static func isAnotherSchoolsPupil(_ issue: DataQualityIssue, urn: String, rolls: OtherSchoolsPupils) -> Bool {
        // Issues carry fields as read, trimmed; roster UPNs are canonical (upper case): looked up as they are.
        if let upn = issue.upn, rolls.isAnotherSchools(upn: upn, claimedBy: urn) { return true }
        if let value = issue.value, value.utf8.count == 13, rolls.isAnotherSchools(upn: value, claimedBy: urn) { return true }
        return false
    }
}
