import Foundation
import Testing
@testable import TrustData

/// `--pseudonymise` on each slice's own fixture trust: no real UPN or name in any output.
@Suite(.serialized) struct PseudonymiseSliceTests {
    static let fixtures = ["minitrust", "ks2", "phonics", "attendance"]
        .filter { FileManager.default.fileExists(atPath: fixturePath("\($0)/pipeline.yml")) }

    /// Every UPN-shaped token in the pipeline's input CSVs.
    static func inputUPNs(_ folder: String) throws -> Set<String> {
        var out: Set<String> = []
        let regex = try NSRegularExpression(pattern: "\\b[A-Z][0-9]{11}[0-9A-Z]\\b")
        for case let file as String in FileManager.default.enumerator(atPath: folder)! where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                out.insert(String(text[Range(m.range, in: text)!]))
            }
        }
        return out
    }

    @Test(arguments: fixtures)
    func noRealIdentityInAnyOutput(_ name: String) throws {
        let pipeline = fixturePath("\(name)/pipeline.yml")
        var config = try PipelineConfig.load(path: pipeline)
        let dir = try makeTemporaryFolder("pseudo-\(name)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        config.output = dir
        let real = try ImportStage(config: config).run()
        var names = Set(real.roster.pupils.flatMap { [$0.surname, $0.forename] })
        names.formUnion(real.ks2?.pupils.flatMap { [$0.surname, $0.forename] } ?? [])
        names.formUnion(real.phonics?.records.flatMap { [$0.surname, $0.forename].compactMap { $0 } } ?? [])
        names = names.filter { $0.count >= 3 }
        let upns = try Self.inputUPNs((pipeline as NSString).deletingLastPathComponent)
        #expect(!upns.isEmpty)

        config.settings.pseudonymise = true
        config.settings.pseudonymiseKey = "fixture-key-0123456789"
        let report = try PipelineRunner(config: config, pipelinePath: name, threads: 2).run()
        var texts: [(String, String)] = []
        for file in report.filesWritten {
            if file.hasSuffix(".xlsx") {
                texts += try IndependentReader.read(dir + "/" + file).sheets.flatMap { s in s.allText.map { ("\(file) \(s.name)", $0) } }
            } else {
                texts.append((file, try String(contentsOfFile: dir + "/" + file, encoding: .utf8)))
            }
        }
        for (place, text) in texts {
            for upn in upns where text.contains(upn) { Issue.record("\(name): real UPN \(upn) in \(place)") }
            // Names: whole cells in workbooks, whole CSV fields elsewhere.
            let fields = place.hasSuffix(".csv") || place.hasSuffix(".json")
                ? Set(text.split(whereSeparator: { ",\n\"".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) })
                : [text.trimmingCharacters(in: .whitespaces)]
            for n in names where fields.contains(n) || fields.contains { $0.contains(", \(n)") || $0.hasPrefix("\(n),") } {
                Issue.record("\(name): real name `\(n)` in \(place)")
            }
        }
    }

    /// The slice copies keep every field but the identity ones (a field added later must be copied too).
    @Test func sliceCopiesKeepEveryOtherField() {
        let p = Pseudonymiser(key: "0123456789abcdefXYZ")
        var tally = AttendanceTally(year: AcademicYear(parsing: "2024/25")!, urn: "100001", upn: "G881200100001", source: .marks)
        tally.possible = 10; tally.attended = 7; tally.approvedActivity = 1; tally.authorised = 1; tally.unauthorised = 1
        tally.firstDate = CalendarDate(year: 2024, month: 9, day: 2)
        let copy = AttendanceData(tallies: [tally]).pseudonymised(by: p).tallies[0]
        #expect(copy.upn == p.upn("G881200100001"))
        let a = Mirror(reflecting: tally).children, b = Mirror(reflecting: copy).children
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x.label != "upn" {
            #expect(String(describing: x.value) == String(describing: y.value), "\(x.label ?? "?") not copied")
        }
        let record = PhonicsRecord(year: AcademicYear(parsing: "2024/25")!, urn: "100001", upn: "G881200100001",
                                   surname: "Ash", forename: "Amy", yearGroup: 1, mark: 33, outcome: .met)
        let pr = PhonicsData(records: [record]).pseudonymised(by: p).records[0]
        for (x, y) in zip(Mirror(reflecting: record).children, Mirror(reflecting: pr).children)
        where !["upn", "surname", "forename"].contains(x.label ?? "") {
            #expect(String(describing: x.value) == String(describing: y.value), "\(x.label ?? "?") not copied")
        }
        #expect(pr.surname == "Pupil" && pr.forename == p.forename(forUPN: "G881200100001"))
    }
}
