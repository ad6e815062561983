import Foundation
import Testing
@testable import TrustData

/// Two runs into one output folder at once: the second is refused with advice and leaves the first
/// run's staging folder alone (it would otherwise clear it as a failed run's leftovers).
@Suite struct OutputLockTests {
    @Test func aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstWrites() throws {
        let out = try makeTemporaryFolder()
        let first = try OutputStaging.begin(output: out, subfolders: ["schools"])
        try Data("staged".utf8).write(to: URL(fileURLWithPath: first.path("schools/a.xlsx")))

        #expect(throws: OutputError.busy(path: out)) {
            _ = try OutputStaging.begin(output: out, subfolders: ["schools"])
        }
        #expect(FileManager.default.fileExists(atPath: first.path("schools/a.xlsx")))
        #expect(OutputError.busy(path: out).description.contains("Another trustdata run is writing to \(out)"))

        try first.commit(["schools/a.xlsx"])
        #expect(try String(contentsOfFile: out + "/schools/a.xlsx", encoding: .utf8) == "staged")
    }

    @Test func theLockIsReleasedWhenTheRunEnds() throws {
        let out = try makeTemporaryFolder()
        do {
            let first = try OutputStaging.begin(output: out, subfolders: [])
            first.discard()
        }
        let second = try OutputStaging.begin(output: out, subfolders: [])
        second.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
