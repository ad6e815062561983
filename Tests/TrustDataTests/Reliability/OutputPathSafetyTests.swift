import Foundation
import Testing
@testable import TrustData

/// Output paths a run must never replace are refused before anything is read or written, saying why;
/// school names of any length or script give valid, unique file names. Through the real binary.
@Suite struct OutputPathSafetyTests {
    /// `output:`/`name:` lines → the reason the run gives. The trial's inputs are in its folder (the
    /// pipeline's root); `refdata` is an input folder.
    static let refused: [(lines: String, reason: String)] = [
        ("output: /", "it is the root of the file system"),
        ("output: /etc/trustdata-out", "it is in /etc, a system folder"),
        ("output: /usr", "it is in /usr, a system folder"),
        ("output: /tmp", "it is /tmp, a system folder that holds other people's or programs' folders"),
        ("output: .", "it is the pipeline's root folder"),
        ("output: ../../x", "outside the pipeline's root"),
        ("output: refdata", "it holds the input "),
        ("output: refdata/out", "it is inside the input folder "),
        ("output: repo", "it is the root of a repository (it holds .git)"),
        ("name: ../../x", "it contains a slash"),
        ("name: ..", "it starts with a dot"),
    ]

    @Test func unsafeOutputPathsAreRefusedSayingWhy() throws {
        let trial = try TrialTrust(schools: 1, pupilsPerSchool: 2)
        try FileManager.default.createDirectory(atPath: trial.folder + "/refdata", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: trial.folder + "/repo/.git", withIntermediateDirectories: true)
        let good = try String(contentsOfFile: trial.pipeline, encoding: .utf8)
        for (lines, reason) in Self.refused {
            var text = good.replacingOccurrences(of: "inputs:\n", with: "inputs:\n  reference: refdata\n")
            if lines.hasPrefix("name:") {
                text = text.replacingOccurrences(of: "name: trial", with: lines).replacingOccurrences(of: "output: out\n", with: "")
            } else {
                text = text.replacingOccurrences(of: "output: out", with: lines)
            }
            try text.write(toFile: trial.pipeline, atomically: true, encoding: .utf8)
            let before = try FileManager.default.contentsOfDirectory(atPath: trial.folder).sorted()
            let run = try runTrustdata(["run", trial.pipeline, "-q"])
            #expect(run.status != 0, "\(lines) was refused")
            #expect(run.err.contains("Will not write outputs to") && run.err.contains(reason), "\(lines): \(run.err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: trial.folder).sorted() == before, "\(lines): nothing written")
        }
        #expect(!FileManager.default.fileExists(atPath: "/etc/trustdata-out") && !FileManager.default.fileExists(atPath: "/etc/.trustdata-out.runs"))
    }

    /// é → e, ß → ss, ŵ → w, Cyrillic and Chinese transliterated, a 400-letter name shortened so the
    /// name (and its temporary name) fit 255 bytes, a name with no letters at all still a file.
    @Test func anySchoolNameGivesAValidUniqueFileName() throws {
        let long = String(repeating: "Á", count: 400)
        let names = ["École Saint-Étienne", "Straße Grundschule", "Ysgol Gynradd Ŵyn", "Москва школа", "北京学校", long, "🙂", "St Mary’s C of E"]
        let trial = try TrialTrust(schools: names.count, pupilsPerSchool: 2)
        var register = "urn,school_name,la_name,phase,capacity\n"
        for (i, n) in names.enumerated() { register += "\(TrialTrust.urn(i)),\(n),Essex,Primary,300\n" }
        try register.write(toFile: trial.folder + "/schools.csv", atomically: true, encoding: .utf8)
        let run = try runTrustdata(["run", trial.pipeline, "-q"])
        try #require(run.status == 0, "\(run.err.suffix(400))")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: trial.output + "/schools"))
        let longName = "200005-" + String(repeating: "a", count: 255 - 28 - 7 - 5) + ".xlsx"
        #expect(files == ["200000-ecole-saint-etienne.xlsx", "200001-strasse-grundschule.xlsx", "200002-ysgol-gynradd-wyn.xlsx",
                          "200003-moskva-skola.xlsx", "200004-bei-jing-xue-xiao.xlsx", longName, "200006-school.xlsx",
                          "200007-st-marys-c-of-e.xlsx"])
        #expect(longName.utf8.count == 227)
    }
}
