import Foundation

/// Replaces pupils' UPNs and names with stable keyed pseudonyms (`trustdata run --pseudonymise`), so
/// outputs can be shared outside the trust. Applied in one place, straight after import, so nothing
/// downstream ever sees a real UPN or name.
///
/// The same key gives the same pseudonym for a pupil in every file and every run (joins and year-on-year
/// comparisons still work); without the key a pseudonym cannot be turned back into a UPN, and unlike a
/// plain hash it cannot be found by hashing every possible UPN (HMAC-SHA256, RFC 2104).
public struct Pseudonymiser: Sendable {
    private let key: [UInt8]

    /// The environment variable that may hold the key instead of the pipeline file.
    public static let keyVariable = "TRUSTDATA_PSEUDONYMISE_KEY"

    public init(key: String) { self.key = Array(key.utf8) }

    /// The key from `settings.pseudonymise_key` or the environment; refuses to run without one, because
    /// an unkeyed hash of a UPN can be reversed by trying every UPN.
    public static func fromSettings(_ settings: PipelineSettings,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Pseudonymiser {
        let key = settings.pseudonymiseKey ?? environment[keyVariable]
        guard let key, key.count >= 16 else {
            throw PipelineError.configuration(
                "Pseudonymising needs a secret key of at least 16 characters: set `pseudonymise_key:` under `settings:` in the pipeline file, or the environment variable \(keyVariable). Keep the key inside the trust; the same key gives the same pseudonyms every run.")
        }
        return Pseudonymiser(key: key)
    }

    func digest(_ kind: String, _ value: String) -> String {
        SHA256.hex(SHA256.hmac(key: key, message: Array("\(kind):\(value)".utf8))).uppercased()
    }

    /// `P` and 12 hex digits: obviously not a UPN (a UPN is a letter and 12 digits, and fails no
    /// check here because pseudonymising happens after validation).
    public func upn(_ upn: String) -> String { "P" + digest("upn", upn.uppercased()).prefix(12) }

    /// Names are keyed on the UPN, so a pupil's pseudonymous name matches their pseudonymous UPN.
    public func surname(forUPN upn: String) -> String { "Pupil" }
    public func forename(forUPN upn: String) -> String { String(digest("name", upn.uppercased()).prefix(6)) }

    public func pupil(_ p: Pupil) -> Pupil {
        Pupil(academicYear: p.academicYear, urn: p.urn, upn: upn(p.upn), surname: surname(forUPN: p.upn),
              forename: forename(forUPN: p.upn), dateOfBirth: p.dateOfBirth, yearGroup: p.yearGroup,
              characteristics: p.characteristics, fsm: p.fsm, lookedAfter: p.lookedAfter,
              admissionDate: p.admissionDate, leavingDate: p.leavingDate, temporaryUPN: p.temporaryUPN)
    }

    /// An issue names the row's UPN (in `upn`, and often in `value` and the message): each is replaced.
    public func issue(_ issue: DataQualityIssue) -> DataQualityIssue {
        var out = issue
        guard let original = issue.upn else { return out }
        let pseudonym = upn(original)
        out.upn = pseudonym
        for variant in Set([original, original.uppercased(), original.trimmingCharacters(in: .whitespaces)]) where !variant.isEmpty {
            out.value = out.value?.replacingOccurrences(of: variant, with: pseudonym)
            out.message = out.message.replacingOccurrences(of: variant, with: pseudonym)
        }
        return out
    }
}

/// Every slice's rows adopt this (`Slice.Rows`), so `--pseudonymise` reaches them: return a copy with
/// every UPN passed through `p.upn(_:)` and every name through `p.surname(forUPN:)`/`p.forename(forUPN:)`
/// (rows without pupils return `self`).
public protocol Pseudonymisable {
    func pseudonymised(by p: Pseudonymiser) -> Self
}
