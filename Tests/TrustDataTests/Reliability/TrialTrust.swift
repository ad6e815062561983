import Foundation
@testable import TrustData

/// A generated trust of any size in a temporary folder (schools, pupils, pipeline file), for tests
/// that need a run to take a while or to span many schools.
struct TrialTrust {
    let folder: String
    let schools: Int
    let pupilsPerSchool: Int

    var pipeline: String { folder + "/pipeline.yml" }
    var output: String { folder + "/out" }

    static func urn(_ s: Int) -> String { String(200000 + s) }
    static func upn(school s: Int, pupil p: Int) -> String {
        let rest = String(format: "%03d%04d%05d", 881, s, p)
        return String(UPN.checkLetter(for: Array(rest))) + rest
    }
    static func surname(school s: Int, pupil p: Int) -> String { "Surname\(s)x\(p)" }
    static func forename(school s: Int, pupil p: Int) -> String { "Forename\(s)y\(p)" }

    init(schools: Int, pupilsPerSchool: Int, variant: Int = 0, extraPipeline: String = "", name: String = #function) throws {
        folder = try makeTemporaryFolder(name)
        self.schools = schools
        self.pupilsPerSchool = pupilsPerSchool
        try write(variant: variant, extraPipeline: extraPipeline)
    }

    /// Rewrites the inputs; a different `variant` changes the figures but not the file names.
    func write(variant: Int, extraPipeline: String = "") throws {
        var register = "urn,school_name,la_name,phase,capacity\n"
        var roster = "academic_year,urn,upn,surname,forename,date_of_birth,gender,year_group,disadvantaged,sen,eal\n"
        for s in 0..<schools {
            register += "\(Self.urn(s)),Trial School \(s),Essex,Primary,\(300 + variant)\n"
            for p in 0..<pupilsPerSchool {
                let dob = String(format: "%02d/%02d/2014", 1 + p % 28, 1 + p % 12)
                roster += "2024/25,\(Self.urn(s)),\(Self.upn(school: s, pupil: p)),\(Self.surname(school: s, pupil: p)),\(Self.forename(school: s, pupil: p)),\(dob),\(p % 2 == 0 ? "F" : "M"),6,\((p + variant) % 3 == 0 ? "Y" : "N"),\(["N", "K", "E"][p % 3]),\(p % 4 == 0 ? "Y" : "N")\n"
            }
        }
        try register.write(toFile: folder + "/schools.csv", atomically: true, encoding: .utf8)
        try roster.write(toFile: folder + "/pupils.csv", atomically: true, encoding: .utf8)
        try """
        version: 1
        name: trial
        trust: Trial Trust
        academic_year: 2024/25
        output: out
        inputs:
          schools: schools.csv
          pupils: pupils.csv
        \(extraPipeline)
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
    }

    /// Every visible output file (relative path → bytes) under the output path (a link to the current
    /// run's folder); hidden leftovers are listed separately.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: output).resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = e.nextObject() as? String {
            let full = root + "/" + relative
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            if !isFolder.boolValue && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    /// What runs left beside the current one: run folders other than the one `out` points at, link
    /// files of an unfinished switch, hidden names inside the current run's folder.
    func leftovers() -> [String] {
        let fm = FileManager.default
        let current = (try? fm.destinationOfSymbolicLink(atPath: output)).map { ($0 as NSString).lastPathComponent }
        let runs = ((try? fm.contentsOfDirectory(atPath: folder + "/.out.runs")) ?? []).filter { $0 != current }.map { ".out.runs/" + $0 }
        let top = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".out.") && $0 != ".out.runs" }
        let inside = ((try? fm.contentsOfDirectory(atPath: output)) ?? []).filter { $0.hasPrefix(".") }.map { "out/" + $0 }
        let schools = ((try? fm.contentsOfDirectory(atPath: output + "/schools")) ?? []).filter { $0.hasPrefix(".") }.map { "out/schools/" + $0 }
        return (runs + top + inside + schools).sorted()
    }
}

/// The built `trustdata` command (`swift test` builds every product first).
func trustdataBinary() throws -> String {
    let root = packageRoot()
    for candidate in [".build/debug/trustdata", ".build/x86_64-unknown-linux-gnu/debug/trustdata", ".build/aarch64-unknown-linux-gnu/debug/trustdata"] {
        let path = (root as NSString).appendingPathComponent(candidate)
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    struct Missing: Error, CustomStringConvertible { var description: String }
    throw Missing(description: "no built trustdata under \(root)/.build/debug; run `swift build` (swift test builds it)")
}

/// Runs the CLI to the end: exit status, stdout, stderr.
@discardableResult
func runTrustdata(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try trustdataBinary())
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently-enough: stderr is small progress text, stdout a summary.
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
