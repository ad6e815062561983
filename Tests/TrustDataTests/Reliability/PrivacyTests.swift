import Foundation
import Testing
@testable import TrustData

/// Per-school isolation, pupil-level data kept out of trust outputs, pseudonyms, formula-safe text,
/// and logs without names.
@Suite(.serialized) struct PrivacyTests {
    struct Identity { let urn, upn, surname, forename: String }

    /// `text` contains `phrase` as whole words ("Robinson, Luca" is not in "Robinson, Lucas").
    static func containsWord(_ text: String, _ phrase: String) -> Bool {
        guard text.contains(phrase) else { return false } // cheap test first; the regex only on a hit
        let pattern = "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: phrase) + "(?![\\p{L}])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The pipelines scanned: the sample (once its inputs are on main) and a generated three-school trust.
    static func pipelines() throws -> [(path: String, output: String)] {
        var list: [(String, String)] = []
        let sample = (packageRoot() as NSString).appendingPathComponent("pipelines/sample.yml")
        let sampleInputs = (packageRoot() as NSString).appendingPathComponent("inputs/sample/pupils.csv")
        if FileManager.default.fileExists(atPath: sampleInputs) { list.append((sample, try makeTemporaryFolder("privacy-sample"))) }
        let trial = try TrialTrust(schools: 3, pupilsPerSchool: 6)
        list.append((trial.pipeline, trial.output))
        for fixture in ["ks2", "phonics", "attendance"] where FileManager.default.fileExists(atPath: fixturePath("\(fixture)/pipeline.yml")) {
            list.append((fixturePath("\(fixture)/pipeline.yml"), try makeTemporaryFolder("privacy-\(fixture)")))
        }
        return list
    }

    func run(_ pipeline: String, output: String, pseudonymise: Bool = false, key: String? = nil) throws -> TrustDataset {
        var config = try PipelineConfig.load(path: pipeline)
        config.output = output
        config.settings.pseudonymise = pseudonymise
        if let key { config.settings.pseudonymiseKey = key }
        try PipelineRunner(config: config, pipelinePath: pipeline, threads: 2).run()
        return try ImportStage(config: config).run() // the real roster, for the scan
    }

    @Test func eachSchoolWorkbookHoldsOnlyItsOwnPupils() throws {
        for (pipeline, output) in try Self.pipelines() {
            let dataset = try run(pipeline, output: output)
            // Everyone any input names: the roster and each slice's pupil rows.
            var pupils = dataset.roster.pupils.map { Identity(urn: $0.urn, upn: $0.upn, surname: $0.surname, forename: $0.forename) }
            pupils += dataset.ks2?.pupils.map { Identity(urn: $0.urn, upn: $0.upn, surname: $0.surname, forename: $0.forename) } ?? []
            pupils += dataset.phonics?.records.map { Identity(urn: $0.urn, upn: $0.upn, surname: $0.surname ?? "", forename: $0.forename ?? "") } ?? []
            pupils += dataset.attendance?.tallies.map { Identity(urn: $0.urn, upn: $0.upn, surname: "", forename: "") } ?? []
            #expect(!pupils.isEmpty)
            let config = try PipelineConfig.load(path: pipeline)
            for school in dataset.register.schools {
                let path = output + "/schools/" + OutputStage.schoolWorkbookName(school)
                let cells = try IndependentReader.read(path).sheets.flatMap(\.allText)
                let own = pupils.filter { $0.urn == school.urn }
                let ownNames = Set(own.flatMap { [$0.surname, $0.forename] })
                // Two schools can each have a Hannah Young: a full name shared with one of this school's
                // own pupils is not evidence of a leak; a UPN always is.
                let ownFull = Set(own.flatMap { ["\($0.surname), \($0.forename)", "\($0.forename) \($0.surname)"] })
                let ownUPNs = Set(own.map(\.upn))
                let all = cells.joined(separator: "\u{1}") // one search per pupil; cells looked at only on a hit
                var checked: Set<String> = []
                for other in pupils where other.urn != school.urn && !ownUPNs.contains(other.upn) {
                    guard checked.insert("\(other.upn)|\(other.surname)|\(other.forename)").inserted else { continue }
                    guard all.contains(other.upn) || (other.surname.count > 2 && all.contains(other.surname)) else { continue }
                    let leaks = cells.filter { cell in
                        cell.contains(other.upn)
                            || (other.surname.count > 2 && !ownNames.contains(other.surname) && cell.trimmingCharacters(in: .whitespaces) == other.surname)
                            || (other.surname.count > 2 && !ownFull.contains("\(other.surname), \(other.forename)")
                                && (Self.containsWord(cell, "\(other.surname), \(other.forename)") || Self.containsWord(cell, "\(other.forename) \(other.surname)")))
                    }
                    #expect(leaks.isEmpty, "\(OutputStage.schoolWorkbookName(school)) shows a pupil of school \(other.urn) (UPN \(other.upn))")
                }
            }
            if !config.settings.pupilLevelInTrust {
                let trustCells = try IndependentReader.read(output + "/trust.xlsx").sheets.flatMap(\.allText)
                let upns = Set(pupils.map(\.upn))
                let leaks = trustCells.filter { cell in upns.contains { cell.contains($0) } }
                #expect(leaks.isEmpty, "trust.xlsx has pupil-level rows though pupil_level_in_trust is false")
            }
        }
    }

    /// With `pupil_level_in_trust: true` the trust workbook may name rows by UPN; by default it does not.
    @Test func trustDataQualityShowsUPNsOnlyWhenAllowed() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 3)
        let roster = try String(contentsOfFile: trial.folder + "/pupils.csv", encoding: .utf8)
        let upn = TrialTrust.upn(school: 1, pupil: 0)
        try (roster + "2024/25,200001,\(upn),Dup,Row,01/01/2014,F,6,Y,N,N\n").write(toFile: trial.folder + "/pupils.csv", atomically: true, encoding: .utf8)
        for allowed in [false, true] {
            var config = try PipelineConfig.load(path: trial.pipeline)
            config.settings.pupilLevelInTrust = allowed
            try PipelineRunner(config: config, pipelinePath: trial.pipeline, threads: 1).run()
            let trustText = try IndependentReader.read(trial.output + "/trust.xlsx").sheets.flatMap(\.allText)
            #expect(trustText.contains { $0.contains(upn) } == allowed, "pupil_level_in_trust: \(allowed)")
            let school = try IndependentReader.read(trial.output + "/schools/200001-trial-school-1.xlsx").sheets.flatMap(\.allText)
            #expect(school.contains { $0.contains(upn) }, "the school's own workbook names the rejected row")
        }
    }

    @Test func pseudonymisedRunHasNoRealUPNsOrNames() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 5)
        // One bad row, so data-quality.csv reports a UPN.
        let roster = try String(contentsOfFile: trial.folder + "/pupils.csv", encoding: .utf8)
        let upn = TrialTrust.upn(school: 0, pupil: 0)
        try (roster + "2024/25,200000,\(upn),Dup,Licate,01/01/2014,F,6,Y,N,N\n").write(toFile: trial.folder + "/pupils.csv", atomically: true, encoding: .utf8)
        let key = "a-test-key-of-enough-length"
        let dataset = try run(trial.pipeline, output: trial.output, pseudonymise: true, key: key)
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: trial.output + "/schools") {
            texts += try IndependentReader.read(trial.output + "/schools/" + name).sheets.flatMap(\.allText)
        }
        texts += try IndependentReader.read(trial.output + "/trust.xlsx").sheets.flatMap(\.allText)
        let dq = try String(contentsOfFile: trial.output + "/data-quality.csv", encoding: .utf8)
        for file in ["measures.csv", "data-quality.csv", "run-report.json"] {
            texts.append(try String(contentsOfFile: trial.output + "/" + file, encoding: .utf8))
        }
        for pupil in dataset.roster.pupils {
            #expect(!texts.contains { $0.contains(pupil.upn) || $0.contains(pupil.forename) || $0.contains(pupil.surname) },
                    "pupil \(pupil.upn) appears in a pseudonymised output")
        }
        #expect(!texts.contains { $0.contains(key) }, "the key is never written out")
        let pseudonym = Pseudonymiser(key: key).upn(upn)
        #expect(pseudonym.count == 13 && pseudonym.hasPrefix("P"))
        #expect(dq.contains(pseudonym), "the rejected row is reported under its pseudonym")

        // Stable across runs with the same key; different under another key.
        #expect(Pseudonymiser(key: key).upn(upn) == pseudonym)
        #expect(Pseudonymiser(key: key + "x").upn(upn) != pseudonym)
        #expect(Pseudonymiser(key: key).forename(forUPN: upn) == Pseudonymiser(key: key).forename(forUPN: upn.lowercased()))
    }

    @Test func pseudonymisingWithoutAKeyIsRefusedBeforeAnythingIsWritten() throws {
        let trial = try TrialTrust(schools: 1, pupilsPerSchool: 2)
        let result = try runTrustdata(["run", trial.pipeline, "--pseudonymise"], environment: [Pseudonymiser.keyVariable: ""])
        #expect(result.status != 0)
        #expect(result.err.contains(Pseudonymiser.keyVariable) && result.err.contains("pseudonymise_key"))
        #expect(!FileManager.default.fileExists(atPath: trial.output))

        let withKey = try runTrustdata(["run", trial.pipeline, "--pseudonymise"], environment: [Pseudonymiser.keyVariable: "0123456789abcdef-key"])
        #expect(withKey.status == 0, "\(withKey.err.suffix(300))")
        let dq = try String(contentsOfFile: trial.output + "/measures.csv", encoding: .utf8)
        #expect(!dq.isEmpty)
    }

    /// Text from an input that looks like a formula is written as text: a spreadsheet shows it, never runs it.
    @Test func inputTextIsNeverAFormula() throws {
        let trial = try TrialTrust(schools: 4, pupilsPerSchool: 2)
        let evil = ["=HYPERLINK(A1)", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]
        var register = "urn,school_name,la_name,phase,capacity\n"
        for (s, name) in evil.enumerated() { register += "\(TrialTrust.urn(s)),\(name),=1+1,Primary,100\n" }
        try register.write(toFile: trial.folder + "/schools.csv", atomically: true, encoding: .utf8)
        try PipelineRunner(config: try PipelineConfig.load(path: trial.pipeline), pipelinePath: trial.pipeline, threads: 1).run()
        var paths = [trial.output + "/trust.xlsx"]
        paths += try FileManager.default.contentsOfDirectory(atPath: trial.output + "/schools").map { trial.output + "/schools/" + $0 }
        var seen = 0
        for path in paths {
            for sheet in try IndependentReader.read(path).sheets {
                for (ref, cell) in sheet.cells {
                    #expect(cell.type != "f", "\((path as NSString).lastPathComponent) \(sheet.name)!\(ref) is a formula")
                    if let text = cell.value?.string, evil.contains(where: { text.contains($0) }) {
                        seen += 1
                        #expect(cell.type == "s")
                    }
                }
            }
        }
        #expect(seen >= evil.count, "every school's name appears as text somewhere")
    }

    /// Progress and errors name files, lines and counts, never a pupil; UPNs only in data-quality rows.
    @Test func logsNeverPrintPupilNames() throws {
        let trial = try TrialTrust(schools: 2, pupilsPerSchool: 4)
        var roster = try String(contentsOfFile: trial.folder + "/pupils.csv", encoding: .utf8)
        roster += "2024/25,200000,\(TrialTrust.upn(school: 0, pupil: 0)),Secretname,Hiddenname,31/02/2014,F,6,Y,N,N\n"
        roster += "2024/25,200001,A000000000000,Othersecret,Otherhidden,01/01/2014,X,6,Y,N,N\n"
        try roster.write(toFile: trial.folder + "/pupils.csv", atomically: true, encoding: .utf8)
        let result = try runTrustdata(["run", trial.pipeline])
        #expect(result.status == 0)
        let printed = result.out + result.err
        #expect(printed.contains("rejected"))
        for s in 0..<2 { for p in 0..<4 {
            #expect(!printed.contains(TrialTrust.surname(school: s, pupil: p)) && !printed.contains(TrialTrust.forename(school: s, pupil: p)))
        } }
        for secret in ["Secretname", "Hiddenname", "Othersecret", "Otherhidden"] { #expect(!printed.contains(secret)) }
        // A fatal error in the pupils file: the message names headings, not pupils.
        try ("academic_year,urn,surname\n2024/25,200000,Secretname\n").write(toFile: trial.folder + "/pupils.csv", atomically: true, encoding: .utf8)
        let fatal = try runTrustdata(["run", trial.pipeline])
        #expect(fatal.status != 0 && fatal.err.contains("pupils.csv"))
        #expect(!fatal.err.contains("Secretname"))
    }
}
