import Foundation
import Testing
@testable import TrustData

/// Seeded mutation fuzzing of every importer: mutated CSVs must never crash or hang an importer, a
/// broken file must end in an `ImportError` (never any other error), and a file that is read must
/// reconcile (rows read = accepted + rejected, every rejection with a line).
///
/// The suite runs `TRUSTDATA_FUZZ_ITERATIONS` cases per importer (default 600, about two seconds for all importers).
/// For a long run by hand:
///     TRUSTDATA_FUZZ_ITERATIONS=20000 TRUSTDATA_FUZZ_SEED=7 swift test --filter FuzzImportTests
/// A failure prints the seed and case number; the same seed replays it exactly.
@Suite struct FuzzImportTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["TRUSTDATA_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600
    }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["TRUSTDATA_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x7275_7374_6461_7461
    }

    @Test(.timeLimit(.minutes(10)), arguments: CorpusImporter.allCases)
    func mutatedInputs(_ importer: CorpusImporter) throws {
        let dir = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = SplitMix64(seed: Self.seed &+ UInt64(CorpusImporter.allCases.firstIndex(of: importer)!))
        let seedBytes = Array(importer.validSeed.utf8)
        // The seed itself is valid: mutations start from a file every row of which is accepted.
        try Data(seedBytes).write(to: URL(fileURLWithPath: dir + "/seed.csv"))
        let clean = try importer.read(dir + "/seed.csv")
        #expect(clean.stats.rowsRead > 1 && clean.stats.rowsRejected == 0, "\(importer) seed: \(clean.issues.map(\.message))")
        var (read, refused, slowest) = (0, 0, 0.0)
        for n in 0..<Self.iterations {
            let bytes = CSVMutator.mutate(seedBytes, rng: &rng, rounds: Int.random(in: 1...6, using: &rng))
            let path = dir + "/case-\(n).csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let started = Date()
            do {
                let outcome = try importer.read(path)
                read += 1
                #expect(outcome.stats.reconciles, "case \(n) (seed \(Self.seed)): \(outcome.stats)")
                #expect(outcome.issues.filter { $0.severity == .rejected }.count == outcome.stats.rowsRejected,
                        "case \(n) (seed \(Self.seed)): one issue per rejected row")
                #expect(outcome.issues.allSatisfy { $0.severity != .rejected || $0.line != nil })
            } catch is ImportError {
                refused += 1
            } catch {
                Issue.record("case \(n) (seed \(Self.seed)): not an ImportError: \(error)")
            }
            let seconds = Date().timeIntervalSince(started)
            slowest = max(slowest, seconds)
            #expect(seconds < 5, "case \(n) (seed \(Self.seed)) took \(seconds) s: a near-hang")
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(read + refused == Self.iterations)
        print("fuzz \(importer): \(Self.iterations) cases, \(read) read, \(refused) refused, slowest \(String(format: "%.3f", slowest)) s")
    }
}
