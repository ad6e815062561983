import Foundation
import Testing
@testable import TrustData

/// The sheet XML of the reference workbooks against reviewed copies in `Golden/<pipeline>/<workbook>/`.
/// After a deliberate change to a sheet, review the new output and record it:
///     TRUSTDATA_UPDATE_GOLDEN=1 swift test --filter GoldenSheetTests
/// then read `git diff Tests/TrustDataTests/Reliability/Golden` before committing.
/// What legitimately varies is normalised first: the trustdata version.
@Suite(.serialized) struct GoldenSheetTests {
    static var updating: Bool { ProcessInfo.processInfo.environment["TRUSTDATA_UPDATE_GOLDEN"] == "1" }

    static let unzip = """
    import json, re, sys, zipfile
    z = zipfile.ZipFile(sys.argv[1])
    keep = [n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\\d+\\.xml|xl/sharedStrings\\.xml|xl/workbook\\.xml", n)]
    print(json.dumps({n: z.read(n).decode("utf-8") for n in sorted(keep)}))
    """

    static func entries(_ workbook: String) throws -> [String: String] {
        let data = try ReferenceRuns.python(unzip, [workbook])
        let raw = try JSONDecoder().decode([String: String].self, from: data)
        return raw.mapValues { normalise($0) }
    }

    static func normalise(_ xml: String) -> String {
        // One element per line so a difference points at a cell, and the version is not a difference.
        xml.replacingOccurrences(of: TrustDataVersion.current, with: "{version}")
            .replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    @Test(arguments: ReferenceRuns.pipelines().map(\.name))
    func sheetXMLMatchesReviewedCopy(_ name: String) throws {
        let pipeline = ReferenceRuns.pipelines().first { $0.name == name }!.path
        let dir = try makeTemporaryFolder("golden-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let workbooks = try ReferenceRuns.run(pipeline, output: dir + "/out")
        var actual: [String: String] = [:] // "<workbook>/<entry>" → text
        for workbook in workbooks {
            let base = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension
            for (entry, text) in try Self.entries(dir + "/out/" + workbook) {
                actual["\(base)/\(entry.replacingOccurrences(of: "/", with: "_"))"] = text
            }
        }
        let golden = (reliabilityFolder() as NSString).appendingPathComponent("Golden/\(name)")
        let fm = FileManager.default
        if Self.updating {
            try? fm.removeItem(atPath: golden)
            for (relative, text) in actual {
                let path = (golden as NSString).appendingPathComponent(relative)
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
            print("recorded \(actual.count) golden files in \(golden): review with git diff")
            return
        }
        guard fm.fileExists(atPath: golden) else {
            let note = "no reviewed sheet XML for \(name) in \(golden): run TRUSTDATA_UPDATE_GOLDEN=1 swift test --filter GoldenSheetTests and review"
            // The mini trust's goldens must exist. The sample's are recorded once its inputs settle on
            // main; until then its absence is reported, not failed, so the sample landing breaks no build.
            if name == "minitrust" { Issue.record(Comment(rawValue: note)) } else { print("warning: \(note)") }
            return
        }
        var expected: [String: String] = [:]
        for case let relative as String in fm.enumerator(atPath: golden)! where relative.hasSuffix(".xml") {
            expected[relative] = try String(contentsOfFile: (golden as NSString).appendingPathComponent(relative), encoding: .utf8)
        }
        #expect(Set(actual.keys) == Set(expected.keys), "the workbooks or sheets differ from the reviewed set")
        for (relative, text) in actual.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[relative], want != text else { continue }
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = want.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
            let got = line < a.count ? String(a[line].prefix(200)) : "(end)"
            let had = line < b.count ? String(b[line].prefix(200)) : "(end)"
            Issue.record("\(name)/\(relative) differs at line \(line + 1): now `\(got)`, reviewed `\(had)`. If intended, re-record with TRUSTDATA_UPDATE_GOLDEN=1 and review the diff.")
        }
    }
}
